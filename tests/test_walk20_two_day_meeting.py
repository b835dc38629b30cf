"""walk 20 F-a: a meeting over two days is named by both its days on every surface, before it and once it is
over: the region page, the national page, the feed's status line and `oversikt` («22.04–23.04»), as chat
says «22.–23. april»; not its first day while planned and its last day once over. The feed keeps its days
busy (no TRANSP:TRANSPARENT, which Outlook shows as free time); a deadline stays free."""

from __future__ import annotations

from datetime import date

import pytest
from icalendar import Calendar

from adapters.web.ics import render_ics
from bot.i18n import using
from bot.shown.status_data import national_page, region_page
from bot.shown.web_links import feed_by_name, token_of
from tests.driver import BotDriver, make_bot, oslo

CASES = [  # who, region, the meeting's name on the page, the state words once over
    ("kari", "agder", "Regionalt dialogmøte vår 2027", "møtet er over; referatet mangler", "nb"),
    ("per", "vestland", "Regionalt dialogmøte vår 2027", "møtet er over; referatet manglar", "nn"),
]


def _feed(bot: BotDriver, region: str) -> Calendar:
    feed = feed_by_name(bot.core.config, region)
    assert feed is not None
    view = bot.core.calendar(feed=region, token=token_of(bot.core.state, feed.link_id, environ={}), environ={})
    assert view is not None
    return Calendar.from_ical(render_ics(title="t", events=view.events, now=bot.clock.now(), tz_name=view.tz_name))


def _page_cell(bot: BotDriver, region: str, lang: str, today: date) -> str:
    with using(lang):  # type: ignore[arg-type]
        page = region_page(config=bot.core.config, state=bot.core.state, region=region, year=2027, today=today)
    [line] = [line for line in page.items if line.title.startswith("Regionalt dialogmøte vår")]
    return line.cell.text


@pytest.mark.parametrize(("person", "region", "name", "over", "lang"), CASES)
def test_both_days_on_every_surface_before_and_after(person: str, region: str, name: str, over: str, lang: str) -> None:
    bot = make_bot(at=oslo(2027, 3, 1, 10))
    assert bot.say("dato vår 22.-23. april kl 10", as_=person, channel=region).ok
    bot.set_time(2027, 4, 10, 10)
    assert "22.04.2027–23.04.2027" in _page_cell(bot, region, lang, date(2027, 4, 10))
    assert "Dialogmøte vår: 22.04–23.04\n" in bot.say("oversikt 2027", as_="aud", channel="nasjonal").text
    bot.set_time(2027, 4, 26, 10)
    cell = _page_cell(bot, region, lang, date(2027, 4, 26))
    assert cell == f"22.04.2027–23.04.2027: {over}", cell
    assert (
        "Dialogmøte vår: 22.04–23.04 · referat mangler" in bot.say("oversikt 2027", as_="aud", channel="nasjonal").text
    )
    national = national_page(config=bot.core.config, state=bot.core.state, year=2027, today=date(2027, 4, 26))
    row = next(row for row in national.regions if row.link == region)
    assert any("22.04.2027–23.04.2027" in cell.text for cell in row.cells), row
    events = [e for e in _feed(bot, region).walk("VEVENT") if "dialogmøte vår 2027" in str(e["SUMMARY"]).lower()]
    assert len(events) == 2, events
    for event in events:
        assert f"22.04.2027–23.04.2027: {over}" in str(event["DESCRIPTION"]), event["DESCRIPTION"]
    [meeting] = [e for e in events if "Frist" not in str(e["SUMMARY"])]
    assert "TRANSP" not in meeting, meeting  # the two days are busy time
    [deadline] = [e for e in events if "Frist" in str(e["SUMMARY"])]
    assert deadline["TRANSP"] == "TRANSPARENT"  # a deadline is not
