"""Text for Adaptive Card TextBlocks and Facts: shown as typed, not as markdown.

Teams renders a subset of markdown in TextBlock ``text`` and Fact values. Stored minutes, names and dates
are text from people, so what markdown would read as a list ("30. november" is item 30 of a numbered
list), emphasis, a heading, a quote or a masked link (``[Klikk her](https://…)``) is escaped. Links are
links: a bare URL stays as typed (Teams links it), a long one becomes a link we write, labelled with its
host and end, so it neither hides where it goes nor pushes the card wider than a phone; a link alone on its
line is the thing to copy (the calendar feed's address) and is shown whole. A long word of
letters (a Norwegian compound, longer than a name: `LONG_WORD`) gets zero-width break points for the same reason; a word with a digit or a
sign in it (a SHA-256, an id, a path) never does, since people copy it and an invisible character would make
the copy differ. Angle brackets are written as ``&lt;`` and ``&gt;``: Teams reads ``<navn>`` as an HTML tag
and shows nothing, so the placeholders in «koble region <navn>» would vanish.
"""

from __future__ import annotations

import re

_URL = re.compile(r"https?://[^\s<>()\[\]{}\"'`]+")
_INLINE = re.compile(r"([\\`*_\[\]~])")
_LINE_START = re.compile(r"^(\s*)(\d+)([.)])(?=\s|$)|^(\s*)([#>+=-])", re.MULTILINE)
LONG_WORD = 34
"""Letters in a word before it gets break points: longer than any name people copy from a card («Regional-
utviklingskollegiets», 28, once came out of a FactSet with an invisible space in it, walk 4 m5), short enough
that a compound still breaks before it pushes a 320 px card wider."""
_LONG_WORD = re.compile(rf"(?<![^\s«(\"'])(?![a-fA-F]{{{LONG_WORD},}}\b)[^\W\d_]{{{LONG_WORD},}}(?![^\s.,;:!?)»\"'])")
_QUOTE_MARK = re.compile(r"^(\s*\\>)?(.*)$", re.MULTILINE)
LONG_URL = 48
WORD_CHUNK = 20
BREAK = "\u200b"


def escape(text: str) -> str:
    """``text`` with every markdown construct escaped, URLs kept as links (see the module docstring)."""
    alone = _URL.fullmatch(text.strip())
    if alone is not None:
        return alone.group(0)
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


def angle_brackets(text: str) -> str:
    """``text`` with only its angle brackets as entities: for text Teams may read as markdown that is otherwise
    shown as typed (a card's fallback text), so «<navn>» is not taken for an HTML tag and dropped."""
    return text.replace("<", "&lt;").replace(">", "&gt;")


def _escape_plain(text: str) -> str:
    text = _LONG_WORD.sub(lambda m: BREAK.join(_chunks(m.group(0))), text)
    text = _INLINE.sub(r"\\\1", text)
    text = _LINE_START.sub(_line_start, text.replace("<", "&lt;"))
    return _QUOTE_MARK.sub(lambda m: (m.group(1) or "") + m.group(2).replace(">", "&gt;"), text)


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
