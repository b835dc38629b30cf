"""A reply's sections as Adaptive Card elements: facts as a FactSet, text as one line per TextBlock, and
runs of sections that share their fact labels (the `oversikt`: one section per region, one fact per
milestone) as one compact table that fits a phone: a row per region, a numbered column per milestone
with a legend, symbols and short text in the cells (never colour alone)."""

from __future__ import annotations

import re
from typing import Any

from bot.messages import Section

from .markdown import escape, lines

TABLE_MIN_ROWS = 3
_DATE = re.compile(r"\d{1,2}\.\d{1,2}")


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
    if section.text or len(section.facts) < 2:
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
    from .cards import is_overdue  # one rule for overdue, kept with the card

    overdue = any(is_overdue(f.value) for f in section.facts) or is_overdue(section.text or "")
    body: list[dict[str, Any]] = []
    if section.title.strip():
        title = ("⚠ " if overdue and "⚠" not in section.title else "") + section.title
        block: dict[str, Any] = {"type": "TextBlock", "text": escape(title), "weight": "Bolder", "wrap": True}
        block["spacing"] = "Medium"
        if overdue:
            block["color"] = "Attention"
        body.append(block)
    for n, line in enumerate(lines(section.text or "")):
        item: dict[str, Any] = {"type": "TextBlock", "text": line, "wrap": True}
        item["spacing"] = ("Small" if section.title.strip() else "Medium") if n == 0 else "None"
        if is_overdue(line):
            item["color"] = "Attention"
        body.append(item)
    if section.facts:
        body.append(
            {
                "type": "FactSet",
                "facts": [{"title": escape(f.label), "value": escape(f.value)} for f in section.facts],
                "spacing": "Small",
            }
        )
    return body


def _cell(value: str) -> str:
    """A short cell: the symbol and a date or count, e.g. "✓ 12.01", "0/5", "⚠"."""
    value = value.strip()
    if value.casefold() == "åpen":
        return "○"
    parts = value.split()
    if not parts:
        return "–"
    if parts[0] in ("✓", "⚠") and len(parts) > 1 and _DATE.fullmatch(parts[1]):
        return f"{parts[0]} {parts[1]}"
    if "/" in parts[0] or _DATE.fullmatch(parts[0]) or len(parts[0]) <= 3:
        return parts[0]
    return parts[0][:6]


def _column(text: str, *, weight: int, bold: bool = False, subtle: bool = False) -> dict[str, Any]:
    block: dict[str, Any] = {"type": "TextBlock", "text": text, "size": "Small", "wrap": True}
    if bold:
        block["weight"] = "Bolder"
    if subtle:
        block["isSubtle"] = True
    if text.startswith("⚠"):
        block["color"] = "Attention"
    elif text.startswith("✓"):
        block["color"] = "Good"
    return {"type": "Column", "width": weight, "items": [block], "spacing": "None"}


def _row(cells: list[dict[str, Any]], *, separator: bool = False) -> dict[str, Any]:
    return {"type": "ColumnSet", "columns": cells, "spacing": "None", "separator": separator}


def _table(run: list[Section]) -> list[dict[str, Any]]:
    labels = [fact.label for fact in run[0].facts]
    header = [_column(" ", weight=5)] + [_column(str(n), weight=3, bold=True) for n in range(1, len(labels) + 1)]
    rows = [_row(header, separator=True)]
    for section in run:
        cells = [_column(escape(section.title), weight=5, bold=True)]
        cells += [_column(escape(_cell(fact.value)), weight=3) for fact in section.facts]
        rows.append(_row(cells, separator=True))
    legend = " · ".join(f"{n} {label}" for n, label in enumerate(labels, start=1))
    rows.append(
        {
            "type": "TextBlock",
            "text": escape(legend + ". ○ åpen."),
            "size": "Small",
            "isSubtle": True,
            "wrap": True,
        }
    )
    return [{"type": "Container", "items": rows, "spacing": "Medium"}]
