"""Dates as civil servants paste and type them (issue 18, batch 5's styles, with phrases of their own): a
signature, label, invitation lines, time zone, place or emoji around the date; rough, twelve-hour and lunch
times; month parts and week numbers; feasts; a misspelt weekday in front of a whole date; «i år», «d.m.»;
and the vague phrases that must be refused with a reason.

Now is Tuesday 2 February 2027, 10:00 Oslo. Expected dates are written out by hand from a calendar (Easter
2027 is 28 March, Whitsun 16 May; 1 January 2028 is a Saturday), not computed with the code under test.
"""

from __future__ import annotations

from datetime import date, datetime

import pytest

from bot.clock import OSLO
from bot.dates.grammar import DateTrouble, ParsedDate, read_date
from tests.driver import BotDriver, make_bot, oslo
from tests.helpers import assert_recorded, assert_refused
from tests.test_date_gaps import at

TUE = datetime(2027, 2, 2, 10, 0, tzinfo=OSLO)


READS: list[tuple[str, tuple[datetime, bool]]] = [
    # pasted: labels, greetings, signatures, quoted headers, invitation lines, zones, places, emoji, bullets
    ("Forslag til dato: onsdag 10. februar kl. 13.00", at(2027, 2, 10, 13)),
    ("Alternativ 2: onsdag 10.2", at(2027, 2, 10)),
    ("Hei alle,\n\nonsdag 10.2 kl 13\n\nVennlig hilsen\nOla Nordmann\nTlf. 22 00 00 00", at(2027, 2, 10, 13)),
    ("onsdag 10.2 kl 13\nFra: Kari\nSendt: 1. februar 2027 08:00", at(2027, 2, 10, 13)),
    ("onsdag 10.2 kl 13 mvh Per", at(2027, 2, 10, 13)),
    ("on. 10.02.2027 13:00-15:00 (UTC+01:00) Amsterdam, Berlin, Bern, Roma, Stockholm, Wien", at(2027, 2, 10, 13)),
    ("10.2 kl 13 CET", at(2027, 2, 10, 13)),
    ("onsdag 10. februar på Quality Hotel kl 13", at(2027, 2, 10, 13)),
    ("onsdag 10. februar, digitalt", at(2027, 2, 10)),
    ("10.2 kl 13 (Teams)", at(2027, 2, 10, 13)),
    ("onsdag 10. februar, Scandic Kristiansand", at(2027, 2, 10)),
    ("10.2 kl 13 presis", at(2027, 2, 10, 13)),
    ("👉 onsdag 10.2 ✅", at(2027, 2, 10)),
    ("• 10.2 kl 13", at(2027, 2, 10, 13)),
    ("Sted: Bodø\nStart: on. 10.02.2027 13:00\nSlutt: on. 10.02.2027 15:00", at(2027, 2, 10, 13)),
    ("Dato: 10.2\nTid: kl 13", at(2027, 2, 10, 13)),
    ("onsdag 10. februar · 13:00–15:30", at(2027, 2, 10, 13)),  # Google's calendar
    ("10.02.2027 | 13:00-15:30", at(2027, 2, 10, 13)),
    ("ONSDAG 10. FEBRUAR…", at(2027, 2, 10)),
    ("Thu 11.02.2027 10:00", at(2027, 2, 11, 10)),
    # rough, twelve-hour and lunch times
    ("10.2 ved 10-tida", at(2027, 2, 10, 10)),
    ("10.2 rundt elleve-tiden", at(2027, 2, 10, 11)),
    ("10.2 ca. kl. 14", at(2027, 2, 10, 14)),
    ("10.2 3 pm", at(2027, 2, 10, 15)),
    ("10.2 11:30 AM", at(2027, 2, 10, 11, 30)),
    ("10.2 12 pm", at(2027, 2, 10, 12)),
    ("onsdag 10.2 etter lunsj", at(2027, 2, 10)),
    ("11.–12. februar, lunsj til lunsj", at(2027, 2, 11)),
    # month parts, week numbers, feasts
    ("første veka i mars", at(2027, 3, 1)),
    ("siste uka i februar", at(2027, 2, 28)),
    ("ultimo mars", at(2027, 3, 31)),
    ("v. 9", at(2027, 3, 1)),
    ("torsdag v9", at(2027, 3, 4)),
    ("rett over påske", at(2027, 3, 30)),
    ("over pinse", at(2027, 5, 18)),
    ("like etter nyttår", at(2028, 1, 3)),
    ("annandag påske", at(2027, 3, 29)),
    ("etter påskeferien", at(2027, 3, 30)),
    ("første arbeidsdag etter nyttår", at(2028, 1, 3)),
    ("før nyttår", at(2027, 12, 1)),  # some day in December, asked about like «før jul»
    # a misspelt weekday before a whole date; the year and month said in words; from and until
    ("tysdga 9.2", at(2027, 2, 9)),
    ("fredga 12. februar", at(2027, 2, 12)),
    ("12. mars i år", at(2027, 3, 12)),
    ("12. mars neste år", at(2028, 3, 12)),
    ("den 20. d.m.", at(2027, 2, 20)),
    ("f.o.m. 12. mars", at(2027, 3, 12)),
    ("t.o.m. 12. mars", at(2027, 3, 12)),
    ("fra 12.3 kl 9", at(2027, 3, 12, 9)),
    ("om ein vekes tid", at(2027, 2, 9)),
    ("fredag førstkomande", at(2027, 2, 5)),
]


@pytest.mark.parametrize(("text", "expected"), READS)
def test_pasted_and_typed_dates_are_read(text: str, expected: tuple[datetime, bool]) -> None:
    found = read_date(text, now=TUE)
    assert isinstance(found, ParsedDate), found
    assert (found.when, found.has_time) == expected


@pytest.mark.parametrize(
    ("text", "month"),
    [("første veka i mars", 3), ("siste uka i februar", 2), ("medio mars", 3), ("primo april", 4), ("før nyttår", 12)],
)
def test_a_week_or_a_latin_part_of_a_month_is_asked_about_as_the_month(text: str, month: int) -> None:
    found = read_date(text, now=TUE)
    assert isinstance(found, ParsedDate) and found.month_only and found.when.month == month, found


def test_lunch_is_a_part_of_the_day() -> None:
    found = read_date("onsdag 10.2, lunsj", now=TUE)
    assert isinstance(found, ParsedDate) and found.daypart and not found.has_time
    span = read_date("11.–12. februar, lunsj til lunsj", now=TUE)
    assert isinstance(span, ParsedDate) and span.span_end == date(2027, 2, 12)


@pytest.mark.parametrize(
    "text",
    [
        "Avlyst: 10.2",  # a colon after a word that changes what is said
        "møtet onsdag 10.2",  # text in front without a label's colon stays noise
        "10.2 kl 13 (UTC+00:00) Dublin, Edinburgh, Lisbon, London",  # another zone: not read at a wrong hour
        "10.2 kl 13 GMT",
        "Gammel dato: 3. mars, ny dato: 10. mars",
        "Tid: 10.2 kl 13\nAlternativ: 11.2 kl 13",  # two dates on an invitation's lines
        "10.2 på Scandic og 11.2 på Thon",
        "Mvh Kari\nAgder fylkeskommune",
        "10.2 kl 3",  # 03.00 or 15.00
        "10.2 ved 2-tida",
        "10.2 halv fire",
        "10.2 13 pm",
        "tirsdg neste uke",  # a misspelt weekday would choose the day
        "12. febraur",  # a misspelt month is offered, never read
        "lunsj",
        "9-tida",
        "nyttår",  # a holiday season, not a day
    ],
)
def test_not_read(text: str) -> None:
    assert read_date(text, now=TUE) is None


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("torsdga 12.2", "weekday"),  # 12 February 2027 is a Friday
        ("Wed 11.02.2027", "weekday"),
        ("seint i haust", "vague"),
        ("til sommaren", "vague"),
        ("etter haustferien", "vague"),
        ("slutten av uka", "vague"),
        ("våren 2027", "vague"),
    ],
)
def test_refused_with_a_reason(text: str, reason: str) -> None:
    found = read_date(text, now=TUE)
    assert isinstance(found, DateTrouble) and found.reason == reason, found


@pytest.fixture
def wed() -> BotDriver:
    return make_bot(at=oslo(2026, 11, 25, 10))


def test_dato_names_what_is_vague(wed: BotDriver) -> None:
    assert_refused(wed, "dato høst seint i haust", as_="kari", contains="«seint i haust» sier ikke hvilken dag")


def test_dato_reads_a_date_pasted_with_its_signature(wed: BotDriver) -> None:
    assert_recorded(wed, "dato høst Forslag: fredag 27. november kl 10\n\nMed vennlig hilsen\nKari", as_="kari")
    value = wed.tables("cycle/agder/2026").get("milestones", {}).get("regional-autumn", {}).get("planned")
    assert value is not None and datetime.fromisoformat(value) == oslo(2026, 11, 27, 10)
