"""What the SVG and PNG renderers share: the colour-blind-safe palette and the canvas layout.

Colours are from the Okabe–Ito palette, and every state also has a symbol (and overdue a hatch), so the
wheel reads the same to people who cannot tell the colours apart and in black and white.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from bot.shown.states import State
from bot.shown.wheel_geometry import WheelPicture
from bot.shown.wheel_labels import LABEL_TEXT, MONTH_TEXT, RING_TEXT, text_width

SIZE = 1200
"""The canvas is square: the PNG is SIZE × SIZE pixels, the SVG's viewBox the same."""

FILL: dict[State, str] = {
    "done": "#009E73",  # bluish green
    "not_relevant": "#CC79A7",  # reddish purple: set aside, not done
    "planned": "#0072B2",  # blue
    "minutes_missing": "#56B4E9",  # sky blue: the planned day has passed, the minutes are missing
    "open": "#E69F00",  # orange
    "overdue": "#D55E00",  # vermillion, hatched
    "untracked": "#BBBBBB",  # grey
}
TEXT_ON: dict[State, str] = {
    "done": "#000000",
    "not_relevant": "#000000",
    "planned": "#FFFFFF",
    "minutes_missing": "#000000",
    "open": "#000000",
    "overdue": "#000000",
    "untracked": "#000000",
}
INK = "#1A1A1A"
MUTED = "#595959"
TRACK = "#EEEEEE"
RULE = "#C8C8C8"
BACKGROUND = "#FFFFFF"
FONT_FAMILY = "DejaVu Sans, Verdana, Arial, sans-serif"

TITLE_Y = 44
SUBTITLE_Y = 80
LEGEND_TOP = SIZE - 112


@dataclass(frozen=True)
class Layout:
    """Pixel geometry of the round views on a SIZE canvas."""

    cx: float = SIZE / 2
    cy: float = 596.0
    radius: float = 430.0

    def point(self, deg: float, fraction: float) -> tuple[float, float]:
        """A point at `deg` (clockwise from twelve o'clock) and `fraction` of the outer radius."""
        rad = math.radians(deg - 90.0)
        r = fraction * self.radius
        return self.cx + r * math.cos(rad), self.cy + r * math.sin(rad)


LAYOUT = Layout()

LABEL_PX = round(LABEL_TEXT * LAYOUT.radius)
MONTH_PX = round(MONTH_TEXT * LAYOUT.radius)
RING_PX = round(RING_TEXT * LAYOUT.radius)
"""Font sizes in pixels, from the geometry's (fractions of the radius), so the boxes it placed hold the text."""


@dataclass(frozen=True)
class Grid:
    """Pixel geometry of the heat map: a label column, then twelve month columns."""

    left: float = 190.0
    top: float = 150.0
    right: float = SIZE - 30.0
    bottom: float = LEGEND_TOP - 30.0

    def cell(self, *, row: int, col: int, rows: int) -> tuple[float, float, float, float]:
        width = (self.right - self.left) / 12
        height = (self.bottom - self.top) / max(1, rows)
        x = self.left + col * width
        y = self.top + row * height
        return x, y, x + width, y + height


GRID = Grid()


LEGEND_PX = 18
"""The legend's font size; an entry is a 44 px swatch, its label from x + 56, then LEGEND_GAP."""
LEGEND_GAP = 34


def legend_slots(picture: WheelPicture) -> list[tuple[float, float]]:
    """Where the legend's entries go, one after another, on as many lines as they need (three for the seven
    states and the key to the planned-date dot): one slot per state, then, on the wheels, one for that key."""
    labels = [entry.label for entry in picture.legend]
    if picture.view != "heatmap":
        labels.append(picture.marker_label)
    slots: list[tuple[float, float]] = []
    x, line = 60.0, 0
    for label in labels:
        width = 56 + text_width(label, size=LEGEND_PX) + LEGEND_GAP
        if x > 60 and x + width > SIZE - 30:
            x, line = 60.0, line + 1
        slots.append((x, LEGEND_TOP + 14 + line * 34))  # three lines fit: seven states and the dot
        x += width
    return slots
