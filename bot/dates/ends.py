"""The ends of what a phrase names (dates13): the day a deadline naming a month or a week of one falls on («innen
desember» is the 31st, as «innen utgangen av desember» is), and an end time no clock shows after its start
(«10:00-25:00», «kl 14-12»), which was dropped without a word and is now refused, saying which end is wrong.

Kept apart from `bot.dates.grammar`, which calls both once it has read the phrase.
"""

from __future__ import annotations

import logging
import re
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from bot import i18n
from bot.dates.text import month_name
from bot.dates.vague import deadline_day

if TYPE_CHECKING:
    from bot.dates.grammar import DateTrouble, ParsedDate

logger = logging.getLogger(__name__)

_UNTIL_START_RE = re.compile(r"\b(?:før|fram\s+til|frem\s+til)\b")
"""«før desember», «fram til desember»: up to the period's start, so no deadline at its end."""


def until_start(deadline_words: str) -> bool:
    """Whether a phrase's deadline words name the time up to a period's start, not its end."""
    return _UNTIL_START_RE.search(deadline_words) is not None


def by_its_end(found: ParsedDate) -> ParsedDate:
    """«innen desember», «innen første uke i desember»: a deadline is the end of the period it names (the 31st, the
    7th), as «innen utgangen av desember» is; still a month, so `dato` asks which day."""
    part, make = found.month_part, found.in_year
    end = deadline_day(day=found.when.date(), part=part)

    def in_year(year: int) -> date | None:
        made = make(year) if make is not None else None
        return deadline_day(day=made, part=part) if made is not None else None

    when = found.when.replace(year=end.year, month=end.month, day=end.day)
    return replace(found, when=when, in_year=in_year if make is not None else None)


def no_such_end(end: str, *, day: date | None, at: tuple[int, int] | None) -> DateTrouble:
    """«22. april 10:00-25:00», «kl 14-12»: the end of the range is no time after its start. Refused, never the start
    alone (the end was dropped without a word before), saying which end is wrong and how a range is written."""
    from bot.dates.grammar import DateTrouble

    message = i18n._("Sluttiden «{end}» er ikke et klokkeslett etter starten.").format(end=end)
    example = f"kl {_example_range(at or (10, 0))}"
    if day is not None:
        example = f"{day.day}. {month_name(day.month)} {example}"
    return DateTrouble(reason="time", message=message, day=day, instead=(example,))


_LAST_MINUTE = 23 * 60 + 59


def _example_range(at: tuple[int, int]) -> str:
    """A range from the typed start that is itself accepted: two hours on, or up to 23.59 late in the evening
    («kl 23-01» suggests «kl 23.00–23.59», never an end that is refused the same way)."""
    start = at[0] * 60 + at[1]
    end = min(start + 120, _LAST_MINUTE)
    if end <= start:  # «kl 23.59-01»: the latest start with an hour before midnight
        start = end - 60
    return f"{start // 60:02d}.{start % 60:02d}–{end // 60:02d}.{end % 60:02d}"
