"""The wheel as SVG text, written by hand: no dependency, sharp at any size, inline in the status page."""

from __future__ import annotations

import logging
from xml.sax.saxutils import escape

from bot.shown.states import STATE_SYMBOLS
from bot.shown.wheel_geometry import Arc, WheelPicture
from bot.shown.wheel_labels import HAND_BACK, HAND_END, label_size

from .style import (
    BACKGROUND,
    FILL,
    FONT_FAMILY,
    GRID,
    INK,
    LABEL_PX,
    LAYOUT,
    LEGEND_PX,
    MONTH_PX,
    MUTED,
    RING_PX,
    RULE,
    SIZE,
    SUBTITLE_Y,
    TEXT_ON,
    TITLE_Y,
    TRACK,
    legend_slots,
)

logger = logging.getLogger(__name__)

HATCH_ID = "overdue-hatch"


def render_svg(picture: WheelPicture, *, standalone: bool = True) -> str:
    """The picture as an SVG document (or, with `standalone=False`, an element to inline in HTML)."""
    parts: list[str] = []
    head = 'xmlns="http://www.w3.org/2000/svg" ' if standalone else ""
    parts.append(
        f'<svg {head}viewBox="0 0 {SIZE} {SIZE}" width="100%" role="img" aria-labelledby="wheel-title wheel-desc" '
        f'font-family="{FONT_FAMILY}">'
    )
    parts.append(f'<title id="wheel-title">{escape(picture.title)}</title>')
    parts.append(f'<desc id="wheel-desc">{escape(picture.alt)}</desc>')
    parts.append(
        f'<defs><pattern id="{HATCH_ID}" width="10" height="10" patternUnits="userSpaceOnUse" '
        f'patternTransform="rotate(45)"><rect width="10" height="10" fill="{FILL["overdue"]}"/>'
        '<rect width="3" height="10" fill="#FFFFFF" fill-opacity="0.55"/></pattern></defs>'
    )
    parts.append(f'<rect width="{SIZE}" height="{SIZE}" fill="{BACKGROUND}"/>')
    parts.append(_text(SIZE / 2, TITLE_Y, picture.title, size=30, weight="bold"))
    parts.append(_text(SIZE / 2, SUBTITLE_Y, picture.subtitle, size=17, fill=MUTED))
    if picture.view == "heatmap":
        parts += _heat_map(picture)
    else:
        parts += _wheel(picture)
    parts += _legend(picture)
    parts.append("</svg>")
    return "\n".join(parts)


def _text(
    x: float, y: float, text: str, *, size: int, weight: str = "normal", fill: str = INK, anchor: str = "middle"
) -> str:
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" font-weight="{weight}" fill="{fill}" '
        f'text-anchor="{anchor}" dominant-baseline="middle">{escape(text)}</text>'
    )


def _sector(start: float, end: float, inner: float, outer: float) -> str:
    """The path of an annular sector between two angles and two radius fractions."""
    end = min(end, start + 359.99)
    large = 1 if end - start > 180 else 0
    x1, y1 = LAYOUT.point(start, outer)
    x2, y2 = LAYOUT.point(end, outer)
    x3, y3 = LAYOUT.point(end, inner)
    x4, y4 = LAYOUT.point(start, inner)
    ro, ri = outer * LAYOUT.radius, inner * LAYOUT.radius
    return (
        f"M{x1:.1f},{y1:.1f} A{ro:.1f},{ro:.1f} 0 {large} 1 {x2:.1f},{y2:.1f} "
        f"L{x3:.1f},{y3:.1f} A{ri:.1f},{ri:.1f} 0 {large} 0 {x4:.1f},{y4:.1f} Z"
    )


def _fill(state: str) -> str:
    return f"url(#{HATCH_ID})" if state == "overdue" else FILL[state]  # type: ignore[index]


def _wheel(picture: WheelPicture) -> list[str]:
    parts: list[str] = []
    for ring in picture.rings:
        parts.append(f'<path d="{_sector(0, 359.99, ring.inner, ring.outer)}" fill="{TRACK}"/>')
    inner = min((ring.inner for ring in picture.rings), default=0.3)
    for mark in picture.months:
        x1, y1 = LAYOUT.point(mark.start_deg, inner - 0.02)
        x2, y2 = LAYOUT.point(mark.start_deg, 1.03)
        parts.append(
            f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" stroke="{RULE}" stroke-width="1.5"/>'
        )
        x, y = LAYOUT.point(mark.mid_deg, mark.name_r)
        parts.append(_text(x, y, mark.name, size=MONTH_PX, weight="bold"))
    for arc in picture.arcs:
        ring = picture.rings[arc.ring]
        parts.append(
            f'<path d="{_sector(arc.start_deg, arc.end_deg, ring.inner, ring.outer)}" fill="{_fill(arc.state)}" '
            f'stroke="{BACKGROUND}" stroke-width="1.5" data-state="{arc.state}"><title>{escape(arc.title)}</title></path>'
        )
        if arc.marker_deg is not None:
            parts.append(_marker(arc, ring.inner, ring.outer))
    parts.append(
        f'<circle cx="{LAYOUT.cx}" cy="{LAYOUT.cy}" r="{inner * LAYOUT.radius - 12:.1f}" fill="#FFFFFF" stroke="{RULE}"/>'
    )
    if picture.hand_deg is not None:
        x1, y1 = LAYOUT.point(picture.hand_deg, inner - HAND_BACK)
        x2, y2 = LAYOUT.point(picture.hand_deg, HAND_END)
        parts.append(
            f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" stroke="{INK}" stroke-width="5" '
            'stroke-linecap="round"/>'
        )
        parts.append(f'<circle cx="{x1:.1f}" cy="{y1:.1f}" r="8" fill="{INK}"/>')
        parts.append(_text(LAYOUT.cx, LAYOUT.cy + 34, picture.today_label, size=18, fill=MUTED))
    if picture.view == "nation":
        for ring in picture.rings:
            x, y = LAYOUT.point(0, (ring.inner + ring.outer) / 2)
            side = (6, "start") if picture.ring_labels_right else (-6, "end")
            parts.append(_text(x + side[0], y, ring.label, size=RING_PX, anchor=side[1]))
    else:
        for arc in picture.arcs:
            x, y = LAYOUT.point(arc.label_deg, arc.label_r)
            parts.append(_label(x, y, arc.label))
    parts.append(_text(LAYOUT.cx, LAYOUT.cy - 18, str(picture.year), size=44, weight="bold"))
    return parts


def _marker(arc: Arc, inner: float, outer: float) -> str:
    assert arc.marker_deg is not None
    x, y = LAYOUT.point(arc.marker_deg, outer)
    if arc.marker_planned:
        return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="7" fill="{INK}" stroke="#FFFFFF" stroke-width="2"/>'
    x1, y1 = LAYOUT.point(arc.marker_deg, inner)
    return f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x:.1f}" y2="{y:.1f}" stroke="{INK}" stroke-width="3"/>'


def _label(x: float, y: float, text: str) -> str:
    """The label's white box is the one the geometry placed (bot/shown/wheel_labels.py), scaled to pixels."""
    width, height = (side * LAYOUT.radius for side in label_size(text))
    return (
        f'<rect x="{x - width / 2:.1f}" y="{y - height / 2:.1f}" width="{width:.1f}" height="{height:.1f}" rx="6" '
        f'fill="#FFFFFF"/>' + _text(x, y + 1, text, size=LABEL_PX)
    )


def _heat_map(picture: WheelPicture) -> list[str]:
    parts: list[str] = []
    rows = len(picture.rows)
    for col, mark in enumerate(picture.months):
        x1, y1, x2, _ = GRID.cell(row=0, col=col, rows=rows)
        parts.append(_text((x1 + x2) / 2, y1 - 22, mark.name[:3], size=17, weight="bold"))
    for row, label in enumerate(picture.rows):
        _, y1, _, y2 = GRID.cell(row=row, col=0, rows=rows)
        parts.append(_text(GRID.left - 12, (y1 + y2) / 2, label, size=16, anchor="end"))
    for cell in picture.cells:
        x1, y1, x2, y2 = GRID.cell(row=cell.row, col=cell.col, rows=rows)
        fill = _fill(cell.state) if cell.state else "#FFFFFF"
        parts.append(
            f'<rect x="{x1 + 2:.1f}" y="{y1 + 2:.1f}" width="{x2 - x1 - 4:.1f}" height="{y2 - y1 - 4:.1f}" '
            f'fill="{fill}" stroke="{RULE}" data-state="{cell.state or "none"}"/>'
        )
        if cell.state:
            colour = TEXT_ON[cell.state]
            text = f"{STATE_SYMBOLS[cell.state]} {cell.count}"
            parts.append(_text((x1 + x2) / 2, (y1 + y2) / 2, text, size=16, weight="bold", fill=colour))
    return parts


def _legend(picture: WheelPicture) -> list[str]:
    parts: list[str] = []
    for (x, y), entry in zip(legend_slots(picture), picture.legend, strict=False):
        parts.append(f'<rect x="{x:.1f}" y="{y - 14:.1f}" width="44" height="28" rx="4" fill="{_fill(entry.state)}"/>')
        parts.append(_text(x + 22, y, entry.symbol, size=17, weight="bold", fill=TEXT_ON[entry.state]))
        parts.append(_text(x + 56, y, entry.label, size=LEGEND_PX, anchor="start"))
    if picture.view != "heatmap":
        x, y = legend_slots(picture)[-1]
        parts.append(f'<circle cx="{x + 22}" cy="{y:.1f}" r="7" fill="{INK}"/>')
        parts.append(_text(x + 56, y, picture.marker_label, size=LEGEND_PX, anchor="start"))
    return parts
