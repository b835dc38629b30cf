"""The wheel as a PNG, drawn with Pillow (a small install, no plotting stack) and Debian's DejaVu fonts.

Drawn at twice the size and scaled down, which smooths the arcs' edges; one wheel takes tens of
milliseconds (bench/wheel_bench.py).
"""

from __future__ import annotations

import io
import logging
import math
from functools import lru_cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from bot.shown.states import STATE_SYMBOLS, State
from bot.shown.wheel_geometry import Arc, WheelPicture
from bot.shown.wheel_labels import HAND_BACK, HAND_END

from .style import (
    BACKGROUND,
    FILL,
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

SCALE = 2
FONT_DIRS = (Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/dejavu"))

Font = ImageFont.FreeTypeFont | ImageFont.ImageFont


@lru_cache(maxsize=16)
def _font(size: int, *, bold: bool = False) -> Font:
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    for folder in FONT_DIRS:
        if (folder / name).exists():
            return ImageFont.truetype(str(folder / name), size * SCALE)
    logger.warning("DejaVu fonts not found (apt install fonts-dejavu-core); using Pillow's default font")
    return ImageFont.load_default(size * SCALE)


def render_png(picture: WheelPicture) -> bytes:
    """The picture as PNG bytes, SIZE × SIZE pixels."""
    image = Image.new("RGB", (SIZE * SCALE, SIZE * SCALE), BACKGROUND)
    draw = ImageDraw.Draw(image)
    _text(draw, SIZE / 2, TITLE_Y, picture.title, size=30, bold=True)
    _text(draw, SIZE / 2, SUBTITLE_Y, picture.subtitle, size=17, fill=MUTED)
    if picture.view == "heatmap":
        _heat_map(draw, picture)
    else:
        _wheel(draw, picture)
    _legend(draw, picture)
    out = io.BytesIO()
    image.reduce(SCALE).save(out, format="PNG", compress_level=1)
    return out.getvalue()


def _s(value: float) -> float:
    return value * SCALE


def _text(
    draw: ImageDraw.ImageDraw,
    x: float,
    y: float,
    text: str,
    *,
    size: int,
    bold: bool = False,
    fill: str = INK,
    anchor: str = "mm",
) -> None:
    draw.text((_s(x), _s(y)), text, font=_font(size, bold=bold), fill=fill, anchor=anchor)


def _ring_box(fraction: float) -> tuple[float, float, float, float]:
    r = _s(fraction * LAYOUT.radius)
    cx, cy = _s(LAYOUT.cx), _s(LAYOUT.cy)
    return cx - r, cy - r, cx + r, cy + r


def _band(draw: ImageDraw.ImageDraw, start: float, end: float, inner: float, outer: float, fill: str) -> None:
    """An annular sector: Pillow's arc with a width, angles turned from twelve o'clock to three o'clock."""
    width = max(1, round(_s((outer - inner) * LAYOUT.radius)))
    draw.arc(_ring_box(outer), start - 90.0, end - 90.0, fill=fill, width=width)


def _line(draw: ImageDraw.ImageDraw, deg: float, inner: float, outer: float, *, fill: str, width: float) -> None:
    x1, y1 = LAYOUT.point(deg, inner)
    x2, y2 = LAYOUT.point(deg, outer)
    draw.line((_s(x1), _s(y1), _s(x2), _s(y2)), fill=fill, width=round(_s(width)))


def _hatch(draw: ImageDraw.ImageDraw, start: float, end: float, inner: float, outer: float) -> None:
    """Overdue is striped as well as coloured, so it stands out without colour."""
    step = 360.0 / (2 * math.pi * outer * LAYOUT.radius / 9)
    deg = start + step / 2
    while deg < end:
        _line(draw, deg, inner, outer, fill="#F5C6A8", width=2.5)
        deg += step


def _wheel(draw: ImageDraw.ImageDraw, picture: WheelPicture) -> None:
    for ring in picture.rings:
        _band(draw, 0, 360, ring.inner, ring.outer, TRACK)
    inner = min((ring.inner for ring in picture.rings), default=0.3)
    for mark in picture.months:
        _line(draw, mark.start_deg, inner - 0.02, 1.03, fill=RULE, width=1.5)
        x, y = LAYOUT.point(mark.mid_deg, mark.name_r)
        _text(draw, x, y, mark.name, size=MONTH_PX, bold=True)
    for arc in picture.arcs:
        ring = picture.rings[arc.ring]
        _band(draw, arc.start_deg, arc.end_deg, ring.inner, ring.outer, FILL[arc.state])
        if arc.state == "overdue":
            _hatch(draw, arc.start_deg, arc.end_deg, ring.inner, ring.outer)
        _line(draw, arc.start_deg, ring.inner, ring.outer, fill=BACKGROUND, width=1.5)
        if arc.marker_deg is not None:
            _marker(draw, arc, ring.inner, ring.outer)
    hub = _s(inner * LAYOUT.radius - 12)
    cx, cy = _s(LAYOUT.cx), _s(LAYOUT.cy)
    draw.ellipse((cx - hub, cy - hub, cx + hub, cy + hub), fill="#FFFFFF", outline=RULE, width=SCALE)
    if picture.hand_deg is not None:
        _line(draw, picture.hand_deg, inner - HAND_BACK, HAND_END, fill=INK, width=5)
        x, y = LAYOUT.point(picture.hand_deg, inner - HAND_BACK)
        dot = _s(8)
        draw.ellipse((_s(x) - dot, _s(y) - dot, _s(x) + dot, _s(y) + dot), fill=INK)
        _text(draw, LAYOUT.cx, LAYOUT.cy + 34, picture.today_label, size=18, fill=MUTED)
    if picture.view == "nation":
        for ring in picture.rings:
            x, y = LAYOUT.point(0, (ring.inner + ring.outer) / 2)
            if picture.ring_labels_right:
                _text(draw, x + 6, y, ring.label, size=RING_PX, anchor="lm")
            else:
                _text(draw, x - 6, y, ring.label, size=RING_PX, anchor="rm")
    else:
        for arc in picture.arcs:
            x, y = LAYOUT.point(arc.label_deg, arc.label_r)
            _label(draw, x, y, arc.label)
    _text(draw, LAYOUT.cx, LAYOUT.cy - 18, str(picture.year), size=44, bold=True)


def _marker(draw: ImageDraw.ImageDraw, arc: Arc, inner: float, outer: float) -> None:
    assert arc.marker_deg is not None
    if arc.marker_planned:
        x, y = LAYOUT.point(arc.marker_deg, outer)
        r, edge = _s(7), _s(2)
        draw.ellipse((_s(x) - r - edge, _s(y) - r - edge, _s(x) + r + edge, _s(y) + r + edge), fill="#FFFFFF")
        draw.ellipse((_s(x) - r, _s(y) - r, _s(x) + r, _s(y) + r), fill=INK)
    else:
        _line(draw, arc.marker_deg, inner, outer, fill=INK, width=3)


def _label(draw: ImageDraw.ImageDraw, x: float, y: float, text: str) -> None:
    font = _font(LABEL_PX)
    left, top, right, bottom = draw.textbbox((_s(x), _s(y)), text, font=font, anchor="mm")
    pad = _s(6)
    draw.rounded_rectangle((left - pad, top - pad / 2, right + pad, bottom + pad / 2), radius=pad, fill="#FFFFFF")
    draw.text((_s(x), _s(y)), text, font=font, fill=INK, anchor="mm")


def _heat_map(draw: ImageDraw.ImageDraw, picture: WheelPicture) -> None:
    rows = len(picture.rows)
    for col, mark in enumerate(picture.months):
        x1, y1, x2, _ = GRID.cell(row=0, col=col, rows=rows)
        _text(draw, (x1 + x2) / 2, y1 - 22, mark.name[:3], size=17, bold=True)
    for row, label in enumerate(picture.rows):
        _, y1, _, y2 = GRID.cell(row=row, col=0, rows=rows)
        _text(draw, GRID.left - 12, (y1 + y2) / 2, label, size=16, anchor="rm")
    for cell in picture.cells:
        x1, y1, x2, y2 = GRID.cell(row=cell.row, col=cell.col, rows=rows)
        box = (_s(x1 + 2), _s(y1 + 2), _s(x2 - 2), _s(y2 - 2))
        draw.rectangle(box, fill=FILL[cell.state] if cell.state else "#FFFFFF", outline=RULE, width=SCALE)
        if cell.state == "overdue":
            _hatch_box(draw, box)
            draw.rectangle(box, outline=RULE, width=SCALE)
        if cell.state:
            text = f"{STATE_SYMBOLS[cell.state]} {cell.count}"
            _text(draw, (x1 + x2) / 2, (y1 + y2) / 2, text, size=16, bold=True, fill=TEXT_ON[cell.state])


def _legend(draw: ImageDraw.ImageDraw, picture: WheelPicture) -> None:
    for (x, y), entry in zip(legend_slots(picture), picture.legend, strict=False):
        _swatch(draw, x, y, entry.state)
        _text(draw, x + 22, y, entry.symbol, size=17, bold=True, fill=TEXT_ON[entry.state])
        _text(draw, x + 56, y, entry.label, size=LEGEND_PX, anchor="lm")
    if picture.view != "heatmap":
        x, y = legend_slots(picture)[-1]
        r = _s(7)
        draw.ellipse((_s(x + 22) - r, _s(y) - r, _s(x + 22) + r, _s(y) + r), fill=INK)
        _text(draw, x + 56, y, picture.marker_label, size=LEGEND_PX, anchor="lm")


def _swatch(draw: ImageDraw.ImageDraw, x: float, y: float, state: State) -> None:
    box = (_s(x), _s(y - 14), _s(x + 44), _s(y + 14))
    draw.rounded_rectangle(box, radius=_s(4), fill=FILL[state])
    if state == "overdue":
        _hatch_box(draw, box)


def _hatch_box(draw: ImageDraw.ImageDraw, box: tuple[float, float, float, float]) -> None:
    """Diagonal stripes clipped to a box: each line is x + y = c, cut where it leaves the box."""
    x0, y0, x1, y1 = box
    c = x0 + y0
    while c < x1 + y1:
        left, right = max(x0, c - y1), min(x1, c - y0)
        if left < right:
            draw.line((left, c - left, right, c - right), fill="#F5C6A8", width=SCALE * 2)
        c += 10 * SCALE
