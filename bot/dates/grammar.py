"""Meeting dates as Norwegian county coordinators type them in chat.

The grammar is our own (`bot.dates.rules`, `bot.dates.words`, `bot.dates.named_days`, `bot.dates.relations`,
`bot.dates.times`, `bot.dates.spans`): each rule matches a whole phrase, so noise around a number
("blah 12") is never taken for a date. dateparser guessed from fragments ("28. november kl 10" became year
2110), so it only comes after the grammar, for absolute dates in formats and languages the grammar does not
know, and only on a phrase that looks like a date (`bot.dates.fallback`).

`read_date` says why a phrase is not one date (two dates, a weekday that contradicts the date), so the
command can answer in one sentence; `parse_norwegian_date` is the plain form: a date or None.
"""

from __future__ import annotations

import logging
import re
from dataclasses import replace
from datetime import date, datetime, timedelta

from bot import i18n
from bot.clock import OSLO
from bot.dates import fallback as date_fallback
from bot.dates.bare_range import date_or_time, time_range
from bot.dates.chat_hour import chat_hour, hour_asked
from bot.dates.due import DEADLINE_RE, after_deadline
from bot.dates.ends import by_its_end, no_such_end, until_start
from bot.dates.found import Maker
from bot.dates.parsed import DateTrouble, ParsedDate
from bot.dates.pasted import MAX_PASTED, essence
from bot.dates.relative_months import with_relative_months
from bot.dates.rules import Found, match
from bot.dates.sentence import date_phrases, month_implied
from bot.dates.spans import before_christmas, before_feast, christmas_by, iso_instant, two_days
from bot.dates.text import day_names, format_short
from bot.dates.times import between, clock, day_first, impossible_end, take_all_day, take_lunch, take_time
from bot.dates.two_parts import two_parts
from bot.dates.typos import WEEKDAY_TARGETS, closest, unknown
from bot.dates.vague import anchor, vague
from bot.dates.wall_clock import clock_trouble
from bot.dates.words import (
    MONTH_NAMES,
    WEEKDAY_NAMES,
    normalize,
    with_years,
)
from bot.dates.workdays import first_working_day_of_week
from bot.dates.zones import keeps_oslo_clock, split_zone

logger = logging.getLogger(__name__)

__all__ = [
    "MONTH_NAMES",
    "WEEKDAY_NAMES",
    "DateTrouble",
    "ParsedDate",
    "parse_norwegian_date",
    "read_date",
    "warm_up",
]

# Chat dates are short; a cap keeps every regex cheap on pasted junk.
_MAX_LEN = 120
_MAX_SENTENCE = 240
"""A sentence with a date in it (`bot.dates.sentence`) may be longer; what the grammar reads of it is its date."""

_SPACE_RE = re.compile(r"\s+")
_DOT_TIME_END_RE = re.compile(r"[\s,]+([0-9]{1,2})\.([0-9]{2})$")
_DAYPART_RE = re.compile(
    r"[\s,]+(?:tidlig|tidleg|(?:på|om)\s+(?:formiddagen|ettermiddagen|kvelden|morgenen|morgonen)"
    r"|formiddag|føremiddag|føremiddagen|ettermiddag|kveld|morgen|morgon)$"
)
# A part of the day names no clock time: the date is kept without one, and `dato` says so.
_DAYPART_WORDS = frozenset({"kveld", "ikveld", "kveldt", "ettermiddag", "formiddag", "føremiddag", "tidlig", "tidleg"})
# «Tildelingsbrevet kom 5. januar.» on 10 January: without its year a sentence's day that far ahead is more likely
# one that has been (next year's is what a phrase alone would be read as).
_SENTENCE_AHEAD = timedelta(days=270)


def read_date(
    text: str, *, now: datetime, window: tuple[date, date] | None = None, sentence: bool = True
) -> ParsedDate | DateTrouble | None:
    """Read a typed date; None when it is not one, DateTrouble when it is not *one* date.

    Chat input is arbitrary, so this never raises. Without a typed year the date goes into
    `window` (or nearest to it), otherwise to its next occurrence on or after today. `sentence=False` reads
    the phrase only as a whole, never the one date of a sentence (`bot.dates.sentence`), for a caller that
    searches a text for its own words («vedtatt å møtes 20. oktober» names no day of a decision).
    """
    try:
        found = _read(text, now=now, window=window, sentence=sentence)
        return (clock_trouble(found) or found) if isinstance(found, ParsedDate) else found
    except Exception:  # a bug here must not take the command down with it
        logger.warning("could not parse date text %s", repr(text)[:200], exc_info=True)
        return None


def parse_norwegian_date(text: str, *, now: datetime, window: tuple[date, date] | None = None) -> ParsedDate | None:
    """Read a typed date, or None when it is not exactly one date."""
    found = read_date(text, now=now, window=window)
    return found if isinstance(found, ParsedDate) else None


def warm_up() -> None:
    """Compile the grammar at start-up rather than inside a user's first command."""
    parse_norwegian_date("tirsdag 22. april kl 10", now=datetime(2026, 1, 1, tzinfo=OSLO))


def _read(
    text: str, *, now: datetime, window: tuple[date, date] | None, sentence: bool = True
) -> ParsedDate | DateTrouble | None:
    if not isinstance(text, str) or len(text) > MAX_PASTED:
        return None
    text = essence(text)
    settled = day_first(text)  # «4/13/2027 10:00 AM», «Wed 12/8/2027 9:00 AM»: one day, written day first
    if settled is None or isinstance(settled, DateTrouble):
        return settled  # «4/5/2027 10:00 AM»: 4 May or 5 April; «5/14»: month first
    text = settled
    now = _oslo(now)
    if window is not None and window[0] > window[1]:
        window = (window[1], window[0])
    if len(text) > _MAX_LEN:  # an e-mail's sentence may be longer than a date: only its date's words are read
        return _in_sentence(text, now=now, window=window) if sentence and len(text) <= _MAX_SENTENCE else None
    if (moment := iso_instant(text)) is not None:
        when = datetime(moment.year, moment.month, moment.day, moment.hour, moment.minute, tzinfo=OSLO)
        return ParsedDate(when=when, has_time=True, year_typed=True)
    s = before_christmas(normalize(text))
    by_end = False
    if not before_feast(s):
        deadline = DEADLINE_RE.match(s)
        cut = after_deadline(s)
        by_end = deadline is not None and not until_start(deadline.group()) and christmas_by(cut, typed=s) == cut
        s = christmas_by(cut, typed=s)
    s, whole = take_all_day(s)
    s = with_years(with_relative_months(s, today=now.date()), today=now.date())
    s, lunch = take_lunch(between(s))
    found = _read_whole(s, text=text, now=now, window=window)
    if found is None and (hour := chat_hour(s)) is not None:  # «tors 10»: asked, never guessed
        found = hour_asked(s, _read_whole(hour, text=hour, now=now, window=window), phrase=hour)
    if by_end and isinstance(found, ParsedDate) and found.month_only:
        found = by_its_end(found)
    if isinstance(found, ParsedDate) and (lunch or whole) and not found.has_time and not found.month_only:
        return replace(found, daypart=True)  # "torsdag 22. april, lunsj", "(heldagsmøte)": no clock time
    if found is None and (zoned := split_zone(text)) is not None:
        # «10:00 (UTC+01:00) Amsterdam, Berlin, …», «W. Europe Standard Time»: Oslo's clock, read as typed;
        # another zone's («(Greenwich Mean Time)») is no Oslo time: None, refused with its Oslo hour
        head, zone = zoned
        local = _read(head, now=now, window=window)
        if isinstance(local, ParsedDate):
            return local if not local.has_time or keeps_oslo_clock(zone, wall=local.when) else None
    if found is None and sentence and (inside := _in_sentence(text, now=now, window=window)) is not None:
        return inside
    if found is None and vague(s):
        typed = normalize(text)  # «før vinteren» as typed, not the «vinteren» read
        within = _read_whole(anchor(s), text=anchor(s), now=now, window=window) if anchor(s) != s else None
        day = within.when.date() if isinstance(within, ParsedDate) and not within.month_only else None
        message = i18n._("«{text}» sier ikke hvilken dag.").format(text=typed)
        return DateTrouble(reason="vague", message=message, day=day)  # «neste uke en gang»: a day of it offered
    return found


def _oslo(now: datetime) -> datetime:
    return now.astimezone(OSLO) if now.tzinfo else now.replace(tzinfo=OSLO)


def _in_sentence(text: str, *, now: datetime, window: tuple[date, date] | None) -> ParsedDate | None:
    """The one day a whole sentence names («Kan vi ta det torsdag 18.3 kl 9?»), or None (`bot.dates.sentence`)."""
    for phrase in date_phrases(text):
        found = _read(phrase, now=now, window=window, sentence=False)
        if isinstance(found, ParsedDate) and (not found.day_of_month or month_implied(phrase, found, now=now)):
            far = window is None and not found.year_typed and found.when.date() - now.date() > _SENTENCE_AHEAD
            return None if far else found
    return None


def _read_whole(
    s: str, *, text: str, now: datetime, window: tuple[date, date] | None
) -> ParsedDate | DateTrouble | None:
    """A normalized phrase as one date, as a two-day meeting, with a mended weekday, or by dateparser."""
    found = _read_one(s, now=now, window=window)
    if isinstance(found, ParsedDate) or (isinstance(found, DateTrouble) and found.reason != "two_dates"):
        return found
    span = two_days(s, read=lambda part: _read_one(part, now=now, window=window, span_part=True))
    if span is not None:
        return span
    if found is None and (mended := _weekday_mended(s, now=now, window=window)) is not None:
        return mended
    if found is None and (other := date_fallback.absolute_date(text, now=now)) is not None:
        return ParsedDate(when=other.when, has_time=other.has_time, year_typed=True)
    return found


def _read_one(
    s: str, *, now: datetime, window: tuple[date, date] | None, span_part: bool = False
) -> ParsedDate | DateTrouble | None:
    """One date in a normalized phrase (no span): the grammar's whole reading. A `span_part` (a side of «22.–23.
    april kl 12–12») keeps an end not after its start: over days it ends on the last day (walk 31 F1)."""
    wrong_end = None if span_part else impossible_end(s)
    s, at, until, ok = take_time(s, any_end=span_part)
    if not ok or not s:
        return no_such_end(wrong_end, day=None, at=at) if wrong_end and ok else None
    found = match(s, now=now, window=window)
    daypart = at is None and not _DAYPART_WORDS.isdisjoint(s.split())
    bare = _DAYPART_RE.sub("", s).strip(" ,")
    if found is None and bare and bare != s:
        # "fredag ettermiddag" is Friday, "fredag 11.30-12.30 ettermiddag" a time; "i ettermiddag" matched whole
        if (found := match(bare, now=now, window=window)) is not None:
            s, daypart = bare, at is None
        elif at is None and time_range(bare, now=now, window=window) is not None:
            s = bare
    if at is None and (ranged := time_range(s, now=now, window=window)) is not None:
        if found is not None and not _contradicts(found):
            return date_or_time(found, ranged, s=s)
        found, at, until, _ = ranged
    if found is None and at is None and (m := _DOT_TIME_END_RE.search(s)):
        # "22.04.27 10.00": a trailing dotted pair is a time only if the rest is a date,
        # so "fredag 22.04" stays 22 April.
        at = clock(m.group(1), m.group(2))
        if at is None:
            return None
        found = match(s[: m.start()].strip(" ,"), now=now, window=window)
    if found is None:
        found = two_parts(s, now=now, window=window)
        if not isinstance(found, Found):
            return found
    if _contradicts(found):
        names = day_names()
        typed, real = names[found.weekday], names[found.day.weekday()]
        return DateTrouble(
            reason="weekday",
            message=i18n._("{day} er en {real}, ikke en {typed}.").format(
                day=format_short(found.day), real=real, typed=typed
            ),
            day=found.day,
        )
    if found.kind == "day_of_month" and (trouble := _which_month(found, s=s, now=now, window=window)):
        return trouble
    daypart = daypart and found.kind != "month"  # "tidlig i januar" is a part of a month, asked about as one
    if wrong_end is not None and at is not None:
        return no_such_end(wrong_end, day=found.day, at=at)
    return replace(_result(found, at=at), until=until if at else None, daypart=daypart)


def _weekday_mended(s: str, *, now: datetime, window: tuple[date, date] | None) -> ParsedDate | DateTrouble | None:
    """ "tirsdg 16.3", "onsdga 17. mars": a misspelt weekday in front of a whole date (day and month typed)
    is that weekday, checked against the date as any weekday is; the date itself is never guessed."""
    first, _, rest = s.partition(" ")
    if not rest or not unknown(first.strip(".,")):
        return None
    plain = _read_one(rest, now=now, window=window)
    if not isinstance(plain, ParsedDate) or plain.relative or plain.month_only or plain.week_only:
        return None  # "tirsdg neste uke", "tirsdg i mai": the weekday would choose the day
    target = closest(first.strip(".,"), among=WEEKDAY_TARGETS)
    return None if target is None else _read_one(f"{target} {rest}", now=now, window=window)


def _contradicts(found: Found) -> bool:
    return found.weekday is not None and found.weekday != found.day.weekday()


def _which_month(found: Found, *, s: str, now: datetime, window: tuple[date, date] | None) -> DateTrouble | None:
    """A day typed without its month is taken in this month or the next; asked about when that would skip
    a month ("den 30." on 1 February) or leave the window of the year typed in `dato`."""
    today, day = now.date(), found.day
    # "den 31." on 25 November may mean the end of this month, wrongly remembered: the day is this month's
    # when still to come, else next month's, and asked about when that month has no such day.
    months_on = (day.year - today.year) * 12 + day.month - today.month
    skips = months_on != (0 if day.day >= today.day else 1)
    outside = window is not None and not window[0] <= day <= window[1]
    if not skips and not outside:
        return None
    suggest = day
    if outside and window is not None:
        start = window[0]
        suggest = date(start.year, start.month, day.day) if day.day <= 28 else day
    message = i18n._("Hvilken måned mener du med «{text}»?").format(text=s)
    return DateTrouble(reason="month", message=message, day=suggest)


def _result(found: Found, *, at: tuple[int, int] | None) -> ParsedDate:
    if found.moment is not None and at is None:
        moment = found.moment.astimezone(OSLO)
        when = datetime(moment.year, moment.month, moment.day, moment.hour, moment.minute, tzinfo=OSLO)
        return ParsedDate(when=when, has_time=True, relative=True)
    hour, minute = at or (0, 0)
    day, make = found.day, found.make
    if found.kind == "week":  # «uke 13», «etter påske»: the week's first working day, never Easter Monday
        day, make = _first_working(day), _first_working_in(make)
    when = datetime(day.year, day.month, day.day, hour, minute, tzinfo=OSLO)
    return ParsedDate(
        when=when,
        has_time=at is not None,
        month_only=found.kind == "month",
        year_typed=found.year_typed,
        relative=found.relative or found.kind == "day_of_month",
        in_year=make,
        day_of_month=found.kind == "day_of_month",
        week_only=found.kind == "week",
        month_part=found.part,
        weekday=found.weekday,
        named=found.named,
    )


def _first_working(day: date) -> date:
    """A week typed without a day is its first working day (walk 14a F4: «uka etter påske» in 2027 is
    Tuesday 30 March, not Easter Monday); a week without one keeps its Monday, and `dato` asks about it."""
    return first_working_day_of_week(day) or day


def _first_working_in(make: Maker | None) -> Maker | None:
    """The same week in another year, its first working day too."""
    if make is None:
        return None
    return lambda year: _first_working(made) if (made := make(year)) is not None else None
