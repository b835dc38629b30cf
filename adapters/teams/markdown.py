"""Text for Adaptive Card TextBlocks and Facts: shown as typed, not as markdown.

Teams renders a subset of markdown in TextBlock ``text`` and Fact values. Stored minutes, names and dates
are text from people, so what markdown would read as a list ("30. november" is item 30 of a numbered
list), emphasis, a heading, a quote or a masked link (``[Klikk her](https://…)``) is escaped. Links are
links: a bare URL stays as typed (Teams links it), a long one becomes a link we write, labelled with its
host and end, so it neither hides where it goes nor pushes the card wider than a phone. Long words get
zero-width break points for the same reason.
"""

from __future__ import annotations

import re

_URL = re.compile(r"https?://[^\s<>()\[\]{}\"'`]+")
_INLINE = re.compile(r"([\\`*_\[\]~])")
_LINE_START = re.compile(r"^(\s*)(\d+)([.)])(?=\s|$)|^(\s*)([#>+=-])", re.MULTILINE)
_LONG_WORD = re.compile(r"\S{28,}")
LONG_URL = 48
WORD_CHUNK = 20
BREAK = "\u200b"


def escape(text: str) -> str:
    """``text`` with every markdown construct escaped, URLs kept as links (see the module docstring)."""
    out: list[str] = []
    last = 0
    for match in _URL.finditer(text):
        out.append(_escape_plain(text[last : match.start()]))
        out.append(_link(match.group(0).rstrip(".,;:!?")))
        tail = match.group(0)[len(match.group(0).rstrip(".,;:!?")) :]
        out.append(_escape_plain(tail))
        last = match.end()
    out.append(_escape_plain(text[last:]))
    return "".join(out)


def _escape_plain(text: str) -> str:
    text = _LONG_WORD.sub(lambda m: BREAK.join(_chunks(m.group(0))), text)
    text = _INLINE.sub(r"\\\1", text)
    return _LINE_START.sub(_line_start, text)


def _line_start(match: re.Match[str]) -> str:
    if match.group(2) is not None:
        return f"{match.group(1)}{match.group(2)}\\{match.group(3)}"
    return f"{match.group(4)}\\{match.group(5)}"


def _chunks(word: str) -> list[str]:
    return [word[i : i + WORD_CHUNK] for i in range(0, len(word), WORD_CHUNK)]


def _link(url: str) -> str:
    if len(url) <= LONG_URL:
        return url
    host = url.split("://", 1)[1].split("/", 1)[0]
    end = url.rstrip("/").rsplit("/", 1)[-1]
    label = f"{host}/…/{end}" if end and end != host and len(end) <= 40 else f"{host}/…"
    safe = _INLINE.sub(r"\\\1", label)
    return f"[{safe}]({url})"


def lines(text: str) -> list[str]:
    """The non-empty lines of a text, each escaped: one TextBlock each, since Teams joins single line
    breaks into spaces."""
    return [escape(line.strip()) for line in text.splitlines() if line.strip()]
