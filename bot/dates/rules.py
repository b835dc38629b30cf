"""The grammar of a single Norwegian date phrase: each rule matches a whole (normalized) phrase or nothing.

Matching whole phrases is what keeps the reader strict: "blah 12" or "kapittel 3" is no date, because no
rule covers the words around the number. Each rule says how it found the day (typed year, relative to
today, month only), so `dato` can decide whether to ask before saving.
"""

from __future__ import annotations

import logging
import re
from calendar import monthrange
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

from bot.dates.found import FIRST_YEAR, Found, Kind, Maker, choose_year, short_year
from bot.dates.makers import add_months, month_day, month_end, nth_weekday
from bot.dates.named_days import (
    feast_week,
    feast_week_words,
    named_day,
    named_day_words,
    names_a_day,
    names_a_period,
    period_days,
)
from bot.dates.relations import related
from bot.dates.vague import MonthPart
from bot.dates.words import (
    COMING_WORDS,
    DAY_ORDINALS,
    DAY_UNITS,
    HOUR_UNITS,
    MONTH_UNITS,
    MONTHS,
    NUMBERS,
    ORDINALS,
    PREFIX_WEEKDAYS,
    RELATIVE_DAYS,
    WEEK_SHIFT,
    WEEK_UNITS,
    WEEKDAYS,
    alternation,
)

logger = logging.getLogger(__name__)

_WD = alternation(WEEKDAYS)
_MON = alternation(MONTHS)
_NUM = alternation(NUMBERS)
_ORD = alternation(ORDINALS)
_WEEK = alternation(WEEK_UNITS)
_UNIT = alternation((*DAY_UNITS, *WEEK_UNITS, *MONTH_UNITS))
_SHIFT = alternation(WEEK_SHIFT)
_NAMED = alternation(named_day_words())
_DAY_ORD = alternation(DAY_ORDINALS)
_N = rf"(?:[0-9]{{1,3}}|{_NUM})"
# A year never starts inside a word: «i juli 2028» is no «i jul» + «i 2028» (Christmas 2028), and «etter juli
# 2028» no «etter jul» (dates19).
_YEAR = r"(?:(?![^\W\d_])\s*,?\s*(?:i\s+)?([0-9]{4}))?"

# A weekday in front of a date is checked against it ("mandag 22. april" when that is a Thursday).
# «på 22. april», «på olsok», «på fredag 23. april»: «på» before a day is no part of it.
_PREFIX = rf"(?:på\s+)?(?:({alternation(PREFIX_WEEKDAYS)})\.?\s*,?\s+)?(?:den\s+)?"
_ISO_RE = re.compile(_PREFIX + r"([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})")
# A year after «/» or «-» with a space beside it is no year: «14.9 kl 10 / 13» is two hours, never 2013 (dates15).
_YEAR_SEP = r"(?:\s*\.\s*|[/-]|\s-(?=[0-9]))"
_NUMERIC_RE = re.compile(
    _PREFIX + rf"([0-9]{{1,2}})\s*[./-]\s*([0-9]{{1,2}})(?:(?:{_YEAR_SEP}|\s+)([0-9]{{4}})|{_YEAR_SEP}([0-9]{{2}}))?\.?"
)
_TEXTUAL_RE = re.compile(_PREFIX + rf"([0-9]{{1,2}})\.?\s*({_MON})\.?{_YEAR}")
_ORDINAL_DAY_RE = re.compile(_PREFIX + rf"({_DAY_ORD})\s+({_MON})\.?{_YEAR}")
# «12 Nov 27», «3. desember '27» (dates18): two digits after a month's name are a year when no clock shows them (24–99).
_SHORT_YEAR_AHEAD = 2
_TEXTUAL_SHORT_RE = re.compile(_PREFIX + rf"([0-9]{{1,2}})\.?\s*({_MON})\.?\s*,?\s+'?(2[4-9]|[3-9][0-9])")
# "den 22.", "22.", "den 22", "den tjuende": a day of the month with its month left out. A bare number
# ("22") stays noise: it could as well be a week or a year.
_DAY_ALONE_RE = re.compile(rf"(?:på\s+)?(?:den\s+([0-9]{{1,2}})\.?|([0-9]{{1,2}})\.|den\s+({_DAY_ORD}))")
_FEAST_WEEK_RE = re.compile(rf"(?:i\s+)?(?:(?:rett|like)\s+)?({alternation(feast_week_words())}){_YEAR}")
_MONTH_FIRST_RE = re.compile(_PREFIX + rf"({_MON})\.?\s+([0-9]{{1,2}})\.?{_YEAR}")
_NAMED_RE = re.compile(_PREFIX + rf"({_NAMED}){_YEAR}")
_NTH_WD_RE = re.compile(rf"(?:den\s+)?(nest\s+siste|siste|{_ORD})\s+({_WD})(?:en)?\s+(?:i|av)\s+({_MON}){_YEAR}")
# "om ei vekes tid", "om en ukes tid", "i dag om en uke"; "en uke fra i dag"
_IN_N_RE = re.compile(rf"(?:i\s+dag\s+)?om\s+({_N})\s+({_UNIT})(?:s\s+tid)?|({_N})\s+({_UNIT})\s+(?:fra|frå)\s+i\s*dag")
_AGO_RE = re.compile(rf"(?:for\s+)?({_N})\s+({_UNIT})\s+(?:siden|sidan)")
_IN_HOURS_RE = re.compile(rf"om\s+({_N}|en\s+halv)\s+({alternation(HOUR_UNITS)}|min|minutt|minutter)")
_WD_IN_N_WEEKS_RE = re.compile(rf"(?:på\s+)?({_WD})\s+om\s+({_N})\s+(?:{_WEEK})")
_N_WEEKS_WD_RE = re.compile(rf"om\s+({_N})\s+(?:{_WEEK})\s*,?\s+(?:på\s+)?({_WD})")
# «neste fredag» is next week's Friday, «forrige fredag»/«førre fredag» last week's (as «onsdag forrige uke»)
_NEXT_WD_RE = re.compile(rf"(?:på\s+)?(neste|forrige|førre)\s+({_WD})")
_WD_IN_WEEK_RE = re.compile(rf"(?:på\s+)?({_WD})\s+(?:i\s+)?({_SHIFT})\s+(?:{_WEEK})")
_WEEK_REL_RE = re.compile(rf"(?:i\s+)?({_SHIFT})\s+(?:{_WEEK})")
_COMING = alternation(COMING_WORDS)
# «fredag som kommer», nynorsk «tysdag som kjem», «denne fredagen»: the coming one, as «førstkommende fredag».
_PLAIN_WD_RE = re.compile(
    rf"(?:(?:nå\s+|no\s+)?på\s+|innen\s+)?(?:(?:{_COMING}|denne)\s+)?({_WD})(?:en)?"
    rf"(?:\s+(?:{_COMING}|som\s+(?:kommer|kjem)(?:\s+nå|\s+no)?))?"
)
_WD_DAY_RE = re.compile(rf"(?:på\s+)?({_WD})\.?\s*,?\s+(?:den\s+([0-9]{{1,2}})\.?|([0-9]{{1,2}})\.|den\s+({_DAY_ORD}))")
_WEEKEND_RE = re.compile(r"(?:(?:rett|like)\s+)?(?:over|etter)\s+(?:helgen|helga|helgi|helga)")
_NEXT_MONTH_RE = re.compile(r"(?:i\s+)?(?:neste|kommende)\s+(?:måned|månad)")
_WEEK_NO_RE = re.compile(
    rf"(?:på\s+|i\s+løpet\s+av\s+|ila\.?\s+)?(?:({_WD})\s+)?(?:i\s+)?(?:{_WEEK}|week|wk\.?|v\.?)\s*(?:nr\.?\s*)?([0-9]{{1,2}})"
    r"(?:\s*[,/]?\s*(?:i\s+)?([0-9]{4}))?"
)
_PART_WORDS: dict[str, MonthPart] = {
    "primo": "start", "starten": "start", "start": "start", "begynnelsen": "start", "tidlig": "start",
    "tidleg": "start", "byrjinga": "start", "byrjingi": "start", "først": "start", "fyrst": "start",
    "medio": "middle", "midten": "middle", "midt": "middle",
    "ultimo": "end", "slutten": "end", "utgangen": "end", "enden": "end", "sent": "end", "seint": "end",
    "sist": "end", "slutt": "end",
}  # fmt: skip
# "første uka i mars", "siste veka i oktober": a week at one end of a month names no day, so it is asked
# about like "tidlig i mars" (its Monday may lie in the month before).
_PART_WORDS |= {
    f"{nth} {week}": part
    for nth, part in (
        *(("første", "first_week"), ("fyrste", "first_week"), ("andre", "second_week")),
        *(("tredje", "third_week"), ("fjerde", "fourth_week"), ("siste", "last_week")),
    )
    for week in ("uka", "uken", "uke", "veka", "veke", "vekå")
}
# «andre uka i mars», «tredje veka i januar»: the month's days 8–14, 15–21, 22–28, asked about like «første uka i».
_PART_FIRST_DAY: dict[str, int] = {"middle": 15, "second_week": 8, "third_week": 15, "fourth_week": 22}
_MONTH_ONLY_RE = re.compile(
    rf"(?:(?:(?:en|ein)\s+(?:gang|gong)\s+)?(?:i\s+)?(?:løpet\s+av\s+|ila\.?\s+)?|(?:(?:i|på|ved|mot)\s+)?({alternation(_PART_WORDS)})\s+(?:av\s+|i\s+|på\s+)?)"
    rf"({_MON})\.?{_YEAR}"
)
RANGE_RE = re.compile(rf"[0-9]{{1,2}}\.?\s*-\s*[0-9]{{1,2}}(?:\.\s*|\s+)({_MON}|[0-9]{{1,2}}\b){_YEAR}")


def plain_weekday(s: str) -> int | None:
    """The weekday a phrase is, when it is only a weekday ("torsdag", "på fredag")."""
    m = _PLAIN_WD_RE.fullmatch(s)
    return WEEKDAYS[m.group(1)] if m else None


def number(token: str) -> int:
    return int(token) if token.isdigit() else NUMBERS[token]


def match(s: str, *, now: datetime, window: tuple[date, date] | None) -> Found | None:
    """The one reading of a whole phrase, or None; impossible dates ("31. april") are None too."""
    try:
        found = _match(s, now=now, window=window)
    except (ValueError, OverflowError, KeyError):  # 31.02, week 54, year 9999 + 1 day
        return None
    # "14.04.0830", "13.4.1999": no meeting is planned before 2000 (the year 830 was offered for saving).
    return None if found is not None and found.day.year < FIRST_YEAR else found


def _match(s: str, *, now: datetime, window: tuple[date, date] | None) -> Found | None:
    today = now.date()
    for rule in (_explicit, _named_or_nth, _related, _relative, _weeks, _month_only, _day_alone):
        found = rule(s, today=today, now=now, window=window)
        if found is not None:
            return found
    return None


def _typed(weekday: str | None) -> int | None:
    return PREFIX_WEEKDAYS[weekday] if weekday else None


def _related(s: str, *, today: date, now: datetime, window: tuple[date, date] | None) -> Found | None:
    """ "dagen etter 17. mai", "første tysdag etter påske": a day counted from another one the rules read."""
    return related(s, today=today, window=window, read=lambda anchor: match(anchor, now=now, window=window))


def _yearless(
    make: Maker,
    *,
    today: date,
    window: tuple[date, date] | None,
    weekday: str | None = None,
    kind: Kind = "day",
    lasts: int = 0,
) -> Found | None:
    ahead = month_end if kind == "month" else (lambda d: d + timedelta(days=lasts)) if lasts else None
    day = choose_year(make, today=today, window=window, ahead=ahead)
    if day is None:
        return None
    return Found(day=day, kind=kind, make=make, weekday=_typed(weekday))


def _explicit(s: str, *, today: date, now: datetime, window: tuple[date, date] | None) -> Found | None:
    if m := _ISO_RE.fullmatch(s):
        wd, y, mo, d = m.groups()
        return Found(day=date(int(y), int(mo), int(d)), year_typed=True, weekday=_typed(wd))
    if m := _NUMERIC_RE.fullmatch(s):
        wd, d, mo, y4, y2 = m.groups()
        month_day(int(mo), int(d))  # 31.04: in no year at all
        year_text = y4 or y2
        if year_text:
            year = short_year(year_text, today=today) if len(year_text) == 2 else int(year_text)
            return Found(day=date(year, int(mo), int(d)), year_typed=True, weekday=_typed(wd))
        if wd is None and _hours_or_day(s, day=int(d), month=int(mo)):
            return None
        return _yearless_month_day(int(mo), int(d), today=today, window=window, weekday=wd)
    m = _TEXTUAL_RE.fullmatch(s) or _ORDINAL_DAY_RE.fullmatch(s)
    if m is None and (short := _TEXTUAL_SHORT_RE.fullmatch(s)):
        wd, d, mon, y2 = short.groups()
        year = short_year(y2, today=today)
        if not today.year - 1 <= year <= today.year + _SHORT_YEAR_AHEAD:
            return None  # «3. juni 30»: a count or a minute as likely as the year 2030
        return Found(day=date(year, MONTHS[mon], int(d)), year_typed=True, weekday=_typed(wd))
    groups = m.groups() if m else None
    if m is None and (m := _MONTH_FIRST_RE.fullmatch(s)):
        wd, mon, d, y = m.groups()
        groups = (wd, d, mon, y)
    if groups is None:
        return None
    wd, d, mon, y = groups
    day_number = int(d) if d.isdigit() else DAY_ORDINALS[d]
    if y:
        return Found(day=date(int(y), MONTHS[mon], day_number), year_typed=True, weekday=_typed(wd))
    return _yearless_month_day(MONTHS[mon], day_number, today=today, window=window, weekday=wd)


_EARLIEST_RANGE_HOUR = 6


def _hours_or_day(s: str, *, day: int, month: int) -> bool:
    """«10-12», «Møte – 8-10»: two numbers joined by a dash without a year are as likely a meeting's hours as 10
    December, so neither is read (as «14-16» is no date; after a weekday, «fredag 10-12», `grammar` asks which);
    «10.12», «10/12» and «3-2» (no hour range) are dates."""
    return "-" in s and not any(sep in s for sep in "./") and _EARLIEST_RANGE_HOUR <= day < month


def _yearless_month_day(
    month: int, day: int, *, today: date, window: tuple[date, date] | None, weekday: str | None
) -> Found | None:
    """A day and month without a year. «29. februar» is read only in the year it would mean if it existed
    every year: in 2027 it is no date (like «30. februar»), never 29 February 2028 in the next cycle."""
    found = _yearless(month_day(month, day), today=today, window=window, weekday=weekday)
    if found is not None and (month, day) == (2, 29):
        meant = choose_year(month_day(2, 28), today=today, window=window)
        if meant is not None and meant.year != found.day.year:
            raise ValueError("29 February does not exist in the year meant")
    return found


def _named_or_nth(s: str, *, today: date, now: datetime, window: tuple[date, date] | None) -> Found | None:
    if m := _NAMED_RE.fullmatch(s):
        wd, name, y = m.groups()
        make = named_day(name)
        if make is None or names_a_period(name):
            return None
        if y:
            return Found(day=make(int(y)), year_typed=True, weekday=_typed(wd))
        found = _yearless(make, today=today, window=window, weekday=wd, lasts=period_days(name))
        return replace(found, named=True) if found else None
    if m := _FEAST_WEEK_RE.fullmatch(s):
        name, y = m.groups()
        feast = feast_week(name)
        if feast is None:
            return None
        kind: Kind = "day" if names_a_day(name) else "week"  # «etter jul»: no week number to explain
        if y:
            return Found(day=feast(int(y)), kind=kind, year_typed=True)
        day = choose_year(feast, today=today, window=window, ahead=lambda d: d + timedelta(days=6))
        # «etter jul» typed in January is the just-passed New Year's back-to-work Monday, as asked before;
        # a week named from Easter or Whitsun points to the coming one
        return Found(day=day, kind=kind, make=feast, named=kind == "week") if day else None
    if m := _NTH_WD_RE.fullmatch(s):
        nth, wd, mon, y = m.groups()
        make = nth_weekday(ORDINALS.get(nth, -1 if nth == "siste" else -2), WEEKDAYS[wd], MONTHS[mon])
        if y:
            day = make(int(y))
            return Found(day=day, year_typed=True) if day else None
        return _yearless(make, today=today, window=window)
    return None


def _relative(s: str, *, today: date, now: datetime, window: tuple[date, date] | None) -> Found | None:
    monday = today - timedelta(days=today.weekday())
    day: date | None = None
    if s in RELATIVE_DAYS:
        day = today + timedelta(days=RELATIVE_DAYS[s])
    elif m := _IN_HOURS_RE.fullmatch(s):
        amount, unit = m.groups()
        minutes = 30 if amount == "en halv" else number(amount) * (1 if unit.startswith("min") else 60)
        # Elapsed time, not wall-clock time: "om 1 time" at 01:30 on the night clocks go forward is 03:30.
        moment = (now.astimezone(UTC) + timedelta(minutes=minutes)).astimezone(now.tzinfo)
        return Found(day=moment.date(), relative=True, moment=moment)
    elif m := _IN_N_RE.fullmatch(s):
        amount, unit = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
        day = _shift(today, number(amount), unit)
    elif m := _AGO_RE.fullmatch(s):
        day = _shift(today, -number(m.group(1)), m.group(2))
    elif m := _WD_IN_N_WEEKS_RE.fullmatch(s):
        day = monday + timedelta(days=7 * number(m.group(2)) + WEEKDAYS[m.group(1)])
    elif m := _N_WEEKS_WD_RE.fullmatch(s):
        day = monday + timedelta(days=7 * number(m.group(1)) + WEEKDAYS[m.group(2)])
    elif m := _NEXT_WD_RE.fullmatch(s):
        day = monday + timedelta(days=7 * WEEK_SHIFT[m.group(1)] + WEEKDAYS[m.group(2)])
    elif m := _WD_IN_WEEK_RE.fullmatch(s):
        day = monday + timedelta(days=7 * WEEK_SHIFT[m.group(2)] + WEEKDAYS[m.group(1)])
    elif m := _WEEK_REL_RE.fullmatch(s):
        return Found(day=monday + timedelta(days=7 * WEEK_SHIFT[m.group(1)]), kind="week", relative=True)
    elif m := _PLAIN_WD_RE.fullmatch(s):
        # "fredag" typed on a Friday means next week's: today would be "i dag" or «denne fredagen» (k = 0).
        k = 0 if s.startswith("denne") or " denne " in s else 1
        day = today + timedelta(days=(WEEKDAYS[m.group(1)] - today.weekday() - k) % 7 + k)
    elif m := _WD_DAY_RE.fullmatch(s):
        # "fredag 27.": the 27th read as "den 27." is, with the weekday checked against it. It was the next
        # Friday that is a 27th, which turned a slip ("fredag den 3." when the 3rd is a Thursday) into a
        # date months away.
        digits = m.group(2) or m.group(3)
        found = _next_day_of_month(today, int(digits) if digits else DAY_ORDINALS[m.group(4)])
        return replace(found, weekday=WEEKDAYS[m.group(1)]) if found else None
    elif _WEEKEND_RE.fullmatch(s):
        day = monday + timedelta(days=7)
    elif _NEXT_MONTH_RE.fullmatch(s):
        first = add_months(today.replace(day=1), 1)
        return Found(day=first, kind="month", relative=True)
    return Found(day=day, relative=True) if day is not None else None


def _weeks(s: str, *, today: date, now: datetime, window: tuple[date, date] | None) -> Found | None:
    m = _WEEK_NO_RE.fullmatch(s)
    if m is None:
        return None
    weekday, week_text, year_text = m.groups()
    dow = WEEKDAYS[weekday] + 1 if weekday else 1
    week = int(week_text)

    def make(year: int) -> date | None:
        try:
            return date.fromisocalendar(year, week, dow)
        except ValueError:  # week 53 exists only in some years
            return None

    if year_text:
        day = make(int(year_text))
        return Found(day=day, year_typed=True, kind="day" if weekday else "week") if day else None
    # A bare "uke 47" typed during week 47 still means this week, not next year's.
    ahead = (lambda d: d + timedelta(days=6)) if not weekday else None
    day = choose_year(make, today=today, window=window, ahead=ahead)
    return Found(day=day, make=make, kind="day" if weekday else "week") if day else None


def _month_only(s: str, *, today: date, now: datetime, window: tuple[date, date] | None) -> Found | None:
    m = _MONTH_ONLY_RE.fullmatch(s)
    if m is None:
        return None
    part_word, mon, y = m.groups()
    part: MonthPart = _PART_WORDS.get(part_word or "", "whole")
    month = MONTHS[mon]

    def make(year: int) -> date:
        if part in ("end", "last_week"):
            return date(year, month, monthrange(year, month)[1])
        return date(year, month, _PART_FIRST_DAY.get(part, 1))

    if y:
        return Found(day=make(int(y)), kind="month", year_typed=True, part=part)
    found = _yearless(make, today=today, window=window, kind="month")
    return replace(found, part=part) if found else None


def _day_alone(s: str, *, today: date, now: datetime, window: tuple[date, date] | None) -> Found | None:
    """ "den 22.": the next 22nd on or after today. It may lie two months on ("den 31." on 1 February);
    `bot.dates.grammar` asks about that rather than skip a month for the reader."""
    m = _DAY_ALONE_RE.fullmatch(s)
    if m is None:
        return None
    digits = m.group(1) or m.group(2)
    return _next_day_of_month(today, int(digits) if digits else DAY_ORDINALS[m.group(3)])


def _next_day_of_month(today: date, n: int) -> Found | None:
    if not 1 <= n <= 31:
        return None
    first = today.replace(day=1)
    for ahead in range(3):
        month = add_months(first, ahead)
        if n <= monthrange(month.year, month.month)[1] and (day := month.replace(day=n)) >= today:
            return Found(day=day, kind="day_of_month")
    return None


def _shift(today: date, n: int, unit: str) -> date:
    if unit in MONTH_UNITS:
        return add_months(today, n)
    return today + timedelta(days=n * (7 if unit in WEEK_UNITS else 1))
