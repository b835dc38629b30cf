"""Day makers for a year: the day «22. april», «første mandag i mars» or a month's end is in a given year, and months
added to a day. Used by the grammar's rules (`bot.dates.rules`); moved out so the rules module keeps to reading.
"""

from __future__ import annotations

import logging
from calendar import monthrange
from datetime import date, timedelta

from bot.dates.found import Maker

logger = logging.getLogger(__name__)


def month_end(d: date) -> date:
    """The last day of `d`'s month."""
    return d.replace(day=monthrange(d.year, d.month)[1])


def month_day(month: int, day: int) -> Maker:
    """A day and month in any year; «31. april» raises, «29. februar» is None outside leap years."""
    if not 1 <= month <= 12 or not 1 <= day <= 31 or day > monthrange(2028, month)[1]:
        raise ValueError("no such date")  # 31. april, 30. februar: in no year at all

    def make(year: int) -> date | None:
        return date(year, month, day) if day <= monthrange(year, month)[1] else None

    return make


def nth_weekday(nth: int, weekday: int, month: int) -> Maker:
    """The nth (1–5) or last (-1) / second-to-last (-2) given weekday of a month."""

    def make(year: int) -> date | None:
        first = date(year, month, 1)
        days = [first + timedelta(days=i) for i in range(monthrange(year, month)[1])]
        matching = [d for d in days if d.weekday() == weekday]
        index = nth - 1 if nth > 0 else nth
        return matching[index] if -len(matching) <= index < len(matching) else None

    return make


def add_months(d: date, n: int) -> date:
    """`d` moved `n` months, kept inside the month («31. januar» + 1 is the end of February)."""
    year, month0 = divmod(d.month - 1 + n, 12)
    year += d.year
    return date(year, month0 + 1, min(d.day, monthrange(year, month0 + 1)[1]))
