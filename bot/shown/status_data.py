"""What the status pages show, as neutral data: the national overview (every region against every
milestone of a cycle) and one region's cycle, signatures and recent history. adapters/web renders it as
HTML; each cell carries its state as words and a symbol, never as colour alone."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, datetime

from bot.actions.plan import region_plan_period
from bot.agreement.receipt import signed_before_bot
from bot.agreement.versions import NO_TEXT_YET_AFTER_LABEL, current_version, earlier_signatures, signed_day
from bot.facts.item_state import meeting_today, minutes_missing
from bot.facts.kinds import is_signing
from bot.facts.responsible import Wording, who_answers
from bot.i18n import _, local
from bot.messages import platform_name
from bot.model.config import AppConfig
from bot.model.cycle import read_cycles
from bot.model.followups_status import status_lines
from bot.model.order import OUTSIDE
from bot.model.progress import Progress, progress_of
from bot.model.wheel import (
    Item,
    agreement_parties,
    cycle_items,
    national_milestones,
    precondition_items,
    regional_milestones,
)
from bot.shown.earlier_open import earlier_open_lines
from bot.shown.plan_period import no_plan_period, upcoming_plan_period
from bot.shown.states import (
    STATE_LABELS,
    STATE_SYMBOLS,
    State,
    optional_past_words,
    over_text,
    signed_share,
    state_of,
)
from bot.shown.voided import void_note
from bot.state.store import StateStore, cycle_partition, entry_summary
from storage.base import Document

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
    preparing: int | None = None
    """The next agreement, once its preparation has opened (on the calendar year's cycle's page only), as
    chat's `oversikt` lists it below the cycle («Forberedelse av avtalen …»)."""
    upcoming_columns: tuple[str, ...] = ()
    upcoming: tuple[Row, ...] = ()
    """`preparing`'s opened milestones, each region against them, below the cycle's own table."""


@dataclass(frozen=True)
class ItemLine:
    title: str
    window: str
    responsible: str
    cell: Cell
    followups: tuple[str, ...] = ()
    """The follow-up points of the item's minutes, as chat's `status` says them (id, due date, «på overtid»)."""


@dataclass(frozen=True)
class Signature:
    party: str
    status: str
    """Who signed and when, or that the party has not signed, or that it signed an older text and must sign
    the current one again (as `status` says it in chat)."""
    version: str
    """The text version this signature is on («versjon 1»), «–» when there is none."""


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
    preparing: int | None = None
    """The next agreement, once its preparation has opened (on the calendar year's cycle's page only)."""
    upcoming: tuple[ItemLine, ...] = ()
    """`preparing`'s open items, below the cycle's own, never instead (README «Reading»; walk 7 F8)."""
    history_total: int = 0
    """How many changes the cycle has, of which `history` shows the latest: a cut list says so and names
    `logg` for the rest (walk 14b F10)."""
    earlier: tuple[str, ...] = ()
    """What earlier cycles left open (an unsigned agreement, open follow-up points), as chat's `status`
    lists it (bot/shown/earlier_open.py, walk 19 F4)."""
    text_note: str = ""
    """The current agreement text («versjon 2 (sha256 …)»), the one every party signs; before one, that it
    was signed before the bot took over (a cycle before `tracking_start`), or how to register it. Plain text:
    the page escapes it, so «avtale <lenke>» shows as typed (walk 7 F6)."""
    next_plan_period: str = ""
    """The period the next agreement is prepared within, when another is set ahead (`upcoming_plan_period`)."""
    plan_missing: str = ""
    """When no plan period frames the cycle, what `status` says in its plan fact (`no_plan_period`: what ran
    out and how the next is set), so the page is not silent where chat and the digests flag it (walk 25 F4)."""


def _day(day: date) -> str:
    return day.strftime("%d.%m.%Y")


def _held_days(first: date, last: date | None) -> str:
    """The day(s) it was done or is planned: both days of a meeting over two (walk 13 W6), before it, after it
    and once it is over, as chat names them (walk 20 F-a: the page said its last day once it was over)."""
    return f"{_day(first)}–{_day(last)}" if last and last > first else _day(first)


def cell_of(*, config: AppConfig, state: StateStore, item: Item, today: date) -> Cell:
    item_state, planned = state_of(config=config, state=state, item=item, today=today)
    progress = progress_of(config=config, state=state, item=item)
    text = _(STATE_LABELS[item_state])
    if progress.not_relevant:
        text = _("Ikke aktuelt i år")  # as `status` and `neste` say it
    elif item_state == "done":
        text = (
            _("Ferdig {day}").format(day=_held_days(progress.done_at.date(), progress.held_last_day))
            if progress.done_at
            else _("Ferdig")
        )
    elif item_state == "overdue":
        text = _("På overtid (frist {day})").format(day=_day(item.deadline))
    elif item_state == "planned" and planned:
        text = _("Planlagt {day}").format(day=_held_days(planned, progress.planned_last_day))
    elif item_state == "open":
        past = optional_past_words(config=config, state=state, item=item, today=today)
        text = past or _("Åpen, frist {day}").format(day=_day(item.deadline))
    if item_state in ("minutes_missing", "overdue") and minutes_missing(progress, today=today):
        # As chat's `status` says it (walk 7 F7): the meeting is over, not still to come.
        over = over_text(item)
        text = (
            f"{_held_days(progress.planned.date(), progress.planned_last_day)}: {over}"  # both days (walk 20 F-a)
            if item_state == "minutes_missing" and progress.planned
            else f"{text} – {over}"
        )
    if item_state == "planned" and meeting_today(progress, today=today):
        text += " – " + _("i dag; referatet skrives når møtet er over")  # as chat says it (walk 8 m3)
    if (share := signed_share(config=config, item=item, progress=progress, shown=item_state)) is not None:
        text += " · " + _("{signed}/{total} signert").format(signed=share[0], total=share[1])
        if 0 < share[0] < share[1]:  # who is missing, so an actor's feed says it is itself (walk 20 F-i)
            text += ", " + _("mangler {parties}").format(parties=", ".join(map(config.party_prose, progress.missing)))
    return Cell(state=item_state, symbol=STATE_SYMBOLS[item_state], text=text)


def _label(item: Item) -> str:
    label = item.spec.label or item.spec.name
    return f"{label} {item.actor}" if item.actor else label


def national_page(*, config: AppConfig, state: StateStore, year: int, today: date) -> NationalPage:
    snapshot = state.snapshot()
    columns, rows, signed = _regions_table(config=config, state=snapshot, year=year, today=today, opened=False)
    shared = national_milestones(config, year=year) + precondition_items(config, year=year, region=None)
    national = tuple((_label(item), cell_of(config=config, state=snapshot, item=item, today=today)) for item in shared)
    view = read_cycles(config, today=today)
    preparing = view.preparing if year == view.year else None
    upcoming_columns, upcoming, _signed = (
        _regions_table(config=config, state=snapshot, year=preparing, today=today, opened=True)
        if preparing
        else ((), (), 0)
    )
    return NationalPage(
        year=year,
        today=today,
        columns=columns,
        regions=rows,
        national=national,
        signed=signed,
        preparing=preparing if upcoming_columns else None,
        upcoming_columns=upcoming_columns,
        upcoming=upcoming,
    )


def _regions_table(
    *, config: AppConfig, state: StateStore, year: int, today: date, opened: bool
) -> tuple[tuple[str, ...], tuple[Row, ...], int]:
    """Each region against each of `year`'s regional milestones (with `opened`, those whose window has
    opened by `today`): the columns, the rows and how many regions have signed."""
    rows = []
    columns: tuple[str, ...] = ()
    signed = 0
    for region in config.parties.regions:
        items = regional_milestones(config, year=year, region=region.key)
        items += [item for item in precondition_items(config, year=year, region=region.key) if item.region]
        items = [item for item in items if item.start <= today] if opened else items
        columns = tuple(_label(item) for item in items)
        cells = tuple(cell_of(config=config, state=state, item=item, today=today) for item in items)
        signed += any(is_signing(item) and cell.state == "done" for item, cell in zip(items, cells, strict=True))
        rows.append(Row(title=region.short, cells=cells, link=region.key))
    return columns, tuple(rows), signed


def region_page(*, config: AppConfig, state: StateStore, region: str, year: int, today: date) -> RegionPage:
    snapshot = state.snapshot()
    spec = config.region(region)
    assert spec is not None
    items = tuple(
        _item_line(config=config, state=snapshot, item=item, today=today)
        for item in cycle_items(config, year=year, region=region)
    )
    view = read_cycles(config, today=today)
    preparing = view.preparing if year == view.year else None
    upcoming = (
        tuple(
            _item_line(config=config, state=snapshot, item=progress.item, today=today)
            for progress in open_items(config=config, state=snapshot, year=preparing, region=region, today=today)
        )
        if preparing
        else ()
    )
    signature_lines = _signatures(config=config, state=snapshot, region=region, year=year)
    every_entry = snapshot.history(cycle_partition(region, year))
    entries = list(reversed(every_entry))[:HISTORY_SHOWN]
    now = current_version(snapshot, region=region, year=year)
    history = tuple(
        HistoryLine(
            at=_when(entry.get("at")),
            who=str(entry.get("name") or ""),
            platform=platform_name(str(entry.get("platform") or "")),
            summary=entry_summary(entry) + void_note(entry, state=snapshot, current=now),
        )
        for entry in entries
    )
    period = region_plan_period(config=config, state=snapshot, region=region, year=year)
    return RegionPage(
        year=year,
        today=today,
        region=region,
        name=spec.name,
        plan_period=period,
        plan_missing="" if period else no_plan_period(config=config, state=snapshot, region=region, year=year),
        next_plan_period=upcoming_plan_period(config=config, state=snapshot, region=region, year=year, today=today),
        items=items,
        preparing=preparing if upcoming else None,
        upcoming=upcoming,
        signatures=signature_lines,
        history=history,
        history_total=len(every_entry),
        text_note=_text_note(config=config, state=snapshot, region=region, year=year),
        earlier=earlier_open_lines(config=config, state=snapshot, region=region, year=year, today=today),
    )


def _item_line(*, config: AppConfig, state: StateStore, item: Item, today: date) -> ItemLine:
    return ItemLine(
        title=item.title(),
        window=f"{_day(item.start)}–{_day(item.deadline)}",
        responsible=who_answers(config=config, item=item, wording=Wording.SHORT),
        cell=cell_of(config=config, state=state, item=item, today=today),
        followups=status_lines(config=config, state=state, item=item, today=today),
    )


def open_items(*, config: AppConfig, state: StateStore, year: int, region: str, today: date) -> list[Progress]:
    """The next cycle's items whose window has opened and that are not done yet: what `status` and the page
    list below the calendar year's cycle once the next agreement's preparation opens. The agreement's signing
    is among them before its window opens: it is what the preparation leads to, and its text and «kan signeres
    fra 1. januar» are what a coordinator works towards in December (README, Signering; walk 19 F7)."""
    items = [item for item in cycle_items(config, year=year, region=region) if item.start <= today or is_signing(item)]
    return [p for item in items if not (p := progress_of(config=config, state=state, item=item)).done]


def _text_note(*, config: AppConfig, state: StateStore, region: str, year: int) -> str:
    if version := current_version(state, region=region, year=year):
        return version.label()
    if _before_bot(config=config, state=state, region=region, year=year):
        return _("signert før Samhandlingsbot tok over, så boten har ingen opplysninger om signaturene")
    return _(NO_TEXT_YET_AFTER_LABEL)  # after «Avtaletekst:» on the page


def _before_bot(*, config: AppConfig, state: StateStore, region: str, year: int) -> bool:
    """Signed before the bot took over, with nothing recorded since: the same fact chat's `status` and the
    receipt use, not five missing signatures (walk 7 F5)."""
    return signed_before_bot(config, region=region, year=year) and not state.signatures(region=region, year=year)


def _signatures(*, config: AppConfig, state: StateStore, region: str, year: int) -> tuple[Signature, ...]:
    """Each party's signature on the current text; a party whose signature is on an older text (a new
    version was registered since) is shown with that signature and as one that must sign again."""
    current = state.signatures(region=region, year=year)
    earlier = earlier_signatures(state, region=region, year=year)
    if _before_bot(config=config, state=state, region=region, year=year):
        untracked: State = "untracked"
        before = _(STATE_LABELS[untracked])
        return tuple(
            Signature(party=config.party_name(party), status=before, version="–")
            for party in agreement_parties(config, region=region)
        )
    lines = []
    for party in agreement_parties(config, region=region):
        if sig := current.get(party):
            status = "✓ " + _signed_by(sig) + _late(sig)
        elif sig := earlier.get(party):
            status = "↻ " + _signed_by(sig) + " – " + _("må signere på nytt")
        else:
            status = "○ " + _("Ikke signert ennå")
        lines.append(Signature(party=config.party_name(party), status=status, version=_version_of(sig)))
    return tuple(lines)


def _late(sig: Document) -> str:
    """« – utenfor modellens rekkefølge: Fristen … var 31. januar 2027.»: a signature given late, marked as
    chat's `status` and `logg` mark it (walk 8 m8), in the reader's written form where it was stored."""
    note = sig.get("outside_order")
    if not note:
        return ""
    return f" – {_(OUTSIDE)}: {local({'nb': note, 'nn': sig.get('outside_order_nn') or note})}"


def _signed_by(sig: Document) -> str:
    who = sig.get("name") or sig.get("person") or _("ukjent")
    when = _when(sig.get("at"))
    if (day := signed_day(sig)) is not None:  # signed on its day, recorded later (walk 33 F3)
        when = _("{day} (registrert {recorded})").format(day=f"{day:%d.%m.%Y}", recorded=when)
    signed = _("Signert av {who} {when}").format(who=who, when=when)
    return (signed + f" ({platform_name(str(sig.get('platform', '')))})").replace(" ()", "")


def _version_of(sig: Document | None) -> str:
    """The cell under «Versjon»: the number alone («Versjon: 1» on a narrow screen, never «Versjon: versjon 1»,
    walk 41), «ingen» for a signature made without a registered text, «–» for none."""
    if sig is None:
        return "–"
    number = sig.get("version")
    return str(number) if number else _("ingen")


def _when(value: object) -> str:
    if not isinstance(value, str) or not value:
        return ""
    try:
        return datetime.fromisoformat(value).strftime("%d.%m.%Y kl. %H.%M")
    except ValueError:
        return value
