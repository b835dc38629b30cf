"""A day someone is away in a sentence with a date (`bot.dates.sentence`): the words of time away, and which
of a sentence's days are the busy ones rather than the one proposed («…, elles er eg oppteken», «Eg er borte
heile neste veke, men fredag 14. mai går fint.»)."""

from __future__ import annotations

import logging

logger = logging.getLogger(__name__)

# A day someone is away, not the meeting's: only in the date's own sentence («Eg er på ferie. Passar måndag 16.
# august?» proposes the Monday).
AWAY_WORDS = frozenset(
    {
        *("ferie", "fri", "fridag", "borte", "opptatt", "oppteken", "opptekne", "bortreist", "permisjon", "syk"),
        *("sjuk", "sykemeldt", "sjukmeld", "utilgjengelig", "utilgjengeleg", "reiser", "kurs", "tilbake"),
    }
)

_OTHERWISE = frozenset({"elles", "ellers"})
# «ferien», «sommarferien», «permisjonen», «sjukemeldt»: forms of a day away the list above does not spell out.
_AWAY_STEMS = ("ferie", "sommarferie", "sommerferie", "permisjon", "sjukemeld", "sykemeld", "fravær", "fråvær")


def before_otherwise(after: list[str]) -> list[str]:
    """The words after a date up to «elles»/«ellers»: what follows tells the other days («…, elles er eg oppteken»),
    and a date among them is still a second date (every word that names a day lies inside the date's words)."""
    ends = [i for i, word in enumerate(after) if word in _OTHERWISE]
    return after[: ends[0]] if ends else after


def before_busy_otherwise(plain: list[str], marks: list[int]) -> list[int]:
    """The marks of days before «elles»/«ellers» when a day away follows it («Vi kan møtast onsdag 1.12 kl 10, elles
    er eg oppteken heile veka»): the days named there are the busy ones, not a second date (dates15). Without a day
    away («…, elles torsdag 2.12») a day after «elles» is an alternative and still refuses."""
    cut = next((i for i, word in enumerate(plain) if word in _OTHERWISE), None)
    if cut is None or not any(word in AWAY_WORDS or is_away(word) for word in plain[cut + 1 :]):
        return marks
    return [i for i in marks if i < cut]


def after_away_but(plain: list[str]) -> int:
    """Where the day proposed starts after «men» that follows a time away («Eg er borte heile neste veke, men fredag
    14. mai går fint.»: the away days are the busy ones, as after «elles»), or 0."""
    but = max((i for i, word in enumerate(plain) if word == "men"), default=0)
    away = any(is_away(word) or word in AWAY_WORDS for word in plain[:but])
    return but + 1 if away and len(plain) - but - 1 >= 3 else 0


def before_away(after: list[str]) -> list[str]:
    """The words after a date without «før ferien», «før sommarferien»: a meeting set before a time away (the day
    away itself, «Eg har ferie frå 5. juli», still refuses)."""
    kept: list[str] = []
    for i, word in enumerate(after):
        if is_away(word) and i and after[i - 1] == "før":
            kept.pop()
        else:
            kept.append(word)
    return kept


def is_away(word: str) -> bool:
    """A word of time away: «ferien», «permisjon», and every holiday's «-ferie» («juleferie», «påskeferien»)."""
    return word.startswith(_AWAY_STEMS) or "ferie" in word
