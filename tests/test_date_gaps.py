"""Forms `dato` once did not read: a day without its month, ordinal words for the day, a time range, weeks
named from Easter, parts of the day; and the near-misses that must be refused or asked about instead.

Now is Wednesday 25 November 2026, 10:00 Oslo. Expected dates are written out by hand from a calendar
(Easter 2027 is 28 March, Whitsun 16 May; Easter 2028 is 16 April), not computed with the code under test.
"""

from __future__ import annotations

from datetime import date, datetime

import pytest

from bot.clock import OSLO
from bot.dates.grammar import DateTrouble, ParsedDate, read_date
from bot.dates.hints import mended_date
from tests.driver import BotDriver, make_bot, oslo
from tests.helpers import assert_recorded, assert_refused

WED = datetime(2026, 11, 25, 10, 0, tzinfo=OSLO)
AGDER_2026 = "cycle/agder/2026"


def at(y: int, m: int, d: int, hh: int | None = None, mm: int = 0) -> tuple[datetime, bool]:
    if hh is None:
        return datetime(y, m, d, tzinfo=OSLO), False
    return datetime(y, m, d, hh, mm, tzinfo=OSLO), True


READS: list[tuple[str, tuple[datetime, bool]]] = [
    # a day of the month alone: the next such day on or after today
    ("den 22.", at(2026, 12, 22)),
    ("22.", at(2026, 12, 22)),
    ("den 22", at(2026, 12, 22)),
    ("den 27. kl 10", at(2026, 11, 27, 10)),
    ("27. kl 10", at(2026, 11, 27, 10)),
    ("på den 27.", at(2026, 11, 27)),
    ("den 25.", at(2026, 11, 25)),  # today counts
    ("den 21.", at(2026, 12, 21)),  # this month's has passed: next month's
    ("den 1. kl. 09.00", at(2026, 12, 1, 9)),
    ("Den 22. klokka 10:30", at(2026, 12, 22, 10, 30)),
    ("torsdag den 3.", at(2026, 12, 3)),
    ("fredag den tjuesjuende", at(2026, 11, 27)),
    ("den andre måndag i desember", at(2026, 12, 14)),
    ("den 3. (torsdag)", at(2026, 12, 3)),
    ("den tjueandre", at(2026, 12, 22)),
    ("den tjuande", at(2026, 12, 20)),  # nynorsk
    # ordinal words for the day (bokmål)
    ("andre desember", at(2026, 12, 2)),
    ("den andre desember", at(2026, 12, 2)),
    ("tjuende januar", at(2027, 1, 20)),
    ("den tjueførste mai", at(2027, 5, 21)),
    ("tredje desember 2027", at(2027, 12, 3)),
    ("torsdag den tredje desember", at(2026, 12, 3)),
    ("femte mars kl 10", at(2027, 3, 5, 10)),
    ("tjue-første mai", at(2027, 5, 21)),
    ("trettiførste desember", at(2026, 12, 31)),
    ("ellevte januar", at(2027, 1, 11)),
    ("syvende februar", at(2027, 2, 7)),
    ("den tjueforste mai", at(2027, 5, 21)),  # no ø on the keyboard
    ("attende mars", at(2027, 3, 18)),  # 18th: "åttende" without å would be the 8th, so it is not guessed
    ("aattende mars", at(2027, 3, 8)),
    # ordinal words for the day (nynorsk)
    ("tjuande januar", at(2027, 1, 20)),
    ("fyrste desember", at(2026, 12, 1)),
    ("sjuande mai", at(2027, 5, 7)),
    ("den tjuefyrste mai", at(2027, 5, 21)),
    ("trettande april", at(2027, 4, 13)),
    ("tjueåttande februar", at(2027, 2, 28)),
    # ...without disturbing the weekday of a month and the named days
    ("første mandag i mars", at(2027, 3, 1)),
    ("siste fredag i januar", at(2027, 1, 29)),
    ("andre tirsdag i desember", at(2026, 12, 8)),
    ("andre juledag", at(2026, 12, 26)),
    ("første mai", at(2027, 5, 1)),
    ("syttende mai", at(2027, 5, 17)),
    # a time range: the start is what is kept
    ("fredag 14-16", at(2026, 11, 27, 14)),
    ("fredag kl 14–16", at(2026, 11, 27, 14)),
    ("22. april kl. 10.00-12.00", at(2027, 4, 22, 10)),
    ("22. april 10-12", at(2027, 4, 22, 10)),
    ("fredag fra 14 til 16", at(2026, 11, 27, 14)),
    ("fredag kl 10 til 12", at(2026, 11, 27, 10)),
    ("i morgen 9-11", at(2026, 11, 26, 9)),
    ("fredag 10-12", at(2026, 11, 27, 10)),  # 10 December is a Thursday: no date here
    ("fredag 14.00-15.30", at(2026, 11, 27, 14)),
    ("fredag 14:00 - 16:00", at(2026, 11, 27, 14)),
    ("den 27. 14-16", at(2026, 11, 27, 14)),
    ("3. desember 10.00 - 12.00", at(2026, 12, 3, 10)),
    ("7. desember fra kl. 12.00 til kl. 14.00", at(2026, 12, 7, 12)),
    ("7. desember kl 12 - kl 14", at(2026, 12, 7, 12)),
    ("uke 49 torsdag 10-12", at(2026, 12, 3, 10)),
    ("neste uke torsdag 14-16", at(2026, 12, 3, 14)),
    ("mandag 30/11 kl 0900-1100", at(2026, 11, 30, 9)),
    ("torsdag 3. desember mellom 10 og 12", at(2026, 12, 3, 10)),
    ("torsdag mellom kl. 10.00 og kl. 12.30", at(2026, 11, 26, 10)),
    ("måndag 9-11", at(2026, 11, 30, 9)),  # nynorsk
    ("tysdag kl. 10.00–12.00", at(2026, 12, 1, 10)),
    # parts of the day name no time
    ("i morgen tidlig", at(2026, 11, 26)),
    ("i kveld", at(2026, 11, 25)),
    ("i ettermiddag", at(2026, 11, 25)),
    ("fredag ettermiddag", at(2026, 11, 27)),
    ("fredag kveld", at(2026, 11, 27)),
    ("i morgon tidleg", at(2026, 11, 26)),
    ("fredag føremiddag", at(2026, 11, 27)),  # nynorsk
    ("i morgon foremiddag", at(2026, 11, 26)),
    ("i kveld kl 19", at(2026, 11, 25, 19)),
    # weekends and weeks named from Easter and Whitsun: the Monday after, like "over helgen"
    ("over helga", at(2026, 11, 30)),
    ("over helgen", at(2026, 11, 30)),
    ("etter helga", at(2026, 11, 30)),
    # a week after a feast is its first working day, never the holiday Monday (walk 14a F4)
    ("etter påske", at(2027, 3, 30)),
    ("uka etter påske", at(2027, 3, 30)),
    ("uken etter påsken", at(2027, 3, 30)),
    ("veka etter påske", at(2027, 3, 30)),
    ("uka før påske", at(2027, 3, 22)),
    ("påskeuka", at(2027, 3, 22)),
    ("tirsdag etter påske", at(2027, 3, 30)),
    ("etter pinse", at(2027, 5, 18)),
    ("uka etter påske 2028", at(2028, 4, 18)),
    # the rest of the list checked once
    ("den 1.12", at(2026, 12, 1)),
    ("1/12-26", at(2026, 12, 1)),
    ("01.12.2026 kl 0900", at(2026, 12, 1, 9)),
    ("3. mars kl. 9", at(2027, 3, 3, 9)),
    ("3. mars kl 09.00", at(2027, 3, 3, 9)),
    ("3. mars 9:00", at(2027, 3, 3, 9)),
    ("torsdag 3. des", at(2026, 12, 3)),
]


@pytest.mark.parametrize(("text", "expected"), READS, ids=[t for t, _ in READS])
def test_reads(text: str, expected: tuple[datetime, bool]) -> None:
    when, has_time = expected
    assert read_date(text, now=WED) == ParsedDate(when=when, has_time=has_time)


@pytest.mark.parametrize(
    ("text", "day_of_month", "until", "daypart"),
    [
        ("den 22.", True, None, False),
        ("andre desember", False, None, False),
        ("fredag 14-16", False, (16, 0), False),
        ("22. april kl. 10.00-12.30", False, (12, 30), False),
        ("fredag kl 14", False, None, False),
        ("i morgen tidlig", False, None, True),
        ("i kveld", False, None, True),
        ("i kveld kl 19", False, None, False),
        ("i morgen", False, None, False),
        ("den 27. kl 10-11", True, (11, 0), False),
    ],
)
def test_what_was_read_beyond_the_words(
    text: str, day_of_month: bool, until: tuple[int, int] | None, daypart: bool
) -> None:
    parsed = read_date(text, now=WED)
    assert isinstance(parsed, ParsedDate)
    assert (parsed.day_of_month, parsed.until, parsed.daypart) == (day_of_month, until, daypart)


MONTH_PARTS: list[tuple[str, date]] = [
    ("midten av januar", date(2027, 1, 15)),
    ("tidlig i januar", date(2027, 1, 1)),
    ("slutten av januar", date(2027, 1, 31)),
    ("tidleg i januar", date(2027, 1, 1)),  # nynorsk
    ("i byrjinga av mars", date(2027, 3, 1)),
    ("midt i januar", date(2027, 1, 15)),
    ("sist i mars", date(2027, 3, 31)),
    ("først i april", date(2027, 4, 1)),
    ("på slutten av januar", date(2027, 1, 31)),
    ("ved utgangen av januar", date(2027, 1, 31)),
    ("mot slutten av januar", date(2027, 1, 31)),
]


@pytest.mark.parametrize(("text", "expected"), MONTH_PARTS)
def test_a_part_of_a_month_is_asked_about_like_a_month(text: str, expected: date) -> None:
    parsed = read_date(text, now=WED)
    assert isinstance(parsed, ParsedDate) and parsed.month_only
    assert parsed.when.date() == expected


@pytest.mark.parametrize(
    ("text", "reason", "now", "window"),
    [
        ("fredag 3. desember 2026", "weekday", WED, None),
        ("fredag den tredje desember", "weekday", WED, None),
        ("den 26. (fredag)", "weekday", WED, None),
        ("fredag den 3.", "weekday", WED, None),  # not the next Friday the 3rd, in September 2027
        ("fredag 31.", "weekday", WED, None),
        ("den 22. og 24.", "two_dates", WED, None),  # days apart; «den 22. og 23.» is a meeting (dates18)
        ("22. 23.", "two_dates", WED, None),
        ("andre desember tredje desember", "two_dates", WED, None),
        ("torsdag 10-12", "ambiguous", WED, None),  # 10 December is a Thursday too
        ("den 31.", "month", WED, None),  # November has none: the end of this month, or 31 December?
        ("den 31.", "month", datetime(2027, 2, 1, 9, tzinfo=OSLO), None),
        ("den 22. 10-12", "ambiguous", WED, None),  # 22.10.12 is a date too
        ("den 30.", "month", datetime(2027, 1, 31, 9, tzinfo=OSLO), None),
        ("den 22.", "month", WED, (date(2027, 1, 1), date(2027, 6, 30))),  # the year typed is 2027
    ],
)
def test_refused_or_asked(text: str, reason: str, now: datetime, window: tuple[date, date] | None) -> None:
    found = read_date(text, now=now, window=window)
    assert isinstance(found, DateTrouble) and found.reason == reason, found
    assert found.message.endswith((".", "?"))


def test_a_date_or_a_time_offers_both() -> None:
    found = read_date("torsdag 10-12", now=WED)
    assert isinstance(found, DateTrouble)
    assert found.instead == ("10. desember", "torsdag kl 10.00")
    for phrase, expected in zip(found.instead, (at(2026, 12, 10), at(2026, 11, 26, 10)), strict=True):
        assert read_date(phrase, now=WED) == ParsedDate(when=expected[0], has_time=expected[1])


@pytest.mark.parametrize(
    "text",
    [
        "22",  # a bare number could be a week or a year
        "27 kl 10",
        "den",
        "den 32.",
        "den 0.",
        "32.",
        "andre",
        "tjueførste",
        "den andre gangen",
        "31. april",
        "den trettiførste februar",
        "kl 14-16",
        "14-16",
        "fredag 16-14",
        "fredag kl 10 og 14",  # two times, not a range
        "desmber",  # near-misses are never read; `dato` offers the mended phrase
        "3. desmber",
        "3. febuar",
        "etter",
        "uka etter",
    ],
)
def test_not_a_date(text: str) -> None:
    assert read_date(text, now=WED) is None


@pytest.mark.parametrize(
    ("text", "mended"),
    [
        ("3. desmber", "3. desember"),
        ("febuar", "februar"),
        ("3. Febuar kl 10", "3. februar kl 10"),
        ("torsdga 3. des", "torsdag 3. des"),
        ("22. aprill 2027", "22. april 2027"),
        ("3. julu", None),  # too short to guess
        ("3. desmber 3. febuar", None),  # two guesses, and two dates
        ("møte 3. desmber", None),  # mended, still not a date
        ("3. desember", None),  # nothing to mend
        ("blah blah", None),
    ],
)
def test_a_misspelt_month_is_offered_not_read(text: str, mended: str | None) -> None:
    assert mended_date(text, now=WED) == mended


HOSTILE = [
    "den " * 1000,
    "1-" * 2000,
    "22." * 1333,
    "fredag " + "14-" * 1300,
    "kl 1" * 1000,
    "tjue" * 1000,
    "uka etter " * 400,
    " ," * 2000,
]


@pytest.mark.parametrize("size", [30, 119, 4000])
def test_hostile_phrases_are_answered(size: int) -> None:
    # Every pattern is linear (no nested repeats), and the reader cuts phrases longer than a chat date;
    # this walks the same hostile shapes at the cap and far beyond it.
    for text in HOSTILE:
        phrase = text[:size]
        assert read_date(phrase, now=WED) is None or size < 120
        assert mended_date(phrase, now=WED) is None or size < 120


@pytest.fixture
def wed() -> BotDriver:
    return make_bot(at=oslo(2026, 11, 25, 10))


def planned(bot: BotDriver, partition: str, key: str) -> datetime | None:
    value = bot.tables(partition).get("milestones", {}).get(key, {}).get("planned")
    return datetime.fromisoformat(value) if value else None


@pytest.mark.parametrize(
    ("command", "when", "note"),
    [
        ("dato høst den 27. kl 10", oslo(2026, 11, 27, 10), "ingen måned skrevet, så november er valgt"),
        ("dato høst den 30.", oslo(2026, 11, 30), "så november er valgt"),
        # A one-day meeting's end is kept now, for the calendar feed (walk 7 F19; it was «… lagres ikke»).
        ("dato høst fredag 14-16", oslo(2026, 11, 27, 14), "kl. 14.00 (slutt kl. 16.00)"),
        ("dato høst i morgen tidlig", oslo(2026, 11, 26), "uten klokkeslett"),
        ("dato høst trettiende november kl 9", oslo(2026, 11, 30, 9), "mandag 30. november 2026 kl. 09.00"),
    ],
)
def test_dato_says_what_it_took(wed: BotDriver, command: str, when: datetime, note: str) -> None:
    reply = assert_recorded(wed, command, as_="kari")
    assert note in reply.text, reply.text
    assert planned(wed, AGDER_2026, "regional-autumn") == when


def test_the_note_is_in_nynorsk_for_a_nynorsk_channel(wed: BotDriver) -> None:
    reply = assert_recorded(wed, "dato haust den 27. kl 10-12", as_="per")
    assert "ingen månad skriven, så november er vald" in reply.text, reply.text
    assert "slutt kl. 12.00" in reply.text and "vert ikkje lagra" not in reply.text  # the end is kept (walk 7 F19)


@pytest.mark.parametrize(
    ("command", "needles"),
    [
        ("dato høst 3. desmber", ("«3. desmber»", "Mente du «dato høst 3. desember»?")),
        ("dato høst torsdag 10-12", ("«dato høst 10. desember» eller «dato høst torsdag kl 10.00»",)),
        ("dato vår 2027 den 22.", ("Hvilken måned mener du med «den 22.»?", "«dato vår 2027 22. januar»")),
        ("dato høst fredag 3. desember 2026", ("er en torsdag, ikke en fredag",)),
        ("dato høst den 22. og 24.", ("er to datoer",)),
    ],
)
def test_dato_asks_instead_of_guessing(wed: BotDriver, command: str, needles: tuple[str, ...]) -> None:
    assert_refused(wed, command, as_="kari", contains=needles)
