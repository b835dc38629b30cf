"""A reply's sections as Adaptive Card elements: facts as a FactSet, text as one line per TextBlock, and
runs of sections that share their fact labels (the `oversikt`: one section per region, one fact per
milestone) as one compact table that fits a phone: a row per region, a numbered column per milestone
with a legend, symbols and short text in the cells (never colour alone).

Whether an item is overdue, done or planned comes from the state the core put on the section or the fact
(`Section.state`, `Fact.state`, decided in `bot.facts.item_state`), never from reading its words."""

from __future__ import annotations

import re
from typing import Any

from bot.i18n import _
from bot.messages import Fact, ItemState, Section

from .markdown import escape

TABLE_MIN_ROWS = 3
LIST_MIN_ITEMS = 3
LONG_LABEL = 40
"""A fact's label longer than this (AU's digest: «Avtale 2027: Agder, Akershus, …» naming 15 regions) is a
heading over its value, not a FactSet title: the title column is narrow, one region a line on a phone."""
UNBROKEN = 32
"""A fact's value holding a word longer than this (a SHA-256, a chain hash, a link) is a heading over a
wrapping TextBlock, not a FactSet value: a FactSet's value column clips an unbroken string at the card's
edge (walk 20 F-o: the receipt's checksum, the one thing a party compares whole, showed 46 of 64 digits)."""
NAME_COLUMN_PX = 112
"""Wide enough for the longest short region name ("Møre og Romsdal") on one line in small bold text."""
_COUNT = re.compile(r"\d+/\d+")
_SYMBOLS = {
    ItemState.DONE: "✓",
    ItemState.OVERDUE: "⚠",
    ItemState.PLANNED: "◷",
    ItemState.OPEN: "○",
    ItemState.OPTIONAL_PAST: "○",
    ItemState.DUE: "○",
    ItemState.NOT_OPEN: "○",
    ItemState.UNTRACKED: "–",
    ItemState.NOT_RELEVANT: "–",
}
"""A table cell's symbol per state, as the legend under the table names them."""


_SENTENCE_END = re.compile(r"\.\s+(?=[A-ZÆØÅ«])")


def text_blocks(
    text: str, *, first_spacing: str = "Default", bullets: bool = False, overdue: bool = False
) -> list[dict[str, Any]]:
    """One TextBlock per line: Teams joins single line breaks into spaces, so lists would run together.
    A line that lists three or more items after a colon, joined by ";" (a refusal naming what is
    missing), becomes the lead, one bullet per item, and the sentence after the list. With ``bullets``
    (a section's several lines: the wheel's items of a month) each line is a bullet itself. ``overdue`` (the
    section's state) shows every line in colour, beside the words that say so."""
    blocks: list[dict[str, Any]] = []
    raws = [line.strip() for line in text.splitlines() if line.strip()]
    for raw in raws:
        pieces = [(raw.lstrip("•").strip(), True)] if bullets and len(raws) > 1 else _split_inline_list(raw)
        for n, (line, bullet) in enumerate(pieces):
            block: dict[str, Any] = {"type": "TextBlock", "text": ("• " if bullet else "") + escape(line), "wrap": True}
            block["spacing"] = (
                first_spacing if not blocks else ("Small" if bullets else "None" if bullet or n == 0 else "Small")
            )
            if overdue:
                block["color"] = "Attention"
            blocks.append(block)
    return blocks


def _split_inline_list(line: str) -> list[tuple[str, bool]]:
    """[(text, is_item)]: the line itself, or its lead, its items and the sentence after them."""
    head, sentence, tail = line, "", ""
    parts = _SENTENCE_END.split(line)
    for index, part in enumerate(parts):
        if part.count("; ") >= 2 and ": " in part:
            head = part
            sentence = ". ".join(parts[:index]) + ("." if index else "")
            tail = ". ".join(parts[index + 1 :])
            break
    else:
        return [(line, False)]
    lead, _, listed = head.partition(": ")
    items = [item.strip().rstrip(".") for item in listed.split("; ") if item.strip()]
    out = [((f"{sentence} " if sentence else "") + f"{lead}:", False)]
    out += [(item, True) for item in items]
    if tail:
        out.append((tail, False))
    return out


def render_sections(sections: tuple[Section, ...]) -> list[dict[str, Any]]:
    body: list[dict[str, Any]] = []
    index = 0
    while index < len(sections):
        run = _table_run(sections, index)
        if len(run) >= TABLE_MIN_ROWS:
            body.extend(_table(run))
            index += len(run)
            continue
        body.extend(_section(sections[index]))
        index += 1
    return body


def _labels(section: Section) -> tuple[str, ...] | None:
    if section.text or len(section.facts) < 4:
        return None
    return tuple(fact.label for fact in section.facts)


def _table_run(sections: tuple[Section, ...], start: int) -> list[Section]:
    labels = _labels(sections[start])
    if labels is None:
        return []
    run = [sections[start]]
    for section in sections[start + 1 :]:
        if _labels(section) != labels:
            break
        run.append(section)
    return run


def _section(section: Section) -> list[dict[str, Any]]:
    overdue = section.state is ItemState.OVERDUE
    body: list[dict[str, Any]] = []
    if section.title.strip():
        title = ("⚠ " if overdue and "⚠" not in section.title else "") + section.title
        block: dict[str, Any] = {"type": "TextBlock", "text": escape(title), "weight": "Bolder", "wrap": True}
        block["spacing"] = "Medium"
        if overdue:
            block["color"] = "Attention"
        body.append(block)
    if section.text:
        spacing = "Small" if section.title.strip() else "Medium"
        body.extend(text_blocks(section.text, first_spacing=spacing, bullets=True, overdue=overdue))
    short = [f for f in section.facts if _in_fact_set(f)]
    if short:
        body.append(
            {
                "type": "FactSet",
                "facts": [{"title": escape(f.label), "value": escape(f.value)} for f in short],
                "spacing": "Small",
            }
        )
    for fact in section.facts:
        if _in_fact_set(fact):
            continue
        items = _list_items(fact.value)
        if len(items) < LIST_MIN_ITEMS:
            items = [fact.value] if fact.value.strip() else []
        # A ";"-joined list (decisions, follow-ups) is a list: one line per item under its label.
        # wrapped: a label may name many regions (the weekly overview's «Regioner på etterskudd»)
        label = {"type": "TextBlock", "text": escape(fact.label), "weight": "Bolder", "wrap": True, "spacing": "Small"}
        body.append(label)
        bullet = "" if len(items) == 1 and len(fact.label) <= LONG_LABEL else "• "  # an unbroken value: no list
        body.extend(
            {"type": "TextBlock", "text": f"{bullet}{escape(item)}", "wrap": True, "spacing": "None"} for item in items
        )
    return body


def _in_fact_set(fact: Fact) -> bool:
    """Whether a fact fits a FactSet's row: not a list, not a long label, and no unbroken string to clip."""
    return (
        len(_list_items(fact.value)) < LIST_MIN_ITEMS
        and len(fact.label) <= LONG_LABEL
        and all(len(word) <= UNBROKEN for word in fact.value.split())
    )


def _list_items(value: str) -> list[str]:
    return [part.strip() for part in value.split("; ") if part.strip()]


def _cell(fact: Fact) -> str:
    """A cell a phone column can hold: the state's symbol, or a signing's count with ⚠ when it is overdue
    ("0/5", "⚠0/5"). A fact without a state keeps the start of its value."""
    value = fact.value.strip()
    warn = "⚠" if fact.state is ItemState.OVERDUE else ""
    count = _COUNT.search(value)
    if count and fact.state not in (ItemState.DONE, ItemState.NOT_RELEVANT, ItemState.UNTRACKED):
        return warn + count.group(0)
    if fact.state is not None:
        return _SYMBOLS[fact.state]
    return value[:3] or "–"


def _table(run: list[Section]) -> list[dict[str, Any]]:
    """Column by column: a ColumnSet whose first column holds the row names and each next column one
    milestone, its cells as paragraphs of one TextBlock. Every cell is one short line, so the rows line
    up, and the whole table is a few dozen elements: it fits the activity size limit with 15 regions."""
    labels = [fact.label for fact in run[0].facts]

    def column(header: str, cells: list[str], *, width: str, bold: bool = False) -> dict[str, Any]:
        return {
            "type": "Column",
            "width": width,
            "spacing": "None",
            "items": [
                {"type": "TextBlock", "text": header, "weight": "Bolder", "size": "Small", "wrap": True},
                {
                    "type": "TextBlock",
                    "text": "\n\n".join(cells),
                    "size": "Small",
                    "spacing": "Small",
                    "wrap": True,
                    **({"weight": "Bolder"} if bold else {}),
                },
            ],
        }

    columns = [column("Region", [escape(section.title) for section in run], width=f"{NAME_COLUMN_PX}px", bold=True)]
    for n, _label in enumerate(labels):
        cells = [escape(_cell(section.facts[n])) for section in run]
        columns.append(column(str(n + 1), cells, width="stretch"))
    legend = " · ".join(f"{n} {label}" for n, label in enumerate(labels, start=1))
    symbols = _("✓ ferdig · ⚠ på overtid · ◷ dato satt · ○ åpen · – ikke fulgt opp i boten · 0/5 signert")
    return [
        {"type": "ColumnSet", "columns": columns, "spacing": "Medium", "separator": True},
        {"type": "TextBlock", "text": escape(legend), "size": "Small", "isSubtle": True, "wrap": True},
        {
            "type": "TextBlock",
            "text": escape(symbols),
            "size": "Small",
            "isSubtle": True,
            "wrap": True,
            "spacing": "None",
        },
    ]
