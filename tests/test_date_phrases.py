"""A wide table of Norwegian date phrases on several fixed clocks (autumn, New Year, Easter, summer).

Expected dates are written out by hand from a calendar; the named days are also checked against the
`holidays` package's own tables, an independent source for the moving feasts.
"""

from __future__ import annotations

from datetime import date, datetime

import holidays
import pytest

from bot.clock import OSLO
from bot.dates.grammar import DateTrouble, ParsedDate, parse_norwegian_date, read_date

TUE = datetime(2026, 11, 24, 10, 0, tzinfo=OSLO)  # Tuesday, ISO week 48 of 2026
NEW_YEAR = datetime(2026, 12, 30, 9, 0, tzinfo=OSLO)  # Wednesday; Easter 2027 is 28 March
EASTER = datetime(2027, 3, 23, 12, 0, tzinfo=OSLO)  # Tuesday of Holy Week 2027
SUMMER = datetime(2027, 7, 2, 8, 0, tzinfo=OSLO)  # Friday


def d(y: int, m: int, day: int, hh: int | None = None, mm: int = 0) -> tuple[datetime, bool]:
    if hh is None:
        return datetime(y, m, day, tzinfo=OSLO), False
    return datetime(y, m, day, hh, mm, tzinfo=OSLO), True


TABLE: list[tuple[datetime, str, tuple[datetime, bool]]] = [
    # named days, with and without a year; moving feasts from Easter
    (TUE, "julaften", d(2026, 12, 24)),
    (TUE, "Julaften 2027", d(2027, 12, 24)),
    (TUE, "lillejulaften", d(2026, 12, 23)),
    (TUE, "nyttårsaften kl 18", d(2026, 12, 31, 18)),
    (TUE, "nyttårsdag", d(2027, 1, 1)),
    (TUE, "påskeaften", d(2027, 3, 27)),
    (TUE, "palmesøndag 2028", d(2028, 4, 9)),
    (TUE, "skjærtorsdag", d(2027, 3, 25)),
    (TUE, "langfredag", d(2027, 3, 26)),
    (TUE, "1. påskedag", d(2027, 3, 28)),
    (TUE, "2. påskedag", d(2027, 3, 29)),
    (TUE, "Kristi himmelfartsdag", d(2027, 5, 6)),
    (TUE, "kristi himmelfartsdag 2028", d(2028, 5, 25)),
    (TUE, "1. pinsedag", d(2027, 5, 16)),
    (TUE, "2. pinsedag", d(2027, 5, 17)),
    (TUE, "pinseaften", d(2027, 5, 15)),
    (TUE, "sankthansaften", d(2027, 6, 23)),
    (TUE, "1. juledag", d(2026, 12, 25)),
    (TUE, "2. juledag 2027", d(2027, 12, 26)),
    (TUE, "grunnlovsdag", d(2027, 5, 17)),
    (TUE, "17. mai", d(2027, 5, 17)),
    (TUE, "1. mai", d(2027, 5, 1)),
    (TUE, "julaftan", d(2026, 12, 24)),  # nynorsk
    (TUE, "nyttårsaftan 2027", d(2027, 12, 31)),
    (TUE, "nyttaarsaften", d(2026, 12, 31)),
    # ordinal weekdays in a month
    (TUE, "første mandag i mars", d(2027, 3, 1)),
    (TUE, "siste fredag i januar", d(2027, 1, 29)),
    (TUE, "andre tirsdag i desember", d(2026, 12, 8)),
    (TUE, "tredje onsdag i mai 2027", d(2027, 5, 19)),
    (TUE, "siste torsdag i november", d(2026, 11, 26)),
    (TUE, "første tysdag i februar", d(2027, 2, 2)),
    # deadlines name the day itself
    (TUE, "innen 31. mars", d(2027, 3, 31)),
    (TUE, "senest 15. januar", d(2027, 1, 15)),
    (TUE, "frist 1. februar 2027", d(2027, 2, 1)),
    (TUE, "før 31. mars", d(2027, 3, 31)),
    (TUE, "Frist: 20.12.", d(2026, 12, 20)),
    # relative forms
    (TUE, "fredag om to uker", d(2026, 12, 11)),
    (TUE, "om 3 dager", d(2026, 11, 27)),
    (TUE, "om en uke", d(2026, 12, 1)),
    (TUE, "om ei veke", d(2026, 12, 1)),
    (TUE, "om to veker", d(2026, 12, 8)),
    (TUE, "om eitt døgn", d(2026, 11, 25)),
    (TUE, "neste fredag", d(2026, 12, 4)),
    (TUE, "tirsdag neste uke", d(2026, 12, 1)),
    (TUE, "over helgen", d(2026, 11, 30)),
    (TUE, "i kveld kl 19", d(2026, 11, 24, 19)),
    (TUE, "i morgen tidlig", d(2026, 11, 25)),
    (TUE, "om 2 timer", d(2026, 11, 24, 12)),
    (TUE, "i overmorgen", d(2026, 11, 26)),
    (TUE, "i morgon", d(2026, 11, 25)),
    (TUE, "i overmorgon kl 8", d(2026, 11, 26, 8)),
    (TUE, "i går", d(2026, 11, 23)),
    (TUE, "for tre dager siden", d(2026, 11, 21)),
    # numeric forms
    (TUE, "15-03-2027", d(2027, 3, 15)),
    (TUE, "15.03.2027", d(2027, 3, 15)),
    (TUE, "15. 3. 2027", d(2027, 3, 15)),
    (TUE, "15/3", d(2027, 3, 15)),
    (TUE, "2027-03-15", d(2027, 3, 15)),
    (TUE, "15.3.27", d(2027, 3, 15)),
    (TUE, "3/2-27 kl 13", d(2027, 2, 3, 13)),
    # abbreviated months
    (TUE, "3. febr.", d(2027, 2, 3)),
    (TUE, "3 feb", d(2027, 2, 3)),
    (TUE, "3. sept", d(2027, 9, 3)),
    (TUE, "3. okt.", d(2027, 10, 3)),
    (TUE, "3.des", d(2026, 12, 3)),
    # times
    (TUE, "3. mars kl 10", d(2027, 3, 3, 10)),
    (TUE, "3. mars kl. 10.30", d(2027, 3, 3, 10, 30)),
    (TUE, "3. mars 10:30", d(2027, 3, 3, 10, 30)),
    (TUE, "3. mars halv elleve", d(2027, 3, 3, 10, 30)),
    (TUE, "3. mars kvart på ni", d(2027, 3, 3, 8, 45)),
    # week numbers
    (TUE, "uke 45", d(2027, 11, 8)),
    (TUE, "uke 45 2027", d(2027, 11, 8)),
    (TUE, "mandag uke 45", d(2027, 11, 8)),
    (TUE, "fredag i veke 49", d(2026, 12, 4)),
    # nynorsk weekdays and units
    (TUE, "måndag", d(2026, 11, 30)),
    (TUE, "tysdag", d(2026, 12, 1)),
    (TUE, "laurdag kl 10", d(2026, 11, 28, 10)),
    (TUE, "sundag", d(2026, 11, 29)),
    (TUE, "fredag om to veker", d(2026, 12, 11)),
    # a weekday and its week in either order; one day said twice
    (TUE, "neste uke torsdag", d(2026, 12, 3)),
    (TUE, "uke 50 fredag kl 9", d(2026, 12, 11, 9)),
    (TUE, "i morgen onsdag", d(2026, 11, 25)),
    (TUE, "uke 50, fredag", d(2026, 12, 11)),
    (TUE, "3. desember (torsdag)", d(2026, 12, 3)),
    (TUE, "fredag 27.", d(2026, 11, 27)),
    (TUE, "tirsdag den 1.", d(2026, 12, 1)),  # "mandag den 1." is refused below (1 December is a Tuesday)
    # spelling, case and punctuation
    (TUE, "SKJAERTORSDAG", d(2027, 3, 25)),
    (TUE, "  3.  mars!!  ", d(2027, 3, 3)),
    (TUE, "«3. mars»", d(2027, 3, 3)),
    (TUE, "torsdag, 3. desember.", d(2026, 12, 3)),
    (TUE, "paaskeaften", d(2027, 3, 27)),
    # around New Year: the next occurrence, across the year boundary
    (NEW_YEAR, "nyttårsaften", d(2026, 12, 31)),
    (NEW_YEAR, "nyttårsdag", d(2027, 1, 1)),
    (NEW_YEAR, "julaften", d(2027, 12, 24)),
    (NEW_YEAR, "uke 1", d(2027, 1, 4)),
    (NEW_YEAR, "uke 53", d(2026, 12, 28)),
    (NEW_YEAR, "neste uke", d(2027, 1, 4)),
    (NEW_YEAR, "om en uke", d(2027, 1, 6)),
    (NEW_YEAR, "fredag", d(2027, 1, 1)),
    (NEW_YEAR, "første fredag i januar", d(2027, 1, 1)),
    (NEW_YEAR, "siste onsdag i desember", d(2026, 12, 30)),
    (NEW_YEAR, "5/1", d(2027, 1, 5)),
    # around Easter
    (EASTER, "skjærtorsdag", d(2027, 3, 25)),
    (EASTER, "2. påskedag", d(2027, 3, 29)),
    (EASTER, "palmesøndag", d(2028, 4, 9)),  # this year's has passed
    (EASTER, "fredag om to uker", d(2027, 4, 9)),
    (EASTER, "om 3 dager", d(2027, 3, 26)),
    (EASTER, "siste fredag i mars", d(2027, 3, 26)),
    (EASTER, "innen 31. mars", d(2027, 3, 31)),
    (EASTER, "i kveld kl 19.30", d(2027, 3, 23, 19, 30)),
    # summer
    (SUMMER, "sankthansaften", d(2028, 6, 23)),
    (SUMMER, "første mandag i august", d(2027, 8, 2)),
    (SUMMER, "uke 33", d(2027, 8, 16)),
    (SUMMER, "om to veker", d(2027, 7, 16)),
]


@pytest.mark.parametrize(("now", "text", "expected"), TABLE, ids=[f"{n:%m%d}-{t}" for n, t, _ in TABLE])
def test_phrase_table(now: datetime, text: str, expected: tuple[datetime, bool]) -> None:
    when, has_time = expected
    parsed = parse_norwegian_date(text, now=now)
    assert parsed == ParsedDate(when=when, has_time=has_time), text


MONTHS: list[tuple[datetime, str, date]] = [
    (TUE, "i april", date(2027, 4, 1)),
    (TUE, "januar 2027", date(2027, 1, 1)),
    (TUE, "ultimo mars", date(2027, 3, 31)),
    (TUE, "primo mai", date(2027, 5, 1)),
    (TUE, "medio juni", date(2027, 6, 15)),
    (TUE, "i slutten av mars", date(2027, 3, 31)),
    (TUE, "starten av april", date(2027, 4, 1)),
    (TUE, "ultimo februar 2028", date(2028, 2, 29)),
    (TUE, "i november", date(2026, 11, 1)),  # the month still running
    (TUE, "innen utgangen av juni", date(2027, 6, 30)),
    (NEW_YEAR, "i januar", date(2027, 1, 1)),
    (EASTER, "mars", date(2027, 3, 1)),
]


@pytest.mark.parametrize(("now", "text", "expected"), MONTHS)
def test_a_month_alone_is_that_month(now: datetime, text: str, expected: date) -> None:
    parsed = parse_norwegian_date(text, now=now)
    assert parsed is not None and parsed.month_only, text
    assert parsed.when.date() == expected and not parsed.has_time


@pytest.mark.parametrize(
    "text",
    [
        "blah 12",
        "12 blah",
        "kapittel 3",
        "side 17",
        "17 stk",
        "møte 3. mars",
        "neste år",
        "31. april",
        "31.4",
        "30. februar",
        "29. februar 2027",
        "30.02.2028",
        "uke 54",
        "siste",
        "ultimo",
        "femte fredag i februar 2027",  # February 2027 has four Fridays
        "kl 10 22. april kl 12",
        "om 99999 dager",
        "julaften 99999",
    ],
)
def test_noise_and_impossible_dates_are_none(text: str) -> None:
    assert read_date(text, now=TUE) is None


@pytest.mark.parametrize(
    "text",
    [
        "i går i morgen",
        "1. mars 3. mars",
        "1. mars eller 3. mars",
        "fra 1. mars til 9. mars",  # issue 18: up to five days is one meeting (bot.dates.spans)
        "1.-9. mars",
        "mandag tirsdag",
        "julaften nyttårsaften",
        "uke 45 uke 46",
        "15.03.2027 16.03.2027",
        "i morgen fredag",  # tomorrow is a Wednesday
    ],
)
def test_two_dates_are_refused(text: str) -> None:
    found = read_date(text, now=TUE)
    assert isinstance(found, DateTrouble) and found.reason == "two_dates"
    assert "to datoer" in found.message
    assert parse_norwegian_date(text, now=TUE) is None


@pytest.mark.parametrize(
    ("text", "real"),
    [
        ("mandag 22. april 2027", "torsdag"),
        ("fredag 22.04", "torsdag"),
        ("lørdag 2027-04-22", "torsdag"),
        ("tirsdag julaften", "torsdag"),
        ("22. april 2027 (mandag)", "torsdag"),
        # A weekday with a day of the month is that day (this month's or next), checked: it was the next
        # Monday that is a 1st (1 February 2027), months away from what was meant.
        ("mandag den 1.", "tirsdag"),
        ("fredag den 3.", "torsdag"),
    ],
)
def test_a_weekday_that_contradicts_the_date_is_refused(text: str, real: str) -> None:
    found = read_date(text, now=TUE)
    assert isinstance(found, DateTrouble) and found.reason == "weekday"
    assert f"er en {real}" in found.message


def test_year_is_known_to_the_caller() -> None:
    typed = parse_norwegian_date("3. mars 2027", now=TUE)
    bare = parse_norwegian_date("3. mars", now=TUE)
    relative = parse_norwegian_date("om to uker", now=TUE)
    assert typed is not None and typed.year_typed and typed.in_year is None
    assert bare is not None and not bare.year_typed and bare.in_year is not None
    assert bare.in_year(2026) == date(2026, 3, 3)
    assert relative is not None and relative.relative


@pytest.mark.parametrize("year", range(2024, 2036))
def test_named_feasts_agree_with_the_holiday_tables(year: int) -> None:
    table = {
        name: day
        for day, names in holidays.country_holidays("NO", years=year, language="no").items()
        for name in names.split("; ")
    }
    now = datetime(year, 1, 1, tzinfo=OSLO)
    for phrase, name in [
        ("skjærtorsdag", "Skjærtorsdag"),
        ("langfredag", "Langfredag"),
        ("1. påskedag", "Første påskedag"),
        ("2. påskedag", "Andre påskedag"),
        ("Kristi himmelfartsdag", "Kristi himmelfartsdag"),
        ("1. pinsedag", "Første pinsedag"),
        ("2. pinsedag", "Andre pinsedag"),
        ("grunnlovsdagen", "Grunnlovsdag"),
        ("1. juledag", "Første juledag"),
        ("2. juledag", "Andre juledag"),
    ]:
        parsed = parse_norwegian_date(f"{phrase} {year}", now=now)
        assert parsed is not None and parsed.when.date() == table[name], (phrase, year)
