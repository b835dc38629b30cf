"""A bare range of hours beside a date («fredag 14-16», «9–15.30 torsdag 16.9»; split from `bot.dates.grammar`
by purpose): the date and the range, or, when the numbers may as well be a day, the question which."""

from __future__ import annotations

import re
from datetime import date, datetime

from bot import i18n
from bot.dates.parsed import DateTrouble
from bot.dates.rules import Found, match
from bot.dates.text import month_name
from bot.dates.times import clock
from bot.dates.two_parts import two_parts
from bot.dates.words import WEEKDAYS, alternation

# "fredag 14-16", "22. april 10.00-12.00": a bare pair of hours after a date is a time range, never a date.
_BARE_RANGE_RE = re.compile(
    r"[\s,]+(?:fra\s+)?([0-9]{1,2})(?:[:.]([0-9]{2}))?\s*(?:-|til)\s*([0-9]{1,2})(?:[:.]([0-9]{2}))?$"
)
# «9–15.30 torsdag 16.9», «0830–1530 onsdag 18.8» (never «2026-2027 onsdag»: years): the same range in front of a date that names its weekday («10-12 mars» is two days).
_LEADING_RANGE_RE = re.compile(
    r"^(?:fra\s+)?(?![2-9][0-9]{3})([0-9]{1,2})(?:[:.]?([0-9]{2}))?\s*(?:-|til)\s*"
    r"(?![2-9][0-9]{3})([0-9]{1,2})(?:[:.]?([0-9]{2}))?[\s,]+"
    rf"(?=(?:{alternation(WEEKDAYS)})\b)"
)
_EARLIEST_BARE_HOUR = 6  # "fredag 3-5" is more likely 15-17 or 3 to 5 May than a night meeting: not read


def date_or_time(found: Found, ranged: tuple[Found, tuple[int, int], tuple[int, int], str], *, s: str) -> DateTrouble:
    """ "torsdag 10-12" when 10 December is a Thursday: a date or a time, and we must not pick one."""
    _, start, _, rest = ranged
    as_date = f"{found.day.day}. {month_name(found.day.month)}" + (f" {found.day.year}" if found.year_typed else "")
    as_time = f"{rest} kl {start[0]:02d}.{start[1]:02d}"
    message = i18n._("«{text}» kan være både {day} og et klokkeslett.").format(text=s, day=as_date)
    return DateTrouble(reason="ambiguous", message=message, instead=(as_date, as_time))


def time_range(
    s: str, *, now: datetime, window: tuple[date, date] | None
) -> tuple[Found, tuple[int, int], tuple[int, int], str] | None:
    """ "fredag 14-16": the date before a bare range of hours, its start and its end; None unless the
    hours make a plausible day-time range (start before end) and the rest is a date."""
    m = _BARE_RANGE_RE.search(s) or _LEADING_RANGE_RE.match(s)
    if m is None:
        return None
    start, end = clock(m.group(1), m.group(2)), clock(m.group(3), m.group(4))
    if start is None or end is None or start >= end or start[0] < _EARLIEST_BARE_HOUR:
        return None
    rest = (s[: m.start()] if m.re is _BARE_RANGE_RE else s[m.end() :]).strip(" ,")
    found = match(rest, now=now, window=window) or two_parts(rest, now=now, window=window)
    return (found, start, end, rest) if isinstance(found, Found) else None
