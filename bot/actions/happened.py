"""The day a text says something happened («holdt 6. mai», «vedtatt 16. desember 2028») and the one rule
that such a day has come.

A day typed without its year is read as the most recent one (a held day is never ahead of us), so «holdt
6. mai» typed on 5 May reads as last year's 6 May. When last year's is before the item's window and this
year's is not, the person meant this year's, which has not come: the refusal names that one, never last
year's (walk 14a F7). A day typed with its year is taken as typed: a future one has not come (F1), a past
one is the person's own (F2), never moved.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, datetime, timedelta

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Happened:
    """The day read from the words, with whether the words fix its year: typed, or counted from today
    («i går», «tirsdag»). Only a day whose year the reader chose is moved."""

    when: datetime
    year_fixed: bool = False
    last_day: date | None = None
    """The last day when the words name a meeting over days («holdt 25.–26. november»): both days are kept."""

    def date(self) -> date:
        return self.when.date()


def a_year_on(day: date) -> date:
    """The same day a year later (29 February: the day 365 days on)."""
    return day.replace(year=day.year + 1) if (day.month, day.day) != (2, 29) else day + timedelta(days=365)


def not_come(happened: Happened, *, today: date, opens: date) -> date | None:
    """The day the person meant when it has not come yet, else None. `opens` is the first day the item could
    happen (its window's start, less any grace): a yearless day before it, whose next occurrence is not,
    was meant as the next one."""
    day = happened.date()
    if day > today:
        return day
    if not happened.year_fixed and day < opens <= a_year_on(day) and a_year_on(day) > today:
        return a_year_on(day)
    return None
