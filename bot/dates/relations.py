"""Days named from another day, as the model's calendar is talked about: «dagen etter 17. mai», «første
tysdag etter påske», «onsdag før påske», «første arbeidsdag etter påske», «første/siste arbeidsdag i
januar», «fredag om 14 dager».

Each rule reads the day it counts from with the whole grammar (`read`), so «dagen etter» works after any
date the grammar knows, and the same phrase in another year is that year's (for `dato`'s year rule).
"""

from __future__ import annotations

import logging
import re
from calendar import monthrange
from collections.abc import Callable
from datetime import date, timedelta

from bot.dates.found import Found, Maker, choose_year
from bot.dates.words import COMING_WORDS, DAY_UNITS, MONTHS, NUMBERS, WEEKDAYS, WORKDAY_WORDS, alternation
from bot.dates.workdays import is_working_day

logger = logging.getLogger(__name__)

Read = Callable[[str], Found | None]

_WD = alternation(WEEKDAYS)
_WORKDAY = alternation(WORKDAY_WORDS)
_N = rf"(?:[0-9]{{1,3}}|{alternation(NUMBERS)})"
_FIRST = rf"første|fyrste|{alternation(COMING_WORDS)}"
_DAY_NEXT_TO_RE = re.compile(r"(?:på\s+)?dagen\s+(etter|efter|før)\s+(.+)")
_COUNTED_FROM_RE = re.compile(
    rf"(?:på\s+)?(?:den\s+)?(?:({_FIRST}|siste)\s+)?({_WD}|{_WORKDAY})(?:en)?\s+(etter|efter|før)\s+(.+)"
)
_WORKDAY_IN_RE = re.compile(
    rf"(?:den\s+)?({_FIRST}|siste)\s+(?:{_WORKDAY})\s+(?:i|av|på)\s+({alternation(MONTHS)})\.?"
    r"(?:\s*,?\s*(?:i\s+)?([0-9]{4}))?"
)
_YEAR_RE = re.compile(r"[0-9]{4}")
# "fredag om 14 dager" is "fredag om to uker": a number of days that is whole weeks.
_WD_IN_DAYS_RE = re.compile(rf"(?:på\s+)?({_WD})\s+om\s+({_N})\s+(?:{alternation(DAY_UNITS)})")


# «første arbeidsdag etter nyttår», «dagen før nyttår»: counted from New Year's Day (alone, «nyttår» is no day).
_ANCHOR_WORDS = {"nyttår": "nyttårsdag", "nyttåret": "nyttårsdag"}
# «fredag før jul», «siste arbeidsdag før jula»: counted back from Christmas Eve, where Christmas starts as
# Norwegians count it; «etter jul» stays the week after New Year (README), so only «før» has this anchor.
_BEFORE_ANCHOR_WORDS = dict.fromkeys(("jul", "jula", "julen", "jol", "jola"), "julaften")
# «første arbeidsdag etter jul», «fyrste yrkedag etter jula» (dates20): after Christmas as an office counts it, the
# holiday that ends with New Year's Day, as «etter jul» alone is (README); never the romjul's Monday.
_AFTER_ANCHOR_WORDS = dict.fromkeys(("jul", "jula", "julen", "jol", "jola", "juleferien", "juleferia"), "nyttårsdag")


# «dagen etter påske», «fredag før pinse 2028»: counted from the feast's Sunday (alone, «påske» is the holiday,
# days long: `bot.dates.named_days.names_a_period`).
_FEAST_SUNDAYS = {
    **dict.fromkeys(("påske", "påsken", "påska"), "påskedag"),
    **dict.fromkeys(("pinse", "pinsen", "pinsa"), "pinsedag"),
}


def related(s: str, *, today: date, window: tuple[date, date] | None, read: Read) -> Found | None:
    """The day `s` names from another day, or None when it is not such a phrase."""

    def read_anchor(anchor: str, way: str, *, counted: bool = False) -> Found | None:
        after = _AFTER_ANCHOR_WORDS | _ANCHOR_WORDS if counted else _ANCHOR_WORDS  # «dagen etter jula» stays the 25th
        words = _BEFORE_ANCHOR_WORDS | _ANCHOR_WORDS if way == "før" else after
        head, _, rest = anchor.partition(" ")
        if head in _FEAST_SUNDAYS:
            anchor = f"{_FEAST_SUNDAYS[head]} {rest}".strip()
        elif head in words and _YEAR_RE.fullmatch(
            rest
        ):  # «første arbeidsdag etter jul 2028»: as «etter jul 2028» (dates21)
            anchor = f"{words[head]} {rest}"
        return read(words.get(anchor, anchor))

    if m := _WORKDAY_IN_RE.fullmatch(s):
        nth, month, year = m.groups()
        return _workday_in_month(
            last=nth == "siste", month=MONTHS[month], year=int(year) if year else None, today=today, window=window
        )
    if m := _WD_IN_DAYS_RE.fullmatch(s):
        weekday, amount = m.groups()
        days = int(amount) if amount.isdigit() else NUMBERS[amount]
        if days % 7 or not days:
            return None  # "fredag om 10 dager" names two days
        monday = today - timedelta(days=today.weekday())
        return Found(day=monday + timedelta(days=days + WEEKDAYS[weekday]), relative=True)
    if m := _DAY_NEXT_TO_RE.fullmatch(s):
        way, anchor_text = m.groups()
        step = -1 if way == "før" else 1
        return _counted(read_anchor(anchor_text, way), step=step, fits=None, today=today, window=window)
    if m := _COUNTED_FROM_RE.fullmatch(s):
        nth, what, way, anchor_text = m.groups()
        before = way == "før"
        if nth is not None and (nth == "siste") != before:
            return None  # "første onsdag før påske", "siste onsdag etter påske": not a way to say a day
        fits = _fits(what)
        anchor = read_anchor(anchor_text, way, counted=True)
        return _counted(anchor, step=-1 if before else 1, fits=fits, today=today, window=window)
    return None


def _fits(what: str) -> Callable[[date], bool]:
    if what in WORKDAY_WORDS:
        return is_working_day
    weekday = WEEKDAYS[what]
    return lambda day: day.weekday() == weekday


def _counted(
    anchor: Found | None,
    *,
    step: int,
    fits: Callable[[date], bool] | None,
    today: date,
    window: tuple[date, date] | None,
) -> Found | None:
    """The first day after (step 1) or last before (step -1) `anchor` that `fits` (the next day when None)."""
    if anchor is None or anchor.kind != "day" or anchor.moment is not None:
        return None

    def move(day: date | None) -> date | None:
        if day is None:
            return None
        for _ in range(14):
            day += timedelta(days=step)
            if fits is None or fits(day):
                return day
        return None

    if anchor.year_typed or anchor.relative or anchor.make is None:
        moved = move(anchor.day)
        return Found(day=moved, year_typed=anchor.year_typed, relative=anchor.relative) if moved else None
    make = anchor.make

    def make_moved(year: int) -> date | None:
        return move(make(year))

    day = choose_year(make_moved, today=today, window=window)
    return Found(day=day, make=make_moved) if day else None


def _workday_in_month(
    *, last: bool, month: int, year: int | None, today: date, window: tuple[date, date] | None
) -> Found | None:
    def make(in_year: int) -> date | None:
        days = [date(in_year, month, d) for d in range(1, monthrange(in_year, month)[1] + 1)]
        working = [d for d in days if is_working_day(d)]
        return (working[-1] if last else working[0]) if working else None

    if year is not None:
        day = make(year)
        return Found(day=day, year_typed=True) if day else None
    maker: Maker = make
    day = choose_year(maker, today=today, window=window)
    return Found(day=day, make=maker) if day else None
