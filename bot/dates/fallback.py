"""dateparser, behind the grammar: absolute dates in formats and languages the grammar does not cover
(«15 December 2026», «Dec 15, 2026», «15. Dezember 2026» pasted from an English or German e-mail).

It never overrides the grammar (`bot.dates.grammar` asks it only when the grammar read nothing) and never reads
noise: the phrase must look like a date first (a day, a four-digit year and at most a few words), and
dateparser runs with strict settings, so a fragment («blah 12», «28. november kl 10» as the year 2110) is
not guessed into a date. It is imported on first use, so `chat` starts as fast without it, and the bot
works without it installed.
"""

from __future__ import annotations

import importlib
import logging
import re
from datetime import datetime
from types import ModuleType
from typing import NamedTuple

from bot.clock import OSLO
from bot.dates import zones
from bot.dates.found import FIRST_YEAR
from bot.dates.words import PREFIX_WEEKDAYS

logger = logging.getLogger(__name__)

_LANGUAGES = ["en", "sv", "da", "de", "nb", "nn"]
_YEAR_RE = re.compile(r"(?<![0-9])(20[0-9]{2})(?![0-9])")
_DAY_RE = re.compile(r"(?<![0-9])(?:0?[1-9]|[12][0-9]|3[01])(?![0-9])")
_WORD_RE = re.compile(r"[^\W\d_]+")
_TIME_RE = re.compile(r"(?<![0-9])(?:[01]?[0-9]|2[0-3])[:.][0-5][0-9](?![0-9])")
_RANGE_RE = re.compile(r"[0-9]\.?\s*[-\u2013\u2014]\s*[0-9]|\s(?:til|to|bis|till)\s")
_OSLO_ZONE_NAMES = frozenset({"CET", "CEST", "MET", "MEST"})
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October")
_MONTHS += ("November", "December")  # a date written so dateparser reads the zone after it
# A weekday typed with the date (Norwegian or English, three letters or more: «on», «to» are words too) is checked.
_WEEKDAYS = {word: day for word, day in PREFIX_WEEKDAYS.items() if len(word) >= 3}
_MAX_WORDS = 3  # a month, a weekday and "at"/"um"/"kl": more words is a sentence, not a date
# Words of the clock say no month or weekday: «4/2027 kl 10» is numbers alone, which dateparser read as 4 October.
_CLOCK_WORDS = frozenset({"kl", "klokka", "klokken", "at", "um", "uhr", "am", "pm", "a", "p", "m", "h", "o", "clock"})
_missing = False


class Absolute(NamedTuple):
    """A date dateparser read, in Oslo time, and whether a time of day was typed with it."""

    when: datetime
    has_time: bool


def looks_like_date(text: str) -> bool:
    """A day, a year from 2000 and one to three words (a month's name in another language, a weekday):
    what an absolute date pasted from an e-mail looks like. Numbers alone are the grammar's to read
    (dateparser took «2027-13-01» for 13 January)."""
    without_year = _YEAR_RE.sub(" ", text)
    return (
        len(text) <= 60
        and _YEAR_RE.search(text) is not None
        and _DAY_RE.search(_TIME_RE.sub(" ", without_year)) is not None
        and 1 <= len(_WORD_RE.findall(text)) <= _MAX_WORDS
        and any(word.lower() not in _CLOCK_WORDS for word in _WORD_RE.findall(text))  # not numbers and «kl» alone
        and _RANGE_RE.search(text) is None  # two dates are the grammar's to refuse, not dateparser's to pick
    )


def absolute_date(text: str, *, now: datetime) -> Absolute | None:
    """The absolute date (and time, when typed) dateparser reads in `text`, in Oslo time; None when the
    phrase does not look like a date, dateparser is not installed, or it reads no whole date."""
    found = _read(text, now=now)
    if found is None:
        return None
    if any(_WEEKDAYS.get(word, found.weekday()) != found.weekday() for word in _WORD_RE.findall(text.lower())):
        return None  # «tirsdag 10. februar 2027.» is a Wednesday: refused as the grammar refuses it, never the 10th
    has_time = _TIME_RE.search(text) is not None
    hour, minute = (found.hour, found.minute) if has_time else (0, 0)
    when = datetime(found.year, found.month, found.day, hour, minute, tzinfo=OSLO)
    if has_time and not _oslo_zone(found, when=when):
        return None  # «10:00 GMT» is 11.00 in Oslo: refused as README says, never saved at the typed hour
    return Absolute(when, has_time)


def foreign_zone(text: str, *, now: datetime) -> datetime | None:
    """The Oslo time of a date and time typed in another zone («26. november 2026 10:00 GMT» is 11.00 in
    Oslo), so a refusal can say which hour to write; None when no other zone is named. A zone as calendars
    print it («(Greenwich Mean Time)», «(UTC+00:00) Dublin, …») is read by `bot.dates.zones`, the rest here."""
    if (named := zones.foreign_time(text, now=now)) is not None:
        return named
    found = _read(text, now=now)
    if found is None or found.tzinfo is None or _TIME_RE.search(text) is None:
        return None
    when = datetime(found.year, found.month, found.day, found.hour, found.minute, tzinfo=OSLO)
    return None if _oslo_zone(found, when=when) else found.astimezone(OSLO)


def zone_after(words: str, *, wall: datetime, now: datetime) -> datetime | None:
    """The Oslo time of the clock time `wall` read by the grammar when the words typed after it name another
    zone («14. april kl 10 UTC» is 12.00 in Oslo); None when they name no zone or Oslo's own."""
    month = _MONTHS[wall.month - 1]
    return foreign_zone(f"{wall.day} {month} {wall:%Y %H:%M} {words}", now=now)


def _oslo_zone(found: datetime, *, when: datetime) -> bool:
    """Whether the zone dateparser read with the time (none, or an offset such as «+01:00» or «CET») is Oslo's
    own on that day; dateparser returns an aware datetime only when the text names a zone. Another country's
    name for the same offset («BST» in November, «WAT») is refused too: it says the clock of that country."""
    if found.tzinfo is None:
        return True
    name = (found.tzname() or "").upper()
    return found.utcoffset() == when.utcoffset() and (name.startswith("UTC") or name in _OSLO_ZONE_NAMES)


def _read(text: str, *, now: datetime) -> datetime | None:
    """What dateparser reads in a phrase that looks like a date: aware only when the text names a zone."""
    if not isinstance(text, str) or not looks_like_date(text):
        return None
    parser = _parser()
    if parser is None:
        return None
    settings = {
        "STRICT_PARSING": True,
        "REQUIRE_PARTS": ["day", "month", "year"],
        "PREFER_DATES_FROM": "future",
        "RELATIVE_BASE": now.replace(tzinfo=None),
        "PARSERS": ["absolute-time"],
    }
    try:
        found = parser.parse(text, languages=_LANGUAGES, settings=settings)
    except Exception:  # a bug in a library must not take a command down
        logger.warning("dateparser failed on %s", repr(text)[:80], exc_info=True)
        return None
    return None if found is None or found.year < FIRST_YEAR else found


def installed() -> bool:
    """Whether dateparser can be imported (for the accuracy bench's column)."""
    return _parser() is not None


def _parser() -> ModuleType | None:
    global _missing
    if _missing:
        return None
    try:
        return importlib.import_module("dateparser")
    except ImportError:
        _missing = True
        logger.info("dateparser is not installed: dates the grammar does not read are refused")
        return None
