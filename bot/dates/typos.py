"""The one month or weekday a misspelt word is closest to («desmber» → desember, «tirsdg» → tirsdag).

Shared by the «Mente du …?» of a date that was not read (`bot.dates.hints`) and the grammar, which mends a
misspelt weekday only in front of a whole date, where it is a check of the date rather than the date itself.
"""

from __future__ import annotations

import logging

from bot.dates.words import MONTH_NAMES, MONTHS, SPELLING, WEEKDAY_NAMES, WEEKDAYS

logger = logging.getLogger(__name__)

_TARGETS = tuple(sorted({*MONTH_NAMES, *WEEKDAY_NAMES, *(w for w in WEEKDAYS if len(w) > 4)}))
WEEKDAY_TARGETS = tuple(t for t in _TARGETS if t in WEEKDAYS)
_KNOWN = frozenset({*_TARGETS, *SPELLING})
_CUTOFF = 0.8  # "desmber" → desember is 0.93, "julu" → juli 0.75 (too short to guess)
_MARGIN = 0.1  # "sepember" is closer to september (0.94) than to desember (0.75): clear enough


def unknown(word: str) -> bool:
    """Whether `word` could be a misspelt month or weekday: long enough («aprl» is, walk11 M4; «jul» is
    too short to guess), letters only, not a known word."""
    return len(word) >= 4 and word.isalpha() and word not in _KNOWN


def closest(word: str, *, among: tuple[str, ...] = _TARGETS) -> str | None:
    """The month or weekday (of `among`) `word` is a clear misspelling of; None for a known word, a short one
    («julu») or one about as close to two targets."""
    if not unknown(word):
        return None
    import difflib  # only once a word was not understood

    scored = sorted(((difflib.SequenceMatcher(None, word, t).ratio(), t) for t in among), reverse=True)
    best, target = scored[0]
    # «tisdag» is as near «tysdag» as «tirsdag»: two spellings of one day are no doubt between days
    second = next((ratio for ratio, other in scored[1:] if _meaning(other) != _meaning(target)), 0.0)
    return target if best >= _CUTOFF and best - second >= _MARGIN else None


def _meaning(target: str) -> tuple[str, int]:
    """The day or month a target word names, so bokmål and nynorsk spellings of one day count as one."""
    return ("weekday", WEEKDAYS[target]) if target in WEEKDAYS else ("month", MONTHS[target])
