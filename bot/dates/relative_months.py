"""A month or a week named from today, written as the one it is, so the rules for a named month and for a week
counted from now read it: «13. neste måned» is «13. februar 2027», «første mandag i neste månad» «første mandag
i februar 2027», «siste fredag i måneden» this month's, «tysdag veka etter neste» «tysdag om 2 veker».

Civil servants propose days this way in chat; without it such a phrase was refused although it names one day.
Only a day number or a weekday in front is rewritten: «i neste måned» alone stays the month it was.
"""

from __future__ import annotations

import logging
import re
from datetime import date

from bot.dates.words import DAY_ORDINALS, MONTH_NAMES, WEEK_UNITS, WEEKDAYS, WORKDAY_WORDS, alternation

logger = logging.getLogger(__name__)

_MONTH = r"(?:(?:måned|månad)(?:en)?|mnd\.?)"
_END = r"(?=$|[\s,]+(?:kl|klokka|klokken)\b)"  # «13. neste måned kl 10»: the time is read afterwards
_NEXT_MONTH_RE = re.compile(rf"((?:den\s+)?\S+)\s+(?:i\s+)?(?:neste|kommende|komande)\s+{_MONTH}{_END}")
_THIS_MONTH_RE = re.compile(rf"((?:den\s+)?\S+)\s+(?:(?:i\s+)?denne\s+{_MONTH}|i\s+(?:måneden|månaden|mnd\.?)){_END}")
_AFTER_NEXT_RE = re.compile(rf"(\S+)\s+(?:i\s+)?(?:{alternation(WEEK_UNITS)})\s+etter\s+neste{_END}")


def with_relative_months(s: str, *, today: date) -> str:
    """A normalized phrase with «neste måned», «i måneden» and «veka etter neste» after a day or a weekday written
    as the month (and year) or the week they are; any other phrase unchanged."""
    following = date(today.year + today.month // 12, today.month % 12 + 1, 1)
    s = _NEXT_MONTH_RE.sub(lambda m: _named(m, month=following), s)
    s = _THIS_MONTH_RE.sub(lambda m: _named(m, month=today), s)
    return _AFTER_NEXT_RE.sub(lambda m: f"{m.group(1)} om 2 uker" if m.group(1) in WEEKDAYS else m.group(), s)


def _named(m: re.Match[str], *, month: date) -> str:
    word = m.group(1)
    day = word.split()[-1]
    name = f"{MONTH_NAMES[month.month - 1]} {month.year}"
    if day.endswith(".") or (word.startswith("den ") and (day.isdigit() or day in DAY_ORDINALS)):
        return f"{word} {name}"  # «13. neste måned», «den 13 i neste månad», «den tredje neste måned»; not «3»
    if word in WEEKDAYS or word in WORKDAY_WORDS:
        return f"{word} i {name}"  # «første mandag neste måned», «siste fredag i måneden», «siste arbeidsdag i mnd»
    return m.group()
