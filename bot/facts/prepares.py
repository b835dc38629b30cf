"""The regional meetings an actor prepares for: where each region's dialogue meetings that the actors take
part in (`prepare: [actors]` in app.yaml) are near enough to prepare, so an actor's `neste` spanning every
region lists them beside its letter and the national meetings (NFR on 2 November saw neither of two
regional autumn meetings days away)."""

from __future__ import annotations

import logging
from datetime import date, timedelta

from bot.memo import per_config
from bot.model.config import AppConfig
from bot.model.progress import progress_many
from bot.model.wheel import Item, regional_milestones, tracked
from bot.state.store import StateStore

logger = logging.getLogger(__name__)

PREPARE_DAYS = 42
"""How long after a regional meeting it stays one to prepare (its minutes not yet recorded): six weeks."""


def takes_part(config: AppConfig, *, actor: str, item: Item) -> bool:
    """Whether `actor` takes part in (and so prepares for) the milestone: the actors prepare for it."""
    return item.kind == "milestone" and "actors" in item.spec.prepare and config.actor(actor) is not None


def meetings_to_prepare(
    *, config: AppConfig, state: StateStore, actor: str, today: date, ahead: timedelta
) -> list[Item]:
    """Every region's regional meetings `actor` takes part in that are planned within `ahead` from today
    (the reader's horizon: `neste` looks as far for these as for a national meeting, so a dialogue meeting
    shows once it is dated, walk 14b F7), and those held within `PREPARE_DAYS` whose minutes are not recorded
    yet (they stay until the minutes come, as in `neste <region>`), soonest first. A meeting without a date
    is the region's to set, not yet something to prepare; an actor-in-region channel already lists its
    region's meetings."""
    until = today + ahead
    since = today - timedelta(days=PREPARE_DAYS)
    found: list[tuple[date, Item]] = []
    candidates = _candidates(config, actor=actor, today=today, ahead=ahead)
    # By region and year, so `progress_many` finds each partition's items in one table kept by its tables.
    for item, progress in zip(candidates, progress_many(config=config, state=state, items=candidates), strict=True):
        planned = progress.planned.date() if progress.planned else None
        if not progress.done and planned is not None and since <= planned <= until:
            found.append((planned, item))
    return [item for _day, item in sorted(found, key=lambda pair: (pair[0], pair[1].ident))]


@per_config(maxsize=256)
def _candidates(config: AppConfig, *, actor: str, today: date, ahead: timedelta) -> tuple[Item, ...]:
    """The meetings that may be to prepare today, whatever is recorded: what follows from the configuration
    and the day, worked out once a day rather than over every region's milestones on every request."""
    until = today + ahead
    return tuple(
        item
        for region in config.parties.regions
        for year in (today.year, today.year + 1)
        for item in regional_milestones(config, year=year, region=region.key)
        if not (item.start > until or item.deadline < today)
        and takes_part(config, actor=actor, item=item)
        and tracked(config, item)
    )
