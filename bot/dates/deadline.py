"""A deadline named by a period, as minutes write one: «innen nyttår», «innen utgangen av januar», «innen
jul», «innen 1. kvartal», «innen påske», «innen sommeren» (nynorsk «innan …» alike).

`dato` asks which day for «før jul» or «ultimo mars»: a meeting needs a day. A deadline does not: it is the
period's last working day. So each such phrase is put as the day the period ends or the day it must come
before, in words the date grammar reads (its one reader, with its year rule: the coming one from the day
the point was agreed), and then moved to the last working day on or before it (`workdays.on_or_before`).
A phrase not here is the grammar's alone; one neither reads keeps the minutes' warning (walk 9 W5).
"""

from __future__ import annotations

import logging
import re
from datetime import date, datetime, timedelta

from bot.dates.workdays import on_or_before
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
_MONTH_END = re.compile(r"^(?:(?:i\s+)?(?:utgangen|slutten|enden)\s+av|ultimo|sist\s+i)\s+\w+$")
"""«utgangen av januar»: the grammar reads it as the month's last day (a month, for `dato`)."""


def read_deadline(phrase: str, *, now: datetime) -> date | None:
    """The last working day of the period `phrase` names (the words after «innen»), or None when it names
    none of these periods."""
    words = " ".join(phrase.lower().split()).rstrip(".,")
    year_match = _YEAR.search(words)
    year = f" {year_match.group(1)}" if year_match else ""
    words = words[: year_match.start()] if year_match else words
    folded = fold(words)
    if (quarter := _QUARTER.match(folded)) and quarter.group(1) in _ORDINALS:
        return _last_working(_QUARTER_ENDS[_ORDINALS[quarter.group(1)] - 1] + year, back=0, now=now)
    for pattern, day, back in _PERIODS:
        if pattern.match(folded):
            return _last_working(day + year, back=back, now=now)
    if _MONTH_END.match(words):
        return _last_working(words + year, back=0, now=now, month=True)
    return None


def _last_working(words: str, *, back: int, now: datetime, month: bool = False) -> date | None:
    from bot.dates.grammar import parse_norwegian_date  # loads with the first deadline, as `due_from` does

    parsed = parse_norwegian_date(words, now=now)
    if parsed is None or parsed.month_only != month:
        logger.debug("deadline words %r not read as one day", words)
        return None
    return on_or_before(parsed.when.date() - timedelta(days=back))
