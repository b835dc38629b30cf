"""Date forms that batch 8 of the held-out corpus found unread (issue 18): a day proposed with reserve («rundt 20.
januar», «tentativt 20.1», «20.1 (TBC)», «– med forbehold»), «20-jan-27», «ons. uke 19», «kl:9», a range of hours in
words («fra ni til tre»), an .ics file's DTSTART line and the second to fourth week of a month. The phrases are the
tests' own, not the corpus's; each family is checked for the wrong dates it could bring."""

from __future__ import annotations

from datetime import datetime

import pytest

from bot.clock import OSLO
from bot.dates.grammar import DateTrouble, ParsedDate, read_date
from tests.driver import BotDriver, make_bot, oslo
from tests.helpers import assert_recorded
from tests.test_date_gaps import at

TUE = datetime(2027, 2, 2, 10, 0, tzinfo=OSLO)

READS: list[tuple[str, tuple[datetime, bool]]] = [
    # a day proposed with reserve is the day proposed
    ("rundt 16. februar", at(2027, 2, 16)),
    ("ca. 16.2 kl 10", at(2027, 2, 16, 10)),
    ("Omkring tysdag 16. februar", at(2027, 2, 16)),
    ("tentativt 16.2", at(2027, 2, 16)),
    ("førebels 16.2.", at(2027, 2, 16)),
    ("16.2 (tbc)", at(2027, 2, 16)),
    ("16.2 (foreløpig)", at(2027, 2, 16)),
    ("16.2 kl 9 – med forbehold", at(2027, 2, 16, 9)),
    ("16. februar, med atterhald", at(2027, 2, 16)),
    ("Kan vi ta det rundt 16. februar?", at(2027, 2, 16)),
    # a month's short name between dashes, a short weekday with its point before a week
    ("16-feb-27", at(2027, 2, 16)),
    ("16-FEB-2027 kl 10", at(2027, 2, 16, 10)),
    ("tys. veke 7", at(2027, 2, 16)),
    ("ons. uke 7", at(2027, 2, 17)),
    # «kl:9», a range of hours said in words
    ("16.2 kl:9", at(2027, 2, 16, 9)),
    ("tysdag 16. februar frå åtte til fire", at(2027, 2, 16, 8)),
    ("fredag fra ti til to", at(2027, 2, 5, 10)),
    # an .ics file's start line: floating, Oslo's zone, UTC
    ("DTSTART:20270216T090000", at(2027, 2, 16, 9)),
    ("DTSTART;TZID=Europe/Oslo:20270216T090000\nDTEND;TZID=Europe/Oslo:20270216T150000", at(2027, 2, 16, 9)),
    ("DTSTART:20270216T080000Z", at(2027, 2, 16, 9)),
    ("BEGIN:VEVENT\nSUMMARY:Dialogmøte\nDTSTART;VALUE=DATE:20270216\nEND:VEVENT", at(2027, 2, 16)),
]


@pytest.mark.parametrize(("text", "expected"), READS)
def test_reads(text: str, expected: tuple[datetime, bool]) -> None:
    parsed = read_date(text, now=TUE)
    assert isinstance(parsed, ParsedDate), f"{text!r} was not read"
    assert (parsed.when, parsed.has_time) == expected


@pytest.mark.parametrize(
    ("text", "first"), [("andre uka i mars", 8), ("tredje veka i mars", 15), ("fjerde uka i mars", 22)]
)
def test_a_week_of_the_month_is_asked_as_a_week(text: str, first: int) -> None:
    parsed = read_date(text, now=TUE)
    assert isinstance(parsed, ParsedDate) and parsed.month_only and parsed.when.day == first
    assert parsed.month_part.endswith("_week")


@pytest.mark.parametrize(
    "text",
    [
        # reserve around two days, a day that is off, or no day at all
        "rundt 16. eller 17. februar",
        "ca. 16.2 evt. 17.2",
        "16.2 eller 17.2 (TBC)",
        "foreløpig ikkje 16.2",
        "tentativt",
        "ca. 20 deltakarar",
        "rundt 20",
        "ca. 1/3 av midlane",
        "16.2 – med forbehold om budsjettet",
        # reserve before a feast or a week stays vague
        "rundt påske",
        "ca. uke 7",
        # dashes that are no month
        "3-ukers kurs",
        "sak 16-feb-27",
        # hours in words that could be the night, or no range
        "fredag fra to til fire",
        "kl:2 fredag",
        # .ics: another zone, two starts, a year before 2000, no such day
        "DTSTART;TZID=Europe/London:20270216T090000",
        "DTSTART:20270216T090000\nDTSTART:20270217T090000",
        "DTSTART:19991231T090000",
        "DTSTART:20271340T090000",
    ],
)
def test_not_one_date_is_refused(text: str) -> None:
    assert not isinstance(read_date(text, now=TUE), ParsedDate), text


def test_reserve_before_a_feast_says_it_is_vague() -> None:
    found = read_date("rundt påske", now=TUE)
    assert isinstance(found, DateTrouble) and found.reason == "vague"


@pytest.fixture
def wed() -> BotDriver:
    return make_bot(at=oslo(2026, 11, 25, 10))


def test_dato_reads_a_tentative_day(wed: BotDriver) -> None:
    assert_recorded(wed, "dato høst tentativt fredag 27. november kl 10", as_="kari")
    value = wed.tables("cycle/agder/2026").get("milestones", {}).get("regional-autumn", {}).get("planned")
    assert value is not None and datetime.fromisoformat(value) == oslo(2026, 11, 27, 10)
