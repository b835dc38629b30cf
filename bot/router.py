"""Commands as declarations, and the router that finds them: first match wins, in the declared order.

One `Command` says everything about a command once: its words, what it reads from the words (`args`), who
may run it (`who`), its help (summary, usage, examples), and how its replies are kept. `hjelp`, the Teams
command menus and the pipeline's permission check all read it; nothing else describes a command.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from enum import StrEnum

from bot.context import Context
from bot.messages import Outcome, Request
from bot.parsing import fold

Handler = Callable[[Request, Context], Outcome]


class Who(StrEnum):
    """Who may run a command, checked by the pipeline before the handler runs (`bot.pipeline.permission`).
    A handler still decides finer rules (which party, which role) from the words."""

    ANYONE = "anyone"
    MEMBER = "member"
    """A person registered for a party (app.yaml or `person`)."""
    ADMIN = "admin"


ARGS = frozenset({"region", "party", "year", "milestone", "precondition", "page", "person", "text", "form", "command"})
"""The kinds of words a command reads (as `handlers.common.read_args(want=…)` and the handlers name them)."""


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
    nothing from outside the store): a repeat is answered from `bot.reply_cache` until that state changes,
    to anyone of the asker's party, role and written form when the reply read nothing else of the asker
    (`bot.pipeline.personal`)."""
    args: tuple[str, ...] = ()
    """What it reads from the words after it, in order (kinds from `ARGS`)."""
    who: Who = Who.ANYONE
    read_forms: tuple[str, ...] = ()
    verbatim: bool = False
    """Its last words are recorded as typed (minutes), so a closing full stop stays; every other command's
    words are read without one (`bot.pipeline.parse`)."""
    """Words that, first after the command word, make it a read (`referat vis …`, folded): that form records
    nothing, so anyone may run it, it answers in the reader's own written form and may be run again."""

    def __post_init__(self) -> None:
        unknown = set(self.args) - ARGS
        if unknown:
            raise ValueError(f"command {self.name}: unknown argument kinds {sorted(unknown)}")

    def open_to(self, *, role: str | None) -> bool:
        """Whether a person with `role` (None: not registered) may run it as declared (`who`), as the
        permission step checks it (`bot.pipeline.permission`): what `hjelp` lists for them (walk 43)."""
        if self.who == Who.ADMIN:
            return role == "admin"
        return self.who == Who.ANYONE or role is not None

    def for_words(self, rest: str) -> Command:
        """The declaration for these words: a read form (`read_forms`) writes nothing and is anyone's."""
        words = rest.split(maxsplit=1)
        if self.read_forms and words and fold(words[0]) in self.read_forms:
            return replace(self, writes=False, who=Who.ANYONE, verbatim=False)
        return self

    @property
    def shown(self) -> str:
        """The command word in the reader's written form: the first word of its usage as the catalogue
        gives it ("føresetnad" in nynorsk, an alias of "forutsetning")."""
        from bot.i18n import _

        return _(self.usage).split(" ", 1)[0] or self.name

    @property
    def called(self) -> str:
        """The command as a person says it: the leading plain words every form of its usage starts with,
        «ikke aktuelt», «bli med», never «ikke» or «bli» alone (walk 16 F6); else `shown`."""
        from bot.i18n import _

        forms = [
            [word for word in _takewhile_plain(form.split())] for form in _(self.usage).split(" | ") if form.strip()
        ]
        common: list[str] = []
        for words in zip(*forms, strict=False):
            if len(set(words)) != 1:
                break
            common.append(words[0])
        return " ".join(common) or self.shown


class Router:
    def __init__(self, commands: Iterable[Command] = ()) -> None:
        self._commands: list[Command] = []
        self._by_word: dict[str, Command] = {}
        for command in commands:
            self.add(command)

    def add(self, command: Command) -> None:
        self._commands.append(command)
        for word in (command.name, *command.aliases):
            self._by_word.setdefault(fold(word), command)  # first match wins

    @property
    def commands(self) -> tuple[Command, ...]:
        return tuple(self._commands)

    def find(self, word: str) -> Command | None:
        return self._by_word.get(fold(word))

    def suggest(self, word: str) -> list[str]:
        names = {fold(command.name): command.name for command in self._commands}
        for command in self._commands:
            names.update({fold(alias): command.name for alias in command.aliases})
        close = difflib.get_close_matches(fold(word), list(names), n=3, cutoff=0.6)
        return list(dict.fromkeys(names[match] for match in close))


def _takewhile_plain(words: list[str]) -> list[str]:
    """The leading words of a usage that are typed as they stand (no <placeholder>, [option] or a|b)."""
    plain: list[str] = []
    for word in words:
        if any(mark in word for mark in "<[|"):
            break
        plain.append(word)
    return plain
