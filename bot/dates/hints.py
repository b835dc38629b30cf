"""A "mente du …?" for a date with a misspelt month or weekday ("3. desmber", "febuar").

The grammar never reads a near-miss as a date: a wrong guess would be saved silently. Like the router's
hint for an unknown command word, the bot names the phrase it would have understood and the person types
it; only a single clearly closest word is offered, and only when the mended phrase is one whole date.
"""

from __future__ import annotations

import difflib
import logging
from datetime import date, datetime

from bot.dates.grammar import ParsedDate, read_date
from bot.dates.words import MONTH_NAMES, SPELLING, WEEKDAY_NAMES, WEEKDAYS, normalize

logger = logging.getLogger(__name__)

_TARGETS = tuple(sorted({*MONTH_NAMES, *WEEKDAY_NAMES, *(w for w in WEEKDAYS if len(w) > 4)}))
_KNOWN = frozenset({*_TARGETS, *SPELLING})
_CUTOFF = 0.8  # "desmber" → desember is 0.93, "julu" → juli 0.75 (too short to guess)
_MARGIN = 0.1  # "sepember" is closer to september (0.94) than to desember (0.75): clear enough


def mended_date(text: str, *, now: datetime, window: tuple[date, date] | None = None) -> str | None:
    """The phrase with its one misspelt month or weekday mended, when that makes it one date; else None."""
    if not isinstance(text, str) or len(text) > 120:
        return None
    words = normalize(text).split()
    mended = 0
    for i, word in enumerate(words):
        core = word.strip(".,")
        if len(core) < 5 or not core.isalpha() or core in _KNOWN:
            continue
        scored = sorted(((difflib.SequenceMatcher(None, core, t).ratio(), t) for t in _TARGETS), reverse=True)
        (best, target), (second, _) = scored[0], scored[1]
        if best < _CUTOFF or best - second < _MARGIN:
            continue
        words[i] = word.replace(core, target)
        mended += 1
    if mended != 1:
        return None
    phrase = " ".join(words)
    return phrase if isinstance(read_date(phrase, now=now, window=window), ParsedDate) else None
