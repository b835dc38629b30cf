"""What earlier cycles left unfinished that a region's cycle still answers for, decided once for `status`,
the status page and `neste`'s neighbours: an item of a cycle before the one shown is named when this cycle's
own items come after it in the model (in January the treatment of agreement Y follows the autumn meeting of
cycle Y-1, whose minutes may still be missing: walk 20 F-f), or when it is still followed, chased for
lateness and past its deadline (last year's agreement a party never signed: walk 19 F4). Without it a reader
who asks why the agreement cannot be signed finds a chain that ends at this cycle. `region=None` is the
nation's own items (AU's meetings, the state budget, the actors' letters), which `neste` names beside a
region's or an actor's: the same rule, so `neste`'s «Ikke fullført fra tidligere sykluser» and the section
of that name in `status` and on the page never disagree about an item."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from datetime import date

from bot.facts.item_state import chases_lateness, minutes_missing
from bot.memo import per_config
from bot.model.config import AppConfig
from bot.model.cycle import earliest_counted, still_followed
from bot.model.order import before_items
from bot.model.progress import progress_many, progress_of
from bot.model.wheel import Item, cycle_items, tracked
from bot.state.store import StateStore

logger = logging.getLogger(__name__)


def earlier_unfinished(
    *, config: AppConfig, state: StateStore, region: str | None, year: int, today: date
) -> list[Item]:
    """The unfinished items of cycles before `year` that `region`'s cycle `year` still answers for, each once,
    in the order of their cycles and deadlines: those an unfinished item of cycle `year` follows in the model
    once they are past their deadline or over with nothing recorded,
    and the region's own items of the cycles since last year still followed and past their deadline
    (with `region=None`: the national items, for the nation's cycle)."""
    followers, own = _candidates(config, region=region, year=year, today=today)
    found: dict[str, Item] = {}
    # Cycle `year`'s items and the region's own of the cycles since last year, each batch by its partition's
    # tables (`progress_many`): `neste` has just asked for most of them, and one write rewrote their partition.
    followed = progress_many(config=config, state=state, items=[item for item, _ in followers])
    for (_, befores), progress_now in zip(followers, followed, strict=True):
        if progress_now.done:
            continue
        for before in befores:
            if before.ident in found:
                continue
            progress = progress_of(config=config, state=state, item=before)
            # Still the running cycle's own work until its deadline (walk 24 F1: `status 2027` read «På overtid»
            # for autumn 2026's meeting in October): named only once it is late, or over with its minutes missing.
            if not progress.done and (before.deadline < today or minutes_missing(progress, today=today)):
                found[before.ident] = before
    for progress in progress_many(config=config, state=state, items=[item for item in own if item.ident not in found]):
        item = progress.item
        if not (progress.done or progress.not_relevant):
            found[item.ident] = item
    return sorted(found.values(), key=lambda item: (item.year, item.deadline))


@per_config(maxsize=512)
def _candidates(
    config: AppConfig, *, region: str | None, year: int, today: date
) -> tuple[tuple[tuple[Item, tuple[Item, ...]], ...], tuple[Item, ...]]:
    """What follows from the configuration and the day alone, worked out once a day per scope (`neste` asks
    for every region an actor's list spans): each item of cycle `year` with the tracked items of earlier
    cycles it follows, and the scope's own items of the cycles since last year that are past their deadline,
    still followed and chased. Only their progress is read per request."""
    # Of the cycles before, only those whose items still count as open (`earliest_counted`: the same rule as
    # AU's «på etterskudd», walk 29 F2); older ones are history, in `status <region> <year>`.
    earliest = earliest_counted(config, today=today)
    followers: list[tuple[Item, tuple[Item, ...]]] = []
    for item in cycle_items(config, year=year, region=region):
        if item.region not in (None, region):
            continue
        befores = tuple(
            before
            for before in before_items(config, item)
            if earliest <= before.year < year and tracked(config, before)
        )
        if befores:
            followers.append((item, befores))
    own = tuple(
        item
        for earlier in range(earliest, year)
        for item in cycle_items(config, year=earlier, region=region)
        # a region's scope leaves the national items out: AU answers for its own (region=None)
        if item.region == region
        and item.deadline < today
        and tracked(config, item)
        and still_followed(item, today=today)
        and chases_lateness(item)
    )
    return tuple(followers), own


def earlier_items(
    *, config: AppConfig, state: StateStore, regions: Iterable[str | None], year: int, today: date
) -> tuple[Item, ...]:
    """`earlier_unfinished` for each scope in `regions` (a region's, or None for the nation's), each item once,
    in the order of their cycles and deadlines: a region's section in `status` and on the page (its own and
    the nation's, `region_scopes`) and what `neste` names for the regions its list spans (walk 29 F8)."""
    found = {
        item.ident: item
        for region in set(regions)
        for item in earlier_unfinished(config=config, state=state, region=region, year=year, today=today)
    }
    return tuple(sorted(found.values(), key=lambda item: (item.year, item.deadline, item.ident)))


def region_scopes(region: str) -> tuple[str | None, ...]:
    """A region's cycle holds the nation's items beside its own (`cycle_items`), so what earlier cycles left
    unfinished for it is both scopes' (walk 29 F8: `neste` named AU's unheld autumn meeting of last cycle
    under the heading, `status` and the page did not)."""
    return (None, region)
