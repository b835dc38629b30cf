"""A phrase of two date parts (split from `bot.dates.grammar` by purpose): one day said twice, a weekday and its
week or its date, a date and its week number checked, or two days refused."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta

from bot import i18n
from bot.dates.found import shifted
from bot.dates.parsed import DateTrouble
from bot.dates.rules import RANGE_RE, Found, match, plain_weekday
from bot.dates.week_check import WeekDisagrees, day_with_week

_CONNECTORS = {"og", "eller", "til", "-", "fra", "frå", "à", "/", ",", "og/eller", "el", "evt", "evt."}


def two_parts(s: str, *, now: datetime, window: tuple[date, date] | None) -> Found | DateTrouble | None:
    """A phrase of two date parts: one day said twice ("i morgen fredag" on a Thursday) or a weekday
    in a week ("neste uke torsdag") is that day; two different days ("i går i morgen", "1. mars 3. mars")
    are refused, since we must not pick one."""
    message = i18n._("«{text}» er to datoer.").format(text=s)
    if RANGE_RE.fullmatch(s):
        return DateTrouble(reason="two_dates", message=message)
    words = [w for w in (word.strip(",") for word in s.split()) if w]
    for i in range(1, len(words)):
        left = " ".join(w for w in words[:i] if w not in _CONNECTORS)
        right = " ".join(w for w in words[i:] if w not in _CONNECTORS)
        if not left or not right:
            continue
        first = match(left, now=now, window=window)
        if first is None:
            continue
        second = match(right, now=now, window=window)
        if second is None:
            continue
        if {first.kind, second.kind} == {"day_of_month", "month"}:
            return None  # "31. april": one impossible date, not two
        if first.day == second.day and first.kind == second.kind:
            return first if first.moment is None else second
        for explicit, part in ((first, right), (second, left)):
            weekday = plain_weekday(part)
            if weekday is not None and not explicit.relative and explicit.kind in ("day", "day_of_month"):
                return replace(explicit, weekday=weekday)  # "22. april (torsdag)": checked like a prefix
        for week, part, found in ((first, right, second), (second, left, first)):
            weekday = plain_weekday(part)
            if week.kind == "week" and weekday is not None and found.kind == "day":
                return replace(
                    week, day=week.day + timedelta(days=weekday), kind="day", make=shifted(week.make, weekday)
                )
        checked = day_with_week(first, second)  # «mandag 16. november (uke 47)» (walk 17 F-a)
        if isinstance(checked, WeekDisagrees):
            return DateTrouble(reason="ambiguous", message=checked.message, instead=checked.instead)
        if checked is not None:
            return checked
        return DateTrouble(reason="two_dates", message=message, day=first.day)
    return None
