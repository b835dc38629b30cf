"""Phrases around one date: a meeting over two days, a moment copied with its UTC offset, «før jul».

A two-day meeting is written in many ways («22.-23. april», «torsdag 22. – fredag 23. april»,
«30. september – 1. oktober», «frå 28. til 29. oktober», a copied «2026-12-01 09:00 – 2026-12-02 15:00»).
They are all one reading: the end is a whole date, the start is the day before it (typed as a day alone or
as a date), and the first day is what a meeting's date is. The end is carried along so `dato` can say it
was not kept. Two days further apart stay «to datoer»: that is two meetings, or a typing slip.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from bot.clock import OSLO
from bot.dates.found import FIRST_YEAR, shifted
from bot.dates.words import PREFIX_WEEKDAYS, alternation

if TYPE_CHECKING:
    from bot.dates.grammar import DateTrouble, ParsedDate

logger = logging.getLogger(__name__)

Reader = Callable[[str], "ParsedDate | DateTrouble | None"]

# "fra og med 28. til og med 29. oktober", "f.o.m. 28. t.o.m. 29. oktober", "22./23. april": e-mail's ways.
_FROM_RE = re.compile(r"^(?:(?:fra|frå)(?:\s+og\s+med)?|fom\.?|f\.\s*o\.\s*m\.?)\s+")
_SEPARATOR_RE = re.compile(
    r"\s*-\s*|\s+(?:til(?:\s+og\s+med)?|tom\.?|t\.\s*o\.\s*m\.?)\s+|(?<=[0-9]\.)\s*/\s*(?=[0-9]{1,2}\.)"
)
_MAX_SEPARATORS = 5  # two ISO dates and the dash between them; more is a list or junk, not read part by part
_DAY_ONLY_RE = re.compile(
    rf"(?:(?:på\s+)?({alternation(PREFIX_WEEKDAYS)})\.?\s*,?\s+)?(?:den\s+)?([0-9]{{1,2}})\.?(?:\s*-)?"
)
# A moment copied from a calendar or an API: "2026-12-16T08:00:00Z", "2027-02-03 13:00:00 +0100".
_ISO_INSTANT_RE = re.compile(
    r"([0-9]{4}-[0-9]{2}-[0-9]{2})[tT ]([0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]{1,6})?)?)\s*([zZ]|[+-][0-9]{2}:?[0-9]{2})"
)
# "før jul", "innen jula": some day in December before Christmas, asked about like "i desember". Without
# this, "før" (a deadline word) was dropped and "jul" read as July.
_BEFORE_CHRISTMAS_RE = re.compile(r"^(?:før|innen|innan|senest|seinast)\s+(?:jul|jula|julen|jol|jola)(?=$|[\s,])")


def before_christmas(s: str) -> str:
    """A normalized phrase with «før jul» as the month it means."""
    return _BEFORE_CHRISTMAS_RE.sub("desember", s)


def iso_instant(text: str) -> datetime | None:
    """An ISO moment with «Z» or an offset, in Oslo time; None when `text` is not exactly one."""
    m = _ISO_INSTANT_RE.fullmatch(text.strip())
    if m is None:
        return None
    day, time, offset = m.groups()
    if offset in ("z", "Z"):
        offset = "+00:00"
    elif ":" not in offset:
        offset = f"{offset[:3]}:{offset[3:]}"
    try:
        moment = datetime.fromisoformat(f"{day}T{time}{offset}")
    except ValueError:  # 2026-13-01, 25:00
        return None
    return moment.astimezone(OSLO) if moment.year >= FIRST_YEAR else None


def two_days(s: str, *, read: Reader) -> ParsedDate | DateTrouble | None:
    """A two-day meeting as its first day (with `span_end`), or a copied same-day range as its start (with
    `until`); the weekday trouble when its first day is named with the wrong weekday («torsdag 22. – fredag
    23. mai» in 2027); None when `s` is not one of these."""
    from bot.dates.grammar import DateTrouble, ParsedDate

    body = _FROM_RE.sub("", s)
    separators = list(_SEPARATOR_RE.finditer(body))
    if len(separators) > _MAX_SEPARATORS:
        return None
    for sep in separators:
        left, right = body[: sep.start()].strip(" ,"), body[sep.end() :].strip(" ,")
        if not left or not right:
            continue
        end = read(right)
        if isinstance(end, DateTrouble) and end.reason == "weekday" and _DAY_ONLY_RE.fullmatch(left):
            return end  # "torsdag 22. – fredag 23. mai": the weekdays are wrong, not the meeting two dates
        if not isinstance(end, ParsedDate) or end.month_only or end.day_of_month or end.until:
            continue
        start = read(left)
        if isinstance(start, ParsedDate) and _same_day_range(start, end):
            return replace(start, until=(end.when.hour, end.when.minute))
        first = end.when.date() - timedelta(days=1)
        if (wrong := _misnamed_weekday(left, first=first)) is not None:
            return read(f"{wrong} {first.day}.{first.month}.{first.year}")  # the grammar's weekday trouble
        names_first, clock = _start_matches(left, start, first=first)
        if not names_first:
            continue
        if clock is None and end.has_time:  # «22.–23. april kl 10»: the one time typed is when it starts
            clock = (end.when.hour, end.when.minute)
        hour, minute = clock or (0, 0)
        return replace(
            end,
            when=datetime(first.year, first.month, first.day, hour, minute, tzinfo=OSLO),
            has_time=clock is not None,
            year_typed=end.year_typed or (isinstance(start, ParsedDate) and start.year_typed),
            in_year=shifted(end.in_year, -1),
            until=None,
            daypart=False,
            span_end=end.when.date(),
        )
    return None


def _same_day_range(start: ParsedDate, end: ParsedDate) -> bool:
    """ "16.12.2026 09:00 - 16.12.2026 11:00": one meeting from 09 to 11."""
    return start.has_time and end.has_time and start.when.date() == end.when.date() and start.when < end.when


def _misnamed_weekday(left: str, *, first: date) -> str | None:
    """The weekday typed with the first day («torsdag 22.») when the day is right and the weekday is not."""
    m = _DAY_ONLY_RE.fullmatch(left)
    if m is None or m.group(1) is None or int(m.group(2)) != first.day:
        return None
    return m.group(1) if PREFIX_WEEKDAYS[m.group(1)] != first.weekday() else None


def _start_matches(
    left: str, start: ParsedDate | DateTrouble | None, *, first: date
) -> tuple[bool, tuple[int, int] | None]:
    """Whether `left` names `first` (the day before the end): as a day alone («22.», «torsdag 22.») or as a
    whole date; with the time typed there, if any. (False, None) when it names another day."""
    from bot.dates.grammar import ParsedDate

    if m := _DAY_ONLY_RE.fullmatch(left):
        weekday, day = m.groups()
        same_weekday = weekday is None or PREFIX_WEEKDAYS[weekday] == first.weekday()
        return int(day) == first.day and same_weekday, None
    if not isinstance(start, ParsedDate) or start.month_only:
        return False, None
    day = start.when.date()
    if not start.year_typed and start.in_year is not None:
        day = start.in_year(first.year) or day
    if day != first:
        return False, None
    return True, (start.when.hour, start.when.minute) if start.has_time else None
