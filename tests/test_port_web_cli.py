"""The web pages, the calendar feeds and the CLI's own commands reach the core through the port alone
(`CorePort.calendar`, `.status_page`, `.picture`, `.receipt`, `.simulate`, `.chat_seat`, `.prepare_links`):
what they show is decided in the core, and they only render it."""

from __future__ import annotations

import ast
from datetime import date
from pathlib import Path

import pytest

from bot.port import UnknownRegion
from bot.shown.web_links import STATUS_NATIONAL, feed_by_name, status_link_id, token_of
from bot.shown.web_views import page_year
from tests.driver import BotDriver, make_bot, oslo
from tests.helpers import make_config

ROOT = Path(__file__).resolve().parent.parent
INSIDE = ("state", "config", "vocab", "store", "directory", "planner", "router", "replies")
ADAPTER_FILES = [*sorted((ROOT / "adapters" / "web").glob("*.py")), ROOT / "adapters" / "cli.py"]


def _reaches_inside(path: Path) -> list[str]:
    """`core.<inside>` anywhere in the file (`verify` too walks the history through the port)."""
    found = []
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Name)
            and node.value.id == "core"
            and node.attr in INSIDE
        ):
            found.append(f"{path.relative_to(ROOT)}:{node.lineno} core.{node.attr}")
    return found


@pytest.mark.parametrize("path", ADAPTER_FILES, ids=lambda p: p.name)
def test_web_and_cli_reach_the_core_through_the_port_only(path: Path) -> None:
    assert _reaches_inside(path) == []


def two() -> BotDriver:
    return make_bot(at=oslo(2027, 1, 18, 9), config=make_config(regions=("agder", "vestland")))


def test_a_status_page_opens_with_its_own_or_the_national_token_and_nothing_else() -> None:
    bot = two()
    state, env = bot.core.state, {}
    own, national = (
        token_of(state, status_link_id("vestland"), environ=env),
        token_of(state, STATUS_NATIONAL, environ=env),
    )
    view = bot.core.status_page(region="vestland", token=own, year=None, environ=env)
    assert view is not None and view.lang == "nn" and view.region == "vestland" and not view.national
    assert view.year == page_year(config=bot.core.config, typed=None, today=date(2027, 1, 18))
    by_national = bot.core.status_page(region="vestland", token=national, year="2026", environ=env)
    assert by_national is not None and by_national.national and by_national.year == 2026
    agder = token_of(state, status_link_id("agder"), environ=env)
    for region, token in (("vestland", agder), ("vestland", None), ("vestland", "x"), ("nowhere", national)):
        assert bot.core.status_page(region=region, token=token, year=None, environ=env) is None, (region, token)
    assert bot.core.status_page(region=None, token=own, year=None, environ=env) is None
    whole = bot.core.status_page(region=None, token=national, year=None, environ=env)
    assert whole is not None and whole.lang == "nb" and whole.regions == ("agder", "vestland")


def test_the_page_year_is_the_typed_one_near_today_else_the_cycle_chat_shows() -> None:
    config = make_config(regions=("agder", "vestland"))
    today = date(2027, 1, 18)
    fallback = page_year(config=config, typed=None, today=today)
    assert page_year(config=config, typed="2029", today=today) == 2029
    for typed in ("2033", "20x7", "٢٠٢٧", "", "99999"):
        assert page_year(config=config, typed=typed, today=today) == fallback, typed


def test_a_calendar_feed_opens_with_its_token_only() -> None:
    bot = two()
    feed = feed_by_name(bot.core.config, "agder")
    assert feed is not None
    token = token_of(bot.core.state, feed.link_id, environ={})
    view = bot.core.calendar(feed="agder", token=token, environ={})
    assert view is not None and view.name == "agder" and view.events and view.tz_name == bot.core.config.timezone
    assert bot.core.calendar(feed="agder", token="x", environ={}) is None
    assert bot.core.calendar(feed="nowhere", token=token, environ={}) is None


def test_receipt_and_simulate_name_an_unknown_region_before_doing_anything() -> None:
    bot = two()
    with pytest.raises(UnknownRegion) as raised:
        bot.core.receipt(region="atlantis", year=2027)
    assert raised.value.known == ("Agder", "Vestland")
    with pytest.raises(UnknownRegion):
        bot.core.simulate(start=date(2027, 1, 1), end=date(2027, 2, 1), region="atlantis")
    assert bot.core.receipt(region="Agder", year=2027).to_text()
    before = {p: bot.core.store.read(p) for p in bot.core.store.partitions()}
    posts = list(bot.core.simulate(start=date(2027, 1, 4), end=date(2027, 2, 5), region="vestland"))
    assert posts and all(post.digest.to for post in posts)
    assert {p: bot.core.store.read(p) for p in bot.core.store.partitions()} == before  # only a copy was written


def test_the_terminal_seat_is_the_core_s_answer() -> None:
    bot = two()
    user_id, channel = bot.core.chat_seat(platform="terminal", person=None, channel=None) or ("", "")
    assert user_id and channel
    assert bot.core.chat_seat(platform="terminal", person="ukjent", channel="her") == ("ukjent", "her")
