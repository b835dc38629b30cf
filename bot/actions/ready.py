"""Which agreements a change made ready to sign: what `record_minutes`, `record_precondition` and
`register_text` report, so the handler can tell every party's channel."""

from __future__ import annotations

import logging

from bot.actions.rules import milestone_for
from bot.config import AppConfig
from bot.progress import missing_for_signing
from bot.state import StateStore
from bot.wheel import Item, signing_milestone

logger = logging.getLogger(__name__)


def ready_regions(*, config: AppConfig, state: StateStore, year: int, regions: list[str]) -> list[str]:
    """Regions whose agreement `year` has nothing left that blocks its signing."""
    spec = signing_milestone(config)
    if spec is None:
        return []
    return [
        region
        for region in regions
        if not missing_for_signing(
            config=config, state=state, signing=milestone_for(config, key=spec.key, year=year, region=region)
        )
    ]


def signing_years_unblocked_by(*, config: AppConfig, item: Item) -> list[int]:
    """The agreement years whose signing waits for `item` (e.g. the political treatment of the draft)."""
    spec = signing_milestone(config)
    if spec is None or item.region is None:
        return []
    return [item.year - after.cycle for after in spec.after if after.key == item.key]
