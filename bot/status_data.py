"""What the status pages show, as neutral data: the national overview (every region against every
milestone of a cycle) and one region's cycle, signatures and recent history. adapters/web renders it as
HTML; each cell carries its state as words and a symbol, never as colour alone."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, datetime

from bot.actions.plan import region_plan_period
from bot.config import AppConfig
from bot.facts.kinds import is_signing
from bot.facts.responsible import Wording, who_answers
from bot.i18n import _
from bot.progress import progress_of
from bot.shown_states import STATE_LABELS, STATE_SYMBOLS, State, state_of
from bot.state import StateStore, cycle_partition, entry_summary
from bot.wheel import (
    Item,
    agreement_parties,
    cycle_items,
    national_milestones,
    precondition_items,
    regional_milestones,
)

logger = logging.getLogger(__name__)

HISTORY_SHOWN = 15


@dataclass(frozen=True)
class Cell:
    state: State
    symbol: str
    text: str
    """The state in words, with a date: «Ferdig 12.01.2027», «På overtid (frist 31.01.2027)»."""


@dataclass(frozen=True)
class Row:
    title: str
    cells: tuple[Cell, ...]
    link: str | None = None
    """A region's key, for a link to its page."""


@dataclass(frozen=True)
class NationalPage:
    year: int
    today: date
    columns: tuple[str, ...]
    regions: tuple[Row, ...]
    national: tuple[tuple[str, Cell], ...]
    signed: int


@dataclass(frozen=True)
class ItemLine:
    title: str
    window: str
    responsible: str
    cell: Cell


@dataclass(frozen=True)
class Signature:
    party: str
    status: str


@dataclass(frozen=True)
class HistoryLine:
    at: str
    who: str
    platform: str
    summary: str


@dataclass(frozen=True)
class RegionPage:
    year: int
    today: date
    region: str
    name: str
    plan_period: str | None
    items: tuple[ItemLine, ...]
    signatures: tuple[Signature, ...]
    history: tuple[HistoryLine, ...]


def _day(day: date) -> str:
    return day.strftime("%d.%m.%Y")


def cell_of(*, config: AppConfig, state: StateStore, item: Item, today: date) -> Cell:
    item_state, planned = state_of(config=config, state=state, item=item, today=today)
    progress = progress_of(config=config, state=state, item=item)
    text = _(STATE_LABELS[item_state])
    if progress.not_relevant:
        text = _("Ikke aktuelt i år")  # as `status` and `neste` say it
    elif item_state == "done":
        text = _("Ferdig {day}").format(day=_day(progress.done_at.date())) if progress.done_at else _("Ferdig")
    elif item_state == "overdue":
        text = _("På overtid (frist {day})").format(day=_day(item.deadline))
    elif item_state == "planned" and planned:
        text = _("Planlagt {day}").format(day=_day(planned))
    elif item_state == "open":
        text = _("Åpen, frist {day}").format(day=_day(item.deadline))
    if is_signing(item) and item_state != "done":
        parties = agreement_parties(config, region=item.region)
        text += " · " + _("{signed}/{total} signert").format(
            signed=len(parties) - len(progress.missing), total=len(parties)
        )
    return Cell(state=item_state, symbol=STATE_SYMBOLS[item_state], text=text)


def _label(item: Item) -> str:
    label = item.spec.label or item.spec.name
    return f"{label} {item.actor}" if item.actor else label


def national_page(*, config: AppConfig, state: StateStore, year: int, today: date) -> NationalPage:
    snapshot = state.snapshot()
    rows = []
    columns: tuple[str, ...] = ()
    signed = 0
    for region in config.parties.regions:
        items = regional_milestones(config, year=year, region=region.key)
        items += [item for item in precondition_items(config, year=year, region=region.key) if item.region]
        columns = tuple(_label(item) for item in items)
        cells = tuple(cell_of(config=config, state=snapshot, item=item, today=today) for item in items)
        signed += any(is_signing(item) and cell.state == "done" for item, cell in zip(items, cells, strict=True))
        rows.append(Row(title=region.short, cells=cells, link=region.key))
    shared = national_milestones(config, year=year) + precondition_items(config, year=year, region=None)
    national = tuple((_label(item), cell_of(config=config, state=snapshot, item=item, today=today)) for item in shared)
    return NationalPage(year=year, today=today, columns=columns, regions=tuple(rows), national=national, signed=signed)


def region_page(*, config: AppConfig, state: StateStore, region: str, year: int, today: date) -> RegionPage:
    snapshot = state.snapshot()
    spec = config.region(region)
    assert spec is not None
    items = tuple(
        ItemLine(
            title=item.title(),
            window=f"{_day(item.start)}–{_day(item.deadline)}",
            responsible=who_answers(config=config, item=item, wording=Wording.SHORT),
            cell=cell_of(config=config, state=snapshot, item=item, today=today),
        )
        for item in cycle_items(config, year=year, region=region)
    )
    signatures = snapshot.signatures(region=region, year=year)
    signature_lines = []
    for party in agreement_parties(config, region=region):
        sig = signatures.get(party)
        if sig:
            when = _when(sig.get("at"))
            who = sig.get("name") or sig.get("person") or _("ukjent")
            status = (
                "✓ " + _("Signert av {who} {when}").format(who=who, when=when) + f" ({sig.get('platform', '')})"
            ).replace(" ()", "")
        else:
            status = "○ " + _("Ikke signert ennå")
        signature_lines.append(Signature(party=config.party_name(party), status=status))
    entries = list(reversed(snapshot.history(cycle_partition(region, year))))[:HISTORY_SHOWN]
    history = tuple(
        HistoryLine(
            at=_when(entry.get("at")),
            who=str(entry.get("name") or ""),
            platform=str(entry.get("platform") or ""),
            summary=entry_summary(entry),
        )
        for entry in entries
    )
    return RegionPage(
        year=year,
        today=today,
        region=region,
        name=spec.name,
        plan_period=region_plan_period(config=config, state=snapshot, region=region, year=year),
        items=items,
        signatures=tuple(signature_lines),
        history=history,
    )


def _when(value: object) -> str:
    if not isinstance(value, str) or not value:
        return ""
    try:
        return datetime.fromisoformat(value).strftime("%d.%m.%Y kl. %H.%M")
    except ValueError:
        return value
