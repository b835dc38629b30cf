"""Date forms that batch 7 of the held-out corpus found unread (issue 18): deadline words said twice or as a
sentence («fristen er 1.3», «snarast og seinast 1. mars», «Frist for innspel: 3. mai»), the short weekday «mån»,
«fyrst i juni», «10ende», a meeting's name set off by a bracket or a dash, and a deadline's day in a sentence.
The phrases are the tests' own, not the corpus's; each family is checked for the wrong dates it could bring."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from bot.clock import OSLO
from bot.dates.deadline import due_in
from bot.dates.grammar import ParsedDate, read_date
from tests.driver import BotDriver, make_bot, oslo
from tests.helpers import assert_recorded
from tests.test_date_gaps import at

TUE = datetime(2027, 2, 2, 10, 0, tzinfo=OSLO)

READS: list[tuple[str, tuple[datetime, bool]]] = [
    # deadline words: «fristen er», «frist for …:», two in a row
    ("fristen er 1.3", at(2027, 3, 1)),
    ("Fristen for svar er 12. februar", at(2027, 2, 12)),
    ("frist for rapport: 15.3.", at(2027, 3, 15)),
    ("søknadsfrist for prosjekt: 1. april", at(2027, 4, 1)),
    ("seinast innan 26.", at(2027, 2, 26)),
    ("snarast og seinast 1. mars", at(2027, 3, 1)),
    ("snarest, senest fredag 12.2", at(2027, 2, 12)),
    ("fristen er i morgon", at(2027, 2, 3)),
    # the short weekday «mån», an English «Mon», a month's first days in nynorsk, «10ende»
    ("mån 8.2 kl 9", at(2027, 2, 8, 9)),
    ("mån 8. – tys 9. februar", at(2027, 2, 8)),
    ("Mon 8 Feb 2027 09:00", at(2027, 2, 8, 9)),
    ("den 12ende", at(2027, 2, 12)),
    ("10ende mars", at(2027, 3, 10)),
    # a meeting's one-word name before a bracket or a dash
    ("Dialogmøte (torsdag 11. februar kl 9)", at(2027, 2, 11, 9)),
    ("Samlinga – 11.–12. februar", at(2027, 2, 11)),
    ("Signeringsmøte (fredag 12.2. kl 10) på Teams", at(2027, 2, 12, 10)),
    # a deadline's day and month in a sentence, and a meeting set before a holiday
    ("Seinast 1.3 må vi ha svar.", at(2027, 3, 1)),
    ("Innen 1.3 vil vi ha innspel", at(2027, 3, 1)),
    ("Vi tek møtet fredag 12. februar, før ferien.", at(2027, 2, 12)),
    # a time range in front of a date with its weekday, a length in brackets after the time
    ("9–15.30 torsdag 11.2", at(2027, 2, 11, 9)),
    ("10.00-12.00 fredag 12. februar", at(2027, 2, 12, 10)),
    ("Forslag: tys 9.2 kl 10 (2 timar)", at(2027, 2, 9, 10)),
    ("onsdag 10. februar kl. 13 (ca. 1,5 t)", at(2027, 2, 10, 13)),
]


@pytest.mark.parametrize(("text", "expected"), READS)
def test_reads(text: str, expected: tuple[datetime, bool]) -> None:
    parsed = read_date(text, now=TUE)
    assert isinstance(parsed, ParsedDate), f"{text!r} was not read"
    assert (parsed.when, parsed.has_time) == expected


def test_a_part_of_the_month_in_nynorsk_is_asked_as_the_month() -> None:
    parsed = read_date("fyrst i juni", now=TUE)
    assert isinstance(parsed, ParsedDate) and parsed.month_only and parsed.when.month == 6


@pytest.mark.parametrize(
    "text",
    [
        # deadline words with no day, or with a day that has been
        "snarast",
        "snarast og seinast",
        "fristen er ute",
        "fristen var 1.2",
        # a name in front of a date without a bracket or dash, of more than one word, or saying it is off
        "møtet 11. februar",
        "Fylkestinget (11. februar)",
        "Vi hadde møte (11. januar)",
        "Møtet (11. februar) er flytta",
        "Avlysning (11. februar)",
        "Møte – ikkje 11. februar",
        "Seminar - 11. eller 12. februar",
        "Møte (11)",
        # a quantity after a deadline word, a fraction, someone away before the holiday
        "Vi må ha svar innen 2.5 timar",
        "Vi må ha det innen 1/2 time",
        "innen 1.5 mill kr er budsjettet",
        "Eg tek fri 12. februar før ferien.",
        "Eg er på ferie før 1.3",
        "Vi kan møtast etter ferien 12. februar.",
        "mån 9.2",  # 9 February 2027 is a Tuesday
        "3-5 fredag 12.2",  # an hour from 1 to 5 is as likely the afternoon
        "tys 9.2 kl 10 (2 timar) eller 10.2",
        # a dash between two numbers that could be a meeting's hours: 10 December or 10 to 12 o'clock
        "10-12",
        "Møte – 8-10",
    ],
)
def test_not_one_date_is_refused(text: str) -> None:
    assert not isinstance(read_date(text, now=TUE), ParsedDate), text


@pytest.fixture
def wed() -> BotDriver:
    return make_bot(at=oslo(2026, 11, 25, 10))


def test_dato_reads_a_meeting_name_in_front_of_its_date(wed: BotDriver) -> None:
    assert_recorded(wed, "dato høst Dialogmøte (fredag 27. november kl 10)", as_="kari")
    value = wed.tables("cycle/agder/2026").get("milestones", {}).get("regional-autumn", {}).get("planned")
    assert value is not None and datetime.fromisoformat(value) == oslo(2026, 11, 27, 10)


def test_a_follow_up_point_reads_fristen_er() -> None:
    """«… fristen er 1.3» in a follow-up point is its deadline, as «frist 1.3» is (the minutes warned before)."""
    due = due_in("Kari sender notat, fristen er 1.3", now=TUE)
    assert due is not None and due.day == date(2027, 3, 1) and due.rest == "Kari sender notat"
