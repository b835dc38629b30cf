"""Batch 19's families (issue 18), with phrases of their own: the wrong dates its first run and probes found — a
year read from inside a word («i juli 2028» was «i jul» + «i 2028», Christmas 2028; «etter juli 2028» the Monday
after New Year), a four-digit time after 21:00 read as a year («29.10. 2359» was the year 2359) — and the refusals
that now read: Sogn and Bergen forms («tosdag», «i overmårå», «i dag åtte dagar»), a pasted Teams invitation's own
lines («Microsoft Teams-møte», «Bli med på datamaskinen …», «Møte-ID: …»), a signed PDF's footer with the signer's
name before the day, and Oslo named as the zone («(Oslo)», «Oslo time»).

Expected dates are written out by hand from a calendar (21 October 2027 is a Thursday, 9 December 2026 a
Wednesday), not computed with the code.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from bot.clock import OSLO
from bot.dates.grammar import ParsedDate, read_date
from tests.driver import make_bot, oslo
from tests.test_date_gaps import at

FRI = datetime(2027, 10, 15, 15, 40, tzinfo=OSLO)  # a Friday afternoon
TUE = datetime(2027, 7, 6, 11, 0, tzinfo=OSLO)  # July
THU = datetime(2026, 11, 26, 14, 0, tzinfo=OSLO)

READS: list[tuple[str, datetime, tuple[datetime, bool]]] = [
    # a year never starts inside a word
    ("22. april 2028", TUE, at(2028, 4, 22)),
    ("i jula 2028", TUE, at(2028, 12, 24)),
    ("etter jul 2028", TUE, at(2028, 1, 3)),
    # 2100-2359 after a date is a time; 2000-2099 stays a year
    ("29.10. 2359", FRI, at(2027, 10, 29, 23, 59)),
    ("29. oktober 2130", FRI, at(2027, 10, 29, 21, 30)),
    ("29.10 1800-2200", FRI, at(2027, 10, 29, 18)),
    ("fredag 2145", FRI, at(2027, 10, 22, 21, 45)),
    ("29.10 2028", FRI, at(2028, 10, 29)),
    # Sogn and Bergen
    ("på tosdag", FRI, at(2027, 10, 21)),
    ("tosdag 21.10 kl 10", FRI, at(2027, 10, 21, 10)),
    ("tossdag 21. oktober", FRI, at(2027, 10, 21)),
    ("tisdag 26.10", FRI, at(2027, 10, 26)),
    ("i overmårå", FRI, at(2027, 10, 17)),
    ("i dag åtte dagar", TUE, at(2027, 7, 13)),
    ("i dag 14 dager kl 10", FRI, at(2027, 10, 29, 10)),
    # a pasted Teams invitation and a signed footer
    (
        "Microsoft Teams-møte\nonsdag 9. desember 2026 09:00–10:00\n"
        "Bli med på datamaskinen, mobilappen eller rommets enhet\nKlikk her for å bli med i møtet",
        THU,
        at(2026, 12, 9, 9),
    ),
    ("Microsoft Teams-møte\n12.11.2027 10:00\nMøte-ID: 345 678 901 12\nPassord: 1211", FRI, at(2027, 11, 12, 10)),
    (
        "tirsdag 9. november 2027 10:00-11:00\nMicrosoft Teams-møte\nKlikk her for å bli med i møtet\n"
        "Møte-ID: 345 678 901 12\nRing inn (kun lyd)\n+47 21 40 12 34,,123456789#   Norge, Oslo\n"
        "ID for telefonkonferanse: 123 456 789#\nFinn et lokalt nummer | Tilbakestill PIN-kode",
        FRI,
        at(2027, 11, 9, 10),
    ),
    (
        "Microsoft Teams meeting\nJoin on your computer, mobile app or room device\nMeeting ID: 345 678 901 12\n"
        "Passcode: aB3x\nNeed help?\nTue 9 Nov 2027 10:00 - 11:00 (CET)",
        FRI,
        at(2027, 11, 9, 10),
    ),
    ("Signert elektronisk av Kari Nordmann 21.12.2026 kl. 14:32", THU, at(2026, 12, 21, 14, 32)),
    # Oslo as the zone, never «i Oslo» as a place cut short
    ("27. januar 2027 kl. 10:00 - 12:00 (Oslo)", THU, at(2027, 1, 27, 10)),
    ("27 January 2027, 10:00-12:00 Oslo time", THU, at(2027, 1, 27, 10)),
    ("12.11 i Oslo", FRI, at(2027, 11, 12)),
]

NOT_READ: list[tuple[str, datetime]] = [
    ("etter juli 2028", TUE),  # never the Monday after New Year 2028
    ("jonsoki 2028", TUE),
    ("tosdag 29.10", FRI),  # 29 October 2027 is a Friday: asked, as any weekday that does not fit
    ("Microsoft Teams-møte\nMøte-ID: 345 678 901\nPassord: x7Y", FRI),  # the meeting ID is no date
    ("Signert av Kari Nordmann", FRI),
    ("12.11 kl 10 (London)", FRI),  # another zone's city stays in and is refused
    ("i helga", FRI),  # Saturday or Sunday: two days
]


@pytest.mark.parametrize(("text", "now", "expected"), READS)
def test_batch19_forms_read(text: str, now: datetime, expected: tuple[datetime, bool]) -> None:
    found = read_date(text, now=now)
    assert isinstance(found, ParsedDate), text
    assert (found.when, found.has_time) == expected


def test_i_juli_with_a_year_is_that_july() -> None:
    found = read_date("i juli 2028", now=TUE)
    assert isinstance(found, ParsedDate)
    assert (found.when, found.month_only) == (datetime(2028, 7, 1, tzinfo=OSLO), True)


@pytest.mark.parametrize(("text", "now"), NOT_READ)
def test_batch19_forms_not_read(text: str, now: datetime) -> None:
    assert not isinstance(read_date(text, now=now), ParsedDate), text


def test_dato_never_saves_christmas_for_i_juli() -> None:
    bot = make_bot(at=oslo(2027, 7, 6, 11))
    before = bot.snapshot()
    reply = bot.say("dato høst i juli 2028", as_="kari", channel="agder")
    assert "desember" not in reply.text, reply.text
    assert bot.snapshot() == before
