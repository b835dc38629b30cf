"""A request parsed once: its text cleaned, the command word split off and found in the router."""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache
from types import MappingProxyType

from bot.messages import Request
from bot.parsing import clean_input, split_command
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


def parse(request: Request, *, router: Router) -> Parsed:
    too_long = len(request.text) > MAX_COMMAND_LENGTH
    if too_long:  # not cleaned (that is work on text we refuse); its first word still picks the language
        word, rest = split_command(request.text[:MAX_COMMAND_LENGTH])
        cleaned = request
    else:
        text, word, rest = _words(request.text)
        if text == request.text and not request.fields:  # most requests: nothing to clean, nothing copied
            cleaned = request
        else:
            fields = MappingProxyType({key: clean_input(value) for key, value in request.fields.items()})
            cleaned = replace(request, text=text, fields=fields)
    word = word or DEFAULT_WORD
    command = router.find(word)
    command = command.for_words(rest) if command is not None else None  # `referat vis …` is a read
    return Parsed(request=cleaned, word=word, rest=rest, command=command, too_long=too_long)


@lru_cache(maxsize=1024)
def _words(text: str) -> tuple[str, str, str]:
    """A text cleaned, its command word and the rest: the same for every `neste` (or any text asked
    again), so worked out once per text rather than per request (two regular expressions and a fold)."""
    cleaned = clean_input(text)
    return (cleaned, *split_command(cleaned))


def first_word(text: str) -> str:
    """The command word as it was typed (`vårmøte`, not its folded `varmote`), for quoting it back."""
    _, rest = split_command(text)
    stripped = text.strip()
    head = stripped[: len(stripped) - len(rest)].split()
    return head[-1] if head else stripped
