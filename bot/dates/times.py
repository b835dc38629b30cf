"""The time of day in a date phrase: «kl 10», «10:00-12:00», «halv elleve», «mellom 10 og 12», and a
four-digit time after a date («tys 13/4 0900», «14.04. 0830»), which is never a year (a meeting's year
is 2000 or later, and one in 0000-1959 with valid minutes is read as a time).

`take_time` cuts the time out, so the rest of the phrase is read by the date rules alone.
"""

from __future__ import annotations

import logging
import re
from datetime import date

from bot import i18n
from bot.dates.parsed import DateTrouble
from bot.dates.text import month_name
from bot.dates.words import MONTHS, NUMBERS, PREFIX_WEEKDAYS, alternation

logger = logging.getLogger(__name__)

_SPACE_RE = re.compile(r"\s+")
# "kl 14-16", "10:00-12:00", "kl 10 til 12": a meeting's start is what is kept; the end is only echoed.
_RANGE_END = r"(?:(?:\s*-\s*|\s+til\s+)(?:kl\.?\s*)?([0-9]{1,2})(?:[:.]?([0-9]{2}))?)?"
# "fra kl 9 til 11"; "ca. kl. 10", "rundt 10:00": a time said roughly is the time.
_ABOUT = r"ca\.?|cirka|rundt|omkring|kring|ved|at"  # «at 10:00 AM»: an English invitation's time
_FROM = rf"(?:^|(?<=[\s,]))(?:(?:fra|frå|{_ABOUT})\s+)?"
_KL_RE = re.compile(
    _FROM + r"(?:kl[.:]?|klokka|klokken|klokkå)\s*([0-9]{1,2})(?:[:.]?([0-9]{2}))?" + _RANGE_END + r"(?=$|[\s,.])"
)
_COLON_RE = re.compile(_FROM + r"([0-9]{1,2}):([0-9]{2})(?::[0-9]{2})?" + _RANGE_END + r"(?=$|[\s,])")
# "mellom 10 og 12", "mellom kl 10 og kl 12": the same range as "kl 10-12" ("og" alone joins two times).
_BETWEEN_RE = re.compile(
    r"(?:^|(?<=[\s,]))mellom\s+(?:kl\.?\s*)?([0-9]{1,2}(?:[:.][0-9]{2})?)\s+og\s+(?:kl\.?\s*)?"
    r"([0-9]{1,2}(?:[:.][0-9]{2})?)(?=$|[\s,])"
)
_HOUR = rf"([0-9]{{1,2}}|{alternation(NUMBERS)})"
# «ti over ni» (09.10), «fem på halv tre» (14.25), «tjue på ti» as a phone's dictation writes the clock (dates21).
_SPOKEN_MINUTES = {"fem": 5, "ti": 10, "tjue": 20}
_SPOKEN_RE = re.compile(
    rf"(?:^|(?<=[\s,]))(?:(?:kl\.?|klokka|klokken|klokkå)\s+)?"
    rf"(halv|kvart\s+over|kvart\s+på|(?:{alternation(_SPOKEN_MINUTES)})\s+(?:over|på)(?:\s+halv)?)\s+{_HOUR}(?=$|[\s,])"
)
# "13/4 0900", "14.04. 0830-1000": four digits after a space, at the end, are a time when they can be one
# before 20:00 (0000-1959); "2027" stays a year, and "1978" (no such minute) is neither. "19xx" right after a month's
# name is a year («20. januar 1937», «13. april -37»: refused as before 2000, never 19.37 on that day); after
# another word it is still a time («i kveld 1930», «fredag 1900»).
# 2100-2359 is never a meeting's year either («29.10. 2359» was the year 2359, dates19): a time after 21:00.
_FOUR = r"([01][0-9]|2[1-3])([0-5][0-9])"
_NOT_YEAR_AFTER_MONTH = "(?:(?!19)|" + "".join(rf"(?<!\b{name}\s)(?<!\b{name}\.\s)" for name in MONTHS) + ")"
_FOUR_RE = re.compile(rf"(?<=[\s,]){_NOT_YEAR_AFTER_MONTH}{_FOUR}(?:\s*(?:-|til)\s*([0-2][0-9])([0-5][0-9]))?$")
_ANOTHER_FOUR_RE = re.compile(rf"(?:^|(?<=[\s,])){_FOUR}(?=$|[\s,])")
# "2 pm", "kl 2:30 PM", "9:00 AM - 10:00 AM": an English calendar's twelve-hour clock.
# Google writes the meridiem once, after the end («10:00 – 11:00am», «1:00 – 2:30pm»): the start takes it too.
_MERIDIEM = r"\s*([ap])\.?\s?m\.?"
_END_MERIDIEM = r"(?=\s*-\s*[0-9]{1,2}(?:[:.][0-9]{2})?\s*[ap]\.?\s?m\b)"
_AMPM_RE = re.compile(
    _FROM + rf"(?:kl\.?\s*)?([0-9]{{1,2}})(?:[:.]([0-9]{{2}}))?(?:{_MERIDIEM}|{_END_MERIDIEM})"
    rf"(?:\s*-\s*([0-9]{{1,2}})(?:[:.]([0-9]{{2}}))?{_MERIDIEM})?(?=$|[\s,])"
)
# "9-tida", "ved ni-tiden", "rundt 10-tida": about that hour, kept as the hour. Before 07 it is as likely the
# afternoon («ved 3-tida» is 15), so such an hour is not read.
_ABOUT_RE = re.compile(
    rf"(?:^|(?<=[\s,]))(?:(?:{_ABOUT}|i)\s+)?(?:kl\.?\s*)?{_HOUR}\s*-?\s*(?:tida|tiden|tidi|tia)(?=$|[\s,.])"
)
_EARLIEST_ABOUT_HOUR = 7
# «kl. ti», «klokka ni»: the hour in words after «kl» (one from 1 to 5 is not read, as «kl 2» is not), and its
# minutes in words as a phone's dictation writes them («klokken tretten tretti», «klokka ni femten»: dates21).
_MINUTE_WORDS: dict[str, int] = {
    "fem": 5, "ti": 10, "femten": 15, "tjue": 20, "tjuefem": 25, "tretti": 30, "trettifem": 35, "førti": 40,
    "førtifem": 45, "femti": 50, "femtifem": 55, "null null": 0,
}  # fmt: skip
_KL_WORD_RE = re.compile(
    rf"(?:^|(?<=[\s,]))(?:kl[.:]?|klokka|klokken|klokkå)\s*({alternation(NUMBERS)})"
    rf"(?:\s+({alternation(_MINUTE_WORDS)}))?(?=$|[\s,.])"
)
# «fra ni til tre», «frå ni til halv tre», «fra halv ni til 15»: a range with an hour in words or a half or quarter
# hour on either side (digits alone, «fra 9 til 15», are read by the clock's own rules).
_KIND = r"(?:(halv|kvart\s+over|kvart\s+på)\s+)"
_SPOKEN_HOUR = rf"(?:{_KIND}([0-9]{{1,2}})|{_KIND}?({alternation(NUMBERS)}))"
_SPOKEN_RANGE_RE = re.compile(
    rf"(?:^|(?<=[\s,]))(?:fra|frå)\s+(?:kl\.?\s*)?{_SPOKEN_HOUR}\s+til\s+(?:kl\.?\s*)?{_SPOKEN_HOUR}(?=$|[\s,.])"
)
_EARLIEST_SPOKEN_START = 6
_PRECISELY_RE = re.compile(r"(?<=[0-9])\s+(?:presis|presist|prompte|skarpt)(?=$|[\s,])")  # "kl 10 presis"
_NIGHT = (1, 5)
"""Hours typed with one digit («kl 2», «halv tre») that chat means in the afternoon as often as at night."""
_TIME_PATTERNS = (_AMPM_RE, _ABOUT_RE, _KL_RE, _COLON_RE, _FOUR_RE, _SPOKEN_RE, _KL_WORD_RE)


# "torsdag 22. april, lunsj", "til lunsj", "lunsj til lunsj": a meal is a part of the day, not a clock time.
_LUNCH_RE = re.compile(
    r"^(?:lunsj|lunch)\s+|[\s,]+(?:(?:fra|frå)\s+)?(?:(?:til|over|etter|før|ved|i|under|med)\s+)?"
    r"(?:lunsj|lunsjen|lunch|lunchen)(?:\s+til\s+(?:lunsj|lunch))?$"
)


def take_lunch(s: str) -> tuple[str, bool]:
    """A normalized phrase without its lunch, and whether one was said."""
    rest = _LUNCH_RE.sub(" ", s).strip(" ,")
    return (rest, True) if rest != s and rest else (s, False)


# "18. nov (heldagsmøte)", "18. nov, hele dagen", "heildags": a meeting all day names no clock time (walk 12).
_ALL_DAY_RE = re.compile(
    r"[\s,-]+(?:(?:hel|heil)dags(?:møte|samling|seminar)?|(?:hel|heil)dag|(?:hele|heile)\s+dagen)$"
)


def take_all_day(s: str) -> tuple[str, bool]:
    """A normalized phrase without its «heldagsmøte» / «hele dagen», and whether one was said."""
    found = _ALL_DAY_RE.search(s)
    rest = s[: found.start()].strip(" ,-") if found else ""
    return (rest, True) if rest else (s, False)


def between(s: str) -> str:
    """ "mellom 10 og 12" as "kl 10-12", and «fra ni til tre» as "kl 9-15", so `take_time` reads one range."""
    return _SPOKEN_RANGE_RE.sub(_spoken_range, _BETWEEN_RE.sub(r"kl \1-\2", s))


def _spoken_range(m: re.Match[str]) -> str:
    """«fra ni til tre» is 09-15, «frå ni til halv tre» 09-14.30: a working day's range said in words starts in the
    morning (06–12; «fra to til fire» is as likely the afternoon, and is left unread) and an end not after it is
    the afternoon's."""
    start, end = (
        _said(m.group(1) or m.group(3), m.group(2) or m.group(4)),
        _said(m.group(5) or m.group(7), m.group(6) or m.group(8)),
    )
    if start is None or end is None or not _EARLIEST_SPOKEN_START * 60 <= start <= 12 * 60:
        return m.group()
    end = end + 12 * 60 if end <= start and end + 12 * 60 < 24 * 60 else end
    return f"kl {start // 60}.{start % 60:02d}-{end // 60}.{end % 60:02d}" if start < end else m.group()


def _said(kind: str | None, hour_text: str) -> int | None:
    """Minutes after midnight of an hour said in words or digits, with its half or quarter («halv tre» 2.30)."""
    hour = int(hour_text) if hour_text.isdigit() else NUMBERS[hour_text]
    if kind is None:
        return hour * 60 if 0 <= hour <= 23 else None
    said = _spoken(kind, str(hour))
    return None if said is None else said[0] * 60 + said[1]


def clock(hour: str, minute: str | None) -> tuple[int, int] | None:
    h, m = int(hour), int(minute or 0)
    return (h, m) if 0 <= h <= 23 and 0 <= m <= 59 else None


def _spoken(kind: str, hour_text: str) -> tuple[int, int] | None:
    """ "halv elleve" is 10.30; "kvart over ti" 10.15; "kvart på ti" 9.45; "fem over halv ti" 9.35 (the hour as said)."""
    hour = int(hour_text) if hour_text.isdigit() else NUMBERS.get(hour_text, 99)
    if not 1 <= hour <= 24:
        return None
    words = _SPACE_RE.sub(" ", kind).split()
    if words[0] in _SPOKEN_MINUTES:  # «ti over ni», «fem på halv tre»: minutes from the hour or its half
        minutes = _SPOKEN_MINUTES[words[0]] * (1 if words[1] == "over" else -1)
        total = hour * 60 + minutes - (30 if words[-1] == "halv" else 0)
    else:
        total = hour * 60 + {"halv": -30, "kvart over": 15, "kvart på": -15}[" ".join(words)]
    return (total // 60) % 24, total % 60


def _first_time(s: str) -> tuple[re.Pattern[str], re.Match[str]] | None:
    """The first time pattern that matches a phrase (without «presis»), and its match: the one `take_time` cuts."""
    for pattern in _TIME_PATTERNS:
        if (m := pattern.search(s)) is not None:
            return pattern, m
    return None


def impossible_end(s: str) -> str | None:
    """The end of a typed time range that no clock shows or that is not after its start («10:00-25:00», «kl
    14-12»), as typed; None when there is no range or it is whole. Such an end was dropped without a word
    (dates13): the phrase is refused instead, saying which end is wrong, since the meeting's end is unknown."""
    found = _first_time(_PRECISELY_RE.sub("", s))
    if found is None or found[0] in (_SPOKEN_RE, _KL_WORD_RE, _ABOUT_RE):
        return None
    pattern, m = found
    hour_group = 4 if pattern is _AMPM_RE else 3
    if m.group(hour_group) is None:
        return None
    start, until = _start_until(pattern, m)
    if start is None or (until is not None and until > start):
        return None
    return m.string[m.start(hour_group) : m.end()].strip()


# A part of the day with a clock time: an evening's or an afternoon's hour before 12 is the afternoon's, a morning's
# after 13 disagrees (a wrong date's hour, not a date, if read as typed: «i kveld kl 8» was 08.00 that day).
_LATE_WORDS = frozenset({"kveld", "ikveld", "kvelden", "kveldt", "ettermiddag", "ettermiddagen", "iettermiddag"})
_AFTERNOON_WORDS = frozenset({"ettermiddag", "ettermiddagen", "iettermiddag"})
_EARLY_WORDS = frozenset({"tidlig", "tidleg", "formiddag", "formiddagen", "føremiddag", "føremiddagen", "morgenen"})


def take_time(s: str, *, any_end: bool = False) -> tuple[str, tuple[int, int] | None, tuple[int, int] | None, bool]:
    """Cut an explicit time out, with the end of a range when one was typed; ok=False when the time itself
    is impossible ("kl 25"). `any_end` keeps an end not after the start: on a meeting over days («22.–23. april kl
    12–12», lunch to lunch) it is the last day's end, said not kept, not an impossible one."""
    s = _PRECISELY_RE.sub("", s)
    if (first := _first_time(s)) is None:
        return s, None, None, True
    pattern, m = first
    start, until = _start_until(pattern, m)
    until = until if start is not None and until is not None and (any_end or until > start) else None
    rest = _trim(_SPACE_RE.sub(" ", s[: m.start()] + " " + s[m.end() :]))
    if start is None and (afternoon := _afternoon_hour(pattern, m, rest=rest)) is not None:
        return rest, afternoon, None, True
    if pattern not in (_SPOKEN_RE, _KL_WORD_RE) and any(p.search(rest) for p in (_KL_RE, _COLON_RE, _ANOTHER_FOUR_RE)):
        return rest, None, None, False  # two times in one phrase: not one meeting time
    if start is not None and not _LATE_WORDS.isdisjoint(rest.split()) and start[0] < 12:
        if until is not None or start[0] <= _NIGHT[1]:
            return rest, None, None, False  # «i kveld kl 8–10», «i kveld kl 0830»: not surely the evening's
        return rest, (start[0] + 12, start[1]), None, True  # «i kveld kl 8» is 20.00, never 08.00 (dates15)
    if start is not None and not _EARLY_WORDS.isdisjoint(rest.split()) and start[0] >= 13:
        return rest, None, None, False  # «i morgon tidleg kl 20»: the hour and the part of the day disagree
    return rest, start, until, start is not None


def _afternoon_hour(pattern: re.Pattern[str], m: re.Match[str], *, rest: str) -> tuple[int, int] | None:
    """«i ettermiddag kl 5», «fredag ettermiddag kl 3»: a one-digit hour alone with the afternoon is its own (17.00);
    an evening's («i kveld kl 5»), a range or one typed with a zero («kl 05») is not surely the afternoon's."""
    if pattern is not _KL_RE or _AFTERNOON_WORDS.isdisjoint(rest.split()) or m.group(3) is not None:
        return None
    hour = m.group(1)
    return clock(str(int(hour) + 12), m.group(2)) if len(hour) == 1 and _NIGHT[0] <= int(hour) <= _NIGHT[1] else None


def _start_until(pattern: re.Pattern[str], m: re.Match[str]) -> tuple[tuple[int, int] | None, tuple[int, int] | None]:
    """The time a pattern matched, and the end of its range when one was typed."""
    if pattern is _SPOKEN_RE:
        start = _spoken(m.group(1), m.group(2))
        return (None if start and _NIGHT[0] <= start[0] <= _NIGHT[1] else start), None
    if pattern is _AMPM_RE:
        until = _twelve_hour(m.group(4), m.group(5), m.group(6)) if m.group(4) else None
        if m.group(3) is not None:
            return _twelve_hour(m.group(1), m.group(2), m.group(3)), until
        start = _twelve_hour(m.group(1), m.group(2), m.group(6))  # «10:00 – 11:00am»: the end's meridiem
        if start is not None and until is not None and start > until and m.group(6) == "p":
            start = _twelve_hour(m.group(1), m.group(2), "a")  # «11:00 – 1:00pm» starts before noon
        return start, until
    if pattern is _KL_WORD_RE:
        hour, minute = NUMBERS[m.group(1)], _MINUTE_WORDS.get(m.group(2) or "", 0)
        return (None if _NIGHT[0] <= hour <= _NIGHT[1] or hour > 23 else (hour, minute)), None
    if pattern is _ABOUT_RE:
        hour = int(m.group(1)) if m.group(1).isdigit() else NUMBERS.get(m.group(1), 99)
        return ((hour, 0) if _EARLIEST_ABOUT_HOUR <= hour <= 23 else None), None
    until = clock(m.group(3), m.group(4)) if m.group(3) is not None else None
    if len(m.group(1)) == 1 and _NIGHT[0] <= int(m.group(1)) <= _NIGHT[1]:
        return None, None  # "kl 2", "2:30": 14.00 as often as 02.00, so neither is read ("kl 02" is)
    start = clock(m.group(1), m.group(2))
    if start and until and until <= start and len(m.group(3)) == 1 and _NIGHT[0] <= until[0] <= _NIGHT[1]:
        until = (until[0] + 12, until[1])  # «kl 10-2»: to 14.00, as «fra ni til tre» ends at 15
    return start, until


def _twelve_hour(hour: str, minute: str | None, meridiem: str) -> tuple[int, int] | None:
    """ "2 pm" is 14.00, "12 pm" noon, "12 am" midnight; "13 pm" is no time."""
    h = int(hour)
    if not 1 <= h <= 12:
        return None
    return clock(str(h % 12 + (12 if meridiem == "p" else 0)), minute)


def _trim(s: str) -> str:
    """Spaces, commas and dots around what is left once the time is cut out; a dot right after a number
    stays ("27. kl 10" is the 27th, "27 kl 10" only a number)."""
    s = s.strip(" ,").lstrip(".")
    while s.endswith(".") and not s[-2:-1].isdigit():
        s = s[:-1].rstrip(" ,")
    return s.strip()


# «4/5/2027 10:00 AM»: an American invitation writes the month first, a European one the day; with a twelve-hour
# clock both are likely, so a slashed date that reads either way is no date («4/13/2027 10:00 AM» is one).
# Without its year too («1/5 10am», «5/1 10:00 AM»: 1 May or 5 January, read day first before dates16).
_SLASHED_RE = re.compile(r"(?<![0-9/])([0-9]{1,2})/([0-9]{1,2})(?:/([0-9]{4}|[0-9]{2}))?(?![0-9/])")
_LEAP_YEAR = 2028  # a yearless «29/2» is a day
# A yearless slashed date with «at»/«kl» and a time: «5/14 at 10» is read month first when no day is first; alone,
# «5/14» stays no date (batch 18: a case's number, «sak 5/14», is case 5 of 2014).
_MONTH_FIRST_RE = re.compile(r"\s*[0-9]{1,2}/[0-9]{1,2}\s+(?:at|kl\.?)\s+[0-9]{1,2}(?:[:.][0-9]{2})?\s*", re.I)
_AT_RE = re.compile(r"^\s+at\s+", re.I)
_TWELVE_HOUR_RE = re.compile(r"[0-9]\s*[ap]\.?\s?m\b", re.IGNORECASE)


def day_first(text: str) -> str | DateTrouble | None:
    """A slashed date beside a twelve-hour time written day first when only one order is a day, or when the weekday
    in front names one of them («Wed 12/8/2027 9:00 AM»: 8 December 2027 is a Wednesday, 12 August a Thursday);
    why not (`slashed_trouble`) when it still reads as two days («4/5/2027 10:00 AM»). Without such a time a date with
    its whole year that is no day first is an American copy too («04/13/2027»). Any other text comes back as it is."""
    m = _SLASHED_RE.search(text)
    if m is None:
        return text
    first, second, year_text = int(m.group(1)), int(m.group(2)), m.group(3) or ""
    year = int(year_text) if len(year_text) == 4 else 2000 + int(year_text) if year_text else _LEAP_YEAR
    if not _TWELVE_HOUR_RE.search(text):
        american = len(year_text) == 4 and _day(year, second, first) is None and _day(year, first, second)
        if not year_text and _MONTH_FIRST_RE.fullmatch(text) and _day(year, second, first) is None:
            american = _day(year, first, second)  # «5/14 at 10» (dates20): no day first, an English copy
            after = _AT_RE.sub(" kl ", text[m.end() :], count=1)  # «12/31 at 10»: English «at» is «kl» here
            return f"{text[: m.start()]}{second}.{first}{after}" if american else text
        if american:
            return f"{text[: m.start()]}{second}.{first}.{year}{text[m.end() :]}"
        return slashed_trouble(text) or text  # «5/14»: month first, said how to write it
    if not year_text:  # no year to check a weekday against: one order only, or none
        days = {(d.day, d.month) for d in (_day(year, second, first), _day(year, first, second)) if d is not None}
        if len(days) != 1:
            return (slashed_trouble(text) or None) if days else text
        day, month = days.pop()
        return f"{text[: m.start()]}{day}.{month}{text[m.end() :]}"
    days = {d for d in (_day(year, second, first), _day(year, first, second)) if d is not None}
    lead = text[: m.start()].split()
    if len(lead) == 1 and (weekday := _copy_weekday(lead[0].lower().strip(".,"))) is not None:
        days = {d for d in days if d.weekday() == weekday} or days  # none fits: the weekday check refuses it
    if len(days) != 1:
        return (slashed_trouble(text) or None) if days else text
    day = days.pop()
    return f"{text[: m.start()]}{day.day}.{day.month}.{day.year}{text[m.end() :]}"


def slashed_trouble(text: str) -> DateTrouble | None:
    """Why a slashed date was not read, with the day written out to type instead (dates20): two orders that are
    both days beside a twelve-hour time («8/10/2027 10:00 AM»: 8 October or 10 August), or a yearless one that is
    only month first («5/14», stays no date: `day_first`); None for any other text."""
    m = _SLASHED_RE.search(text)
    if m is None:
        return None
    first, second, year_text = int(m.group(1)), int(m.group(2)), m.group(3) or ""
    year = int(year_text) if len(year_text) == 4 else 2000 + int(year_text) if year_text else _LEAP_YEAR
    suffix = f" {year}" if year_text else ""
    day_first_day, month_first_day = _day(year, second, first), _day(year, first, second)
    if _TWELVE_HOUR_RE.search(text) and day_first_day and month_first_day and day_first_day != month_first_day:
        both = tuple(f"{d.day}. {month_name(d.month)}{suffix}" for d in (day_first_day, month_first_day))
        message = i18n._("«{text}» kan være både {first} og {second}.").format(
            text=m.group(), first=both[0], second=both[1]
        )
        return DateTrouble(reason="ambiguous", message=message, instead=both)
    if not year_text and month_first_day and not day_first_day and text.strip() == m.group():
        message = i18n._("«{text}» er skrevet med måneden først.").format(text=m.group())
        written = f"{month_first_day.day}. {month_name(month_first_day.month)}"
        return DateTrouble(reason="ambiguous", message=message, instead=(written,))
    return None


def _copy_weekday(word: str) -> int | None:
    """The weekday in front of a copy with a twelve-hour time: English «Fri»/«Sat» too, which beside such a time
    are no Norwegian day off («Fri 01/08/2027 10:00 AM» is 8 January 2027, a Friday; 1 August is a Sunday)."""
    return PREFIX_WEEKDAYS.get(word, {"fri": 4, "sat": 5}.get(word))


def _day(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None
