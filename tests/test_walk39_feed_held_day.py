"""A meeting held with no planned date (walk 39 F9): minutes «holdt 25. november» (or a political treatment
«behandlet 15. desember») put «Ferdig 25.11.2026» in `status` and on the page, but the calendar feed had only the
deadline, so a subscriber's calendar never showed the day it was held; it now has the held day as an event."""

from __future__ import annotations

import os
import re

from adapters.web.ics import render_ics
from tests.driver import make_bot, oslo


def _events(bot, *, feed: str) -> list[str]:  # type: ignore[no-untyped-def]
    address = bot.say("kalender", as_="kari", channel="agder").text
    token = re.search(r"/kalender/agder\.ics\?token=([\w-]+)", address)
    assert token is not None, address
    found = bot.core.calendar(feed=feed, token=token.group(1), environ=os.environ)
    assert found is not None
    body = render_ics(title=found.title, events=found.events, now=found.now, tz_name=found.tz_name).decode()
    return [block.replace("\r\n ", "") for block in body.split("BEGIN:VEVENT")[1:]]


def test_a_meeting_held_without_a_plan_is_on_its_held_day() -> None:
    bot = make_bot(at=oslo(2027, 1, 12, 10, 0))
    assert bot.say("referat høst agder 2026 Godt møte, holdt 25. november bekreft", as_="kari", channel="agder").ok
    assert bot.say("referat politisk agder 2027 behandlet i fylkestinget 15. desember", as_="kari").ok
    events = _events(bot, feed="agder")
    held = [e for e in events if "SUMMARY:✓ Administrativt dialogmøte høst 2026" in e]
    assert len(held) == 1 and "DTSTART;VALUE=DATE:20261125" in held[0], held
    treated = [e for e in events if "SUMMARY:✓ Politisk behandling av utkast til samarbeidsavtale 2027" in e]
    assert len(treated) == 1 and "DTSTART;VALUE=DATE:20261215" in treated[0], treated
    assert "Ferdig (holdt) 25. november 2026" in bot.say("status agder 2026", as_="kari").text  # the same day


def test_a_meeting_not_held_has_no_such_event() -> None:
    bot = make_bot(at=oslo(2027, 1, 12, 10, 0))
    events = _events(bot, feed="agder")
    assert not [e for e in events if "SUMMARY:✓ Administrativt dialogmøte høst 2026" in e]
    assert [e for e in events if "Frist: Administrativt dialogmøte høst 2026" in e]
