"""The wheel as a picture: which arcs, in which states, with which labels, for a region's year, the nation's
or the heat map, built once here from the configuration and the state (`build_picture`).

The shapes it is made of are `bot.shown.wheel_geometry` (angles, rings, arcs: neutral data the SVG and PNG
renderers under adapters/web only scale and paint); the six states it shows are `bot.shown.states`.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import replace
from datetime import date

from bot.i18n import DEFAULT_LANG, LANGS, _, using
from bot.model.config import AppConfig
from bot.model.progress import progress_of
from bot.model.wheel import Item, cycle_items, precondition_items, regional_milestones
from bot.shown.states import (
    STATE_LABELS,
    STATE_ORDER,
    STATE_SYMBOLS,
    State,
    optional_past_words,
    signed_share,
    state_of,
)
from bot.shown.wheel_carried import carried, carried_earlier, carried_span
from bot.shown.wheel_geometry import (
    INNER,
    VIEWS,
    Arc,
    HeatCell,
    LegendEntry,
    MonthMark,
    Ring,
    WheelPicture,
    angle,
    month_marks,
    span,
)
from bot.shown.wheel_labels import Slot, dot_box, hand_boxes, hub_boxes, month_box, place_labels, ring_labels_right
from bot.state.store import StateStore

logger = logging.getLogger(__name__)


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


def marked_day(states: list[tuple[State, date | None]], *, year: int) -> date | None:
    """The planned (or held) day a group's dot marks in calendar year `year`, or None: the picture draws it,
    and the text wheel lists the line under its month (walk 17 F-f), one rule for both."""
    return next((day for _state, day in states if day and day.year == year), None)


def in_year(item: Item, *, year: int) -> bool:
    """Whether `item`'s window touches calendar year `year`: the picture draws it as an arc, and the text wheel
    lists it, one rule for both (walk 35 F6: «Tildelingsbrev 0/4 (2028)» drawn in December, not listed)."""
    return item.deadline >= date(year, 1, 1) and item.start <= date(year, 12, 31)


def month_in(item: Item, *, year: int) -> int:
    """The month of calendar year `year` an item's line stands under: where it sits (`placed`), kept inside the
    year, so a window that runs on into next year («Tildelingsbrev», 1 December–31 January) is December's."""
    return min(max(placed(item), date(year, 1, 1)), date(year, 12, 31)).month


def year_items(config: AppConfig, *, year: int, region: str | None) -> list[Item]:
    """The items of cycles `year` and `year`+1 whose window touches calendar year `year` (the autumn work on
    next year's agreement is part of this year's wheel)."""
    return [
        item
        for cycle in (year, year + 1)
        for item in cycle_items(config, year=cycle, region=region)
        if in_year(item, year=year)
    ]


def shown_items(*, config: AppConfig, state: StateStore, year: int, region: str | None, today: date) -> list[Item]:
    """The items the year's wheel shows for `region` (None: the national ones): the current agreement's
    overdue items carried over from last year, then those whose window touches the year."""
    late = [
        item
        for item in cycle_items(config, year=year, region=region)
        if carried(config=config, state=state, item=item, year=year, today=today)
    ]
    if region is not None:  # and what earlier cycles left that the region's cycle answers for (walk 26 F1)
        late = carried_earlier(config=config, state=state, region=region, year=year, today=today) + late
    return late + year_items(config, year=year, region=region)


def group_mark(
    *, config: AppConfig, state: StateStore, items: list[Item], today: date
) -> tuple[State, str, tuple[int, int] | None]:
    """What the wheel shows for one arc (a milestone, or a precondition over its actors), and the text
    `årshjul` beside it alike (walk 14a F9): the worst state, the count after the label (« 4/4» letters in,
    « 3/5» signed) and the signed share, if any (partly signed reads partly done, as the status page's «2/5
    signert»; none signed yet is open, with no count, until the deadline has passed: an overdue signing says
    «0/5» as `oversikt` and the page say «0/5 signert», walk 25 F5)."""
    states = [state_of(config=config, state=state, item=item, today=today)[0] for item in items]
    worst = _worst(states)
    if len(items) > 1:
        return worst, f" {states.count('done')}/{len(items)}", None
    progress = progress_of(config=config, state=state, item=items[0])
    share = signed_share(config=config, item=items[0], progress=progress, shown=worst)
    counted = share is not None and (share[0] > 0 or worst == "overdue")
    return (worst, f" {share[0]}/{share[1]}", share) if share and counted else (worst, "", None)


def _worst(states: list[State]) -> State:
    return min(states, key=STATE_ORDER.index)


def _arc_words(config: AppConfig, state: StateStore, item: Item, shown: State, today: date) -> str:
    """An arc's state in words: the legend's, or what chat says of an optional item past its deadline."""
    past = shown == "open" and optional_past_words(config=config, state=state, item=item, today=today)
    return (past or _(STATE_LABELS[shown])).lower()


def _legend() -> tuple[LegendEntry, ...]:
    return tuple(LegendEntry(state=s, label=_(STATE_LABELS[s]), symbol=STATE_SYMBOLS[s]) for s in STATE_ORDER)


def legend_text() -> str:
    """The legend as the text beside a picture says it: «✓ Ferdig · ⊘ Ikke aktuelt i år · …»."""
    return " · ".join(f"{entry.symbol} {entry.label}" for entry in _legend())


def _hand(year: int, today: date) -> float | None:
    return angle(today) if today.year == year else None


def region_wheel(
    *, config: AppConfig, state: StateStore, region: str, year: int, today: date, table: int | None = None
) -> WheelPicture:
    """One region's year: every milestone and precondition as an arc over its window (clipped to the year),
    packed into as few rings as let no two arcs overlap. Per-actor letters share one arc (worst state).
    `table`: the cycle the page's tables show, whose items the text counts beside the year's arcs."""
    first, last = date(year, 1, 1), date(year, 12, 31)
    groups: dict[tuple[str, int], list[Item]] = {}
    for item in shown_items(config=config, state=state, year=year, region=region, today=today):
        groups.setdefault((item.key, item.year), []).append(item)
    drafts: list[tuple[date, date, Arc]] = []
    for (_key, cycle), items in groups.items():
        head = items[0]
        states = [state_of(config=config, state=state, item=item, today=today) for item in items]
        worst, count, share = group_mark(config=config, state=state, items=items, today=today)
        start, end = max(head.start, first), min(head.deadline, last)
        if head.deadline < first:
            start, end = carried_span(year=year, today=today)
        planned = marked_day(states, year=year)
        marker = planned or (head.deadline if first <= head.deadline <= last else None)
        label = (head.spec.label or head.spec.name) + count
        if cycle != year:
            label += f" ({cycle})"
        title = head.title() if len(items) == 1 else f"{head.spec.name} " + _("(avtale {year})").format(year=cycle)
        shown = _(STATE_LABELS[worst]).lower()
        past = (
            worst == "open"
            and len(items) == 1
            and optional_past_words(config=config, state=state, item=head, today=today)
        )
        shown = past.lower() if past else shown  # what chat says of it, not «åpen (ingen dato ennå)»
        if head.deadline < first:
            shown = _("På overtid (frist {day})").format(day=head.deadline.strftime("%d.%m.%Y")).lower()
        if share is not None:
            shown += " · " + _("{signed}/{total} signert").format(signed=share[0], total=share[1])
        drafts.append(
            (
                start,
                end,
                Arc(
                    ring=0,
                    start_deg=span(start, end=False),
                    end_deg=span(end, end=True),
                    state=worst,
                    label=f"{STATE_SYMBOLS[worst]} {label}",
                    title=f"{title}: {shown}",
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
        arcs=_labelled(arcs, rings=rings, marks=marks, year=year, today_label=today_label, hand=hand),
        hand_deg=hand,
        today_label=today_label,
        legend=_legend(),
        cycle=table,
        cycle_counts=_cycle_counts(config=config, state=state, region=region, cycle=table, today=today),
    )


def _cycle_counts(
    *, config: AppConfig, state: StateStore, region: str, cycle: int | None, today: date
) -> tuple[tuple[State, int], ...]:
    """How many of the cycle's items (the page's table: `cycle_items`) stand in each state."""
    if cycle is None:
        return ()
    states = [
        state_of(config=config, state=state, item=item, today=today)[0]
        for item in cycle_items(config, year=cycle, region=region)
    ]
    return tuple((shown, n) for shown in STATE_ORDER if (n := states.count(shown)))


def _labelled(
    arcs: list[Arc],
    *,
    rings: tuple[Ring, ...],
    marks: tuple[MonthMark, ...],
    year: int,
    today_label: str,
    hand: float | None,
) -> tuple[Arc, ...]:
    """The arcs with their labels placed so that none covers another, a month name, the hub's text, a
    planned date's dot or (where there is room) today's hand."""
    slots = [Slot(arc.start_deg, arc.end_deg, rings[arc.ring].inner, rings[arc.ring].outer, arc.label) for arc in arcs]
    taken = [month_box(mark.mid_deg, mark.name_r, mark.name) for mark in marks]
    taken += hub_boxes(year=str(year), today=today_label if hand is not None else "")
    if hand is not None:
        taken += hand_boxes(hand, inner=min(ring.inner for ring in rings))
    taken += [
        dot_box(arc.marker_deg, rings[arc.ring].outer)
        for arc in arcs
        if arc.marker_deg is not None and arc.marker_planned
    ]
    places = place_labels(slots, taken=taken)
    return tuple(replace(arc, label_deg=deg, label_r=r) for arc, (deg, r) in zip(arcs, places, strict=True))


def _rings(labels: list[str]) -> tuple[Ring, ...]:
    width = (1.0 - INNER) / len(labels)
    return tuple(
        Ring(label=label, inner=INNER + i * width + width * 0.06, outer=INNER + (i + 1) * width - width * 0.06)
        for i, label in enumerate(labels)
    )


def _region_rows(*, config: AppConfig, state: StateStore, year: int, today: date) -> list[tuple[str, list[Item]]]:
    """The nation's rows: the national items (with every actor's letter), then each region's own; each with
    the current agreement's overdue items carried over from last year (`carried`)."""
    rows = [(_("Nasjonalt"), shown_items(config=config, state=state, year=year, region=None, today=today))]
    for spec in config.parties.regions:
        own = [
            item
            for cycle in (year, year + 1)
            for item in regional_milestones(config, year=cycle, region=spec.key)
            + [i for i in precondition_items(config, year=cycle, region=spec.key) if i.region]
            if in_year(item, year=year) or carried(config=config, state=state, item=item, year=year, today=today)
        ]
        earlier = carried_earlier(config=config, state=state, region=spec.key, year=year, today=today)
        rows.append((spec.short, [item for item in earlier if item.region == spec.key] + own))
    return rows


def nation_wheel(*, config: AppConfig, state: StateStore, year: int, today: date) -> WheelPicture:
    """Every region as a ring (the national items innermost): each item a short arc in the month where it
    sits (its suggested month or its deadline), items of the same month sharing that month's arc."""
    rows = _region_rows(config=config, state=state, year=year, today=today)
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
                        title=f"{rows[ring][0]}: {item.title()}: {_arc_words(config, state, item, item_state, today)}",
                        marker_deg=None,
                        marker_planned=False,
                    )
                )
    hand = _hand(year, today)
    names = [((ring.inner + ring.outer) / 2, ring.label) for ring in rings]
    return WheelPicture(
        view="nation",
        title=_("Årshjulet {year} – alle regioner").format(year=year),
        subtitle=_("Én ring per region, nasjonalt innerst; hvert punkt i måneden det hører til"),
        year=year,
        months=marks,
        rings=rings,
        arcs=tuple(arcs),
        hand_deg=hand,
        today_label=_("I dag {day}.{month}.").format(day=today.day, month=today.month),
        legend=_legend(),
        ring_labels_right=ring_labels_right(rings=names, hand=hand, inner=min(ring.inner for ring in rings)),
    )


def heat_map(*, config: AppConfig, state: StateStore, year: int, today: date) -> WheelPicture:
    """Month by region: each cell the worst state of the items that sit in that month, with their count."""
    rows = _region_rows(config=config, state=state, year=year, today=today)
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
