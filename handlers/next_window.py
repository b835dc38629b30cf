"""`neste`: which items it may show today at all, for a region, the whole country or an actor.

What these can be follows from the configuration and the day, so each window is worked out once per
configuration and day (`bot.memo.per_config`); a request only reads what was recorded of them.
"""

from __future__ import annotations

from datetime import date, timedelta

from bot.context import Context
from bot.facts.kinds import is_signing
from bot.facts.prepares import meetings_to_prepare
from bot.facts.unsigned import without_signed
from bot.memo import per_config
from bot.model.config import AppConfig
from bot.model.cycle import latest_counted, still_followed
from bot.model.wheel import (
    Item,
    cycle_items,
    national_milestones,
    precondition_items,
    regional_milestones,
    tracked,
)

HORIZON = timedelta(days=200)
"""How far ahead `neste` looks for items whose window has not opened yet."""


def may_show(config: AppConfig, item: Item, *, today: date) -> bool:
    """Whether `neste` may show an item today at all: its window opens within the horizon, its cycle is not
    after `latest_counted` (the next agreement's items from when its preparation opens), the bot follows it,
    and it is still followed (`still_followed`: of last cycle or later, as the digests and `oversikt`)."""
    return (
        item.start <= today + HORIZON
        and item.year <= latest_counted(config, today=today)
        and tracked(config, item)
        and still_followed(item, today=today)
    )


@per_config(maxsize=256)
def region_window(config: AppConfig, *, region: str, today: date) -> tuple[Item, ...]:
    """A region's items of last, this and next cycle that `neste` may show today: the same for every
    request of the day, so worked out once per configuration, region and day."""
    years = range(today.year - 1, today.year + 2)
    return tuple(
        item
        for year in years
        for item in cycle_items(config, year=year, region=region)
        if may_show(config, item, today=today)
    )


@per_config(maxsize=64)
def national_window(config: AppConfig, *, today: date) -> tuple[Item, ...]:
    """The national items and every actor's preconditions that `neste` may show today, worked out once a day."""
    years = range(today.year - 1, today.year + 2)
    items = [item for year in years for item in national_milestones(config, year=year)]
    items += [item for year in years for item in precondition_items(config, year=year, region=None)]
    return tuple(item for item in items if may_show(config, item, today=today))


def actor_items(ctx: Context, *, actor: str, region: str | None, today: date) -> list[Item]:
    """An actor's view: its own allocation letter, the signings it owes, and the meetings it prepares.

    Which items these can be follows from the configuration and the day (`_actor_window`); a request only
    reads whether the actor has signed each agreement."""
    window = _actor_window(ctx.config, actor=actor, region=region, today=today)
    items = list(without_signed(state=ctx.state, actor=actor, window=window, key=(actor, region, today)))
    if region is None:
        items += _meetings_to_prepare(ctx, actor=actor)
    return items


@per_config(maxsize=256)
def _actor_window(config: AppConfig, *, actor: str, region: str | None, today: date) -> tuple[tuple[Item, bool], ...]:
    """Each item an actor's `neste` may show today, with whether it is a signing it owes only until it signs:
    every region's, worked out once per configuration, actor, region and day rather than per request."""
    regions = [region] if region else [r.key for r in config.parties.regions]
    items: list[tuple[Item, bool]] = []
    for year in range(today.year - 1, today.year + 2):
        items += [(item, False) for item in precondition_items(config, year=year, region=None) if item.actor == actor]
        items += [(item, False) for item in national_milestones(config, year=year) if "actors" in item.spec.prepare]
        for key in regions:
            for item in regional_milestones(config, year=year, region=key):
                if is_signing(item):
                    items.append((item, True))
                elif region and "actors" in item.spec.prepare:
                    items.append((item, False))
    return tuple((item, owed) for item, owed in items if may_show(config, item, today=today))


def _meetings_to_prepare(ctx: Context, *, actor: str) -> list[Item]:
    """Every region's regional meetings the actor takes part in, planned within the one `HORIZON` `neste`
    looks ahead for anything (bot.facts.prepares)."""
    return meetings_to_prepare(config=ctx.config, state=ctx.state, actor=actor, today=ctx.now.date(), ahead=HORIZON)
