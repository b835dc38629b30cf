"""Batch 15's families (issue 18), with phrases of their own: the wrong dates its probes found — a number after a
spaced «/» or « - » taken as the year («14.9 kl 10 / 13» was 14 September 2013), «denne fredagen» typed on a Friday
read as a week on, dateparser asked about numbers and «kl» alone («4/2027 kl 10» was 4 October 2027) — and the
refusals that now read: a meeting's one-word name right before a date with its time («dialogmøte 12. januar kl 10»),
a question mark after a time ending its sentence, a day away after «elles» telling the busy days, «lille julaftan»,
«julekvelden»; and an evening's hour before 12 («i kveld kl 8»), read as 08.00 that day before.

Now is Friday 3 September 2027, 16:00 Oslo, unless a test says otherwise. Expected dates are written out by hand from
a calendar (14 September 2027 is a Tuesday, 1 December 2027 a Wednesday), not computed with the code.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from bot.clock import OSLO
from bot.dates.grammar import ParsedDate, read_date
from tests.driver import make_bot, oslo
from tests.helpers import assert_refused
from tests.test_date_gaps import at

FRI = datetime(2027, 9, 3, 16, 0, tzinfo=OSLO)
WED = datetime(2027, 9, 1, 10, 0, tzinfo=OSLO)

READS: list[tuple[str, datetime, tuple[datetime, bool]]] = [
    # «denne X» on the day X is today; another weekday is the coming one, as before
    ("denne fredagen", FRI, at(2027, 9, 3)),
    ("denne fredag", FRI, at(2027, 9, 3)),
    ("denne onsdagen", WED, at(2027, 9, 1)),
    ("denne fredagen", WED, at(2027, 9, 3)),
    ("fredag", FRI, at(2027, 9, 10)),  # a plain weekday typed on its day is still next week's
    # a year joined to its date stays one
    ("14.9.27 kl 10", FRI, at(2027, 9, 14, 10)),
    ("14/9-27", FRI, at(2027, 9, 14)),
    ("14.9. -27", FRI, at(2027, 9, 14)),
    ("14. 9. 2027", FRI, at(2027, 9, 14)),
    ("14.9 2028", FRI, at(2028, 9, 14)),
    # a meeting's one-word name right before a date with its clock time
    ("styremøte tirsdag 14.9 10:00", FRI, at(2027, 9, 14, 10)),
    ("Arbeidsmøte 14.9 09.00-15.30", FRI, at(2027, 9, 14, 9)),
    ("Samling 14.–15. september kl 10", FRI, at(2027, 9, 14, 10)),
    # a question mark after a time ends its sentence; a day away after «elles» tells the busy days
    ("Går det med tysdag 14. september kl 9? Eg er tilbake frå kurs då.", FRI, at(2027, 9, 14, 9)),
    ("Vi kan ta det onsdag 15.9 kl 12, ellers er jeg opptatt hele uka.", FRI, at(2027, 9, 15, 12)),
    # split and spoken names of Christmas Eve, the day before it and New Year's Eve
    ("lille julaftan", FRI, at(2027, 12, 23)),
    ("vesle julaften", FRI, at(2027, 12, 23)),
    ("julekvelden kl 15", FRI, at(2027, 12, 24, 15)),
    ("nyttårskvelden", FRI, at(2027, 12, 31)),
    # an evening's or an afternoon's hour before 12 is the afternoon's, never the morning's
    ("i kveld kl 8", FRI, at(2027, 9, 3, 20)),
    ("kl 7.30 i kveld", FRI, at(2027, 9, 3, 19, 30)),
    ("mandag ettermiddag kl 14", FRI, at(2027, 9, 6, 14)),
    ("i morgon tidleg kl 8", FRI, at(2027, 9, 4, 8)),
    ("i morgen kl 20", FRI, at(2027, 9, 4, 20)),
]


@pytest.mark.parametrize(("text", "now", "expected"), READS)
def test_batch15_forms_read(text: str, now: datetime, expected: tuple[datetime, bool]) -> None:
    found = read_date(text, now=now)
    assert isinstance(found, ParsedDate), text
    assert (found.when, found.has_time) == expected


NOT_READ = [
    # a number after a spaced «/» or « - » is no year (two hours, an alternative)
    "14.9 kl 10 / 13",
    "14.9 / 13",
    "14/9 kl 10 / 28",
    "14.9 kl 10 / 2028",
    "14.9 - 2028",
    # numbers and clock words alone are never dateparser's to read
    "4/2027 kl 10",
    "Styremøte 4/2027 kl 10",
    "12.2027 kl 3",
    # a meeting's name without a time, or a sentence after it, stays as before
    "dialogmøte 14. september",
    "dialogmøte 14.10",
    "fylkestinget 14. desember kl 10",
    "Styremøte 14.9 kl 10 ble avlyst",
    "formøte 13.9 kl 14, dialogmøte 14.9 kl 10",
    # «elles» without a day away is an alternative; a day away before it is the date's own
    "Vi kan møtast onsdag 15.9 kl 10, elles torsdag 16.9.",
    "Vi kan møtast onsdag 15.9 kl 10, elles neste veke.",
    "Eg er oppteken onsdag 15.9, elles går det fint.",
    "Passer det med tysdag 14. september kl 13? Eller onsdag?",
    "Passer tysdag 14. september kl 13? Ikkje 15. september.",
    # a range or a night hour in the evening, a morning with an afternoon's hour: not surely one time
    "i kveld kl 8-10",
    "i kveld kl 02",
    "i morgen tidlig kl 20",
    "mandag formiddag kl 15",
]


@pytest.mark.parametrize("text", NOT_READ)
def test_batch15_forms_not_read(text: str) -> None:
    assert not isinstance(read_date(text, now=FRI), ParsedDate), text


def test_dato_refuses_an_hour_after_a_slash_and_changes_nothing() -> None:
    bot = make_bot(at=oslo(2027, 3, 10, 9))
    before = bot.snapshot()
    assert_refused(bot, "dato vår 22.4 kl 10 / 13", as_="kari", channel="agder")
    assert bot.snapshot() == before  # never 22 April 2013


def test_dato_reads_a_meeting_name_before_its_date_and_time() -> None:
    bot = make_bot(at=oslo(2027, 3, 10, 9))
    reply = bot.say("dato vår dialogmøte 22. april kl 10", as_="kari", channel="agder")
    assert reply.ok, reply.text
    assert "22. april 2027" in reply.text and "10.00" in reply.text, reply.text
