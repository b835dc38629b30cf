"""Meeting dates as Norwegian county coordinators type them in chat.

Our own rules run first because dateparser (1.5, `nb`) gets the commonest chat forms wrong or
not at all: "28. november kl 10" becomes year 2110, and it knows no "neste fredag", "uke 17",
"i overmorgen", nynorsk weekdays or "aa"/"o" spellings. It also hides whether a year was typed,
which we need to pick the year from the caller's cycle window. dateparser, restricted to `nb`,
stays as the fallback for the long tail ("for to dager siden", "april 22"), and only when it
reports day precision, so "mai" alone or a bare number is not taken as a meeting date.
"""

from __future__ import annotations

import itertools
import logging
import re
import unicodedata
from calendar import monthrange
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from dateparser.date import DateDataParser

from bot.clock import OSLO

logger = logging.getLogger(__name__)

# Chat dates are short; a cap keeps every regex and the dateparser call cheap on pasted junk.
_MAX_LEN = 120

WEEKDAY_NAMES = ("mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag")
MONTH_NAMES = (
    "januar", "februar", "mars", "april", "mai", "juni",
    "juli", "august", "september", "oktober", "november", "desember",
)  # fmt: skip

_WEEKDAYS: dict[str, int] = {name: i for i, name in enumerate(WEEKDAY_NAMES)} | {
    "måndag": 0, "tysdag": 1, "laurdag": 5, "sundag": 6,  # nynorsk
    "man": 0, "tir": 1, "tirs": 1, "tys": 1, "ons": 2, "tor": 3, "tors": 3,
    "fre": 4, "lør": 5, "laur": 5, "søn": 6, "sun": 6,
}  # fmt: skip
_MONTHS: dict[str, int] = {name: i + 1 for i, name in enumerate(MONTH_NAMES)} | {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "okt": 10, "nov": 11, "des": 12,
}  # fmt: skip
_NUMBERS: dict[str, int] = {
    "en": 1, "ein": 1, "ei": 1, "ett": 1, "eitt": 1, "to": 2, "tre": 3, "fire": 4, "fem": 5,
    "seks": 6, "sju": 7, "syv": 7, "åtte": 8, "ni": 9, "ti": 10, "elleve": 11, "tolv": 12,
}  # fmt: skip
_DAY_UNITS = ("dag", "dager", "dagar", "døgn")
_WEEK_UNITS = ("uke", "uker", "uka", "ukene", "veke", "veker", "veka", "vekene")
_MONTH_UNITS = ("måned", "måneder", "månad", "månader")
_RELATIVE_DAYS: dict[str, int] = {
    "i dag": 0, "idag": 0, "i morgen": 1, "imorgen": 1, "i morgon": 1, "imorgon": 1,
    "i overmorgen": 2, "i overmorgon": 2, "overimorgen": 2, "overimorgon": 2,
}  # fmt: skip
_WEEK_SHIFT: dict[str, int] = {
    "denne": 0, "neste": 1, "kommende": 1, "komande": 1, "forrige": -1, "førre": -1,
}  # fmt: skip
_OTHER_WORDS = ("på", "førstkommende", "førstkomande", "kommende", "komande", "førre")


def _ascii_spellings(word: str) -> set[str]:
    """People without Norwegian keyboards write "lordag", "paa", "maandag"."""
    options = {"å": ("aa", "a"), "ø": ("o", "oe"), "æ": ("ae", "e")}
    parts = [options.get(ch, (ch,)) for ch in word]
    return {"".join(combo) for combo in itertools.product(*parts)} - {word}


_VOCABULARY = [
    *_WEEKDAYS, *_MONTHS, *_NUMBERS, *_DAY_UNITS, *_WEEK_UNITS, *_MONTH_UNITS, *_OTHER_WORDS,
]  # fmt: skip
_SPELLING: dict[str, str] = {
    variant: word
    for word in _VOCABULARY
    for variant in _ascii_spellings(word)
    if variant not in _VOCABULARY  # "mandag" is a word of its own
}


def _alternation(words: Iterable[str]) -> str:
    # Longest first, so "tirsdag" wins over "tir" and "sept" over "sep".
    return "|".join(sorted(map(re.escape, words), key=len, reverse=True))


_WD = _alternation(_WEEKDAYS)
_MON = _alternation(_MONTHS)
_NUM = _alternation(_NUMBERS)
_WEEK = _alternation(_WEEK_UNITS)
_UNIT = _alternation((*_DAY_UNITS, *_WEEK_UNITS, *_MONTH_UNITS))
_SHIFT = _alternation(_WEEK_SHIFT)

_WORD_RE = re.compile(r"[^\W\d_]+")
_SPACE_RE = re.compile(r"\s+")
_LETTER_RE = re.compile(r"[^\W\d_]")
_ISO_T_RE = re.compile(r"([0-9]{4}-[0-9]{1,2}-[0-9]{1,2})t(?=[0-9])")
_RANGE_END = r"(?:\s*-\s*[0-9]{1,2}(?:[:.]?[0-9]{2})?)?"
_KL_RE = re.compile(
    r"(?:^|(?<=[\s,]))(?:kl\.?|klokka|klokken)\s*([0-9]{1,2})(?:[:.]?([0-9]{2}))?" + _RANGE_END + r"(?=$|[\s,.])"
)
_COLON_RE = re.compile(r"(?:^|(?<=[\s,]))([0-9]{1,2}):([0-9]{2})(?::[0-9]{2})?" + _RANGE_END + r"(?=$|[\s,])")
_DOT_TIME_END_RE = re.compile(r"[\s,]+([0-9]{1,2})\.([0-9]{2})$")

# A weekday in front of an explicit date ("tirsdag 22. april") is decoration; the date decides.
_PREFIX = rf"(?:(?:på\s+)?(?:{_WD})\.?\s*,?\s+)?(?:den\s+)?"
_ISO_RE = re.compile(r"([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})")
_NUMERIC_RE = re.compile(_PREFIX + r"([0-9]{1,2})[./]([0-9]{1,2})(?:[./]([0-9]{4}|[0-9]{2}))?\.?")
_TEXTUAL_RE = re.compile(_PREFIX + rf"([0-9]{{1,2}})\.?\s*({_MON})\.?(?:\s*,?\s*([0-9]{{4}}))?")
_IN_N_RE = re.compile(rf"om\s+([0-9]{{1,3}}|{_NUM})\s+({_UNIT})")
_NEXT_WD_RE = re.compile(rf"(?:på\s+)?neste\s+({_WD})")
_WD_IN_WEEK_RE = re.compile(rf"(?:på\s+)?({_WD})\s+(?:i\s+)?({_SHIFT})\s+(?:{_WEEK})")
_WEEK_REL_RE = re.compile(rf"(?:i\s+)?({_SHIFT})\s+(?:{_WEEK})")
_PLAIN_WD_RE = re.compile(rf"(?:på\s+)?(?:(?:førstkommende|førstkomande|kommende|komande)\s+)?({_WD})")
_WEEK_NO_RE = re.compile(
    rf"(?:på\s+)?(?:({_WD})\s+)?(?:i\s+)?(?:{_WEEK})\s*(?:nr\.?\s*)?([0-9]{{1,2}})"
    r"(?:\s*[,/]?\s*(?:i\s+)?([0-9]{4}))?"
)


@dataclass(frozen=True)
class ParsedDate:
    """A date understood from chat; `when` is Oslo midnight when no time was typed."""

    when: datetime
    has_time: bool


def parse_norwegian_date(text: str, *, now: datetime, window: tuple[date, date] | None = None) -> ParsedDate | None:
    """Read a typed date; None when it is not one, so callers can ask again.

    Chat input is arbitrary, so this never raises. Without a typed year the date goes into
    `window` (or nearest to it), otherwise to its next occurrence on or after today.
    """
    try:
        return _parse(text, now=now, window=window)
    except Exception:  # a bug here must not take the command down with it
        logger.warning("could not parse date text %s", repr(text)[:200], exc_info=True)
        return None


def format_norwegian(when: datetime, *, with_time: bool) -> str:
    """The long form the bot echoes back, so the reader can catch a misread date."""
    local = when.astimezone(OSLO) if when.tzinfo else when
    text = f"{WEEKDAY_NAMES[local.weekday()]} {format_short(local.date())}"
    return f"{text} kl. {local.hour:02d}.{local.minute:02d}" if with_time else text


def format_short(d: date) -> str:
    """Day, month name and year, e.g. "22. april 2027", for lists and tables."""
    return f"{d.day}. {MONTH_NAMES[d.month - 1]} {d.year}"


def warm_up() -> None:
    """Load dateparser's `nb` data at start-up rather than inside a user's first command."""
    now = datetime.now(OSLO)
    _fallback("for to dager siden", now=now)
    parse_norwegian_date("tirsdag 22. april kl 10", now=now)


def _parse(text: str, *, now: datetime, window: tuple[date, date] | None) -> ParsedDate | None:
    if not isinstance(text, str) or len(text) > _MAX_LEN:
        return None
    now = now.astimezone(OSLO) if now.tzinfo else now.replace(tzinfo=OSLO)
    today = now.date()
    if window is not None and window[0] > window[1]:
        window = (window[1], window[0])
    s = _normalize(text)
    if not s:
        return None
    s, clock, ok = _take_time(s)
    if not ok:
        return None
    day = _by_rules(s, today=today, window=window)
    if day is None and clock is None and (m := _DOT_TIME_END_RE.search(s)):
        # "22.04.27 10.00": a trailing dotted pair is a time only if the rest is a date,
        # so "fredag 22.04" stays 22 April.
        clock = _clock(m.group(1), m.group(2))
        if clock is None:
            return None
        day = _by_rules(s[: m.start()].strip(" ,"), today=today, window=window)
        s = s[: m.start()].strip(" ,")
    if day is None:
        day = _fallback(s, now=now)
    if day is None:
        return None
    hour, minute = clock or (0, 0)
    when = datetime(day.year, day.month, day.day, hour, minute, tzinfo=OSLO)
    return ParsedDate(when=when, has_time=clock is not None)


def _normalize(text: str) -> str:
    s = unicodedata.normalize("NFKC", text).lower()
    s = s.replace("\u2013", "-").replace("\u2014", "-").replace("\u2212", "-")
    s = _ISO_T_RE.sub(r"\1 ", s)
    s = _WORD_RE.sub(lambda m: _SPELLING.get(m.group(), m.group()), s)
    s = _SPACE_RE.sub(" ", s).strip(" ,;:!?\"'()")
    return re.sub(r"(?<=[^\W\d_])\.+$", "", s).strip()


def _clock(hour: str, minute: str | None) -> tuple[int, int] | None:
    h, m = int(hour), int(minute or 0)
    return (h, m) if 0 <= h <= 23 and 0 <= m <= 59 else None


def _take_time(s: str) -> tuple[str, tuple[int, int] | None, bool]:
    """Cut an explicit time out; ok=False when the time itself is impossible ("kl 25")."""
    for pattern in (_KL_RE, _COLON_RE):
        m = pattern.search(s)
        if m:
            clock = _clock(m.group(1), m.group(2))
            rest = (s[: m.start()] + " " + s[m.end() :]).strip()
            rest = _SPACE_RE.sub(" ", rest).strip(" ,.")
            return rest, clock, clock is not None
    return s, None, True


def _by_rules(s: str, *, today: date, window: tuple[date, date] | None) -> date | None:
    try:
        return _match(s, today=today, window=window)
    except (ValueError, OverflowError):  # 31.02, week 54, year 9999 + 1 day
        return None


def _match(s: str, *, today: date, window: tuple[date, date] | None) -> date | None:
    if s in _RELATIVE_DAYS:
        return today + timedelta(days=_RELATIVE_DAYS[s])
    if m := _ISO_RE.fullmatch(s):
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    if m := _NUMERIC_RE.fullmatch(s) or _TEXTUAL_RE.fullmatch(s):
        day, month_text, year_text = m.groups()
        month = int(month_text) if month_text.isdigit() else _MONTHS[month_text]
        if year_text:
            year = int(year_text) + (2000 if len(year_text) == 2 else 0)
            return date(year, month, int(day))
        return _choose_year(_month_day(month, int(day)), today=today, window=window)
    if m := _IN_N_RE.fullmatch(s):
        n = int(m.group(1)) if m.group(1).isdigit() else _NUMBERS[m.group(1)]
        unit = m.group(2)
        if unit in _MONTH_UNITS:
            return _add_months(today, n)
        return today + timedelta(days=n * (7 if unit in _WEEK_UNITS else 1))
    monday = today - timedelta(days=today.weekday())
    if m := _NEXT_WD_RE.fullmatch(s):
        return monday + timedelta(days=7 + _WEEKDAYS[m.group(1)])
    if m := _WD_IN_WEEK_RE.fullmatch(s):
        return monday + timedelta(days=7 * _WEEK_SHIFT[m.group(2)] + _WEEKDAYS[m.group(1)])
    if m := _WEEK_REL_RE.fullmatch(s):
        return monday + timedelta(days=7 * _WEEK_SHIFT[m.group(1)])
    if m := _PLAIN_WD_RE.fullmatch(s):
        # "fredag" typed on a Friday means next week's: today would be "i dag".
        return today + timedelta(days=(_WEEKDAYS[m.group(1)] - today.weekday() - 1) % 7 + 1)
    if m := _WEEK_NO_RE.fullmatch(s):
        return _week(m.group(1), int(m.group(2)), m.group(3), today=today, window=window)
    return None


def _week(
    weekday: str | None,
    week: int,
    year_text: str | None,
    *,
    today: date,
    window: tuple[date, date] | None,
) -> date | None:
    dow = _WEEKDAYS[weekday] + 1 if weekday else 1

    def make(year: int) -> date | None:
        try:
            return date.fromisocalendar(year, week, dow)
        except ValueError:  # week 53 exists only in some years
            return None

    if year_text:
        return make(int(year_text))
    # A bare "uke 47" typed during week 47 still means this week, not next year's.
    grace = 0 if weekday else 6
    return _choose_year(make, today=today, window=window, grace_days=grace)


def _month_day(month: int, day: int) -> Callable[[int], date | None]:
    if not 1 <= month <= 12 or not 1 <= day <= 31:
        raise ValueError("no such date")

    def make(year: int) -> date | None:
        return date(year, month, day) if day <= monthrange(year, month)[1] else None

    return make


def _choose_year(
    make: Callable[[int], date | None],
    *,
    today: date,
    window: tuple[date, date] | None,
    grace_days: int = 0,
) -> date | None:
    """Pick the year for a date typed without one.

    Inside the window, the first candidate not yet past wins (a window can span two springs),
    else the latest one; outside it, the candidate nearest the window. Without a window, the
    next occurrence from today on. The ±9-year span covers 29 February.
    """
    if window is None:
        years = range(today.year - 1, today.year + 10)
    else:
        years = range(window[0].year - 9, window[1].year + 10)
    found = [d for y in years if 1 <= y <= 9999 and (d := make(y)) is not None]
    found.sort()
    if window is None:
        return next((d for d in found if d + timedelta(days=grace_days) >= today), None)
    start, end = window
    inside = [d for d in found if start <= d <= end]
    if inside:
        return next((d for d in inside if d >= today), inside[-1])
    if not found:
        return None

    def distance(d: date) -> tuple[int, int]:
        gap = (start - d).days if d < start else (d - end).days
        return gap, -d.toordinal()  # a tie goes to the later date

    return min(found, key=distance)


def _add_months(d: date, n: int) -> date:
    year, month0 = divmod(d.month - 1 + n, 12)
    year += d.year
    return date(year, month0 + 1, min(d.day, monthrange(year, month0 + 1)[1]))


def _fallback(s: str, *, now: datetime) -> date | None:
    """dateparser for the long tail; trusted only at day precision and near today."""
    if not _LETTER_RE.search(s):  # a bare "22" or "1" is not a date in a chat
        return None
    settings = {
        "PREFER_DATES_FROM": "future",
        "RELATIVE_BASE": now.replace(tzinfo=None),
        "TIMEZONE": "Europe/Oslo",
        "RETURN_AS_TIMEZONE_AWARE": True,
        "DATE_ORDER": "DMY",
        "PREFER_DAY_OF_MONTH": "first",
    }
    try:
        data = DateDataParser(languages=["nb"], settings=settings).get_date_data(s)
    except Exception:  # third-party parser on arbitrary text
        logger.debug("dateparser failed on %r", s, exc_info=True)
        return None
    if data.date_obj is None or data.period != "day":
        return None
    found = data.date_obj.date()
    return found if now.year - 2 <= found.year <= now.year + 5 else None
