"""Last cycle's unfinished items that a cycle's own items come after in the model: in January the
treatment of agreement Y follows the autumn meeting of cycle Y-1, whose minutes may still be missing. `neste`
lists such an item (⚠, with its year); `status` and the status page of cycle Y name it too (walk 20 F-f),
or a reader who asks why the agreement cannot be signed finds a chain that ends at the treatment."""

from __future__ import annotations

import logging

from bot.model.config import AppConfig
from bot.model.order import before_items
from bot.model.progress import progress_of
from bot.model.wheel import Item, cycle_items, tracked
from bot.state.store import StateStore

logger = logging.getLogger(__name__)


def earlier_unfinished(*, config: AppConfig, state: StateStore, region: str, year: int) -> list[Item]:
    """The items of cycles before `year` that an unfinished item of `region`'s cycle `year` follows, followed
    by the bot and not done, each once, in the cycle's order."""
    found: dict[str, Item] = {}
    for item in cycle_items(config, year=year, region=region):
        if item.region not in (None, region) or progress_of(config=config, state=state, item=item).done:
            continue
        for before in before_items(config, item):
            if before.year >= year or before.ident in found or not tracked(config, before):
                continue
            if not progress_of(config=config, state=state, item=before).done:
                found[before.ident] = before
    return list(found.values())
