"""A day its month does not have («29. februar» in 2027, «31. april»): said as such, not as an unread date.

The grammar reads no such day (a wrong guess would be saved silently); this only words the refusal, so a
person who typed a real-looking date hears what is wrong with it rather than a list of forms to try.
"""

from __future__ import annotations

import calendar
import logging
import re
from datetime import date

from bot.dates.text import month_name
from bot.dates.words import MONTHS, alternation, normalize
from bot.i18n import _

logger = logging.getLogger(__name__)

_NAMED_RE = re.compile(rf"(?<![0-9])([0-9]{{1,2}})\.?\s*({alternation(MONTHS)})\.?(?:\s+([0-9]{{4}}))?(?![0-9])")
_NUMBERED_RE = re.compile(r"(?<![0-9.])([0-9]{1,2})[./]([0-9]{1,2})(?:[./]([0-9]{4}|[0-9]{2}))?\.?(?![0-9])")
_ISO_RE = re.compile(r"(?<![0-9.-])([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?![0-9])")
"""«2026-02-30» (walk 27 F7: `dato … 2026-02-30 10:00` was «Jeg forstod ikke datoen»)."""


def missing_day(text: str, *, year: int | None, today: date) -> str | None:
    """«29. februar finnes ikke i 2027.» or «31. april finnes ikke.» for the one such day typed in `text`
    (in its typed year, else `year`: the year the command meant, else the month's next from `today`); None
    when `text` names no such day."""
    if not isinstance(text, str) or len(text) > 120:
        return None
    phrase = normalize(text)
    found = [(m.group(1), MONTHS[m.group(2)], m.group(3)) for m in _NAMED_RE.finditer(phrase)]
    found += [(m.group(1), int(m.group(2)), m.group(3)) for m in _NUMBERED_RE.finditer(phrase)]
    found += [(m.group(3), int(m.group(2)), m.group(1)) for m in _ISO_RE.finditer(phrase)]
    if len(found) != 1:
        return None
    day_typed, month, year_typed = found[0]
    day = int(day_typed)
    if not 1 <= month <= 12 or day < 1:
        return None
    if year_typed:
        year = int(year_typed) + (2000 if len(year_typed) == 2 else 0)
    elif year is None:
        year = today.year if month >= today.month else today.year + 1
    named = f"{day}. {month_name(month)}"
    if day > (29 if month == 2 else calendar.monthrange(2000, month)[1]):
        return _("{day} finnes ikke.").format(day=named)
    if day > calendar.monthrange(year, month)[1]:  # 29 February outside a leap year
        return _("{day} finnes ikke i {year}.").format(day=named, year=year)
    return None
