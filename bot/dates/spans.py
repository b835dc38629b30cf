"""Phrases around one date: a meeting over two days, a moment copied with its UTC offset, «før jul».

A meeting over several days is written in many ways («22.-23. april», «torsdag 22. – fredag 23. april»,
«30. september – 1. oktober», «frå 28. til 30. oktober», a copied «2026-12-01 09:00 – 2026-12-02 15:00»).
They are all one reading: the end is a whole date, the start a day before it (typed as a day alone or as a
date), and the first day is what a meeting's date is (its deadlines and reminders count to it). The end is
carried along so `dato` can say it was not kept. A national theme meeting or a seminar may run over up to
`MAX_MEETING_DAYS` days (issue 18); two days further apart are «to datoer», said with that limit when
they are within a month, since that is two meetings or a typing slip.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime
from typing import TYPE_CHECKING

from bot import i18n
from bot.clock import OSLO
from bot.dates.found import FIRST_YEAR, shifted
from bot.dates.words import DEADLINE_WORDS, PREFIX_WEEKDAYS, alternation

if TYPE_CHECKING:
    from bot.dates.grammar import DateTrouble, ParsedDate

logger = logging.getLogger(__name__)

Reader = Callable[[str], "ParsedDate | DateTrouble | None"]
MAX_MEETING_DAYS = 5
"""The longest meeting read as one date (first to last day): a theme meeting or seminar over a week."""
_WITHIN = 31
"""Days between two dates read as an over-long meeting (said with the limit), not just two dates."""

# "fra og med 28. til og med 29. oktober", "f.o.m. 28. t.o.m. 29. oktober", "22./23. april": e-mail's ways.
_FROM_RE = re.compile(r"^(?:(?:fra|frå)(?:\s+og\s+med)?|fom\.?|f\.\s*o\.\s*m\.?)\s+")
_SEPARATOR_RE = re.compile(
    r"\s*-\s*|\s+(?:til(?:\s+og\s+med)?|tom\.?|t\.\s*o\.\s*m\.?)\s+|(?<=[0-9]\.)\s*/\s*(?=[0-9]{1,2}\.)"
    r"|(?<=[0-9]\.)\s+og\s+|(?<=[^\W\d_])\s+og\s+(?=(?:[^\W\d_]+\s+)?(?:den\s+)?[0-9]{1,2}\.)"
    r"|(?<=[0-9]/[0-9]|/[0-9]{2})\s+og\s+(?=[0-9]{1,2}/[0-9])"
)  # «30. september og 1. oktober»: a month's name before «og», a day's number after it; «4/11 og 5/11» (dates18)
_AND_RE = re.compile(r"\s+og\s+")
"""«22. og 23. april», «torsdag 22. og fredag 23. april»: one meeting over two days only when they follow each
other; «3. og 10. mars» stays two dates."""
_MAX_SEPARATORS = 5  # two ISO dates and the dash between them; more is a list or junk, not read part by part
_DAY_ONLY_RE = re.compile(
    rf"(?:(?:på\s+)?({alternation(PREFIX_WEEKDAYS)})\.?\s*,?\s+)?(?:den\s+)?([0-9]{{1,2}})\.?(?:\s*-)?"
)
# A moment copied from a calendar or an API: "2026-12-16T08:00:00Z", "2027-02-03 13:00:00 +0100".
_ISO_INSTANT_RE = re.compile(
    r"([0-9]{4}-[0-9]{2}-[0-9]{2})[tT ]([0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]{1,6})?)?)\s*([zZ]|[+-][0-9]{2}:?[0-9]{2})"
)
# "før jul", "innen jula", "før nyttår": some day in December, asked about like "i desember". Without
# this, "før" (a deadline word) was dropped and "jul" read as July.
_BEFORE_CHRISTMAS_RE = re.compile(
    rf"^(?:{alternation((*DEADLINE_WORDS, 'til'))})\s*:?\s+(?:jul|jula|julen|jol|jola|nyttår|nyttåret)(?=$|[\s,])"
)  # every deadline word: «frist jul», «fram til jul» were read as July


# «før påske», «innen pinse»: some day before a feast read alone as its Sunday, never that Sunday (`vague` says so).
_BEFORE_FEAST_RE = re.compile(
    rf"^(?:{alternation((*DEADLINE_WORDS, 'til'))})\s*:?\s+(?:påske|påsken|påska|pinse|pinsen|pinsa)"
    r"(?:\s*,?\s*(?:i\s+)?[0-9]{4})?$"
)


def christmas_by(rest: str, *, typed: str) -> str:
    """What is left of a phrase after its deadline words («fristen er jul» → «jul»): «jul» there is Christmas, the
    month asked about, never July (alone, «jul» stays July)."""
    return "desember" if rest != typed and rest in ("jul", "jula", "julen", "jol", "jola") else rest


def before_feast(s: str) -> bool:
    """Whether a normalized phrase is only «before Easter/Whitsun»: vague, not the feast's Sunday."""
    return _BEFORE_FEAST_RE.match(s) is not None


def before_christmas(s: str) -> str:
    """A normalized phrase with «før jul» as the month it means."""
    return _BEFORE_CHRISTMAS_RE.sub("desember", s)


def iso_instant(text: str) -> datetime | None:
    """An ISO moment with «Z» or an offset, in Oslo time; None when `text` is not exactly one."""
    m = _ISO_INSTANT_RE.fullmatch(text.strip())
    if m is None:
        return None
    day, time, offset = m.groups()
    spaced = text.strip()[m.start(2) - 1] == " "
    if spaced and offset.startswith("-") and offset[1:].replace(":", "") > time[:5].replace(":", ""):
        return None  # «2026-11-18 12:30-15:00»: a range of hours, its end later than its start, no UTC-15
    if offset not in ("z", "Z") and int(offset[1:3]) > 14:
        return None  # no zone is 15 hours off: not a moment with an offset
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
    """A meeting over several days as its first day (with `span_end`), or a copied same-day range as its
    start (with `until`, as a meeting over days whose last day has an end time too); the weekday trouble when its first day is named with the wrong weekday («torsdag
    22. – fredag 23. mai» in 2027), «to datoer» with the limit when it runs over `MAX_MEETING_DAYS`; None
    when `s` is not one of these."""
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
        if not isinstance(end, ParsedDate) or end.month_only or (end.day_of_month and not _days_alone(left, end)):
            continue  # «den 14. og 15.» (dates18): two days alone are that month's, as «den 15.» alone is
        start = read(left)
        if end.until and isinstance(start, ParsedDate) and start.has_time:
            continue  # «9:00 - 10:00-12:00» is no meeting over days
        if isinstance(start, ParsedDate) and _same_day_range(start, end):
            return replace(start, until=(end.when.hour, end.when.minute))
        last = end.when.date()
        first = _first_day(left, start, last=last)
        if first is None:
            continue
        if (wrong := _misnamed_weekday(left, first=first)) is not None:
            return read(f"{wrong} {first.day}.{first.month}.{first.year}")  # the grammar's weekday trouble
        days = (last - first).days + 1
        if _AND_RE.fullmatch(sep.group()) and days != 2:
            continue
        if days > MAX_MEETING_DAYS:
            message = i18n._(
                "«{text}» er to datoer: et møte over flere dager kan vare høyst {most} dager, og dette er {days}."
            ).format(text=s, most=MAX_MEETING_DAYS, days=days)
            return DateTrouble(reason="two_dates", message=message, day=first)
        clock = None
        clock_from_start = isinstance(start, ParsedDate) and start.has_time and not _DAY_ONLY_RE.fullmatch(left)
        if clock_from_start:
            clock = (start.when.hour, start.when.minute)
        if clock is None and end.has_time:  # «22.–23. april kl 10»: the one time typed is when it starts
            clock = (end.when.hour, end.when.minute)
        hour, minute = clock or (0, 0)
        return replace(
            end,
            when=datetime(first.year, first.month, first.day, hour, minute, tzinfo=OSLO),
            has_time=clock is not None,
            year_typed=end.year_typed or (isinstance(start, ParsedDate) and start.year_typed),
            in_year=shifted(end.in_year, 1 - days),
            # «10. mars kl 12 – 11. mars kl 15»: the last day's end time is not kept, and the reply says so
            # «22.–23. april kl 10–15»: the last day's time range starts the meeting; its end is not kept either
            until=(end.when.hour, end.when.minute)
            if clock is not None and end.has_time and clock_from_start
            else end.until,
            daypart=False,
            span_end=last,
        )
    return None


def _days_alone(left: str, end: ParsedDate) -> bool:
    """Whether `left` is a day alone before a last day typed without its month («den 14.» of «den 14. og 15.»),
    earlier in that month, so both are the month the last day is read in, never a span over a month's end."""
    m = _DAY_ONLY_RE.fullmatch(left)
    return m is not None and int(m.group(2)) < end.when.day


def _same_day_range(start: ParsedDate, end: ParsedDate) -> bool:
    """ "16.12.2026 09:00 - 16.12.2026 11:00": one meeting from 09 to 11."""
    return start.has_time and end.has_time and start.when.date() == end.when.date() and start.when < end.when


def _misnamed_weekday(left: str, *, first: date) -> str | None:
    """The weekday typed with the first day («torsdag 22.») when the day is right and the weekday is not."""
    m = _DAY_ONLY_RE.fullmatch(left)
    if m is None or m.group(1) is None or int(m.group(2)) != first.day:
        return None
    return m.group(1) if PREFIX_WEEKDAYS[m.group(1)] != first.weekday() else None


def _first_day(left: str, start: ParsedDate | DateTrouble | None, *, last: date) -> date | None:
    """The day `left` names before `last`, the meeting's last day: a day alone («22.», «torsdag 22.») in
    the last day's month or the one before, or a whole date; None when it names no day up to `_WITHIN`
    days before it."""
    from bot.dates.grammar import ParsedDate

    if m := _DAY_ONLY_RE.fullmatch(left):
        day = int(m.group(2))
        year, month = (last.year, last.month) if day < last.day else _month_before(last)
        try:
            first = date(year, month, day)
        except ValueError:  # «31.-2. mai»: April has no 31st
            return None
    elif isinstance(start, ParsedDate) and not start.month_only:
        first = start.when.date()
        if not start.year_typed and start.in_year is not None:
            first = start.in_year(last.year) or first
            if first >= last:
                first = start.in_year(last.year - 1) or first  # «30. desember – 2. januar 2028»
    else:
        return None
    return first if 1 <= (last - first).days <= _WITHIN else None


def _month_before(day: date) -> tuple[int, int]:
    return (day.year, day.month - 1) if day.month > 1 else (day.year - 1, 12)
