"""A "mente du …?" for a date with a misspelt month or weekday ("3. desmber", "febuar").

The grammar never reads a misspelt month as a date: a wrong guess would be saved silently (a misspelt weekday
in front of a whole date only checks it, so the grammar mends that one itself). Like the router's
hint for an unknown command word, the bot names the phrase it would have understood and the person types
it; only a single clearly closest word is offered, and only when the mended phrase is one whole date.
"""

from __future__ import annotations

import logging
from datetime import date, datetime

from bot.dates.grammar import ParsedDate, read_date
from bot.dates.typos import closest
from bot.dates.words import normalize

logger = logging.getLogger(__name__)


def mended_date(text: str, *, now: datetime, window: tuple[date, date] | None = None) -> str | None:
    """The phrase with its one misspelt month or weekday mended, when that makes it one date; else None."""
    if not isinstance(text, str) or len(text) > 120:
        return None
    words = normalize(text).split()
    mended = 0
    for i, word in enumerate(words):
        core = word.strip(".,")
        if (target := closest(core)) is None:
            continue
        words[i] = word.replace(core, target)
        mended += 1
    if mended != 1:
        return None
    phrase = " ".join(words)
    return phrase if isinstance(read_date(phrase, now=now, window=window), ParsedDate) else None
