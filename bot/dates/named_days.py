"""Named days of the Norwegian year ("julaften", "2. påskedag", "Kristi himmelfartsdag") as the day of a year.

Moving feasts are computed from Easter (dateutil's Western Easter), so no date is written down here but
the fixed days themselves.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date, timedelta

from dateutil.easter import easter

logger = logging.getLogger(__name__)


def _fixed(month: int, day: int) -> Callable[[int], date]:
    return lambda year: date(year, month, day)


def _from_easter(days: int) -> Callable[[int], date]:
    return lambda year: easter(year) + timedelta(days=days)


_DAYS: dict[str, Callable[[int], date]] = {
    "lillejulaften": _fixed(12, 23),
    "julaften": _fixed(12, 24),
    "første juledag": _fixed(12, 25),
    "juledag": _fixed(12, 25),
    "andre juledag": _fixed(12, 26),
    "romjulen": _fixed(12, 27),
    "nyttårsaften": _fixed(12, 31),
    "nyttårsdag": _fixed(1, 1),
    "trettende dag jul": _fixed(1, 6),  # the end of Christmas, a working day: a date people set meetings by
    "første nyttårsdag": _fixed(1, 1),
    "arbeidernes dag": _fixed(5, 1),
    "grunnlovsdag": _fixed(5, 17),
    "grunnlovsdagen": _fixed(5, 17),
    "nasjonaldagen": _fixed(5, 17),
    "sankthansaften": _fixed(6, 23),
    "jonsokaften": _fixed(6, 23),
    "sankthansdag": _fixed(6, 24),
    "jonsok": _fixed(6, 24),
    "olsokaften": _fixed(7, 28),
    "olsok": _fixed(7, 29),
    "palmesøndag": _from_easter(-7),
    "skjærtorsdag": _from_easter(-3),
    "langfredag": _from_easter(-2),
    "påskeaften": _from_easter(-1),
    "første påskedag": _from_easter(0),
    "påskedag": _from_easter(0),
    "andre påskedag": _from_easter(1),
    "kristi himmelfartsdag": _from_easter(39),
    "kristi himmelfart": _from_easter(39),
    "himmelfartsdag": _from_easter(39),
    "pinseaften": _from_easter(48),
    "første pinsedag": _from_easter(49),
    "pinsedag": _from_easter(49),
    "andre pinsedag": _from_easter(50),
}

# A period read as its first day («i jula» Christmas Eve, «romjula» 27 December) is still this year's while it lasts:
# «i romjula» typed on 28 December is this Christmas week (passed, so `dato` asks), never next year's.
_JUL_WORDS = ("i jul", "jula", "i jula", "julen", "i julen", "i jol", "i jola")
_ROMJUL_WORDS = (
    "romjul",
    "romjula",
    "romjuli",
    "i romjula",
    "i romjulen",
    "i romjuli",
    "mellom jul og nyttår",
    "romjulen",
)
_PERIOD_DAYS: dict[str, int] = dict.fromkeys(_JUL_WORDS, 7) | dict.fromkeys(_ROMJUL_WORDS, 4)


# Other ways of writing the same names: nynorsk, split words, numerals and "dagen".
_VARIANTS: dict[str, str] = {
    "lille julaften": "lillejulaften",
    "lille julaftan": "lillejulaften",  # split like «lille julaften», nynorsk (dates15)
    "vesle julaftan": "lillejulaften",
    "vesle julaften": "lillejulaften",
    "julekveld": "julaften",  # «julekvelden» is Christmas Eve in nynorsk and speech
    "julekvelden": "julaften",
    "nyttårskveld": "nyttårsaften",
    "nyttårskvelden": "nyttårsaften",
    "veslejulaftan": "lillejulaften",
    "veslejulaften": "lillejulaften",
    "julaftan": "julaften",
    "jule aften": "julaften",
    "lillejulaftan": "lillejulaften",
    "nyttårsaftan": "nyttårsaften",
    "nyttårsafta": "nyttårsaften",
    "nyårsdag": "nyttårsdag",  # one «t» and «nyårsaften», as often typed (dates16)
    "nyårsaften": "nyttårsaften",
    "nyårsaftan": "nyttårsaften",
    "sankthansaftan": "sankthansaften",
    "sankt hans aften": "sankthansaften",
    "sankt hans": "sankthansdag",
    "st. hans": "sankthansdag",  # «St. Hans», «St. Hans aften» (dates18)
    "st hans": "sankthansdag",
    "st. hans aften": "sankthansaften",
    "st hans aften": "sankthansaften",
    "st. hansaften": "sankthansaften",
    "sankthans": "sankthansdag",
    "palmesundag": "palmesøndag",
    "påskeaftan": "påskeaften",
    "pinseaftan": "pinseaften",
    "himmelfartsdagen": "himmelfartsdag",
    "kristi himmelfartsdagen": "kristi himmelfartsdag",
    "kr. himmelfartsdag": "kristi himmelfartsdag",  # the calendar's short «Kr. himmelfartsdag»
    "kr himmelfartsdag": "kristi himmelfartsdag",
    "kr. himmelfart": "kristi himmelfartsdag",
    "kr himmelfart": "kristi himmelfartsdag",
    "første mai": "arbeidernes dag",
    "syttende mai": "grunnlovsdag",
    "juledagen": "juledag",
    "annandag jul": "andre juledag",  # nynorsk and older bokmål: «annandag jul», «annandag påske»
    "annandag påske": "andre påskedag",
    "annandag pinse": "andre pinsedag",
    "jonsokaftan": "jonsokaften",
    "jonsokkvelden": "jonsokaften",
    "jonsokdagen": "jonsok",
    "olsokaftan": "olsokaften",
    "olsokdagen": "olsok",
    "olsokdag": "olsok",
    "trettendedag jul": "trettende dag jul",
    "trettendedagen": "trettende dag jul",
    "trettandedagen": "trettende dag jul",
    "trettande dag jul": "trettende dag jul",
    "trettandedag jul": "trettende dag jul",  # nynorsk's compound (dates20)
    "trettandedag": "trettende dag jul",
    "trettendedag": "trettende dag jul",
    # "i jul" is Christmas (from Christmas Eve, as Norwegians count it), never July; "jul" alone stays the
    # month's short form ("15. jul").
    **dict.fromkeys(_JUL_WORDS, "julaften"),
    **dict.fromkeys(_ROMJUL_WORDS[:-1], "romjulen"),
    # Easter and Whitsun as days are their Sundays ("dagen etter påske", "fredag etter pinse").
    **dict.fromkeys(("påske", "påsken", "påska", "påskesøndag", "påskesundag"), "påskedag"),
    **dict.fromkeys(("pinse", "pinsen", "pinsa"), "pinsedag"),
}

_ORDINAL_PREFIX = {"1.": "første", "2.": "andre", "fyrste": "første", "annen": "andre", "annan": "andre"}


def period_days(name: str) -> int:
    """How many days after its first day a named period lasts (to New Year's Eve for Christmas), 0 for a day."""
    return _PERIOD_DAYS.get(name, 0)


def named_day(name: str) -> Callable[[int], date] | None:
    """The day a named day falls on in a given year, or None when `name` is not one."""
    words = name.split()
    if words and words[0] in _ORDINAL_PREFIX:
        words[0] = _ORDINAL_PREFIX[words[0]]
    key = " ".join(words)
    key = _VARIANTS.get(key, key)
    return _DAYS.get(key)


def named_day_words() -> list[str]:
    """Every spelling the rules accept, for one regex alternation."""
    names = set(_DAYS) | set(_VARIANTS)
    for prefix, full in _ORDINAL_PREFIX.items():
        names |= {prefix + name.removeprefix(full) for name in _DAYS if name.startswith(full + " ")}
    return sorted(names)


# Weeks named from a feast that falls on a Sunday: "etter påske" is the week that starts on the Monday after
# it (read like "over helgen", the Monday after), "uka før påske" and "påskeuka" Holy Week.
_FEASTS = {"påske": 0, "påsken": 0, "påska": 0, "pinse": 49, "pinsen": 49, "pinsa": 49}
_WEEK_WORDS = ("uka", "uken", "veka", "veke", "vekå", "uke")
_FEAST_WEEKS: dict[str, int] = (
    {f"{word} {feast}": days + 1 for feast, days in _FEASTS.items() for word in ("etter", "over")}
    | dict.fromkeys((f"etter {holiday}" for holiday in ("påskeferien", "påskeferia", "påskehelga", "påskehelgen")), 1)
    | {f"{week} etter {feast}": days + 1 for feast, days in _FEASTS.items() for week in _WEEK_WORDS}
    | {f"{week} før {feast}": days - 6 for feast, days in _FEASTS.items() for week in _WEEK_WORDS}
    | dict.fromkeys(("påskeuka", "påskeuken", "påskeveka", "påskeveke", "stille uke", "den stille uke"), -6)
)


def _after_new_year(year: int) -> date:
    """The Monday after New Year's Day: "etter jul" in a public office means back at work in January."""
    new_year = date(year, 1, 1)
    return new_year + timedelta(days=7 - new_year.weekday())


_AFTER_CHRISTMAS = tuple(
    f"{word} {feast}" for word in ("etter", "over") for feast in ("jul", "jula", "julen", "nyttår", "nyttåret")
)

# «veka etter nyttår», «uka etter jul» (dates20): the week back at work, a week (its first working day, or a weekday
# in it: «torsdag veka etter nyttår»), where «etter jul» alone names its Monday.
_WEEK_AFTER_CHRISTMAS = tuple(
    f"{week} etter {feast}" for week in _WEEK_WORDS for feast in ("jul", "jula", "julen", "nyttår", "nyttåret")
)


def feast_week(name: str) -> Callable[[int], date] | None:
    """The Monday of a week named from Easter, Whitsun or Christmas in a given year, or None when `name` is
    not one."""
    if name in _AFTER_CHRISTMAS or name in _WEEK_AFTER_CHRISTMAS:
        return _after_new_year
    days = _FEAST_WEEKS.get(name)
    return None if days is None else _from_easter(days)


def names_a_period(name: str) -> bool:
    """ "påske", "pinsen 2028" alone are the holidays, days long: no one day (their Sundays are "1. påskedag",
    "første pinsedag"); the names stand for the Sundays only where a day is counted from them ("dagen etter
    påske"). Read as the Sunday, «dato vår påske» would have saved a day nobody named (batch 14)."""
    return name in _FEASTS


def names_a_day(name: str) -> bool:
    """ "etter jul" names one day (the Monday after New Year's Day), not a week whose Monday was picked."""
    return name in _AFTER_CHRISTMAS


def feast_week_words() -> list[str]:
    """Every spelling `feast_week` knows, for one regex alternation."""
    return sorted({*_FEAST_WEEKS, *_AFTER_CHRISTMAS, *_WEEK_AFTER_CHRISTMAS})


def name_of(day: date) -> str | None:
    """The named day a date is ("julaften" for 24 December), for telling people why a day is special."""
    return next((name for name, make in _DAYS.items() if make(day.year) == day), None)
