"""What coordinators type, and what the bot must understand by it.

Expected dates are written out by hand (checked against a calendar), not computed with the
code under test, so a wrong rule cannot agree with itself.
"""

from __future__ import annotations

import logging
from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from bot.clock import OSLO
from bot.dates.grammar import ParsedDate, parse_norwegian_date
from bot.dates.text import format_norwegian, format_short

SUNDAY = datetime(2026, 11, 22, 14, 0, tzinfo=OSLO)  # ISO week 47 of 2026
MONDAY = datetime(2026, 11, 23, 9, 0, tzinfo=OSLO)


def at(y: int, m: int, d: int, hh: int = 0, mm: int = 0) -> datetime:
    return datetime(y, m, d, hh, mm, tzinfo=OSLO)


def test_fixed_now_is_the_sunday_the_table_assumes() -> None:
    assert SUNDAY.weekday() == 6 and MONDAY.weekday() == 0


SUNDAY_TABLE: list[tuple[str, datetime, bool]] = [
    # explicit day and month; no year means the next occurrence
    ("22. april kl 10", at(2027, 4, 22, 10), True),
    ("22. april kl. 10.30", at(2027, 4, 22, 10, 30), True),
    ("22. april klokka 10:30", at(2027, 4, 22, 10, 30), True),
    ("22.04.27 10.00", at(2027, 4, 22, 10), True),
    ("22.04.2027", at(2027, 4, 22), False),
    ("22.04.2027 10.00", at(2027, 4, 22, 10), True),
    ("22/4", at(2027, 4, 22), False),
    ("22/4/2027", at(2027, 4, 22), False),
    ("22.4.", at(2027, 4, 22), False),
    ("2027-04-22", at(2027, 4, 22), False),
    ("2027-04-22 10:00", at(2027, 4, 22, 10), True),
    ("2027-04-22T10:00", at(2027, 4, 22, 10), True),
    ("28. november kl 10", at(2026, 11, 28, 10), True),  # dateparser alone: year 2110
    ("28. november", at(2026, 11, 28), False),
    ("22. november", at(2026, 11, 22), False),  # today counts as "on/after today"
    ("21. november", at(2027, 11, 21), False),
    ("22. April 2027", at(2027, 4, 22), False),
    ("torsdag 22. april 2027 kl. 10.00", at(2027, 4, 22, 10), True),
    ("torsdag, 22. april", at(2027, 4, 22), False),
    ("den 22. april", at(2027, 4, 22), False),
    ("22 des 2027", at(2027, 12, 22), False),
    ("3. jan", at(2027, 1, 3), False),
    ("22. sept.", at(2027, 9, 22), False),
    ("1. okt kl 9", at(2027, 10, 1, 9), True),
    ("torsdag 22.04", at(2027, 4, 22), False),  # a dotted pair after a weekday is a date
    ("fredag 10.30", at(2026, 11, 27, 10, 30), True),  # ...unless it cannot be one
    ("kl 10 22. april", at(2027, 4, 22, 10), True),
    ("22. april kl 10-12", at(2027, 4, 22, 10), True),
    ("22. april kl 0930", at(2027, 4, 22, 9, 30), True),
    # relative days
    ("i dag", at(2026, 11, 22), False),
    ("idag", at(2026, 11, 22), False),
    ("i morgen", at(2026, 11, 23), False),
    ("I MORGEN KL 9", at(2026, 11, 23, 9), True),
    ("i overmorgen", at(2026, 11, 24), False),
    ("i morgon", at(2026, 11, 23), False),  # nynorsk
    ("om 3 dager", at(2026, 11, 25), False),
    ("om to uker", at(2026, 12, 6), False),
    ("om ei veke", at(2026, 11, 29), False),
    ("om tre dagar", at(2026, 11, 25), False),
    ("om en måned", at(2026, 12, 22), False),
    # weekdays
    ("fredag", at(2026, 11, 27), False),
    ("på fredag", at(2026, 11, 27), False),
    ("Fredag kl 13", at(2026, 11, 27, 13), True),
    ("neste fredag", at(2026, 11, 27), False),
    ("tirsdag neste uke", at(2026, 11, 24), False),
    ("tirsdag i neste uke", at(2026, 11, 24), False),
    ("søndag", at(2026, 11, 29), False),  # today is Sunday: "søndag" is the next one
    ("førstkommende onsdag", at(2026, 11, 25), False),
    ("neste uke", at(2026, 11, 23), False),
    ("onsdag denne uka", at(2026, 11, 18), False),
    # nynorsk and keyboards without æøå
    ("måndag", at(2026, 11, 23), False),
    ("tysdag", at(2026, 11, 24), False),
    ("laurdag", at(2026, 11, 28), False),
    ("sundag", at(2026, 11, 29), False),
    ("neste veke", at(2026, 11, 23), False),
    ("tysdag neste veke", at(2026, 11, 24), False),
    ("paa lordag", at(2026, 11, 28), False),
    ("pa sondag", at(2026, 11, 29), False),
    ("maandag neste veke", at(2026, 11, 23), False),
    ("forstkommende fredag", at(2026, 11, 27), False),
    ("loerdag kl 12", at(2026, 11, 28, 12), True),
    # ISO weeks: Monday of the week unless a weekday is named
    ("uke 17", at(2027, 4, 26), False),
    ("uke 17 2027", at(2027, 4, 26), False),
    ("uke 17, 2028", at(2028, 4, 24), False),
    ("onsdag uke 17", at(2027, 4, 28), False),
    ("onsdag i uke 17 kl 10", at(2027, 4, 28, 10), True),
    ("veke 17", at(2027, 4, 26), False),
    ("uke 47", at(2026, 11, 16), False),  # the week still running means this week
    ("uke 53", at(2026, 12, 28), False),
    # the long tail, once left to dateparser
    ("april 22", at(2027, 4, 22), False),
    ("for to dager siden", at(2026, 11, 20), False),
]


@pytest.mark.parametrize(("text", "expected", "has_time"), SUNDAY_TABLE)
def test_phrases_on_a_sunday(text: str, expected: datetime, has_time: bool) -> None:
    parsed = parse_norwegian_date(text, now=SUNDAY)
    assert parsed == ParsedDate(when=expected, has_time=has_time)
    assert parsed.when.tzinfo is OSLO


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("fredag", date(2026, 11, 27)),
        ("neste fredag", date(2026, 12, 4)),  # read as Friday of next week
        ("tirsdag neste uke", date(2026, 12, 1)),
        ("mandag", date(2026, 11, 30)),  # today would be "i dag"
        ("i dag", date(2026, 11, 23)),
        ("neste uke", date(2026, 11, 30)),
    ],
)
def test_weekdays_on_a_monday(text: str, expected: date) -> None:
    parsed = parse_norwegian_date(text, now=MONDAY)
    assert parsed is not None and parsed.when.date() == expected


def test_offsets_follow_oslo_summer_and_winter_time() -> None:
    summer = parse_norwegian_date("22. april kl 10", now=SUNDAY)
    winter = parse_norwegian_date("28. november kl 10", now=SUNDAY)
    assert summer is not None and summer.when.utcoffset() == timedelta(hours=2)
    assert winter is not None and winter.when.utcoffset() == timedelta(hours=1)


def test_now_in_another_zone_is_read_as_oslo_wall_time() -> None:
    # 23:30 UTC on Sunday is already Monday in Oslo.
    late = datetime(2026, 11, 22, 23, 30, tzinfo=UTC)
    parsed = parse_norwegian_date("i dag", now=late)
    assert parsed is not None and parsed.when == at(2026, 11, 23)


@pytest.mark.parametrize(
    ("text", "window", "expected"),
    [
        ("22. november", (date(2027, 1, 1), date(2027, 12, 31)), date(2027, 11, 22)),
        ("15. oktober", (date(2026, 8, 1), date(2027, 7, 31)), date(2026, 10, 15)),
        (
            "1. mars",
            (date(2026, 1, 1), date(2027, 12, 31)),
            date(2027, 3, 1),
        ),  # not past
        ("1. mars", (date(2025, 1, 1), date(2025, 12, 31)), date(2025, 3, 1)),
        (
            "31. januar",
            (date(2027, 2, 1), date(2027, 2, 28)),
            date(2027, 1, 31),
        ),  # nearest
        ("1. mars", (date(2027, 2, 1), date(2027, 2, 28)), date(2027, 3, 1)),
        ("29.2", (date(2028, 1, 1), date(2028, 12, 31)), date(2028, 2, 29)),  # walk 3 #14: a 2027 window gave 2028
        ("22/4", (date(2027, 12, 31), date(2027, 1, 1)), date(2027, 4, 22)),  # reversed
        ("uke 17", (date(2028, 1, 1), date(2028, 12, 31)), date(2028, 4, 24)),
        ("22. april 2026", (date(2027, 1, 1), date(2027, 12, 31)), date(2026, 4, 22)),
        ("i morgen", (date(2030, 1, 1), date(2030, 12, 31)), date(2026, 11, 23)),
    ],
)
def test_window_picks_the_year(text: str, window: tuple[date, date], expected: date) -> None:
    parsed = parse_norwegian_date(text, now=SUNDAY, window=window)
    assert parsed is not None and parsed.when.date() == expected


@pytest.mark.parametrize(
    ("when", "with_time", "expected"),
    [
        (at(2027, 4, 22, 10), True, "torsdag 22. april 2027 kl. 10.00"),
        (at(2027, 4, 22, 10), False, "torsdag 22. april 2027"),
        (at(2027, 4, 20, 9, 5), True, "tirsdag 20. april 2027 kl. 09.05"),
        (at(2026, 11, 28, 18, 30), True, "lørdag 28. november 2026 kl. 18.30"),
        (at(2027, 2, 7), False, "søndag 7. februar 2027"),
        (
            datetime(2027, 4, 22, 8, 0, tzinfo=UTC),
            True,
            "torsdag 22. april 2027 kl. 10.00",
        ),
    ],
)
def test_format_norwegian(when: datetime, with_time: bool, expected: str) -> None:
    assert format_norwegian(when, with_time=with_time) == expected


def test_format_short() -> None:
    assert format_short(date(2027, 4, 22)) == "22. april 2027"
    assert format_short(date(2026, 12, 1)) == "1. desember 2026"


@pytest.mark.parametrize("with_time", [True, False])
def test_what_the_bot_echoes_reads_back_the_same(with_time: bool) -> None:
    when = at(2027, 6, 3, 13, 15) if with_time else at(2027, 6, 3)
    parsed = parse_norwegian_date(format_norwegian(when, with_time=with_time), now=SUNDAY)
    assert parsed == ParsedDate(when=when, has_time=with_time)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "hei",
        "ok",
        "neste",
        "møte",
        "signer IN agder 2027",
        "22",
        "2027",
        "kl 10",
        "fredag kl 25",
        "22. april kl 10.75",
        "31.02",
        # walk 3 #14: in November 2026 the February meant is 2027's, which has no 29th; this list used to
        # expect 29 February 2028 (the next cycle's), which the finding calls a silent move
        "29. februar",
        "32. mars",
        "22.13.2027",
        "uke 54",
        "uke 53 2027",
        "om dager",
        "🙂📅",
        "ÆØÅ ÆØÅ",
        "x" * 10_000,
        "22. april " * 500,
    ],
)
def test_not_a_date_is_none(text: str) -> None:
    assert parse_norwegian_date(text, now=SUNDAY) is None


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@settings(max_examples=300, deadline=None)
@given(text=st.text(max_size=200), shift=st.integers(min_value=-4000, max_value=4000))
def test_random_text_never_raises(text: str, shift: int) -> None:
    # The safety net in parse_norwegian_date logs a warning when it swallows an error;
    # none may be logged, so this catches bugs the net would otherwise hide.
    collect = _Collect()
    logging.getLogger("bot.dates.grammar").addHandler(collect)
    try:
        now = SUNDAY + timedelta(days=shift)
        parsed = parse_norwegian_date(text, now=now)
        parsed_in_window = parse_norwegian_date(text, now=now, window=(date(2027, 1, 1), date(2027, 12, 31)))
    finally:
        logging.getLogger("bot.dates.grammar").removeHandler(collect)
    assert collect.records == []
    for result in (parsed, parsed_in_window):
        assert result is None or result.when.tzinfo is OSLO


FRAGMENTS = [
    "22", "0", "99", "2027", "22.04", "22/4", "31.02.27", "2027-04-22", ".", ",", "-",
    "kl", "kl.", "10", "10.30", "10:30", "25:00", "i", "på", "om", "den", "neste",
    "uke", "veke", "53", "fredag", "tysdag", "april", "sept.", "dager", "uker",
    "måneder", "to", "morgen", "i morgen", "dag", "denne", "forrige", "999",
]  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(
    words=st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=6),
    shift=st.integers(min_value=-40_000, max_value=40_000),
)
def test_date_like_word_salad_never_raises(words: list[str], shift: int) -> None:
    # Random unicode rarely reaches the rules; shuffled date words do.
    collect = _Collect()
    logging.getLogger("bot.dates.grammar").addHandler(collect)
    try:
        now = SUNDAY + timedelta(days=shift)
        for window in (None, (date(1, 1, 1), date(1, 12, 31))):
            result = parse_norwegian_date(" ".join(words), now=now, window=window)
            assert result is None or result.when.tzinfo is OSLO
    finally:
        logging.getLogger("bot.dates.grammar").removeHandler(collect)
    assert collect.records == []


@settings(max_examples=200, deadline=None)
@given(
    day=st.integers(min_value=1, max_value=28),
    month=st.integers(min_value=1, max_value=12),
    hour=st.integers(min_value=0, max_value=23),
    minute=st.integers(min_value=0, max_value=59),
)
def test_any_written_date_and_time_round_trips(day: int, month: int, hour: int, minute: int) -> None:
    # The hour Oslo's clock skips (02.00–02.59 on 28 March 2027) is refused on purpose (test_dato_clock_change.py).
    assume(not (month == 3 and day == 28 and hour == 2))
    text = f"{day}.{month}.2027 kl. {hour:02d}.{minute:02d}"
    assert parse_norwegian_date(text, now=SUNDAY) == ParsedDate(when=at(2027, month, day, hour, minute), has_time=True)
