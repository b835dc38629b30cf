"""The wheel as a picture, as neutral geometry: months, rings, arcs, states, labels, legend and today's hand.

Computed once here from the configuration and the state; the SVG and PNG renderers under adapters/web only
scale and paint it. Angles are degrees clockwise from twelve o'clock (1 January at the top); radii are
fractions of the wheel's outer radius, so a renderer picks its own size.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Literal

from bot.config import AppConfig
from bot.date_text import month_name
from bot.facts.item_state import item_state
from bot.i18n import DEFAULT_LANG, LANGS, N_, _, using
from bot.messages import ItemState
from bot.progress import progress_of
from bot.state import StateStore
from bot.wheel import Item, cycle_items, precondition_items, regional_milestones
from bot.wheel_labels import Slot, hub_boxes, month_box, month_radius, place_labels

logger = logging.getLogger(__name__)

State = Literal["done", "planned", "open", "overdue", "untracked"]
View = Literal["region", "nation", "heatmap"]
VIEWS: tuple[View, ...] = ("region", "nation", "heatmap")

STATE_ORDER: tuple[State, ...] = ("overdue", "open", "planned", "done", "untracked")
"""Worst first: a combined arc or a heat-map cell shows the worst state among its items."""

STATE_LABELS: Mapping[State, str] = {
    "done": N_("Ferdig"),
    "planned": N_("Planlagt (dato satt)"),
    "open": N_("Åpen (ingen dato ennå)"),
    "overdue": N_("På overtid"),
    "untracked": N_("Før boten (ikke fulgt opp)"),
}
STATE_SYMBOLS: Mapping[State, str] = {"done": "✓", "planned": "●", "open": "○", "overdue": "!", "untracked": "–"}
"""A symbol per state, drawn with every label, so nothing is told by colour alone."""

INNER = 0.30
"""The hub: rings are laid out between INNER and 1.0 of the outer radius."""


@dataclass(frozen=True)
class MonthMark:
    name: str
    start_deg: float
    mid_deg: float
    name_r: float
    """How far out the name's centre sits: its whole box outside the rings (bot/wheel_labels.py)."""


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
    marker_label: str = field(default_factory=lambda: _("Planlagt dato · strek = frist"))
    """The key to the planned-date dot, in the written form the picture was built in."""

    @property
    def alt(self) -> str:
        """A text alternative: the title and how many items stand in each state."""
        counts = [f"{_(STATE_LABELS[s]).lower()}: {n}" for s in STATE_ORDER if (n := self.count(s))]
        return f"{self.title}. {self.subtitle}. " + "; ".join(counts)

    def count(self, state: State) -> int:
        if self.view == "heatmap":
            return sum(cell.count for cell in self.cells if cell.state == state)
        return sum(1 for arc in self.arcs if arc.state == state)


def angle(day: date) -> float:
    """Where a day sits on its year's wheel: the middle of the day, clockwise from 1 January at the top."""
    first = date(day.year, 1, 1)
    length = (date(day.year + 1, 1, 1) - first).days
    return ((day - first).days + 0.5) / length * 360.0


def _span(day: date, *, end: bool) -> float:
    """The start or the end edge of a day on the wheel."""
    first = date(day.year, 1, 1)
    length = (date(day.year + 1, 1, 1) - first).days
    return ((day - first).days + (1 if end else 0)) / length * 360.0


def month_marks(year: int) -> tuple[MonthMark, ...]:
    marks = []
    for month in range(1, 13):
        start = _span(date(year, month, 1), end=False)
        end = _span(date(year + (month == 12), month % 12 + 1, 1), end=False) if month < 12 else 360.0
        name, mid = month_name(month).capitalize(), (start + end) / 2
        marks.append(MonthMark(name=name, start_deg=start, mid_deg=mid, name_r=month_radius(mid, name)))
    return tuple(marks)


PICTURE_STATES: Mapping[ItemState, State] = {
    ItemState.DONE: "done",
    ItemState.NOT_RELEVANT: "done",
    ItemState.OVERDUE: "overdue",
    ItemState.PLANNED: "planned",
    ItemState.DUE: "open",
    ItemState.OPEN: "open",
    ItemState.NOT_OPEN: "open",
    ItemState.UNTRACKED: "untracked",
}
"""The picture's and the status pages' five states, from the one item state (`bot.facts.item_state`)."""


def state_of(*, config: AppConfig, state: StateStore, item: Item, today: date) -> tuple[State, date | None]:
    """An item's state on the picture, and its planned day (None when no date is set)."""
    progress = progress_of(config=config, state=state, item=item)
    planned = progress.planned.date() if progress.planned else None
    return PICTURE_STATES[item_state(config=config, progress=progress, today=today)], planned


def placed(item: Item) -> date:
    """Where an item sits on the wheel: its suggested month inside its window, otherwise its deadline.

    The draft of agreement A+1 is treated in December A (deadline January A+1): it belongs in year A.
    """
    month = item.spec.suggested_month if item.kind == "milestone" else None
    if month:
        for year in range(item.start.year, item.deadline.year + 1):
            first = date(year, month, 1)
            if item.start <= first <= item.deadline or (first.year, first.month) == (item.start.year, item.start.month):
                return max(first, item.start)
    return item.deadline


def year_items(config: AppConfig, *, year: int, region: str | None) -> list[Item]:
    """The items of cycles `year` and `year`+1 whose window touches calendar year `year` (the autumn work on
    next year's agreement is part of this year's wheel)."""
    first, last = date(year, 1, 1), date(year, 12, 31)
    return [
        item
        for cycle in (year, year + 1)
        for item in cycle_items(config, year=cycle, region=region)
        if item.deadline >= first and item.start <= last
    ]


def _worst(states: list[State]) -> State:
    return min(states, key=STATE_ORDER.index)


def _legend() -> tuple[LegendEntry, ...]:
    return tuple(LegendEntry(state=s, label=_(STATE_LABELS[s]), symbol=STATE_SYMBOLS[s]) for s in STATE_ORDER)


def _hand(year: int, today: date) -> float | None:
    return angle(today) if today.year == year else None


def region_wheel(*, config: AppConfig, state: StateStore, region: str, year: int, today: date) -> WheelPicture:
    """One region's year: every milestone and precondition as an arc over its window (clipped to the year),
    packed into as few rings as let no two arcs overlap. Per-actor letters share one arc (worst state)."""
    first, last = date(year, 1, 1), date(year, 12, 31)
    groups: dict[tuple[str, int], list[Item]] = {}
    for item in year_items(config, year=year, region=region):
        groups.setdefault((item.key, item.year), []).append(item)
    drafts: list[tuple[date, date, Arc]] = []
    for (_key, cycle), items in groups.items():
        head = items[0]
        states = [state_of(config=config, state=state, item=item, today=today) for item in items]
        worst = _worst([s for s, _ in states])
        start, end = max(head.start, first), min(head.deadline, last)
        planned = next((p for _, p in states if p and first <= p <= last), None)
        marker = planned or (head.deadline if head.deadline <= last else None)
        label = head.spec.label or head.spec.name
        if len(items) > 1:
            label += f" {sum(s == 'done' for s, _ in states)}/{len(items)}"
        if cycle != year:
            label += f" ({cycle})"
        title = head.title() if len(items) == 1 else f"{head.spec.name} " + _("(avtale {year})").format(year=cycle)
        drafts.append(
            (
                start,
                end,
                Arc(
                    ring=0,
                    start_deg=_span(start, end=False),
                    end_deg=_span(end, end=True),
                    state=worst,
                    label=f"{STATE_SYMBOLS[worst]} {label}",
                    title=f"{title}: {_(STATE_LABELS[worst]).lower()}",
                    marker_deg=angle(marker) if marker else None,
                    marker_planned=planned is not None,
                ),
            )
        )
    lanes: list[date] = []
    arcs: list[Arc] = []
    for start, end, arc in sorted(drafts, key=lambda d: (d[0], -(d[1] - d[0]).days, d[2].label)):
        lane = next((i for i, busy_until in enumerate(lanes) if busy_until < start), None)
        if lane is None:
            lanes.append(end)
            lane = len(lanes) - 1
        lanes[lane] = end
        arcs.append(replace(arc, ring=lane))
    rings = _rings([""] * max(1, len(lanes)))
    marks, hand = month_marks(year), _hand(year, today)
    today_label = _("I dag {day}.{month}.").format(day=today.day, month=today.month)
    return WheelPicture(
        view="region",
        title=_("Årshjulet {year} – {party}").format(year=year, party=config.party_name(region)),
        subtitle=_("Samhandlingsmodellen: milepæler og forutsetninger over sine vinduer"),
        year=year,
        months=marks,
        rings=rings,
        arcs=_labelled(arcs, rings=rings, marks=marks, year=year, today_label=today_label if hand is not None else ""),
        hand_deg=hand,
        today_label=today_label,
        legend=_legend(),
    )


def _labelled(
    arcs: list[Arc], *, rings: tuple[Ring, ...], marks: tuple[MonthMark, ...], year: int, today_label: str
) -> tuple[Arc, ...]:
    """The arcs with their labels placed so that none covers another, a month name or the hub's text."""
    slots = [Slot(arc.start_deg, arc.end_deg, rings[arc.ring].inner, rings[arc.ring].outer, arc.label) for arc in arcs]
    taken = [month_box(mark.mid_deg, mark.name_r, mark.name) for mark in marks]
    taken += hub_boxes(year=str(year), today=today_label)
    places = place_labels(slots, taken=taken)
    return tuple(replace(arc, label_deg=deg, label_r=r) for arc, (deg, r) in zip(arcs, places, strict=True))


def _rings(labels: list[str]) -> tuple[Ring, ...]:
    width = (1.0 - INNER) / len(labels)
    return tuple(
        Ring(label=label, inner=INNER + i * width + width * 0.06, outer=INNER + (i + 1) * width - width * 0.06)
        for i, label in enumerate(labels)
    )


def _region_rows(config: AppConfig, *, year: int) -> list[tuple[str, list[Item]]]:
    """The nation's rows: the national items (with every actor's letter), then each region's own."""
    first, last = date(year, 1, 1), date(year, 12, 31)
    rows = [(_("Nasjonalt"), year_items(config, year=year, region=None))]
    for spec in config.parties.regions:
        own = [
            item
            for cycle in (year, year + 1)
            for item in regional_milestones(config, year=cycle, region=spec.key)
            + [i for i in precondition_items(config, year=cycle, region=spec.key) if i.region]
            if item.deadline >= first and item.start <= last
        ]
        rows.append((spec.short, own))
    return rows


def nation_wheel(*, config: AppConfig, state: StateStore, year: int, today: date) -> WheelPicture:
    """Every region as a ring (the national items innermost): each item a short arc in the month where it
    sits (its suggested month or its deadline), items of the same month sharing that month's arc."""
    rows = _region_rows(config, year=year)
    rings = _rings([label for label, _ in rows])
    marks = month_marks(year)
    arcs: list[Arc] = []
    for ring, (_name, items) in enumerate(rows):
        slots: dict[int, list[tuple[Item, State]]] = {}
        for item in items:
            where = placed(item)
            if where.year != year:
                where = min(max(where, date(year, 1, 1)), date(year, 12, 31))
            item_state, _planned = state_of(config=config, state=state, item=item, today=today)
            slots.setdefault(where.month, []).append((item, item_state))
        for month, entries in slots.items():
            start = marks[month - 1].start_deg
            end = marks[month].start_deg if month < 12 else 360.0
            step = (end - start) / len(entries)
            for index, (item, item_state) in enumerate(sorted(entries, key=lambda e: e[0].deadline)):
                arcs.append(
                    Arc(
                        ring=ring,
                        start_deg=start + index * step,
                        end_deg=start + (index + 1) * step,
                        state=item_state,
                        label=STATE_SYMBOLS[item_state],
                        title=f"{rows[ring][0]}: {item.title()}: {_(STATE_LABELS[item_state]).lower()}",
                        marker_deg=None,
                        marker_planned=False,
                    )
                )
    return WheelPicture(
        view="nation",
        title=_("Årshjulet {year} – alle regioner").format(year=year),
        subtitle=_("Én ring per region, nasjonalt innerst; hvert punkt i måneden det hører til"),
        year=year,
        months=marks,
        rings=rings,
        arcs=tuple(arcs),
        hand_deg=_hand(year, today),
        today_label=_("I dag {day}.{month}.").format(day=today.day, month=today.month),
        legend=_legend(),
    )


def heat_map(*, config: AppConfig, state: StateStore, year: int, today: date) -> WheelPicture:
    """Month by region: each cell the worst state of the items that sit in that month, with their count."""
    rows = _region_rows(config, year=year)
    cells: list[HeatCell] = []
    for row, (_name, items) in enumerate(rows):
        by_month: dict[int, list[State]] = {}
        for item in items:
            where = placed(item)
            month = where.month if where.year == year else (1 if where.year < year else 12)
            by_month.setdefault(month, []).append(state_of(config=config, state=state, item=item, today=today)[0])
        for col in range(12):
            states = by_month.get(col + 1, [])
            cells.append(HeatCell(row=row, col=col, state=_worst(states) if states else None, count=len(states)))
    return WheelPicture(
        view="heatmap",
        title=_("Årshjulet {year} – måned for måned per region").format(year=year),
        subtitle=_("Hver rute viser den verste tilstanden blant punktene den måneden, og hvor mange de er"),
        year=year,
        months=month_marks(year),
        rings=(),
        arcs=(),
        hand_deg=None,
        today_label=_("I dag {day}.{month}.").format(day=today.day, month=today.month) if today.year == year else "",
        legend=_legend(),
        rows=tuple(label for label, _ in rows),
        cells=tuple(cells),
    )


def build_picture(
    *, config: AppConfig, state: StateStore, params: Mapping[str, str], today: date
) -> WheelPicture | None:
    """The picture a `Picture`'s params ask for, or None when they name nothing we know (a forged link).
    Its labels are in the written form the params name (`lang`, the reader's when the reply was built)."""
    lang = params.get("lang")
    with using(lang if lang in LANGS else DEFAULT_LANG):
        return _build(config=config, state=state, params=params, today=today)


def _build(*, config: AppConfig, state: StateStore, params: Mapping[str, str], today: date) -> WheelPicture | None:
    view = params.get("view", "")
    try:
        year = int(params.get("year", ""))
    except ValueError:
        return None
    if not 2000 <= year <= 2100 or view not in VIEWS:
        return None
    snapshot = state.snapshot()
    if view == "region":
        region = params.get("region", "")
        if config.region(region) is None:
            return None
        return region_wheel(config=config, state=snapshot, region=region, year=year, today=today)
    if view == "nation":
        return nation_wheel(config=config, state=snapshot, year=year, today=today)
    return heat_map(config=config, state=snapshot, year=year, today=today)
