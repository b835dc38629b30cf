"""Batch 18's families (issue 18), with phrases of their own: the refusals that now read — a length after a
deadline word («innen to uker»), two following days without their month («den 22. og 23.»), an English week
(«week 9»), a two-digit year after a month's name («12 Mar 27»), a bracketed «(tentativt)» in front, «husk frist»,
«flytter til», a chat's «ok»/«greit» in front, a heading line above an invitation («Påminnelse\\n…»), the kind of
meeting set off by a comma («Regionalt dialogmøte, onsdag …»), «inviterer til», «helst før lunsj» after the date —
and what must stay unread or be asked: a weekday with a bare number («tors 10», the day or the hour), a two-digit
year far off, two days apart, a reminder of a meeting taken back.

Expected dates are written out by hand from a calendar (12 February 2027 is a Friday, 3 March 2027 a Wednesday,
22 February a Monday, week 9 of 2027 starts on 1 March, week 10 on 8 March), not computed with the code.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from bot.clock import OSLO
from bot.dates.grammar import DateTrouble, ParsedDate, read_date
from tests.driver import make_bot, oslo
from tests.helpers import assert_refused

FRI = datetime(2027, 2, 12, 15, 30, tzinfo=OSLO)  # a Friday afternoon

READS: list[tuple[str, str]] = [  # written as the corpus writes them: day[ time][ month]
    # a length after a deadline word is the day it ends
    ("innen to uker", "2027-02-26"),
    ("innan 14 dagar", "2027-02-26"),
    ("innen ei veke", "2027-02-19"),
    # two following days without their month are this month's (or the next, as «den 22.» alone)
    ("den 22. og 23.", "2027-02-22"),
    ("25.-26.", "2027-02-25"),
    ("den 22. og 23. kl 10", "2027-02-22 10:00"),
    # an English week, a two-digit year after a month's name
    ("week 9", "2027-03-01"),
    ("wk 10", "2027-03-08"),
    ("12 Mar 27", "2027-03-12"),
    ("3. mars '27 kl 10", "2027-03-03 10:00"),
    # a bracketed «not settled» in front, a reminder's «husk», a move in the present tense, a chat's yes
    ("(tentativt) 3. mars", "2027-03-03"),
    ("(foreløpig) onsdag 3. mars kl 12", "2027-03-03 12:00"),
    ("husk frist 1. mars", "2027-03-01"),
    ("hugs fristen 1. mars", "2027-03-01"),
    ("flytter til 3/3", "2027-03-03"),
    ("flyttar til 3/3 kl 9", "2027-03-03 09:00"),
    ("ok, onsdag kl 13", "2027-02-17 13:00"),
    ("greit – 3/3", "2027-03-03"),
    # an invitation's heading line, the kind of meeting set off by a comma, «inviterer», a meal further on
    ("Påminnelse\nonsdag 3. mars kl 10", "2027-03-03 10:00"),
    ("Møteinnkalling\nTidspunkt: 3. mars 2027 10:00–12:00", "2027-03-03 10:00"),
    ("Regionalt dialogmøte, onsdag 3. mars kl 10", "2027-03-03 10:00"),
    ("Siva inviterer til samling 3. mars kl 10.", "2027-03-03 10:00"),
    ("Vi foreslår onsdag 3. mars, helst før lunsj", "2027-03-03"),
    # a minutes' «Neste møte:» names the meeting, not the day; two following slashed days; «Sett av …» in a mail
    ("Neste møte: 3.3 kl 12", "2027-03-03 12:00"),
    ("Nytt møte: onsdag 3.3", "2027-03-03"),
    ("3/3 og 4/3", "2027-03-03"),
    ("Sett av 3. mars", "2027-03-03"),
    # a place's name in brackets after a date without its time; «St. Hans»
    ("3.–4. mars (Bodø)", "2027-03-03"),
    ("onsdag 3. mars (Mo i Rana)", "2027-03-03"),
    ("St. Hans", "2027-06-24"),
    ("St. Hans aften", "2027-06-23"),
]


@pytest.mark.parametrize(("text", "expected"), READS)
def test_batch18_forms_read(text: str, expected: str) -> None:
    found = read_date(text, now=FRI)
    assert isinstance(found, ParsedDate), text
    shown = found.when.strftime("%Y-%m-%d") + found.when.strftime(" %H:%M") * found.has_time
    assert shown + " month" * found.month_only == expected


def test_two_days_without_their_month_keep_both_days_and_say_the_month_is_taken() -> None:
    found = read_date("den 22. og 23.", now=FRI)
    assert isinstance(found, ParsedDate) and found.day_of_month
    assert found.span_end is not None and found.span_end.isoformat() == "2027-02-23"


NOT_READ = [
    # the 19th is a Friday: a day or an hour; a bare number out of the working day
    "fredag 19",
    "tirsdag 6",
    # two days apart, a length that is no deadline of today, two-digit years far off or passed
    "den 22. og 24.",
    "innen to uker etter møtet",
    "3. mars 30",
    "3. mars 25",
    # a meeting taken back, under a heading or after a yes
    "Påminnelse\nAvlyst: 3. mars",
    "ok, ikke 3. mars",
    "Regionalt dialogmøte, avlyst 3. mars",
    "Neste møte: avlyst",
    "3/3 og 5/3",
    "Ikke sett av 3. mars",
    "3. mars kl 10 (London)",  # with a clock time a city in brackets may be a zone: refused with it
    # «til» alone is an end, no meeting's day; a day that has been is `held_day`'s, not `dato`'s
    "til mandag",
    "mottatt i går",
    "sendt 3.2",
]


@pytest.mark.parametrize("text", NOT_READ)
def test_batch18_forms_not_read(text: str) -> None:
    assert not isinstance(read_date(text, now=FRI), ParsedDate), text


@pytest.mark.parametrize(("text", "instead"), [("tors 10", "torsdag kl 10.00"), ("man 9?", "mandag kl 09.00")])
def test_a_weekday_and_a_bare_number_are_asked_with_the_hours_reading(text: str, instead: str) -> None:
    found = read_date(text, now=FRI)
    assert isinstance(found, DateTrouble) and found.reason == "ambiguous", found
    assert found.instead == (instead,)


def test_dato_asks_about_a_weekday_and_a_bare_number_and_changes_nothing() -> None:
    bot = make_bot(at=oslo(2026, 11, 2, 10))
    assert_refused(bot, "dato høst tors 12", as_="kari", channel="agder", contains=("«dato høst torsdag kl 12.00»",))


def test_dato_reads_two_days_without_their_month_and_names_the_month_taken() -> None:
    bot = make_bot(at=oslo(2026, 11, 2, 10))
    reply = bot.say("dato høst den 23. og 24. bekreft", as_="kari", channel="agder")
    assert reply.ok, reply.text
    assert "23. november 2026" in reply.text and "24. november 2026" in reply.text, reply.text
