"""A request parsed once: its text cleaned, the command word split off and found in the router."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, replace
from functools import lru_cache
from types import MappingProxyType

from bot.messages import Request
from bot.parsing import (
    clean_input,
    person_name,
    split_command,
    without_closing_punctuation,
    without_copied_marks,
)
from bot.router import Command, Router

MAX_COMMAND_LENGTH = 4000
DEFAULT_WORD = "hjelp"
"""What an empty command means."""


@dataclass(frozen=True)
class Parsed:
    request: Request
    """The request with its text and form fields cleaned (or as it came, when it is too long)."""
    word: str
    """The command word, folded by `split_command` (`varmote`), `hjelp` when there is none."""
    rest: str
    """The words after it, as typed."""
    command: Command | None
    too_long: bool
    long_field: str | None = None
    """The first form field longer than `MAX_COMMAND_LENGTH` (a submitted modal or card), refused as a long
    command is: a form is no way round the typed limit (walk 40)."""


def parse(request: Request, *, router: Router) -> Parsed:
    name = person_name(request.user_name)
    if name != request.user_name:  # a display name of junk: shown, stored and remembered cleaned
        request = replace(request, user_name=name)
    long_field = next((key for key, value in request.fields.items() if len(value) > MAX_COMMAND_LENGTH), None)
    too_long = len(request.text) > MAX_COMMAND_LENGTH or long_field is not None
    if too_long:  # not cleaned (that is work on text we refuse); its first word still picks the language
        word, rest = split_command(request.text[:MAX_COMMAND_LENGTH])
        cleaned = request
    else:
        text, plain, word, rest = _words(request.text)
        command = _find(router, word=word, rest=rest)
        if command is not None and command.verbatim:  # minutes keep their closing full stop and their forms
            plain = text
            rest = split_command(text)[1]
        if plain == request.text and not request.fields:  # most requests: nothing to clean, nothing copied
            cleaned = request
        else:
            fields = MappingProxyType({key: clean_input(value) for key, value in request.fields.items()})
            cleaned = replace(request, text=plain, fields=fields)
        return Parsed(request=cleaned, word=word or DEFAULT_WORD, rest=rest, command=command, too_long=False)
    word = word or DEFAULT_WORD
    command = _find(router, word=word, rest=rest)
    return Parsed(request=cleaned, word=word, rest=rest, command=command, too_long=too_long, long_field=long_field)


def _find(router: Router, *, word: str, rest: str) -> Command | None:
    command = router.find(word or DEFAULT_WORD)
    return command.for_words(rest) if command is not None else None  # `referat vis …` is a read


@lru_cache(maxsize=1024)
def _words(text: str) -> tuple[str, str, str, str]:
    """A text cleaned (`«signer agder 2027»` pasted from a hint loses its marks), the same without its closing
    punctuation (`Signer Agder 2027.`), and that one's command word and rest: the same for every `neste` (or any
    text asked again), so worked out once per text rather than per request."""
    cleaned = without_copied_marks(clean_input(text))
    plain = without_closing_punctuation(compatible(cleaned))
    return (cleaned, plain, *split_command(plain))


def compatible(text: str) -> str:
    """`ＮＥＳＴＥ` (fullwidth, from some phone keyboards and IMEs) → `NESTE`: the compatibility forms of
    letters, digits and spaces read as their plain ones (NFKC, walk 40), so a command word is found however
    it was keyed. «…», a copied example's placeholder, stays itself (NFKC would make it «...»), and so do
    superscripts, subscripts and fractions («side ²» is refused as unread, not read as page 2). Only the
    text read as a command: minutes (`verbatim`) keep the text as typed."""
    if text.isascii():
        return text
    out: list[str] = []
    start = 0
    for at, char in enumerate(text):
        if char == "…" or unicodedata.decomposition(char).startswith(_KEPT_FORMS):
            out += (unicodedata.normalize("NFKC", text[start:at]), char)
            start = at + 1
    out.append(unicodedata.normalize("NFKC", text[start:]))
    return "".join(out)


_KEPT_FORMS = ("<super>", "<sub>", "<fraction>")
"""Compatibility forms `compatible` keeps: a superscript digit is no digit a person meant to type."""


def first_word(text: str) -> str:
    """The command word as it was typed (`vårmøte`, not its folded `varmote`), for quoting it back."""
    _, rest = split_command(text)
    stripped = text.strip()
    head = stripped[: len(stripped) - len(rest)].split()
    return head[-1] if head else stripped
