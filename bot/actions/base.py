"""Who acts, and the one recorded write every action goes through."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from bot.context import Context
from bot.i18n import using
from bot.messages import Request
from bot.model.config import AppConfig
from bot.model.identity import Caller, ChannelContext
from bot.model.wheel import Item
from bot.state.store import Author, StateStore, item_partition
from storage.base import Tables

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Acting:
    """What every action needs besides its own arguments: the model, the state, who acts, from which
    channel, when, and the request (its id makes a retried or double-clicked change record once)."""

    config: AppConfig
    state: StateStore
    caller: Caller
    channel: ChannelContext
    now: datetime
    request: Request
    clock: Callable[[], datetime] | None = None
    """Read once, under the partition's lock, for a change's history entry («at»): taken before the lock, a
    writer that waited for another was stamped before the one it followed. None: `now`."""

    @classmethod
    def of(cls, *, ctx: Context, request: Request) -> Acting:
        return cls(
            config=ctx.config,
            state=ctx.state,
            caller=ctx.caller,
            channel=ctx.channel,
            now=ctx.now,
            request=request,
            clock=ctx.clock,
        )

    @property
    def author(self) -> Author:
        return Author(
            person=self.caller.key,
            name=self.caller.name,
            platform=self.request.platform,
            channel=self.request.channel_id,
        )


def record(
    acting: Acting,
    *,
    action: str,
    summary: str | Callable[[], str],
    mutate: Callable[[Tables], Any],
    item: Item | None = None,
    partition: str | None = None,
    region: str | None = None,
) -> Any:
    """The one way an action changes state: the whole change with its history entry, or nothing.

    The partition is the item's own unless given (runtime bindings live in `meta`); a change in `meta` that
    belongs to one region names it (`region`), so that region's `logg` shows it. The history is one record
    for every reader in both written forms: a `summary` builder is called once in bokmål (`summary`, what
    the hash chain and older readers know) and once in nynorsk (`summary_nn`), so `logg` shows each reader
    their own form and the names and dates in it never mix with the entry's own words.
    """
    target = partition or (item_partition(item) if item else None)
    assert target is not None, "record() needs an item or a partition"
    summary_nn = None
    if callable(summary):
        build = summary
        with using("nb"):
            summary = build()
        with using("nn"):
            summary_nn = build()
    return acting.state.change(
        partition=target,
        author=acting.author,
        at=acting.clock or acting.now,
        summary=summary,
        summary_nn=summary_nn if summary_nn != summary else None,
        mutate=mutate,
        request=acting.request,
        action=action,
        scope={"region": item.region, "year": item.year, "item": item.ident}
        if item
        else ({"region": region} if region else None),
    )
