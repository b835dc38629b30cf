"""Dates as civil servants type them in chat and e-mail (issue 18): a four-digit time, Christmas, two-day
meetings, days counted from another day, Outlook's short weekdays, ISO moments with an offset.

The phrases here are written for the tests, not taken from the held-out corpus (bench/date_corpus_heldout.tsv).
"""

from __future__ import annotations

from datetime import date, datetime

import pytest

from bot.clock import OSLO
from bot.dates.grammar import DateTrouble, ParsedDate, read_date

TUE = datetime(2027, 3, 2, 10, 0, tzinfo=OSLO)  # Easter 2027 is 28 March, Whitsun 16 May


def read(text: str, now: datetime = TUE) -> ParsedDate:
    found = read_date(text, now=now)
    assert isinstance(found, ParsedDate), f"{text!r}: {found!r}"
    return found


def at(y: int, m: int, d: int, hh: int | None = None, mm: int = 0) -> tuple[datetime, bool]:
    return datetime(y, m, d, hh or 0, mm, tzinfo=OSLO), hh is not None


@pytest.mark.parametrize(
    ("text", "expected", "until"),
    [
        ("ons 10/3 0800", at(2027, 3, 10, 8), None),
        ("11.03. 1315", at(2027, 3, 11, 13, 15), None),
        ("tysdag 9.3. 1430", at(2027, 3, 9, 14, 30), None),  # nynorsk
        ("fr 12.3 0745-0900", at(2027, 3, 12, 7, 45), (9, 0)),
        ("i morgon 0800", at(2027, 3, 3, 8), None),
        ("11. mars 2027 0930", at(2027, 3, 11, 9, 30), None),
        ("11.3 kl 0930", at(2027, 3, 11, 9, 30), None),
        ("11.03 2028", at(2028, 3, 11), None),  # a year from 2000 on stays a year
    ],
)
def test_four_digits_after_a_date_are_a_time(
    text: str, expected: tuple[datetime, bool], until: tuple[int, int] | None
) -> None:
    parsed = read(text)
    assert (parsed.when, parsed.has_time) == expected
    assert parsed.until == until


@pytest.mark.parametrize(
    "text", ["11.03.1850", "1999-12-31", "11.3 1961", "12.03.0915", "0915", "sak 0915", "11.3 0915 1015", "møte 1400"]
)
def test_no_year_before_2000_and_no_bare_time_is_a_date(text: str) -> None:
    assert read_date(text, now=TUE) is None


@pytest.mark.parametrize(
    ("text", "expected", "month_only"),
    [
        ("før jula", date(2027, 12, 1), True),
        ("innen jul 2028", date(2028, 12, 1), True),
        ("i julen", date(2027, 12, 24), False),
        ("i jula", date(2027, 12, 24), False),  # nynorsk
        ("etter nyttår", date(2028, 1, 3), False),
        ("over jula", date(2028, 1, 3), False),
        ("romjula", date(2027, 12, 27), False),
        ("15. jul", date(2027, 7, 15), False),  # the month's short form stays July
        ("jul 2027", date(2027, 7, 1), True),
    ],
)
def test_jul_is_christmas_when_it_is_not_a_month_written_short(text: str, expected: date, month_only: bool) -> None:
    parsed = read(text)
    assert parsed.when.date() == expected and parsed.month_only == month_only


@pytest.mark.parametrize(
    ("text", "first", "end"),
    [
        ("8.-9. april", at(2027, 4, 8), date(2027, 4, 9)),
        ("tors 8. – fre 9. april", at(2027, 4, 8), date(2027, 4, 9)),
        ("torsdag 8. april - fredag 9. april", at(2027, 4, 8), date(2027, 4, 9)),
        ("31. mai – 1. juni", at(2027, 5, 31), date(2027, 6, 1)),
        ("31.12.2027 - 01.01.2028", at(2027, 12, 31), date(2028, 1, 1)),
        ("frå 8. til 9. april", at(2027, 4, 8), date(2027, 4, 9)),  # nynorsk
        ("frå torsdag 8. til fredag 9. april", at(2027, 4, 8), date(2027, 4, 9)),
        ("fra 8. april kl 10 til 9. april kl 14", at(2027, 4, 8, 10), date(2027, 4, 9)),
        ("2027-04-08 09:00 – 2027-04-09 15:00", at(2027, 4, 8, 9), date(2027, 4, 9)),
        ("8.-10. april", at(2027, 4, 8), date(2027, 4, 10)),  # issue 18: a seminar over three days
        ("frå 8. til 12. april", at(2027, 4, 8), date(2027, 4, 12)),
        ("30. mars – 1. april", at(2027, 3, 30), date(2027, 4, 1)),
    ],
)
def test_a_two_day_meeting_is_its_first_day(text: str, first: tuple[datetime, bool], end: date) -> None:
    parsed = read(text)
    assert (parsed.when, parsed.has_time) == first
    assert parsed.span_end == end


def test_a_copied_same_day_range_is_its_start() -> None:
    parsed = read("08.04.2027 09:00 - 08.04.2027 12:00")
    assert parsed.when == datetime(2027, 4, 8, 9, tzinfo=OSLO) and parsed.until == (12, 0)
    assert parsed.span_end is None


@pytest.mark.parametrize(
    "text",
    # issue 18: a meeting of up to five days is one meeting (its first day), so these run over that
    ["8.-14. april", "8. april - 9. mai", "frå 8. til 14. april", "onsdag 8. - torsdag 9. april", "9.-8. april"],
)
def test_days_further_apart_or_misnamed_are_not_one_meeting(text: str) -> None:
    assert not isinstance(read_date(text, now=TUE), ParsedDate)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("torsdag om 14 dagar", date(2027, 3, 18)),
        ("mandag om 21 dager", date(2027, 3, 22)),
        ("på fredag om fjorten dager", date(2027, 3, 19)),
        ("olsokaftan", date(2027, 7, 28)),
        ("olsok", date(2027, 7, 29)),
        ("jonsokaftan", date(2027, 6, 23)),
        ("i morra", date(2027, 3, 3)),
        ("imorra", date(2027, 3, 3)),
        ("dagen etter langfredag", date(2027, 3, 27)),
        ("dagen før 17. mai", date(2027, 5, 16)),
        ("dagen etter første juledag", date(2027, 12, 26)),
        ("første arbeidsdag i mai", date(2027, 5, 3)),  # 1 May is a Saturday and a holiday
        ("siste arbeidsdag i april", date(2027, 4, 30)),
        ("fyrste arbeidsdag i juni", date(2027, 6, 1)),
        ("første virkedag i januar 2028", date(2028, 1, 3)),
        ("første torsdag etter påske", date(2027, 4, 1)),
        ("fyrste måndag etter pinse", date(2027, 5, 17)),
        ("torsdag før pinse", date(2027, 5, 13)),
        ("siste arbeidsdag før påske", date(2027, 3, 24)),  # skjærtorsdag is a holiday
        ("første arbeidsdag etter påske", date(2027, 3, 30)),
    ],
)
def test_days_named_from_another_day(text: str, expected: date) -> None:
    assert read(text).when.date() == expected


def test_a_counted_day_typed_after_it_passed_is_next_years() -> None:
    after_easter = datetime(2027, 4, 5, 9, tzinfo=OSLO)
    assert read("onsdag før påske", now=after_easter).when.date() == date(2028, 4, 12)


@pytest.mark.parametrize(
    "text",
    ["fredag om 10 dager", "første onsdag før påske", "siste onsdag etter påske", "dagen etter", "dagen etter blah"],
)
def test_counted_days_that_name_no_one_day_are_refused(text: str) -> None:
    assert not isinstance(read_date(text, now=TUE), ParsedDate)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ma. 8.3", date(2027, 3, 8)),
        ("ti 9.3", date(2027, 3, 9)),
        ("on 10.03.", date(2027, 3, 10)),
        ("to. 11.3. kl 10", date(2027, 3, 11)),
        ("fr 12.3", date(2027, 3, 12)),
        ("må 8.3", date(2027, 3, 8)),  # nynorsk Outlook
        ("ty. 9.3", date(2027, 3, 9)),
        ("la 13. mars", date(2027, 3, 13)),
    ],
)
def test_outlooks_short_weekdays_in_front_of_a_date(text: str, expected: date) -> None:
    assert read(text).when.date() == expected


def test_a_short_weekday_is_checked_and_never_a_date_alone() -> None:
    wrong = read_date("to 10.3", now=TUE)  # 10 March 2027 is a Wednesday
    assert isinstance(wrong, DateTrouble) and wrong.reason == "weekday"
    for word in ("to", "on", "ti", "fr", "må"):
        assert read_date(word, now=TUE) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2027-03-10T09:15:00+01:00", datetime(2027, 3, 10, 9, 15, tzinfo=OSLO)),
        ("2027-06-10T07:00Z", datetime(2027, 6, 10, 9, 0, tzinfo=OSLO)),  # summer time
        ("2027-03-10 09:15:00 +0100", datetime(2027, 3, 10, 9, 15, tzinfo=OSLO)),
        ("2027-03-10T08:15:00.000Z", datetime(2027, 3, 10, 9, 15, tzinfo=OSLO)),
    ],
)
def test_an_iso_moment_with_an_offset_is_oslo_time(text: str, expected: datetime) -> None:
    parsed = read(text)
    assert parsed.when == expected and parsed.has_time and parsed.year_typed


@pytest.mark.parametrize("text", ["2027-13-10T09:15Z", "1999-03-10T09:15Z", "2027-03-10T25:15+01:00"])
def test_an_impossible_iso_moment_is_none(text: str) -> None:
    assert read_date(text, now=TUE) is None


@pytest.mark.parametrize(
    "text",
    [
        "\u202e8.-9. april",
        "8.-9.-10. april",
        "frå til",
        "- - -",
        "1-1-1-1-1-1-1-1-1-1-1-1",
        "til 9. april",
        "8. april -",
        "dagen etter dagen etter dagen etter " * 3,
        "0" * 119,
        "8.-9. april " + "x" * 200,
    ],
)
def test_hostile_input_is_never_a_date_and_never_raises(text: str) -> None:
    assert not isinstance(read_date(text, now=TUE), ParsedDate)
