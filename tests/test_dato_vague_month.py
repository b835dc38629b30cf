"""A part of a month typed to `dato` («midten av november», «første veka i desember») is asked about, and the day
the question offers to save («Lagre likevel») is a working day inside what was typed, as is its example day; a
week phrase is answered as a week (walk8 N1, m9). Both written forms, for every part of a month."""

from __future__ import annotations

import re
from datetime import date, datetime

import pytest

from bot.dates.workdays import is_working_day
from tests.driver import make_bot, oslo

CASES = [
    # (typed, first and last day the phrase covers)
    ("midten av november", date(2026, 11, 11), date(2026, 11, 20)),  # the 15th is a Sunday
    ("slutten av november", date(2026, 11, 21), date(2026, 11, 30)),
    ("første veka i desember", date(2026, 12, 1), date(2026, 12, 7)),
    ("første uka i desember", date(2026, 12, 1), date(2026, 12, 7)),
    ("siste uka i november", date(2026, 11, 24), date(2026, 11, 30)),
    ("slutten av desember", date(2026, 12, 21), date(2026, 12, 31)),  # Christmas and nyttårsaften in it
    ("starten av november", date(2026, 11, 1), date(2026, 11, 10)),  # 1 November is a Sunday
    ("i løpet av desember", date(2026, 12, 1), date(2026, 12, 31)),
]
SEATS = [("kari", "agder", "høst", "bekreft", "Ikke lagret"), ("per", "vestland", "haust", "stadfest", "Ikkje lagra")]


@pytest.mark.parametrize(("typed", "first", "last"), CASES)
@pytest.mark.parametrize(("who", "channel", "meeting", "confirm", "not_saved"), SEATS)
def test_the_offered_day_is_a_working_day_inside_what_was_typed(
    typed: str, first: date, last: date, who: str, channel: str, meeting: str, confirm: str, not_saved: str
) -> None:
    bot = make_bot(at=oslo(2026, 11, 5, 9, 0))
    before = bot.snapshot()
    reply = bot.say(f"dato {meeting} {typed}", as_=who, channel=channel)
    assert bot.snapshot() == before and reply.text.startswith(("Hvilken dag?", "Kva dag?")), reply.text
    assert not_saved in reply.text
    (button,) = reply.buttons
    iso = re.search(r"([0-9]{4}-[0-9]{2}-[0-9]{2})", button.command)
    assert iso is not None and button.command.endswith(f" {confirm}")
    offered = date.fromisoformat(iso.group(1))
    assert first <= offered <= last and is_working_day(offered, days_off={(12, 24), (12, 31)}), offered
    example = re.search(rf"«dato {meeting} ([0-9]{{1,2}})\. (november|desember)»", reply.text)
    assert example is not None, reply.text
    shown = date(2026, 11 if example.group(2) == "november" else 12, int(example.group(1)))
    assert first <= shown <= last and is_working_day(shown), reply.text
    week = "veka" in typed or "uka" in typed
    said = ("er en uke", "er ei veke") if week else ("er en måned", "er ein månad")
    assert any(words in reply.text for words in said), reply.text
    saved = bot.say(button.command, as_=who, channel=channel)
    assert saved.title.startswith(("Dato satt", "Dato sett")), saved.text
    partition = f"cycle/{channel}/2026"
    stored = bot.tables(partition)["milestones"]["regional-autumn"]["planned"]
    assert datetime.fromisoformat(stored).date() == offered


def test_a_typed_bekreft_saves_the_same_working_day() -> None:
    bot = make_bot(at=oslo(2026, 11, 5, 9, 0))
    bot.say("dato høst midten av november bekreft", as_="kari", channel="agder")
    stored = bot.tables("cycle/agder/2026")["milestones"]["regional-autumn"]["planned"]
    assert datetime.fromisoformat(stored).date() == date(2026, 11, 16)  # Monday, not Sunday the 15th
