"""Dates in words, as the bot writes them: "tirsdag 22. april 2027 kl. 10.00", "22. april 2027", "måndag".

Apart from `bot.dates.grammar` (reading what people type), so the commands that only show dates (`neste`, `status`,
the digests) do not import and compile the grammar: `python -m bot chat` answers sooner, and the grammar
is loaded by the first command that reads a date. Weekdays and months come from Babel's locale data for
the current written form ("tysdag" in nynorsk).
"""

from __future__ import annotations

from datetime import date, datetime
from functools import cache, lru_cache

from babel.dates import format_date, get_day_names, get_month_names

from bot import i18n
from bot.clock import OSLO


def format_norwegian(when: datetime, *, with_time: bool) -> str:
    """The long form the bot echoes back, so the reader can catch a misread date; weekday and month from
    Babel's locale data for the current written form ("tysdag" in nynorsk)."""
    local = when.astimezone(OSLO) if when.tzinfo else when
    text = _long_day(local.date(), i18n.current())
    return f"{text} {clock_text(local)}" if with_time else text


def clock_text(when: datetime) -> str:
    """The time of day as the bot writes it, "kl. 10.00" (Oslo time)."""
    local = when.astimezone(OSLO) if when.tzinfo else when
    return f"kl. {local.hour:02d}.{local.minute:02d}"


def format_short(d: date) -> str:
    """Day, month name and year, e.g. "22. april 2027", for lists and tables."""
    return _short_day(d, i18n.current())


def format_days(first: date, last: date) -> str:
    """Several days in the short form: "22.–23. april 2027", "30. april–3. mai 2027" (a meeting over days)."""
    if first.year != last.year:
        return f"{format_short(first)}–{format_short(last)}"
    if first.month != last.month:
        return f"{first.day}. {month_name(first.month)}–{format_short(last)}"
    return f"{first.day}.–{format_short(last)}"


def weekday_name(d: date) -> str:
    """The weekday in the current written form, lower case ("måndag" in nynorsk)."""
    return _day_names(i18n.current())[d.weekday()]


def month_name(month: int) -> str:
    """The month (1–12) in the current written form, lower case."""
    return _month_names(i18n.current())[month]


def day_names() -> tuple[str, ...]:
    """Monday to Sunday in the current written form, lower case."""
    return _day_names(i18n.current())


# Babel formats a date in ~30 µs (it parses the pattern and looks up the locale each time), and a `neste`
# shows a dozen dates: the few hundred days a process shows are formatted once per written form.
@lru_cache(maxsize=4096)
def _long_day(d: date, lang: str) -> str:
    return format_date(d, "EEEE d. MMMM y", locale=lang)


@lru_cache(maxsize=4096)
def _short_day(d: date, lang: str) -> str:
    return format_date(d, "d. MMMM y", locale=lang)


@cache
def _day_names(lang: str) -> tuple[str, ...]:
    names = get_day_names("wide", locale=lang)
    return tuple(names[n] for n in range(7))


@cache
def _month_names(lang: str) -> dict[int, str]:
    return dict(get_month_names("wide", locale=lang).items())
