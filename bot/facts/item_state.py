"""An item's state today, decided once for every surface (`neste`, `status`, `oversikt`, the digests, the
weekly overview, the status pages, the calendar feeds and the wheel picture).

In order: not relevant (an optional item marked so), done, untracked (it predates the bot), overdue (past
its deadline; an optional item never is), planned (a date is set), not yet open (its window has not
opened), due (its window is open and the deadline at most `DUE_DAYS` away), open.
"""

from __future__ import annotations

import logging
from datetime import date

from bot.config import AppConfig
from bot.messages import ItemState
from bot.progress import Progress
from bot.wheel import Item, tracked

logger = logging.getLogger(__name__)

DUE_DAYS = 7
"""How near a deadline must be for an open item to be due: the planner's «Denne uken» counts the same."""


def never_overdue(item: Item) -> bool:
    """An optional milestone (the assignment agreements) is never overdue: no overdue reminders, never
    behind, and past its deadline it reads as open."""
    return item.kind == "milestone" and item.spec.optional


def item_state(*, config: AppConfig, progress: Progress, today: date) -> ItemState:
    """Where the item of `progress` stands on `today`."""
    item = progress.item
    if progress.not_relevant:
        return ItemState.NOT_RELEVANT
    if progress.done:
        return ItemState.DONE
    if not tracked(config, item):
        return ItemState.UNTRACKED
    if item.deadline < today:
        return ItemState.OPEN if never_overdue(item) else ItemState.OVERDUE
    if progress.planned:
        return ItemState.PLANNED
    if item.start > today:
        return ItemState.NOT_OPEN
    if (item.deadline - today).days <= DUE_DAYS:
        return ItemState.DUE
    return ItemState.OPEN


def is_overdue(*, config: AppConfig, progress: Progress, today: date) -> bool:
    """Past its deadline, not done, followed by the bot, and not an optional item."""
    return item_state(config=config, progress=progress, today=today) is ItemState.OVERDUE
