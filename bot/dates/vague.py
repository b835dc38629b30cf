"""Phrases that name a time of year but no day: «sein haust», «til våren», «etter sommarferien», «slutten av
veka». The grammar reads none of them; this says they are vague, so the reply names what is missing instead
of «not understood». A month part («slutten av oktober», «medio mai») is not vague: it is asked about as a
month (`bot.dates.rules`).
"""

from __future__ import annotations

import logging
import re

logger = logging.getLogger(__name__)

_SEASONS = (
    "vår", "våren", "våra", "vårparten", "sommer", "sommeren", "sommar", "sommaren", "høst", "høsten", "haust",
    "hausten", "vinter", "vinteren", "vintren", "seinhaust", "seinhausten", "seinhaustes", "senhøstes",
    "senhøsten", "tidlegvåren", "tidligvåren", "vårhalvåret", "høsthalvåret", "hausthalvåret",
    "ferien", "ferie", "sommerferien", "sommarferien", "høstferien", "haustferien", "vinterferien",
    "fellesferien", "sommarferie", "sommerferie",
    "påska", "påsken", "påske", "pinsen", "pinsa", "pinse",  # «i påska»: some day of Easter (read alone as its Sunday)
)  # fmt: skip
# Words that only place a vague time: «i», «til», «neste», «seint», «midten av», «i løpet av».
_AROUND = (
    "i", "til", "neste", "kommende", "komande", "denne", "over", "etter", "før", "utpå", "ut", "på", "om", "mot",
    "av", "løpet", "seint", "sent", "sein", "sen", "tidleg", "tidlig", "midt", "midten", "slutten", "starten",
    "begynnelsen", "byrjinga", "enden", "innen", "innan", "en", "ein", "gang", "gong", "rundt", "ca", "ca.",
)  # fmt: skip
# A part of a week or a year without which day: «slutten av veka», «midt i uka», «i løpet av året».
_PERIODS = ("uka", "uken", "veka", "veke", "året", "halvåret", "helga", "helgen")
_PART_OF = ("midten", "midt", "slutten", "starten", "begynnelsen", "byrjinga", "løpet", "sist", "først", "seint")
_YEAR_RE = re.compile(r"\s*,?\s*(?:i\s+)?[0-9]{4}$")


def vague(s: str) -> bool:
    """Whether a normalized phrase names only a season, a holiday period or a part of a week or a year."""
    words = _YEAR_RE.sub("", s).replace("-", " ").split()
    if not words or len(words) > 6:
        return False
    seasons = [w for w in words if w in _SEASONS]
    if seasons:
        return all(w in _SEASONS or w in _AROUND or w in _PERIODS for w in words)  # «veka etter haustferien»
    periods = [w for w in words if w in _PERIODS]
    return len(periods) == 1 and any(w in _PART_OF for w in words) and all(w in _PERIODS or w in _AROUND for w in words)
