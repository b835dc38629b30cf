"""`oversikt` with 100 organisations: pages that fit every platform, and every region on exactly one page."""

from __future__ import annotations

from adapters.slack.render import MAX_MESSAGE_BLOCKS, render_blocks
from adapters.teams.cards import render_card
from adapters.teams.fit import BUDGET_BYTES, activity_bytes
from bench.history import organisations_text
from bot.model.config import parse_config
from handlers.overview import PAGE_REGIONS
from tests.driver import make_bot
from tests.helpers import assert_refused


def _bot():
    config = parse_config(organisations_text(100))  # the demo's 15 regions and 85 synthetic ones
    assert len(config.parties.regions) == 100
    return make_bot(config=config)


def test_a_hundred_regions_page_through_oversikt_within_slack_and_teams_limits() -> None:
    bot = _bot()
    pages = -(-100 // PAGE_REGIONS)
    seen: list[str] = []
    for page in range(1, pages + 1):
        reply = bot.say(f"oversikt 2027 side {page}" if page > 1 else "oversikt 2027", as_="aud")
        assert reply.ok, reply.text
        assert f"Side {page} av {pages}" in reply.text
        blocks = render_blocks(reply)
        assert len(blocks) <= MAX_MESSAGE_BLOCKS and "forkortet" not in str(blocks)
        assert activity_bytes(render_card(reply)) <= BUDGET_BYTES
        titles = [section.title for section in reply.sections]
        assert ("Nasjonalt" in titles) == (page == 1)
        seen += [t for t in titles if t and t != "Nasjonalt" and not t.startswith("Forberedelse")]
        if page < pages:
            assert [b.command for b in reply.buttons if b.command.startswith("oversikt")] == [
                f"oversikt 2027 side {page + 1}"
            ]
            assert f"«oversikt 2027 side {page + 1}»" in reply.text
    assert len(seen) == 100 and len(set(seen)) == 100
    assert_refused(bot, f"oversikt side {pages + 1}", as_="aud", contains=f"{pages} sider")


def test_fifteen_regions_stay_on_one_page() -> None:
    bot = make_bot()
    reply = bot.say("oversikt 2027", as_="aud")
    assert "Side 1" not in reply.text and not [b for b in reply.buttons if "side" in b.command]
    assert bot.say("oversikt 2027 side 1", as_="aud").text == reply.text
