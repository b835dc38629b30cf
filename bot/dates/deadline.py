"""A deadline named by a period, as minutes write one: «innen nyttår», «innen utgangen av januar», «innen
jul», «innen 1. kvartal», «innen påske», «innen sommeren» (nynorsk «innan …» alike).

`dato` asks which day for «før jul» or «ultimo mars»: a meeting needs a day. A deadline does not: it is the
period's last working day. So each such phrase is put as the day the period ends or the day it must come
before, in words the date grammar reads (its one reader, with its year rule: the coming one from the day
the point was agreed), and then moved to the last working day on or before it (`workdays.on_or_before`).
A phrase not here is the grammar's alone; one neither reads keeps the minutes' warning (walk 9 W5).

Minutes name a deadline with other words than «innen» as often (walk 10 X3): «senest/seinast 1. oktober»,
«ikke/ikkje senere/seinare enn», «frist», «før 1. oktober» (that day, as «innen»), «til 1. oktober», «by»,
«i løpet av september» and its abbreviation «ila./ila september» (the month's last working day). «til»,
«før», «by» and «i løpet av» also say other things («sende til IN»), so they name a deadline only when a
date-looking word follows them. «medio januar», «midten av mars» (the 15th) and «ultimo januar» (the month's
end) name a deadline without such a word (walk 11 F6). A single day that is not a working day («innen 1.1.»)
is the working day before, as a period's end is (walk 11 M6), and `Due.moved_from` says so. Any phrase
after a deadline word, or any date-looking word («primo februar», «snarest», «i januar»), that no reading
takes is returned by `unread_deadline`, so the minutes warn, never a silent loss.

A deadline counted from the meeting (walk 14a F8): «innen to uker», «innen 14 dager», «innan ei veke», «innen en
måned» (from the day it was held, as «om to uker» reads from it) and «innen utgangen av måneden» / «innan
utgangen av månaden» (the end of the meeting's month), at the last working day on or before it; `Due.counted`
holds the words, so the reply says which day they were counted to.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import NamedTuple

from bot.dates.vague import deadline_day
from bot.dates.words import DAY_UNITS, MONTH_NAMES, MONTH_UNITS, NUMBERS, WEEK_UNITS, alternation
from bot.dates.workdays import DaysOff, on_or_before
from bot.parsing import fold

logger = logging.getLogger(__name__)

_YEAR = re.compile(r"\s+((?:19|20)[0-9]{2})$")
_ORDINALS = {"1": 1, "forste": 1, "fyrste": 1, "2": 2, "andre": 2, "3": 3, "tredje": 3, "4": 4, "fjerde": 4}
_QUARTER = re.compile(r"^(?:i\s+)?(?:utgangen\s+av\s+|slutten\s+av\s+)?(\w+)\.?\s*kvartal$")
_QUARTER_ENDS = ("31. mars", "30. juni", "30. september", "31. desember")
_PERIODS: tuple[tuple[re.Pattern[str], str, int], ...] = (
    # (the phrase folded, the day the grammar reads, days before it that the deadline ends)
    (re.compile(r"^(?:nyttar(?:et)?|arsskiftet|(?:utgangen|slutten|enden)\s+av\s+aret)$"), "nyttårsaften", 0),
    (re.compile(r"^(?:jul|jula|julen|juleferien|julefreden)$"), "julaften", 1),
    (re.compile(r"^(?:paske|paska|pasken|paskeferien)$"), "skjærtorsdag", 1),
    (re.compile(r"^(?:sommeren|sommaren|sommerferien|sommarferien|fellesferien)$"), "1. juli", 1),
)
_STRONG = r"innen|innan|fristen\s+er|fristen|frist|senest|seinast|ikke\s+senere\s+enn|ikkje\s+seinare\s+enn|ikkje\s+seinere\s+enn"
_WEAK = r"før|til|by|i\s+løpet\s+av|i\s+lopet\s+av|ila"
_WORDS = re.compile(rf"(?<![\w@])(?:({_STRONG})|({_WEAK}))\b\.?(?=\s*:?\s+([^;()]+))", re.IGNORECASE)
"""A deadline word and the words after it (looked ahead, so «til IN før 1. oktober» finds «før» too)."""
_FULL_MONTHS = r"(?:januar|februar|mars|april|mai|juni|juli|august|september|oktober|november|desember)\b"
_MONTHS = rf"(?:{_FULL_MONTHS}|(?:jan|feb|mar|apr|jun|jul|aug|sep|sept|okt|nov|des)\b\.?)"
_DAY = rf"(?:\d{{1,2}}\s*[./]\s*\d{{1,2}}\b|\d{{1,2}}\.?\s*{_MONTHS}|\d{{4}}-\d{{2}}-\d{{2}})"
"""«15/9», «15.09», «15. sept.», «2027-09-15»: a number alone («til 3 aktører», «til 2028») is no date."""
_PART = r"(?:medio|primo|ultimo|(?:i\s+)?(?:midten|starten|begynnelsen|byrjinga)\s+av)"
"""Words for a part of a month: «medio januar», «primo februar», «midten av mars»."""
_DATEISH = re.compile(
    rf"^(?:den\s+)?(?:{_PART}\s|{_DAY}|(?:man|tirs|tys|ons|tors|fre|lør|laur|søn|sun)dag\b|{_MONTHS}|jul|påsk|sommer|"
    r"sommar|nyttår|årsskiftet|(?:utgangen|slutten|enden)\s+av|ultimo|(?:uke|veke)\s*\d|"
    r"neste\s+(?:uke|veke|måned|månad|år)\b|\w+\.?\s+kvartal|\d+\s+(?:uke|veke|dag|måned|månad)|snarest|snarast|asap)",
    re.IGNORECASE,
)
"""A phrase that begins as a date does: a day, a weekday, a month, a holiday or period."""
_DATE_ANYWHERE = re.compile(
    rf"(?:\b{_DAY}|\b(?:(?:i|{_PART})\s+)?{_FULL_MONTHS}|\b(?:snarest|snarast|asap|straks|omgåend[e]?)\b)[^;()]*",
    re.IGNORECASE,
)
"""«15. oktober», «15.10», «i november», «primo februar», «snarest» in a point without any deadline word:
date-looking, so never silently dropped (walk 11 F6)."""
_COUNTED = re.compile(
    rf"^(?:om\s+)?((?:[0-9]{{1,3}}|{alternation(NUMBERS)})\s+(?:{alternation((*DAY_UNITS, *WEEK_UNITS, *MONTH_UNITS))}))"
    r"(?:s\s+tid)?(?:\s+(?:fra|frå|etter)\s+(?:møtet|møtedagen|i\s+dag))?$",
    re.IGNORECASE,
)
"""«to uker», «14 dager», «ei veke», «en måned (fra møtet)»: counted from the meeting's day."""
_THIS_MONTH = re.compile(
    r"^(?:(?:i\s+)?(?:utgangen|slutten|enden)\s+av\s+(?:denne\s+)?(?:måneden|månaden|mnd)|månedsskiftet|"
    r"månadsskiftet)$",
    re.IGNORECASE,
)
"""«utgangen av måneden» / «utgangen av månaden»: the end of the meeting's month."""
_SELF = re.compile(rf"(?<![\w@])(?:medio|ultimo|(?:i\s+)?midten\s+av)\s+{_FULL_MONTHS}(?:\s+(?:19|20)\d\d)?", re.I)
"""«medio januar», «ultimo mars», «midten av mars»: a deadline without a deadline word before it."""


class Due(NamedTuple):
    """A point's deadline as read: the day, the point's words without its phrase, and the day typed when it
    was not a working day and the deadline is the working day before («innen 1.1.»: 31 December)."""

    day: date
    rest: str
    moved_from: date | None = None
    counted: str | None = None
    """The words of a deadline counted from the meeting («to uker»), else None."""


@dataclass(frozen=True)
class _Named:
    """Where a point's words name a deadline: the word («senest»), the phrase after it and its span."""

    word: str
    phrase: str
    start: int
    end: int
    strong: bool


def due_in(text: str, *, now: datetime, days_off: DaysOff = ()) -> Due | None:
    """The due date a point's words name («innen 15. mars», «senest fredag», «før 1. oktober», «innen jul»)
    and its words with that phrase taken out; None when none is read as one day. `days_off` are the
    deployment's extra days off (app.yaml `reminders.days_off`): a deadline never falls on one («innen nyttår»
    is 30 December where 31 December is off), by the one rule every reminder keeps (`workdays.on_or_before`)."""
    for named in _named(text):
        counted = _counted(named.phrase, now=now, days_off=days_off) if named.strong else None
        read = (counted, None) if counted is not None else _read(named, now=now, days_off=days_off)
        if read is not None:
            rest = " ".join((text[: named.start] + " " + text[named.end :]).split()).rstrip(" ,")
            return Due(read[0], rest, read[1], named.phrase if counted is not None else None)
    return None


def unread_deadline(text: str) -> str | None:
    """The deadline words of a point whose due date could not be read («innen sommeren», «senest 31.
    februar», «klyngetall 15. oktober» with no deadline word), for the minutes' warning; None if none."""
    named = _named(text)
    if named:
        return named[0].phrase
    found = _DATE_ANYWHERE.search(text)
    return found.group(0).strip().rstrip(".,") if found else None


def names_deadline(text: str) -> bool:
    """Whether the words hold a deadline word with a phrase after it («innen 1. desember», «senest fredag»),
    read or not: a point's words left with one after its deadline was taken out name a second deadline."""
    return bool(_named(text))


def _named(text: str) -> list[_Named]:
    found = []
    for match in _WORDS.finditer(text):
        phrase = match.group(3).strip().rstrip(".,")
        strong = match.group(1) is not None
        if phrase and (strong or _DATEISH.match(phrase)):
            word = " ".join((match.group(1) or match.group(2)).lower().split())
            found.append(_Named(word, phrase, match.start(), match.start(3) + len(match.group(3).rstrip()), strong))
    for match in _SELF.finditer(text):
        if not any(named.start <= match.start() < named.end for named in found):
            found.append(_Named("", match.group(0), match.start(), match.end(), True))
    return found


def _counted(phrase: str, *, now: datetime, days_off: DaysOff) -> date | None:
    """The last working day on or before the day `phrase` counts to from `now` (the meeting's day)."""
    from bot.dates.grammar import parse_norwegian_date  # loads with the first deadline

    words = " ".join(phrase.lower().split())
    if _THIS_MONTH.match(words):
        return read_deadline(f"utgangen av {MONTH_NAMES[now.month - 1]} {now.year}", now=now, days_off=days_off)
    if (found := _COUNTED.match(words)) is None:
        return None
    parsed = parse_norwegian_date(f"om {found.group(1)}", now=now)
    return on_or_before(parsed.when.date(), days_off=days_off) if parsed is not None and not parsed.month_only else None


def _read(named: _Named, *, now: datetime, days_off: DaysOff) -> tuple[date, date | None] | None:
    """The deadline the phrase names, and the day typed when that was no working day (else None)."""
    from bot.dates.grammar import parse_norwegian_date  # loads with the first deadline

    if fold(named.word).startswith("i lopet") or named.word == "ila":  # «i løpet av september»: the month's end
        due = read_deadline(f"utgangen av {named.phrase}", now=now, days_off=days_off)
    else:  # «innen nyttår», «innen 1. kvartal»: a period's last working day
        due = read_deadline(named.phrase, now=now, days_off=days_off)
    if due is not None:
        return due, None
    week_end = _WEEK_END.match(" ".join(named.phrase.lower().split()))  # «innen utgangen av uke 49» (walk 21 A7)
    parsed = parse_norwegian_date(week_end.group(1) if week_end else named.phrase, now=now)
    if parsed is not None and parsed.month_only and named.strong and not week_end:
        # «innen desember», «innen første uke i desember»: the period's last working day (dates13)
        end = deadline_day(day=parsed.when.date(), part=parsed.month_part)
        return (on_or_before(end, days_off=days_off), None) if end != parsed.when.date() else None
    if parsed is None or parsed.month_only or (week_end and not parsed.week_only):
        return None
    if parsed.week_only:
        return _week_end(parsed.when.date(), days_off=days_off), None
    typed = parsed.when.date()  # «før 31. mars» is that day, as the grammar's deadlines are (README) ...
    working = on_or_before(typed, days_off=days_off)  # ... or the working day before it («innen 1.1.», walk 11 M6)
    return working, typed if working != typed else None


def _week_end(day: date, *, days_off: DaysOff) -> date:
    """«innen uke 50» / «innan veke 50»: by the end of that working week, its Friday or the last working day
    before it (a holiday Friday), never its Monday (walk8 N3). `day` is any day of the week (the grammar
    reads a week as its first working day)."""
    monday = day - timedelta(days=day.weekday())
    last = on_or_before(monday + timedelta(days=4), days_off=days_off)
    return last if last >= monday else monday + timedelta(days=4)


_WEEK_END = re.compile(r"^(?:i\s+)?(?:utgangen|slutten|enden)\s+av\s+((?:uke|veke|uka|veka)\s*\d{1,2}\b.*)$")
"""«utgangen av uke 49»: the end of that working week, as «innen uke 49» is."""

_MONTH_END = re.compile(r"^(?:(?:i\s+)?(?:utgangen|slutten|enden|midten)\s+av|ultimo|medio|sist\s+i)\s+\w+$")
"""«utgangen av januar», «medio januar»: the grammar reads them as the month's last day or its 15th (a
month, for `dato`, which asks which day)."""


def read_deadline(phrase: str, *, now: datetime, days_off: DaysOff = ()) -> date | None:
    """The last working day of the period `phrase` names (the words after «innen»), or None when it names
    none of these periods."""
    words = " ".join(phrase.lower().split()).rstrip(".,")
    year_match = _YEAR.search(words)
    year = f" {year_match.group(1)}" if year_match else ""
    words = words[: year_match.start()] if year_match else words
    folded = fold(words)
    if (quarter := _QUARTER.match(folded)) and quarter.group(1) in _ORDINALS:
        return _last_working(_QUARTER_ENDS[_ORDINALS[quarter.group(1)] - 1] + year, back=0, now=now, days_off=days_off)
    for pattern, day, back in _PERIODS:
        if pattern.match(folded):
            return _last_working(day + year, back=back, now=now, days_off=days_off)
    if _MONTH_END.match(words):
        return _last_working(words + year, back=0, now=now, month=True, days_off=days_off)
    return None


def _last_working(words: str, *, back: int, now: datetime, days_off: DaysOff, month: bool = False) -> date | None:
    from bot.dates.grammar import parse_norwegian_date  # loads with the first deadline, as `due_from` does

    parsed = parse_norwegian_date(words, now=now)
    if parsed is None or parsed.month_only != month:
        logger.debug("deadline words %r not read as one day", words)
        return None
    return on_or_before(parsed.when.date() - timedelta(days=back), days_off=days_off)
