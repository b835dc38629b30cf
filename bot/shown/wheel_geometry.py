"""The wheel picture's geometry as neutral data (months, rings, arcs, heat-map cells, legend) and where a
day sits on the wheel. Built by `bot.shown.wheel_picture`; adapters/web only scales and paints it. Angles are
degrees clockwise from twelve o'clock (1 January at the top); radii are fractions of the outer radius."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

from bot.dates.text import month_name
from bot.i18n import _
from bot.shown.states import STATE_LABELS, STATE_ORDER, State
from bot.shown.wheel_labels import month_radius

logger = logging.getLogger(__name__)

View = Literal["region", "nation", "heatmap"]
VIEWS: tuple[View, ...] = ("region", "nation", "heatmap")

INNER = 0.30
"""The hub: rings are laid out between INNER and 1.0 of the outer radius."""


@dataclass(frozen=True)
class MonthMark:
    name: str
    start_deg: float
    mid_deg: float
    name_r: float
    """How far out the name's centre sits: its whole box outside the rings (bot/shown/wheel_labels.py)."""


@dataclass(frozen=True)
class Ring:
    label: str
    inner: float
    outer: float


@dataclass(frozen=True)
class Arc:
    ring: int
    start_deg: float
    end_deg: float
    state: State
    label: str
    """Short text drawn on the arc, with the state's symbol in front."""
    title: str
    """The full name, for tooltips and the text alternative."""
    marker_deg: float | None
    """The planned date (or, without one, the deadline) marked on the arc."""
    marker_planned: bool
    label_deg: float = 0.0
    label_r: float = 0.0
    """Where the label's centre goes: on its own ring, clear of every other label and the month names."""


@dataclass(frozen=True)
class HeatCell:
    row: int
    col: int
    state: State | None
    count: int


@dataclass(frozen=True)
class LegendEntry:
    state: State
    label: str
    symbol: str


@dataclass(frozen=True)
class WheelPicture:
    view: View
    title: str
    subtitle: str
    year: int
    months: tuple[MonthMark, ...]
    rings: tuple[Ring, ...]
    arcs: tuple[Arc, ...]
    hand_deg: float | None
    today_label: str
    legend: tuple[LegendEntry, ...]
    rows: tuple[str, ...] = ()
    cells: tuple[HeatCell, ...] = ()
    ring_labels_right: bool = False
    """The nation view's ring names go right of twelve o'clock (late in the year, where today's hand is
    left of it and would cross them)."""
    marker_label: str = field(default_factory=lambda: _("Planlagt dato · strek = frist"))
    """The key to the planned-date dot, in the written form the picture was built in."""
    cycle: int | None = None
    """The cycle the page's tables count, when it is shown beside them (a region's status page)."""
    cycle_counts: tuple[tuple[State, int], ...] = ()
    """How many of that cycle's items stand in each state, as its table counts them: the wheel counts its
    calendar year's arcs, so the text says both (walk 19 F5, walk 22 N4)."""

    @property
    def alt(self) -> str:
        """A text alternative: the title and how many items stand in each state."""
        counts = "; ".join(f"{_(STATE_LABELS[s]).lower()}: {n}" for s in STATE_ORDER if (n := self.count(s)))
        if self.cycle is None:
            return f"{self.title}. {self.subtitle}. " + counts
        by_cycle = "; ".join(f"{_(STATE_LABELS[s]).lower()}: {n}" for s, n in self.cycle_counts)
        return (
            f"{self.title}. {self.subtitle}. "
            + _("På hjulet, kalenderåret {year}: {counts}.").format(year=self.year, counts=counts)
            + " "
            + _("I syklus {cycle}, som tabellene teller: {counts}.").format(cycle=self.cycle, counts=by_cycle)
        )

    def count(self, state: State) -> int:
        if self.view == "heatmap":
            return sum(cell.count for cell in self.cells if cell.state == state)
        return sum(1 for arc in self.arcs if arc.state == state)


def angle(day: date) -> float:
    """Where a day sits on its year's wheel: the middle of the day, clockwise from 1 January at the top."""
    first = date(day.year, 1, 1)
    length = (date(day.year + 1, 1, 1) - first).days
    return ((day - first).days + 0.5) / length * 360.0


def span(day: date, *, end: bool) -> float:
    """The start or the end edge of a day on the wheel."""
    first = date(day.year, 1, 1)
    length = (date(day.year + 1, 1, 1) - first).days
    return ((day - first).days + (1 if end else 0)) / length * 360.0


def month_marks(year: int) -> tuple[MonthMark, ...]:
    marks = []
    for month in range(1, 13):
        start = span(date(year, month, 1), end=False)
        end = span(date(year + (month == 12), month % 12 + 1, 1), end=False) if month < 12 else 360.0
        name, mid = month_name(month).capitalize(), (start + end) / 2
        marks.append(MonthMark(name=name, start_deg=start, mid_deg=mid, name_r=month_radius(mid, name)))
    return tuple(marks)
