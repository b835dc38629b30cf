"""`dato` with a meeting place typed after the date («dato vår 22. april kl 10 Kristiansand, rådhuset»): the bot
keeps no place (README: a date is a meeting's day and time), so the words after the date are named as not read
and the reply says where the place goes, with the date alone to type. A long place («Scandic Kristiansand,
møterom Sørlandet & Co») was refused as a bad date, naming the whole text (walk 35 F9)."""

from __future__ import annotations

import logging
from datetime import date, datetime
from typing import TYPE_CHECKING

from bot.i18n import _
from bot.parsing import shown as typed_back

if TYPE_CHECKING:
    from bot.dates.grammar import ParsedDate
    from bot.model.wheel import Item

logger = logging.getLogger(__name__)

LONGEST = 16
"""Words in the longest text looked at for a date followed by a place: beyond it, a date not read as before."""


def place_after(text: str, *, now: datetime, window: Item | None) -> tuple[str, str, ParsedDate] | None:
    """(the words after the date, the date's words, what they read) when `text` is a whole date followed by
    words that begin with a letter; the longest such date wins. None otherwise."""
    from bot.dates.grammar import ParsedDate, read_date

    words = text.split()
    if len(words) > LONGEST:
        return None
    bounds = (window.start, window.deadline) if window else None
    for size in range(len(words) - 1, 0, -1):
        if not words[size][:1].isalpha():
            continue  # «13/4 0900 1000»: a number after a date is part of what was typed as the date
        head = " ".join(words[:size]).rstrip(",;:-–")
        found = read_date(head, now=now, window=bounds, sentence=False)
        if isinstance(found, ParsedDate) and not (found.month_only or found.day_of_month or found.week_only):
            size = _fewest(words, size=size, found=found, now=now, bounds=bounds)
            return " ".join(words[size:]), " ".join(words[:size]).rstrip(",;:-–"), found
    return None


def _fewest(words: list[str], *, size: int, found: ParsedDate, now: datetime, bounds: tuple[date, date] | None) -> int:
    """The fewest leading words that still read as `found`: the grammar looks past a word or two after a time
    («12. november kl 10, Bergen»), which belong to the place, not to the date to type again."""
    from bot.dates.grammar import read_date

    while size > 1:
        shorter = read_date(" ".join(words[: size - 1]).rstrip(",;:-–"), now=now, window=bounds, sentence=False)
        if shorter != found or getattr(shorter, "until", None) != found.until:
            break
        size -= 1
    return size


_OTHER_WORDS = frozenset({"eller", "evt", "evt.", "alternativt", "el", "el.", "og", "/"})
"""Words in front of another day after a date («… eller 31. mars kl 10»)."""


def names_no_day(words: str) -> bool:
    """Words after a date that may be its place: none says a day or a time («Bergen rådhus, møterom 3»; never
    «kl 25», «uka etter», dates21: those are what is said wrong instead). «på»/«i» lead a place as often."""
    from bot.dates.words import is_date_word

    said = (word.strip(",.;:()").lower() for word in words.split())
    return not any(is_date_word(word) for word in said if word not in ("på", "i"))


def second_date(words: str, *, now: datetime) -> str | None:
    """The other day typed after a date as an alternative («eller 31. mars kl 10»), as typed, or None."""
    from bot.dates.grammar import ParsedDate, read_date

    first, _, rest = words.partition(" ")
    if first.lower() not in _OTHER_WORDS or not rest:
        return None
    return words if isinstance(read_date(rest, now=now, sentence=False), ParsedDate) else None


def place_refusal(*, unread: str, mended: str) -> str:
    """The words after a date named as not read, where a place goes, and the date alone to type."""
    return _(
        "Jeg forstod ikke «{words}» i datoen. Boten lagrer ikke møtested; skriv det i innkallingen. "
        "Skriv bare datoen, f.eks. «{mended}»."
    ).format(words=typed_back(unread), mended=mended)
