"""An explicit command router: commands are registered in a fixed order and the first match wins."""

from __future__ import annotations

import difflib
from collections.abc import Callable
from dataclasses import dataclass

from bot.context import Context
from bot.messages import Outcome, Request
from bot.parsing import fold

Handler = Callable[[Request, Context], Outcome]


@dataclass(frozen=True)
class Command:
    name: str
    handler: Handler
    summary: str
    usage: str
    examples: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    writes: bool = False
    translated: bool = False
    """Its replies are in the message catalogue in both written forms; until then it answers in bokmål
    everywhere, so no reply mixes the two forms."""
    same_all_day: bool = False
    """Its reply follows from the request, the day and the stored state it reads alone (no time of day,
    nothing from outside the store): a repeat is answered from `bot.reply_cache` until that state changes."""

    @property
    def shown(self) -> str:
        """The command word in the reader's written form: the first word of its usage as the catalogue
        gives it ("føresetnad" in nynorsk, an alias of "forutsetning")."""
        from bot.i18n import _

        return _(self.usage).split(" ", 1)[0] or self.name


class Router:
    def __init__(self) -> None:
        self._commands: list[Command] = []

    def add(self, command: Command) -> None:
        self._commands.append(command)

    @property
    def commands(self) -> tuple[Command, ...]:
        return tuple(self._commands)

    def find(self, word: str) -> Command | None:
        folded = fold(word)
        for command in self._commands:
            if folded == fold(command.name) or folded in (fold(alias) for alias in command.aliases):
                return command
        return None

    def suggest(self, word: str) -> list[str]:
        names = {fold(command.name): command.name for command in self._commands}
        for command in self._commands:
            names.update({fold(alias): command.name for alias in command.aliases})
        close = difflib.get_close_matches(fold(word), list(names), n=3, cutoff=0.6)
        return list(dict.fromkeys(names[match] for match in close))
