"""What the date reader answers: a date it read (`ParsedDate`) or why a phrase is not one date (`DateTrouble`).
Kept apart from the grammar (`bot.dates.grammar`, which re-exports both) so modules that only pass a result on
need not load the rules.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Literal

from bot.dates.found import Maker
from bot.dates.vague import MonthPart

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class ParsedDate:
    """A date understood from chat; `when` is Oslo midnight when no time was typed.

    `month_only` marks "i april" (read as a day of that month, the bot should ask which).
    The fields that do not compare say how the date was found, for `dato`'s year rule and its reply:
    `day_of_month` a day typed without its month ("den 22.", taken in this or next month), `until` the end
    of a typed time range (only the start is kept), `daypart` a part of the day typed instead of a time
    ("i kveld", "i morgen tidlig": no time is kept), `span_end` the last day of a two-day meeting (the first
    is kept), `week_only` a week typed without a day ("uke 46": its Monday is taken, and the reply says so),
    `month_part` which part of the month a `month_only` phrase named (`bot.dates.vague.period`).
    """

    when: datetime
    has_time: bool
    month_only: bool = False
    year_typed: bool = field(default=False, compare=False)
    relative: bool = field(default=False, compare=False)
    in_year: Maker | None = field(default=None, compare=False, repr=False)
    day_of_month: bool = field(default=False, compare=False)
    until: tuple[int, int] | None = field(default=None, compare=False)
    daypart: bool = field(default=False, compare=False)
    span_end: date | None = field(default=None, compare=False)
    week_only: bool = field(default=False, compare=False)
    month_part: MonthPart = field(default="whole", compare=False)
    named: bool = field(default=False, compare=False)
    """Named from a feast or a named day («over påske», «skjærtorsdag»), typed without a year: the words point
    to the coming one, so `dato` never moves it back to this year's when that has passed (walk 10, X8)."""
    weekday: int | None = field(default=None, compare=False)
    """A weekday typed with the date (0 = Monday), checked against it: `dato` moves a date typed without a
    year only to a year where it still fits («torsdag 25. november» is 2027's, never Wednesday 2026's)."""


@dataclass(frozen=True)
class DateTrouble:
    """A phrase that looks like a date but is not one date; `message` says why in one Norwegian sentence,
    and the caller adds what to type instead."""

    reason: Literal["two_dates", "weekday", "ambiguous", "month", "vague", "time", "clock"]
    message: str
    day: date | None = None  # the date a contradicting weekday was typed with, or the month to suggest
    instead: tuple[str, ...] = ()  # the phrases to offer instead: two when it could be either, one to write instead
