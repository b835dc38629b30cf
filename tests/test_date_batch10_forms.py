"""Batch 10's forms (issue 18), with phrases of their own: numbers with their label beside a sentence's date («rom
4.12», «kr 13.400», «pkt. 3.2», «v2.1», «45 %», «Sak 13/4567», a phone number), «i løpet av uke 12», «i dag om en
uke»/«en uke fra i dag», a two-digit year after a numeric date («16.3.-27»), the year first with points
(«2027.03.16»), «16.de», a case or room in brackets after the date, an American slashed date settled by its order
or its weekday, «etter lunsj» after a sentence's date, a length («satt av 2 timer») or floor («2. etg.») beside it,
Google Calendar's subject line; the refusals beside them.

Now is Wednesday 10 March 2027, 14:00 Oslo. Expected dates are written out by hand from a calendar (16 March 2027
is a Tuesday, 17 March a Wednesday, 19 March a Friday; week 12 starts Monday 22 March; 8 December 2027 is a
Wednesday, 12 August 2027 a Thursday), not computed with the code under test.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from bot.clock import OSLO
from bot.dates.grammar import ParsedDate, read_date
from tests.test_date_gaps import at

WED = datetime(2027, 3, 10, 14, 0, tzinfo=OSLO)

READS: list[tuple[str, tuple[datetime, bool]]] = [
    # a number whose label or unit says it is no day, beside the sentence's one date
    ("Møtet er i rom 4.12 tysdag 16. mars kl 10.", at(2027, 3, 16, 10)),
    ("Sak 13/4567 blir handsama tysdag 16. mars.", at(2027, 3, 16)),
    ("Budsjettet på kr 13.400 blir behandla fredag 19. mars.", at(2027, 3, 19)),
    ("Vi tar pkt. 3.2 opp igjen fredag 19. mars kl 9.", at(2027, 3, 19, 9)),
    ("Versjon 2.1 signeres tirsdag 16. mars.", at(2027, 3, 16)),
    ("Vi legg ut v2.1 og tek det opp fredag 19. mars.", at(2027, 3, 19)),
    ("Vi har brukt 45 % av midlane og tek status fredag 19. mars.", at(2027, 3, 19)),
    ("Tildelinga på 2,5 mill. kr blir drøfta fredag 19. mars kl. 13.", at(2027, 3, 19, 13)),
    ("Vi møtest 16.3 kl 10, tlf 22 33 44 55.", at(2027, 3, 16, 10)),
    ("Kan vi ta det onsdag 17. mars? Ring meg på 915 55 123.", at(2027, 3, 17)),
    ("Vi har booka rom 16. mars.", at(2027, 3, 16)),  # a label before a date's day: still the date
    ("Vi har rom 4.12 fredag.", at(2027, 3, 12)),
    ("Ring meg på 915 55 123 før fredag.", at(2027, 3, 12)),  # «før fredag»: the deadline, as without the number
    # a case or room in brackets after a date, «etter lunsj» after a sentence's date
    ("fredag 19. mars kl 9 (sak 27/1234)", at(2027, 3, 19, 9)),
    ("fredag 19. mars (rom 4.12)", at(2027, 3, 19)),
    ("Tysdag 16. mars kl. 09.00–15.30 i møterom 2.12 (3. etg.)", at(2027, 3, 16, 9)),
    ("tysdag 16. mars kl 10, rom 4.12", at(2027, 3, 16, 10)),
    ("Ring meg på 22 33 44 55 fredag 19. mars.", at(2027, 3, 19)),
    ("Kan vi ta det fredag 19. mars etter lunsj?", at(2027, 3, 19)),
    # a week «i løpet av», a count of weeks from today said around «i dag»
    ("i løpet av uke 12", at(2027, 3, 22)),
    ("i løpet av veke 12 2028", at(2028, 3, 20)),
    ("i dag om en uke", at(2027, 3, 17)),
    ("i dag om to veker", at(2027, 3, 24)),
    ("en uke fra i dag", at(2027, 3, 17)),
    ("ei veke frå i dag", at(2027, 3, 17)),
    # short years, the year first with points, an ordinal ending after a point
    ("16.3.-27", at(2027, 3, 16)),
    ("16.3 -28", at(2028, 3, 16)),
    ("13.4-15.4 -27", at(2027, 4, 13)),  # a meeting over days with its year: its first day
    ("2027.03.16", at(2027, 3, 16)),
    ("2027.3.16 kl 10", at(2027, 3, 16, 10)),
    ("16.de mars", at(2027, 3, 16)),
    ("den 16.de", at(2027, 3, 16)),
    # an American slashed date: one order only is a day, or the weekday says which
    ("3/17/2027 9:00 AM", at(2027, 3, 17, 9)),
    ("Wed 12/8/2027 9:00 AM", at(2027, 12, 8, 9)),
    ("Thu 12/8/2027 9:00 AM", at(2027, 8, 12, 9)),
    ("04/13/2027", at(2027, 4, 13)),  # with its whole year and no day first: only April
    # an invitation's heading, a part of a month in a sentence (asked as that part: its anchor day)
    ("Innkalling til dialogmøte tirsdag 13. april kl. 10.00–14.00", at(2027, 4, 13, 10)),
    ("Invitasjon til dialogmøte tysdag 13. april", at(2027, 4, 13)),
    ("Tilbakemelding innen utgangen av mars.", at(2027, 3, 31)),
    ("Vi tek det i slutten av april.", at(2027, 4, 30)),
    ("Kan vi ta det medio april?", at(2027, 4, 15)),
    # lengths and floors beside a sentence's date, a week «ila.», Google Calendar's subject line
    ("Vi har satt av 2 timer tysdag 13. april kl 10.", at(2027, 4, 13, 10)),
    ("Vi foreslår tirsdag 13. april kl. 10 i 2. etg.", at(2027, 4, 13, 10)),
    ("ila. uke 15", at(2027, 4, 12)),
    ("Invitasjon: Dialogmøte @ tir. 13. apr. 2027 10:00 - 14:00 (CET) (kari@agder.no)", at(2027, 4, 13, 10)),
    ("Invitation: Dialogue meeting @ Tue Apr 13, 2027 10am - 2pm (CEST) (kari@agder.no)", at(2027, 4, 13, 10)),
]


# the forms next to the new ones that stay refused
REFUSED: tuple[str, ...] = (
    # a number without a label could be a day: the sentence names two
    "Vi møtes 4.12 i rom 301.",
    "Vi tar 2,5 fredag 19. mars.",
    "Ring meg på 22 33 44 5 fredag 19. mars.",  # seven digits: no phone number
    "Vi møtes 19.3 eller i rom 4.12.",
    "Rom 4.12 er booka.",
    "møterom 24.8",
    "Vi flyttar det frå 16 03 2027 til fredag 19. mars.",  # a date typed with spaces is no phone number
    "(sak 27/1234)",
    # «i løpet av» a week without its number, «om en uke» from a day other than today
    "i løpet av veka",
    "en uke fra fredag",
    "i morgen om en uke",
    # an American slashed date that still reads two ways, or whose weekday fits neither
    "5/3/2027 9:00 AM",
    "Sat 5/3/2027 9:00 AM",
    "Tue 3/17/2027 9:00 AM",
    "4/13/27",  # a two-digit year: too little to call it American
    "Vi møtes om 2 timer.",
    # a part of a week is no day of it, in a sentence as alone (main read «neste uke» in them as its Monday)
    "Vi tar det i slutten av neste uke.",
    "Vi tek det i løpet av neste veke.",
    "Vi tek det midt i neste veke.",
    "Innkalling til dialogmøte tirsdag 13. april kl. 10 eller 14. april",
    "Vi treng 1/2 time på dette.",
    "Invitasjon: Møte 14. april @ tir. 13. apr. 2027 10:00 - 14:00 (CET)",  # a day in the title too
    "Invitation: Dialogue meeting @ Tue Apr 13, 2027 10am - 2pm (GMT) (kari@agder.no)",  # another zone
    # a day counted from, after a meal or not
    "Kan vi ta det fredag 19. mars etter møtet?",
    "Vi tek det etter lunsj fredag 19. mars.",
)


@pytest.mark.parametrize(("text", "expected"), [*READS, *((text, None) for text in REFUSED)])
def test_batch10_form(text: str, expected: tuple[datetime, bool] | None) -> None:
    parsed = read_date(text, now=WED)
    if expected is None:
        assert not isinstance(parsed, ParsedDate), f"{text!r} was read"
    else:
        assert isinstance(parsed, ParsedDate) and (parsed.when, parsed.has_time) == expected, f"{text!r}: {parsed}"
