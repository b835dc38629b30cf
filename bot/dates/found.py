"""What one date rule found, and how a year is chosen for a date typed without one.

Shared by the grammar (`bot.dates.rules`) and the rules that name a day from another one
(`bot.dates.relations`), so neither imports the other.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Literal

from bot.dates.vague import MonthPart

logger = logging.getLogger(__name__)

FIRST_YEAR = 2000
"""No meeting date lies before this year: «14.04. 0830» read as the year 830 was offered for saving."""

_A_YEAR = 366
"""Days to the next occurrence at most of a day some years lack: a day not in the coming one («femte fredag i november», «29. februar» in
2028, «uke 53» in 2027) is no date, never one years away."""

SHORT_YEAR_AHEAD = 10
"""How many years ahead a two-digit year may point: «29.10.72» is 1972 (a birth date, an archive's case), never
2072 (batch 14), and so refused like every year before `FIRST_YEAR`."""


def short_year(digits: str, *, today: date) -> int:
    """The year of a two-digit year («15.3.27», «13. april -27»): this century's unless that is more than
    `SHORT_YEAR_AHEAD` years ahead, then the last century's."""
    year = today.year // 100 * 100 + int(digits)
    return year - 100 if year > today.year + SHORT_YEAR_AHEAD else year


Maker = Callable[[int], date | None]
Kind = Literal["day", "week", "month", "day_of_month"]
"""How a phrase named its day: "week" is the Monday of a week named without a weekday; "day_of_month" a day
typed without its month ("den 22."), taken in the current or the next month."""


@dataclass(frozen=True)
class Found:
    """A day one rule read, and how: what `dato` needs to decide whether to ask."""

    day: date
    kind: Kind = "day"
    year_typed: bool = False
    relative: bool = False
    make: Maker | None = None  # the same phrase in another year, when no year was typed
    weekday: int | None = None  # a weekday typed in front of the date, to be checked against it
    moment: datetime | None = None  # "om 2 timer": a time as well
    part: MonthPart = "whole"  # which part of the month a "month" names ("midten av november")
    named: bool = False  # named from a feast or a named day («over påske», «skjærtorsdag»): the coming one


def choose_year(
    make: Maker,
    *,
    today: date,
    window: tuple[date, date] | None,
    ahead: Callable[[date], date] | None = None,
) -> date | None:
    """Pick the year for a date typed without one.

    Inside the window, the first candidate not yet past wins (a window can span two springs),
    else the latest one; outside it, the candidate nearest the window. Without a window, the
    next occurrence from today on (`ahead` says until when a candidate still counts as coming:
    a month until its last day). Candidates lie within two years of today or of the window: a date
    that does not exist near them (29 February in 2029, week 53 in 2027) is not read as one years away
    (it was: "uke 53" typed in 2027 became 27 December 2032).
    """
    still = ahead or (lambda d: d)
    if window is None:
        years = range(today.year - 1, today.year + 3)
    else:
        years = range(window[0].year - 1, window[1].year + 3)
    made = [make(y) for y in years if 1 <= y <= 9999]
    found = sorted(d for d in made if d is not None)
    if window is None:
        # the coming one; a day some years lack only within a year: «femte fredag i november» is this November's or
        # none (it was 2029's), while Easter may be 13 months away
        coming = next((d for d in found if still(d) >= today), None)
        sometimes = None in made
        return None if coming is None or (sometimes and coming > today + timedelta(days=_A_YEAR)) else coming
    start, end = window
    if None in made:  # a day some years lack: only within a year of the window (never «femte fredag» years away)
        found = [d for d in found if start - timedelta(days=_A_YEAR) <= d <= end + timedelta(days=_A_YEAR)]
    inside = [d for d in found if start <= d <= end]
    if inside:
        return next((d for d in inside if still(d) >= today), inside[-1])
    if not found:
        return None

    def distance(d: date) -> tuple[int, int]:
        gap = (start - d).days if d < start else (d - end).days
        return gap, -d.toordinal()  # a tie goes to the later date

    return min(found, key=distance)


def shifted(make: Maker | None, days: int) -> Maker | None:
    """The same phrase moved by `days` in any year ("dagen etter 17. mai" is 17 May's maker plus one)."""
    if make is None:
        return None

    def moved(year: int) -> date | None:
        day = make(year)
        return day + timedelta(days=days) if day else None

    return moved
