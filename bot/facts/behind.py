"""Which regions are behind, and on what: what AU's `neste` and `oversikt` say plainly.

Behind means an item of the region (its milestones, its own preconditions and its agreement's signatures)
is overdue (`bot.facts.item_state`: past its deadline, not done, followed by the bot) and its lateness is
chased (not an optional item), in the cycles a read shows (`bot.model.cycle.read_cycles`, and the cycle before
until the next agreement's preparation opens).
The one answer for `neste`, `oversikt` and AU's weekly overview.
"""

from __future__ import annotations

import logging
from collections import Counter
from datetime import date, timedelta

from bot.agreement.versions import current_version
from bot.facts.item_state import DUE_DAYS, chases_lateness, is_overdue, item_state
from bot.facts.kinds import is_signing
from bot.i18n import _, ngettext
from bot.memo import IdentityMemo, per_config
from bot.messages import ItemState
from bot.model.config import AppConfig
from bot.model.cycle import counted_years, read_cycles
from bot.model.progress import blockers_text, missing_for_signing, progress_of
from bot.model.wheel import Item, cycle_items, precondition_items, regional_milestones, responsible_party, tracked
from bot.state.store import StateStore, item_partition

logger = logging.getLogger(__name__)


def overdue_by_region(
    *, config: AppConfig, state: StateStore, today: date, cycle: int | None = None, earliest: int | None = None
) -> dict[str, list[Item]]:
    """Each region that is behind, with its overdue items (oldest deadline first); with `cycle`, only that
    cycle's items (`oversikt 2028` speaks of 2028, not of last year's backlog); with `earliest`, none of a
    cycle before it (this year's `oversikt` names last year's apart, `earlier_behind_text`). A signing held
    up by others only is not the region's delay (`held_up_by_others`, `waiting_by_region`)."""
    chased = _overdue_chased(config=config, state=state, today=today, cycle=cycle, earliest=earliest)
    return _behind(config=config, state=state, chased=chased)


def _behind(*, config: AppConfig, state: StateStore, chased: list[tuple[str, list[Item]]]) -> dict[str, list[Item]]:
    behind: dict[str, list[Item]] = {}
    for region, late in chased:
        own = [item for item in late if not held_up_by_others(config=config, state=state, item=item)]
        if own:
            behind[region] = own
    return behind


def waiting_by_region(
    *, config: AppConfig, state: StateStore, today: date, cycle: int | None = None, earliest: int | None = None
) -> dict[str, list[tuple[Item, str]]]:
    """Each region whose overdue signing waits on others only, with what it waits on in words: «venter på
    andre», never behind, on AU's `neste`, `oversikt` and weekly overview alike (walk 9, W10)."""
    chased = _overdue_chased(config=config, state=state, today=today, cycle=cycle, earliest=earliest)
    return _waiting(config=config, state=state, chased=chased)


def _waiting(
    *, config: AppConfig, state: StateStore, chased: list[tuple[str, list[Item]]]
) -> dict[str, list[tuple[Item, str]]]:
    waiting: dict[str, list[tuple[Item, str]]] = {}
    for region, late in chased:
        held = [(item, held_up_by_others(config=config, state=state, item=item)) for item in late]
        if found := [(item, what) for item, what in held if what]:
            waiting[region] = found
    return waiting


def held_up_by_others(*, config: AppConfig, state: StateStore, item: Item) -> str:
    """For a region's signing that others only hold up (the region has no part of its own left,
    `own_part_left`), what it waits on (`waits_on_others`); "" for any other item."""
    if not is_signing(item) or own_part_left(config=config, state=state, signing=item):
        return ""
    return waits_on_others(config=config, state=state, signing=item)


def _overdue_chased(
    *, config: AppConfig, state: StateStore, today: date, cycle: int | None, earliest: int | None
) -> list[tuple[str, list[Item]]]:
    """Each region with overdue items whose lateness is chased (oldest deadline first), before the signings
    held up by others are told apart."""
    found: list[tuple[str, list[Item]]] = []
    for region, partitions in _chased_past_deadline(config, today=today):
        late = [
            item
            for partition, candidates in partitions
            for item in _late_in(config=config, state=state, partition=partition, candidates=candidates, today=today)
            if (cycle is None or item.year == cycle) and (earliest is None or item.year >= earliest)
        ]
        if late:
            found.append((region, sorted(late, key=lambda item: item.deadline)))
    return found


_LATE: IdentityMemo[tuple[AppConfig, tuple[Item, ...]]] = IdentityMemo(maxsize=4096)
"""Which candidates of a partition are behind, kept by the partition's tables object (its version, see
storage.base) and the day: AU's `neste` asks it of every region's last cycles, and most have not changed."""


def _late_in(
    *, config: AppConfig, state: StateStore, partition: str, candidates: tuple[Item, ...], today: date
) -> tuple[Item, ...]:
    """The candidates that are behind. Each one's progress follows from its own partition alone (its
    document, and the signatures for a signing), so the answer holds while that partition is unchanged."""
    found = state.store.read(partition)
    kept = _LATE.get(found, (partition, today)) if found else None
    if kept is not None and kept[0] is config:
        return kept[1]  # this very object went through `state.tables`' check when the answer was kept
    tables = state.tables(partition)
    late = tuple(item for item in candidates if _overdue_and_chased(config=config, state=state, item=item, today=today))
    if tables:  # a partition not written yet is a new empty object each time: nothing to keep it by
        _LATE.put(tables, (config, late), (partition, today))
    return late


@per_config(maxsize=64)
def _chased_past_deadline(
    config: AppConfig, *, today: date
) -> tuple[tuple[str, tuple[tuple[str, tuple[Item, ...]], ...]], ...]:
    """Each region's items that may be behind today (past their deadline, followed, chased), by the
    partition that holds them: what follows from the configuration and the day, worked out once a day
    rather than for every region on every request (most items are not past their deadline; only these
    need their progress read)."""
    # The cycle before counts until the next agreement's preparation opens (`earliest_counted`, walk 2, H).
    years = counted_years(config, today=today)
    regions: list[tuple[str, tuple[tuple[str, tuple[Item, ...]], ...]]] = []
    for region in config.parties.regions:
        by_partition: dict[str, list[Item]] = {}
        for year in years:
            items = regional_milestones(config, year=year, region=region.key)
            items += [item for item in precondition_items(config, year=year, region=region.key) if item.region]
            for item in items:
                if item.deadline < today and chases_lateness(item) and tracked(config, item):
                    by_partition.setdefault(item_partition(item), []).append(item)
        regions.append((region.key, tuple((name, tuple(items)) for name, items in by_partition.items())))
    return tuple(regions)


def is_behind(*, config: AppConfig, state: StateStore, item: Item, today: date) -> bool:
    """An overdue item whose lateness is chased, and not a signing others only hold up (`held_up_by_others`):
    what makes its region (or AU, nationally) behind."""
    return _overdue_and_chased(config=config, state=state, item=item, today=today) and not held_up_by_others(
        config=config, state=state, item=item
    )


def _overdue_and_chased(*, config: AppConfig, state: StateStore, item: Item, today: date) -> bool:
    """Overdue and its lateness chased. It follows from the item's own partition (`_late_in` keeps it by that);
    whether others hold a signing up does not, so it is asked after.

    What cannot be overdue (not past its deadline, not followed by the bot) or is not chased is answered
    before the item's progress is read: AU's `neste` asks this of some 180 items."""
    if item.deadline >= today or not chases_lateness(item) or not tracked(config, item):
        return False
    return is_overdue(config=config, progress=progress_of(config=config, state=state, item=item), today=today)


def behind_text(
    *, config: AppConfig, state: StateStore, today: date, cycle: int | None = None, earliest: int | None = None
) -> str:
    """Plain sentences: how many regions are behind and on what, or that none is; then what falls due
    within the digest's week (`due_soon_text`), so the day before thirteen action plans fall due does not
    read as all well. With `cycle`, of that cycle alone; with `earliest`, of no cycle before it."""
    # Behind and waiting are told apart among the same overdue items: found once (AU's `neste` asks per request).
    chased = _overdue_chased(config=config, state=state, today=today, cycle=cycle, earliest=earliest)
    behind = _behind(config=config, state=state, chased=chased)
    total = len(config.parties.regions)
    soon = due_soon_text(config=config, state=state, today=today, cycle=cycle)
    waiting = _waiting_text(config=config, waiting=_waiting(config=config, state=state, chased=chased))
    if not behind:
        none = _("Ingen av {total} regioner er på etterskudd.").format(total=total)
        return " ".join(filter(None, (none, waiting, soon)))
    counts = Counter(f"{item.spec.label or item.spec.name} {item.year}" for items in behind.values() for item in items)
    what = ", ".join(f"{label} ({_regions(number)})" for label, number in counts.most_common())
    late = _("{n} av {total} regioner er på etterskudd: {what}.").format(n=len(behind), total=total, what=what)
    return " ".join(filter(None, (late, waiting, soon)))


def _waiting_text(*, config: AppConfig, waiting: dict[str, list[tuple[Item, str]]]) -> str:
    """«Signering venter på andre: Agder (Tildelingsbrev mottatt – NFR (avtale 2027)).», or "". Where the
    agreements waiting are of more than one year, each names its year («Vestland 2027 (…); Vestland 2028 (…)»):
    the same region twice without it read as a repeated line (walk 29, F7)."""
    if not waiting:
        return ""
    years = {item.year for items in waiting.values() for item, _held in items}
    what = "; ".join(
        f"{config.party_short(region)}{f' {item.year}' if len(years) > 1 else ''} ({held})"
        for region, items in waiting.items()
        for item, held in items
    )
    return _("Signering venter på andre: {what}.").format(what=what)


def earlier_behind_text(*, config: AppConfig, state: StateStore, today: date, cycle: int) -> str:
    """What regions are behind on from cycles before `cycle`, each with where its rows are: a page of `cycle`
    counts only its own items, so last year's unheld autumn meeting is named apart, never counted in a
    headline whose rows do not show it (walk 4, M3). "" when nothing earlier is behind."""
    behind = overdue_by_region(config=config, state=state, today=today)
    earlier = [item for items in behind.values() for item in items if item.year < cycle]
    if not earlier:
        return ""
    parts = []
    for year in sorted({item.year for item in earlier}):
        counts = Counter(f"{item.spec.label or item.spec.name} {item.year}" for item in earlier if item.year == year)
        what = ", ".join(f"{label} ({_regions(number)})" for label, number in counts.most_common())
        parts.append(_("Fra syklus {year}: {what} (se «oversikt {year}»).").format(year=year, what=what))
    return " ".join(parts)


def due_soon_by_region(
    *, config: AppConfig, state: StateStore, today: date, cycle: int | None = None
) -> dict[str, list[Item]]:
    """Each region with items whose lateness is chased falling due within `DUE_DAYS` (today included) and
    not done: what will make it behind within the week, as the digests look ahead (`cycle`: its alone)."""
    due: dict[str, list[Item]] = {}
    for region, candidates in _chased_due_soon(config, today=today, cycle=cycle):
        soon = [
            item
            for item in candidates
            if item_state(config=config, progress=progress_of(config=config, state=state, item=item), today=today)
            in (ItemState.DUE, ItemState.PLANNED)
        ]
        if soon:
            due[region] = sorted(soon, key=lambda item: item.deadline)
    return due


@per_config(maxsize=64)
def _chased_due_soon(config: AppConfig, *, today: date, cycle: int | None) -> tuple[tuple[str, tuple[Item, ...]], ...]:
    """Each region's items whose lateness is chased falling due within `DUE_DAYS` (today included), in the
    cycles a read shows (`cycle`: its alone): what follows from the configuration and the day, worked out
    once a day (AU's `neste` asks it of every region's items); only their progress is read per request."""
    view = read_cycles(config, today=today)
    years = [view.year] + ([view.preparing] if view.preparing else [])
    years = [year for year in years if cycle is None or year == cycle]
    until = today + timedelta(days=DUE_DAYS)
    found = []
    for region in config.parties.regions:
        candidates = tuple(
            item
            for year in years
            for item in cycle_items(config, year=year, region=region.key)
            if item.region and today <= item.deadline <= until and chases_lateness(item) and tracked(config, item)
        )
        found.append((region.key, candidates))
    return tuple(found)


def due_soon_text(*, config: AppConfig, state: StateStore, today: date, cycle: int | None = None) -> str:
    """«13 regioner har frist innen en uke: Handlingsplan 2028 (13 regioner).», or "" when none has."""
    due = due_soon_by_region(config=config, state=state, today=today, cycle=cycle)
    if not due:
        return ""
    counts = Counter(f"{item.spec.label or item.spec.name} {item.year}" for items in due.values() for item in items)
    what = ", ".join(f"{label} ({_regions(number)})" for label, number in counts.most_common())
    return ngettext(
        "{n} region har frist innen en uke: {what}.", "{n} regioner har frist innen en uke: {what}.", len(due)
    ).format(n=len(due), what=what)


def _regions(number: int) -> str:
    return ngettext("{n} region", "{n} regioner", number).format(n=number)


def waits_on_others(*, config: AppConfig, state: StateStore, signing: Item) -> str:
    """What a region's signing waits on from other parties, in words: their missing preconditions
    («Tildelingsbrev mottatt – NFR og RFF (avtale 2027)»), or, once nothing blocks it and the region has
    signed, the others' signatures; "" when it waits on nobody else. AU's overview shows it beside the
    signing, so an agreement held up by two actors' letters does not read as the region's delay."""
    assert signing.region is not None
    blockers = missing_for_signing(config=config, state=state, signing=signing)
    others = [item for item in blockers if responsible_party(config, item) != signing.region]
    if others:
        return blockers_text(others)
    missing = progress_of(config=config, state=state, item=signing).missing
    unsigned = [party for party in missing if party != signing.region]
    if not blockers and unsigned and signing.region not in missing:
        return _("signatur fra {who}").format(who=", ".join(map(config.party_prose, unsigned)))
    return ""


def own_part_left(*, config: AppConfig, state: StateStore, signing: Item) -> bool:
    """Whether the region itself still has something to do for its signing: a precondition of its own, its
    agreement text, or (nothing blocking it) its own signature."""
    assert signing.region is not None
    blockers = missing_for_signing(config=config, state=state, signing=signing)
    if any(responsible_party(config, item) == signing.region for item in blockers):
        return True
    if current_version(state, region=signing.region, year=signing.year) is None:
        return True
    return not blockers and signing.region in progress_of(config=config, state=state, item=signing).missing
