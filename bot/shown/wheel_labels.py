"""Where the wheel's texts go, so none hides another: arc labels, month names and ring names as boxes.

The geometry (bot/shown/wheel_geometry.py, built by bot/shown/wheel_picture.py) is in fractions of the wheel's outer radius, x to the right and y down
from the centre; text sizes are fractions too, and a text's width is estimated from its characters a
little on the generous side of DejaVu Sans (the renderers' font), so a box here holds the drawn text.
A test checks that estimate against the real font (tests/web/test_wheel_labels.py).
"""

from __future__ import annotations

import logging
import math
from collections.abc import Sequence
from dataclasses import dataclass

logger = logging.getLogger(__name__)

LABEL_TEXT = 15 / 430
"""An arc label's font size (a 15 px font on a 430 px wheel)."""
MONTH_TEXT = 19 / 430
"""A month name's font size (bold)."""
RING_TEXT = 12 / 430
"""A ring's name in the nation view."""
YEAR_TEXT = 44 / 430
"""The year in the hub (bold)."""
TODAY_TEXT = 18 / 430
LABEL_PAD = 6 / 430
"""The white box round an arc label: this much each side, half of it above and below."""
MONTH_CLEAR = 1.07
"""Month names stay outside this radius: past the outermost ring (1.0), the month rules and today's hand."""
GAP = 2 / 430
"""Room left between two boxes."""
HAND_BACK = 0.06
"""Today's hand starts this far inside the innermost ring (its dot) ..."""
HAND_END = 1.05
"""... and reaches this far out, past the rings but short of the month names (MONTH_CLEAR)."""
HAND_WIDTH = 5 / 430

_NARROW = set("il.,:;'!|()[]/ jtfr1-–")
_WIDE = set("mwMWÆæ○●✓⊘")


@dataclass(frozen=True)
class Box:
    left: float
    top: float
    right: float
    bottom: float

    @staticmethod
    def around(x: float, y: float, *, width: float, height: float) -> Box:
        return Box(x - width / 2, y - height / 2, x + width / 2, y + height / 2)

    def overlap(self, other: Box) -> float:
        """The area the two boxes share (0 when they only touch or are apart)."""
        dx = min(self.right, other.right) - max(self.left, other.left)
        dy = min(self.bottom, other.bottom) - max(self.top, other.top)
        return dx * dy if dx > 0 and dy > 0 else 0.0

    def grown(self, by: float) -> Box:
        return Box(self.left - by, self.top - by, self.right + by, self.bottom + by)


def point(deg: float, fraction: float) -> tuple[float, float]:
    """A point at `deg` clockwise from twelve o'clock and `fraction` of the outer radius."""
    rad = math.radians(deg - 90.0)
    return fraction * math.cos(rad), fraction * math.sin(rad)


def text_width(text: str, *, size: float, bold: bool = False) -> float:
    """A text's width in DejaVu Sans, estimated per character and rounded up rather than down."""
    ems = sum(0.36 if c in _NARROW else 1.0 if c in _WIDE else 0.76 if c.isupper() else 0.62 for c in text)
    return ems * size * (1.18 if bold else 1.0)


def label_size(text: str) -> tuple[float, float]:
    """The width and height of an arc label's white box."""
    return text_width(text, size=LABEL_TEXT) + 2 * LABEL_PAD, LABEL_TEXT * 1.1 + LABEL_PAD


def label_box(deg: float, radius: float, text: str) -> Box:
    width, height = label_size(text)
    return Box.around(*point(deg, radius), width=width, height=height)


def month_size(name: str) -> tuple[float, float]:
    return text_width(name, size=MONTH_TEXT, bold=True), MONTH_TEXT * 1.05


def month_radius(deg: float, name: str) -> float:
    """How far out a month name's centre sits so that its whole box stays outside MONTH_CLEAR: the clear
    radius plus the box's half-extent towards the centre (wide names at three and nine o'clock go further)."""
    width, height = month_size(name)
    ux, uy = point(deg, 1.0)
    return MONTH_CLEAR + abs(ux) * width / 2 + abs(uy) * height / 2


def month_box(deg: float, radius: float, name: str) -> Box:
    width, height = month_size(name)
    return Box.around(*point(deg, radius), width=width, height=height)


def ring_label_box(radius: float, text: str, *, right: bool = False) -> Box:
    """A ring's name in the nation view: just left of twelve o'clock on its ring, right-aligned, or (`right`,
    when today's hand is there, late in the year) just right of it, left-aligned."""
    x, y = point(0.0, radius)
    width, height = text_width(text, size=RING_TEXT), RING_TEXT * 1.1
    if right:
        return Box(x + 6 / 430, y - height / 2, x + 6 / 430 + width, y + height / 2)
    return Box(x - 6 / 430 - width, y - height / 2, x - 6 / 430, y + height / 2)


def ring_labels_right(*, rings: Sequence[tuple[float, str]], hand: float | None, inner: float) -> bool:
    """Whether the ring names go right of twelve o'clock: only when today's hand would cross them on the left."""
    if hand is None:
        return False
    hand_parts = hand_boxes(hand, inner=inner)
    return any(ring_label_box(r, text).overlap(part) for r, text in rings for part in hand_parts)


def hub_boxes(*, year: str, today: str) -> list[Box]:
    """The year and today's date in the hub, which labels must leave readable."""
    boxes = [Box.around(0.0, -18 / 430, width=text_width(year, size=YEAR_TEXT, bold=True), height=YEAR_TEXT)]
    if today:
        boxes.append(Box.around(0.0, 34 / 430, width=text_width(today, size=TODAY_TEXT), height=TODAY_TEXT * 1.1))
    return boxes


DOT = 9 / 430
"""A planned date's dot: its radius with the white edge round it (the renderers draw 7 + 2 px)."""


def dot_box(deg: float, radius: float) -> Box:
    """A planned date's dot on its ring's outer edge, which no label may hide (walk 6 F9)."""
    return Box.around(*point(deg, radius), width=2 * DOT, height=2 * DOT)


def hand_boxes(deg: float, *, inner: float) -> list[Box]:
    """Today's hand as a row of small boxes along it, so labels are placed off it where there is room (the
    renderers also draw it under the labels, so where there is none it never hides their text)."""
    step = HAND_WIDTH * 2
    count = int((HAND_END - inner + HAND_BACK) / step) + 1
    return [Box.around(*point(deg, inner - HAND_BACK + i * step), width=step, height=step) for i in range(count + 1)]


@dataclass(frozen=True)
class Slot:
    """An arc to label: its span, the ring's band and the text."""

    start_deg: float
    end_deg: float
    inner: float
    outer: float
    text: str


def _slides(steps: int = 16) -> list[float]:
    """Where along an arc to try, as fractions of it: the middle first, then ever further out, both ways,
    down to either end."""
    order = [0.5]
    for k in range(1, steps // 2 + 1):
        order += [0.5 - k / steps, 0.5 + k / steps]
    return order


SLIDES = _slides()


def place_labels(slots: Sequence[Slot], *, taken: Sequence[Box]) -> list[tuple[float, float]]:
    """Each slot's label centre (degrees, radius): at its arc's midpoint on its own ring when that box is
    free, else slid along the arc (and within the ring's band) to the nearest free place; when none is
    free, the place that overlaps least. The shortest arcs choose first, as they have the least room."""
    boxes = [box.grown(GAP) for box in taken]
    placed: list[tuple[float, float]] = [(0.0, 0.0)] * len(slots)
    for index in sorted(range(len(slots)), key=lambda i: (slots[i].end_deg - slots[i].start_deg, i)):
        slot = slots[index]
        _, height = label_size(slot.text)
        middle = (slot.inner + slot.outer) / 2
        leeway = max(0.0, (slot.outer - slot.inner - height) / 2)
        radii = (middle, middle + leeway, middle - leeway) if leeway else (middle,)
        best: tuple[float, float, float, Box] | None = None
        for fraction in SLIDES:
            deg = slot.start_deg + (slot.end_deg - slot.start_deg) * fraction
            for radius in radii:
                box = label_box(deg, radius, slot.text)
                cost = sum(box.overlap(other) for other in boxes)
                if best is None or cost < best[0]:
                    best = (cost, deg, radius, box)
                if cost == 0:
                    break
            if best is not None and best[0] == 0:
                break
        assert best is not None
        if best[0] > 0:
            logger.info("wheel label %r overlaps another; placed where it overlaps least", slot.text)
        placed[index] = (best[1], best[2])
        boxes.append(best[3].grown(GAP))
    return placed
