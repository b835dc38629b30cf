"""walk 20 F-h: a political treatment or an action plan whose planned day has passed with nothing recorded is
not «Planlagt» anywhere: `status`/`neste` («(vedtaket mangler)»), `oversikt` («10.12 · vedtak mangler»),
`årshjul`, the region page, the national page and the feed («◐ 10.12.2026: vedtaket mangler»), as the
digest says it («vedtaket var planlagt …») and as a meeting without minutes already reads. One fact
(`bot.facts.item_state.minutes_missing`), said in the item's words (`bot.shown.states.over_text`)."""

from __future__ import annotations

from datetime import date

import pytest

from adapters.web.ics import render_ics
from bot.i18n import using
from bot.shown.status_data import national_page, region_page
from bot.shown.web_links import feed_by_name, token_of
from tests.driver import BotDriver, make_bot, oslo

CASES = [  # who, region, the date command, the milestone's name, the day, «mangler», «planlagt»
    (
        "kari",
        "agder",
        "dato handlingsplan 10. desember",
        "Årlig handlingsplan vedtatt 2027",
        "10.12",
        "mangler",
        "Planlagt",
    ),
    (
        "per",
        "vestland",
        "dato handlingsplan 10. desember",
        "Årleg handlingsplan vedteken 2027",
        "10.12",
        "manglar",
        "Planlagd",
    ),
    (
        "kari",
        "agder",
        "dato politisk 10. desember bekreft",
        "Politisk behandling av utkast til samarbeidsavtale 2027",
        "10.12",
        "mangler",
        "Planlagt",
    ),
    (
        "per",
        "vestland",
        "dato politisk 10. desember stadfest",
        "Politisk handsaming av utkast til samarbeidsavtale 2027",
        "10.12",
        "manglar",
        "Planlagd",
    ),
]


def _dated(person: str, region: str, command: str) -> BotDriver:
    bot = make_bot(at=oslo(2026, 12, 1, 10))
    assert bot.say(command, as_=person, channel=region).ok
    return bot


def _feed_text(bot: BotDriver, region: str) -> str:
    feed = feed_by_name(bot.core.config, region)
    assert feed is not None
    view = bot.core.calendar(feed=region, token=token_of(bot.core.state, feed.link_id, environ={}), environ={})
    assert view is not None
    ics = render_ics(title="t", events=view.events, now=bot.clock.now(), tz_name=view.tz_name).decode()
    return ics.replace("\r\n ", "")


@pytest.mark.parametrize(("person", "region", "command", "name", "day", "missing", "planned"), CASES)
def test_a_decision_whose_day_passed_unrecorded_is_not_planned_anywhere(
    person: str, region: str, command: str, name: str, day: str, missing: str, planned: str
) -> None:
    bot = _dated(person, region, command)
    bot.set_time(2026, 12, 14, 10)
    for word in ("status 2027", "neste"):
        text = bot.say(word, as_=person, channel=region).text
        block = next(part for part in text.split("\n\n") if name in part.split("\n")[0] and "Frist" in part)
        assert f"(vedtaket {missing})" in block, block
    overview = bot.say("oversikt 2027", as_="aud", channel="nasjonal").text
    assert f"{day} · vedtak mangler" in overview, overview  # AU's overview is bokmål
    wheel = bot.say("årshjul 2026", as_=person, channel=region).text
    assert f"vedtaket {missing}" in wheel and "◐" in wheel, wheel
    with using("nn" if region == "vestland" else "nb"):
        page = region_page(
            config=bot.core.config, state=bot.core.state, region=region, year=2027, today=date(2026, 12, 14)
        )
    [line] = [line for line in page.items if name in line.title]
    assert line.cell.state == "minutes_missing" and f"{day}.2026: vedtaket {missing}" in line.cell.text, line
    assert planned not in line.cell.text
    national = national_page(config=bot.core.config, state=bot.core.state, year=2027, today=date(2026, 12, 14))
    row = next(row for row in national.regions if row.link == region)
    assert any(cell.state == "minutes_missing" and "vedtaket mangler" in cell.text for cell in row.cells), row
    feed = _feed_text(bot, region)
    event = next(block for block in feed.split("BEGIN:VEVENT") if name in block and "Frist" in block)
    assert f"{day}.2026: vedtaket {missing}" in event and planned not in event, event


def test_before_its_day_the_decision_is_still_planned() -> None:
    bot = _dated("kari", "agder", "dato handlingsplan 10. desember")
    bot.set_time(2026, 12, 9, 10)
    overview = bot.say("oversikt 2027", as_="aud", channel="nasjonal").text
    assert "Handlingsplan: 10.12\n" in overview and "10.12 · vedtak mangler" not in overview
    assert "Planlagt: torsdag 10. desember 2026\n" in bot.say("status 2027", as_="kari").text
