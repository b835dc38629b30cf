"""Numbers in an e-mail sentence that are plainly no day: a room, a case, a sum, a point, a version, a share or a
phone number («Møtet er i rom 4.12, tysdag 19. januar kl 10.», «Budsjettet på kr 13.400 behandles torsdag 4. mars»).

The sentence reader (`bot.dates.sentence`) refuses a sentence when a number outside its date could name another day:
«4.12» alone may be 4 December. With its label in front («rom», «sak», «kr», «pkt.», «versjon», «tlf»), a unit after
it («45 %», «2,5 mill.», «45 min»), a version's «v2.1» or the eight digits of a Norwegian phone number in groups
(«22 33 44 55», «915 12 345»), it says no day, so it is left out of the words that name one. Without such a sign
a number still refuses the sentence: a wrong date is worse than a question.
"""

from __future__ import annotations

import logging
import re

from bot.dates.words import HOUR_UNITS, MONTHS

logger = logging.getLogger(__name__)

LABELS = frozenset(
    {
        *("rom", "rommet", "møterom", "møterommet", "sak", "saka", "saken", "saksnr", "saksnummer", "arkivsak"),
        *("pkt", "punkt", "kap", "kapittel", "versjon", "tlf", "telefon", "mobil", "kr", "kroner", "nok"),
        *("beløp", "beløpet", "ref", "referanse"),
    }
)
"""A word in front of a number that says what the number is (plain: lower case, no points)."""
_PHONE_LABELS = frozenset({"tlf", "telefon", "mobil"})
_UNITS = frozenset(
    {
        *("%", "prosent", "kr", "kroner", "mill", "millioner", "mrd", "milliarder", "min", "minutt", "minutter"),
        *("etasje", "etg", "etage"),  # «i 2. etg.»
    }
)
"""A word after a number that makes it a quantity. Days and weeks are left out: «om 3 veker» is a day."""
_HOURS = frozenset(HOUR_UNITS) - {"t"}
"""«satt av 2 timer»: a length, unless «om» says when («om 2 timer»)."""
_NUMBER_RE = re.compile(r"[0-9][0-9.,/–-]*")
_VERSION_RE = re.compile(r"v[0-9]+(?:\.[0-9]+)+")
_SHARE_RE = re.compile(r"[0-9]+(?:[.,][0-9]+)?%")
_PHONE_DIGITS = 8


def labelled_numbers(plain: list[str]) -> frozenset[int]:
    """The places in `plain` (a sentence's words, lower case, punctuation stripped, one spelling) of numbers that
    say no day. A number before a month is a date's day whatever stands in front («booka rom 16. mars»)."""
    found: set[int] = set()
    for i, word in enumerate(plain):
        before = plain[i - 1].rstrip(".") if i else ""
        after = plain[i + 1].rstrip(".") if i + 1 < len(plain) else ""
        if _VERSION_RE.fullmatch(word) or _SHARE_RE.fullmatch(word):
            found.add(i)
        elif _NUMBER_RE.fullmatch(word) and after not in MONTHS and (before in LABELS or _quantity(before, after)):
            found.add(i)
            if before in _PHONE_LABELS:  # «tlf 915 12 345»: the groups after the first too
                found.update(_digit_run(plain, start=i))
    found.update(_phone_numbers(plain))
    return frozenset(found)


def _quantity(before: str, after: str) -> bool:
    return after in _UNITS or (after in _HOURS and before != "om")


def _digit_run(plain: list[str], *, start: int) -> range:
    end = start
    while end < len(plain) and plain[end].isdigit():
        end += 1
    return range(start, end)


def _phone_numbers(plain: list[str]) -> set[int]:
    """Groups of two or three digits alone that make eight in all: a Norwegian phone number («22 33 44 55», «915 12
    345»), never a date typed with spaces («16 03 2027»)."""
    found: set[int] = set()
    i = 0
    while i < len(plain):
        run = _digit_run(plain, start=i)
        groups = [len(plain[j]) for j in run]
        if len(groups) >= 3 and sum(groups) == _PHONE_DIGITS and all(2 <= n <= 3 for n in groups):
            found.update(run)
        i = max(run.stop, i + 1)
    return found
