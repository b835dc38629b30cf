"""Command hints as they are typed on each platform.

Core text quotes a command as «neste» or «status agder 2027», the same for every platform. A renderer calls
`platform_hints` once on each text it shows, so a Slack user reads «/samhandling neste», a Teams user
«@Samhandling neste» and the terminal «neste». Only a quote whose first word is a known command, written
as a command is typed, changes; «Agder» or «@nobody» stay as they are. Core text writes a command in lower
case (a person may type it in capitals); a capitalised word starts a name, so a milestone quoted by its
title («Signering av samarbeidsavtalen 2026») is not taken for the command «signering».
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import lru_cache

from bot.parsing import fold

PREFIXES: dict[str, str] = {"slack": "/samhandling ", "teams": "@Samhandling ", "terminal": ""}
"""How a command starts on each platform (Slack's slash command, a Teams channel mention)."""

_QUOTE = re.compile(r"«([^«»\n]{1,400})»")
_WORD = re.compile(r"[^\s«»]+")


_KNOWN: frozenset[str] = frozenset()
"""Every command word and alias, folded: told by the core (`know_commands`), which is handed the commands
by the composition root; bot/ imports no handler."""


def know_commands(words: Iterable[str]) -> None:
    """The command words a quote may start with (a core's router tells them when it is made)."""
    global _KNOWN
    known = frozenset(fold(word) for word in words)
    if known != _KNOWN:
        _KNOWN = known
        is_command.cache_clear()
        _hinted.cache_clear()


@lru_cache(maxsize=1024)
def is_command(word: str) -> bool:
    """Whether a quote starting with `word` is a command: a command word or alias, typed in lower case or
    in capitals, not capitalised like the first word of a name."""
    if word[:1].isupper() and word[1:] != word[1:].upper():
        return False
    return fold(word) in _KNOWN


def platform_hints(
    text: str, *, platform: str, prefix: str | None = None, known: Callable[[str], bool] = is_command
) -> str:
    """`text` with each «command …» written as it is typed on `platform`.

    `prefix` overrides the platform's (a Slack app installed with another slash command passes its own,
    e.g. "/årshjul "). A quote that already starts with the prefix, or whose first word is not a command
    (`known`), is left alone.
    """
    start = PREFIXES.get(platform, "") if prefix is None else prefix
    if not start or "«" not in text:
        return text
    if known is is_command:
        return _hinted(text, start)
    return _rewritten(text, start=start, known=known)


@lru_cache(maxsize=2048)
def _hinted(text: str, start: str) -> str:
    """`_rewritten` with the known commands, kept per text (forgotten when they change, `know_commands`): a
    reply worked out anew mostly repeats its title, lead and context line word for word, and each quote
    costs a regular expression and a lookup."""
    return _rewritten(text, start=start, known=is_command)


def _rewritten(text: str, *, start: str, known: Callable[[str], bool]) -> str:

    def rewrite(match: re.Match[str]) -> str:
        inner = match.group(1)
        first = _WORD.match(inner.strip())
        if first is None or inner.strip().lower().startswith(start.strip().lower()) or not known(first.group(0)):
            return match.group(0)
        return f"«{start}{inner.strip()}»"

    return _QUOTE.sub(rewrite, text)
