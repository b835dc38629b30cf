"""The asker's own command with the one word it lacks put in (a year, a region, an actor), for a refusal's
example, beside `bot.actions.rules`: which word goes where in a typed command, and a nynorsk command word
read back as the catalogue's bokmål. Kept apart from the rules, which decide what a write means; this only
says how to type it back (walk 13 W0, walk 19 F1)."""

from __future__ import annotations

import logging
from functools import cache
from gettext import NullTranslations

from bot.actions.base import Acting
from bot.i18n import _, translations
from bot.model.order import is_confirm
from bot.parsing import fold

logger = logging.getLogger(__name__)


TAIL_WORDS = frozenset({"angre"})
"""A word read only at a command's end (`ikke aktuelt oppdrag angre`): a missing year, region or actor goes before it."""


def typed_with(acting: Acting, *, word: str, instead: str | None = None) -> str:
    """The asker's own command with the one word it lacks (a year, a region, an actor) put in, every typed word
    kept (walk 13 W0: «oppdrag SIVA ingen» was offered as «oppdrag SIVA sendt 2028», which typed back recorded the
    opposite). The word goes after the names and before what is read only at the end: `bekreft`, a day and
    the word that names it (`mottatt 1. september`), so typed back it records what the first command meant.
    `instead` is a typed word the new one replaces where it stands (a year too far off: «referat høst 2072 Godt
    møte» → «referat høst 2027 Godt møte», never the year pasted into the minutes' text, walk 19 F1).
    A typed `bekreft` is left out: it answered no question about the command suggested, so typed back the
    suggestion asks whatever it must (walk 19 F1: it replaced this year's minutes unasked)."""
    words = [typed for typed in acting.request.text.split() if not is_confirm(typed)]
    words[:1] = [_(_bokmal(word)) for word in words[:1]]  # the command word in the reader's form: «føresetnad»
    if instead is not None and instead in words[1:]:
        at = words.index(instead, 1)
        return " ".join([*words[:at], word, *words[at + 1 :]])
    return " ".join([*words[: (at := _tail_at(words))], word, *words[at:]])


def _bokmal(word: str) -> str:
    """A command word typed in nynorsk (`føresetnad`) as the bokmål the catalogue translates from."""
    return _from_nynorsk(translations("nn")).get(word, word)


@cache
def _from_nynorsk(catalogue: NullTranslations) -> dict[str, str]:
    """Each nynorsk text to the first bokmål text that translates to it, built once per catalogue (the
    catalogue holds ~2,000 texts; every write that reads a typed year asks for its example words)."""
    found: dict[str, str] = {}
    for nb, nn in getattr(catalogue, "_catalog", {}).items():
        if isinstance(nb, str) and nb and isinstance(nn, str):
            found.setdefault(nn, nb)
    return found


def _tail_at(words: list[str]) -> int:
    for index, word in enumerate(words[1:], start=1):
        following = words[index + 1] if index + 1 < len(words) else ""
        if fold(word) in TAIL_WORDS or is_confirm(word) or any(c.isdigit() for c in word):
            return index
        if following[:1].isdigit() and word.isalpha():  # «mottatt 1. september», «holdt 6. mai»: the day's verb
            return index
    return len(words)
