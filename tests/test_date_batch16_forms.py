"""Batch 16's families (issue 18), with phrases of their own: the wrong dates found — «20-jan-72» read as 2072, a
«19xx» after a month's name read as a time («20. januar 1937» was 19.37 that day), a yearless slashed date beside a
twelve-hour time read day first («1/5 10am» as 1 May, as likely 5 January) — and the refusals that now read:
English «Fri»/«Sat» settling a US or European slashed copy, Google's meridiem after the end only («10:00 –
11:00am»), «i ettermiddag en gang», «i formiddag», «i morgo», a half hour in a spoken range («frå ni til halv tre»),
«30. september og 1. oktober», a precondition's coming day after its verb («statsbudsjettet legges fram 6.
oktober»), a case's number set off in front («Sak 21/3456 – frist 15.2»), «første arbeidsdag i det nye året».

Now is Friday 17 September 2027, 16:00 Oslo, unless a test says otherwise. Expected dates are written out by hand
from a calendar (8 January 2027 is a Friday, 1 August 2027 a Sunday, 5 October 2027 a Tuesday), not computed with
the code.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from bot.clock import OSLO
from bot.dates.grammar import ParsedDate, read_date
from tests.driver import make_bot, oslo
from tests.helpers import assert_refused
from tests.test_date_gaps import at

FRI = datetime(2027, 9, 17, 16, 0, tzinfo=OSLO)
DEC = datetime(2026, 12, 28, 9, 0, tzinfo=OSLO)

READS: list[tuple[str, datetime, tuple[datetime, bool]]] = [
    # English «Fri»/«Sat» beside a twelve-hour time name the one order that is that weekday
    ("Fri 01/08/2027 10:00 AM", DEC, at(2027, 1, 8, 10)),  # US order: 1 August 2027 is a Sunday
    ("Fri 01/10/2027 10:00 AM", FRI, at(2027, 10, 1, 10)),  # day first: 10 January 2027 is a Sunday
    ("Sat 01/09/2027 9:00 AM", DEC, at(2027, 1, 9, 9)),
    # Google's meridiem once, after the end
    ("Tuesday, October 5 · 10:00 – 11:00am", FRI, at(2027, 10, 5, 10)),
    ("Friday, October 1 · 1:00 – 2:30pm", FRI, at(2027, 10, 1, 13)),
    ("Friday, October 1 · 11:30 – 1:00pm", FRI, at(2027, 10, 1, 11, 30)),
    ("Monday, September 20, 2027 · 9:00 – 10:00am", FRI, at(2027, 9, 20, 9)),
    # some time of one day is that day; the part of the day sets no time
    ("i ettermiddag en gang", FRI, at(2027, 9, 17)),
    ("i morgon ein gong", FRI, at(2027, 9, 18)),
    ("tysdag eingong", FRI, at(2027, 9, 21)),
    ("i formiddag", FRI, at(2027, 9, 17)),
    ("i morgo kl 9", FRI, at(2027, 9, 18, 9)),
    ("imorgo", FRI, at(2027, 9, 18)),
    # a half or quarter hour in a spoken range; the end is the afternoon's
    ("fredag frå ni til halv tre", FRI, at(2027, 9, 24, 9)),
    ("tysdag 21.9 fra halv ni til tre", FRI, at(2027, 9, 21, 8, 30)),
    ("måndag fra kvart over ni til kvart på tre", FRI, at(2027, 9, 20, 9, 15)),
    # two days that follow each other across a month's end, joined by «og»
    ("30. september og 1. oktober", FRI, at(2027, 9, 30)),
    ("torsdag 30. sept og fredag 1. okt", FRI, at(2027, 9, 30)),
    # a precondition's or a deadline's coming day after its verb
    ("Forutsetning: statsbudsjettet legges fram 6. oktober", FRI, at(2027, 10, 6)),
    ("Statsbudsjettet leggast fram 6. oktober kl 10", FRI, at(2027, 10, 6, 10)),
    ("tildelingsbrevet kommer 20. januar", FRI, at(2028, 1, 20)),
    ("oppdragsbrevet sendes i morgon", FRI, at(2027, 9, 18)),
    ("statsbudsjettet vedtas 15. desember", FRI, at(2027, 12, 15)),
    # a case's number set off in front of the date
    ("Sak 21/3456 – frist 1.10", FRI, at(2027, 10, 1)),
    ("Ref. 2027/12: svar innen 1. oktober", FRI, at(2027, 10, 1)),
    # a two-digit year near the clock, joined by dashes, still reads
    ("20-jan-28", FRI, at(2028, 1, 20)),
    ("20-jan-28 kl 10", FRI, at(2028, 1, 20, 10)),
    ("13. april -28 kl 10", FRI, at(2028, 4, 13, 10)),
    # the first day of the coming year's January; «nyårsdag» with one «t»
    ("første arbeidsdag i det nye året", FRI, at(2028, 1, 3)),
    ("fyrste tysdag i det nye året", FRI, at(2028, 1, 4)),
    ("nyårsdag", FRI, at(2028, 1, 1)),
    # four digits after a numeric date are still a time
    ("tys 21/9 1930", FRI, at(2027, 9, 21, 19, 30)),
    ("i kveld 1930", FRI, at(2027, 9, 17, 19, 30)),  # after a word that is no month's name too
    ("i morgon 1900", FRI, at(2027, 9, 18, 19)),
]


@pytest.mark.parametrize(("text", "now", "expected"), READS)
def test_batch16_forms_read(text: str, now: datetime, expected: tuple[datetime, bool]) -> None:
    found = read_date(text, now=now)
    assert isinstance(found, ParsedDate), text
    assert (found.when, found.has_time) == expected


NOT_READ = [
    # a two-digit year far from the clock is the last century's: before 2000, refused
    "20-jan-72",
    "20-JAN-72 kl 10",
    "12-mar-45",
    "20-jan-38 kl 10",  # 1938 from 2027, never 19.38 on 20 January
    # «19xx» after a month's name is a year, never a time that day
    "20. januar 1937",
    "13. april -38",
    "4. mars 1959",
    "fredag 13. april 1930",
    "21. sept. 1945",
    # a slashed date beside a twelve-hour time that reads both ways, with or without its year
    "1/5 10am",
    "5/1 10:00 AM",
    "Fri 4/5/2027 10:00 AM",
    "Fri 01/09/2027 9:00 AM",  # 1 September 2027 is a Wednesday, 9 January a Saturday
    # a meridiem after the end that puts the start past it in the night
    "Friday, October 1 · 11:30 – 1:00am",
    # a range said with digits only and a half hour, or starting in the night
    "fredag fra 9 til halv 3",
    "fredag fra halv to til fire",
    # «en gang» of a week is still no day; two days apart joined by «og» are two dates
    "neste veke ein gong",
    "30. september og 2. oktober",
    "fredag og lørdag",
    # a precondition that has been, or counted from
    "Statsbudsjettet ble lagt fram 6. oktober",
    "Tildelingsbrevet kjem etter 6. oktober",
    "Budsjettet legges fram 6. oktober kl 10, høring til 1. november.",
    # the new year alone, or a first that is no day, names none
    "i det nye året",
    "første møte i det nye året",
    # a case's number alone, or with a date and no mark between
    "Sak 21/3456",
    "Sak 21/3456 1.10",
]


@pytest.mark.parametrize("text", NOT_READ)
def test_batch16_forms_not_read(text: str) -> None:
    assert not isinstance(read_date(text, now=FRI), ParsedDate), text


def test_dato_refuses_a_two_digit_year_45_years_off_and_changes_nothing() -> None:
    bot = make_bot(at=oslo(2027, 3, 10, 9))
    before = bot.snapshot()
    assert_refused(bot, "dato vår 20-apr-72", as_="kari", channel="agder")
    assert bot.snapshot() == before  # never 20 April 2072


def test_dato_reads_a_google_copy_with_its_meridiem_after_the_end() -> None:
    bot = make_bot(at=oslo(2027, 3, 10, 9))
    reply = bot.say("dato vår Thursday, April 22 · 10:00 – 11:30am", as_="kari", channel="agder")
    assert reply.ok, reply.text
    assert "22. april 2027" in reply.text and "10.00" in reply.text, reply.text
