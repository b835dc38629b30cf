"""The latest recorded changes for `logg`, read through one typed accessor, so the command names no stored
table: a region's cycles, or the nation's cycles and the runtime bindings (`meta`).

Newest first and only what can be shown: the years no command writes any more are summarised once by the
store (`StateStore.latest_under`), so the cost stays flat however old the store is. A region's own changes
kept in `meta` (its plan period) are found among the newest there, and kept with `meta`'s version.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from bot.memo import IdentityMemo
from bot.state.store import META, StateStore
from storage.base import Document, newest_first

logger = logging.getLogger(__name__)

META_LOOK_BACK = 100
"""How far back in `meta` (bindings, people, plan periods of every region) a region's `logg` looks."""
_OWN: IdentityMemo[list[Document]] = IdentityMemo(maxsize=1024)
"""A region's own entries among the newest of `meta`, by `meta`'s version and the region: `meta` holds
every organisation's bindings, so reading and filtering its newest 100 entries on every `logg` cost more
with 100 organisations than with 15, though `meta` rarely changes."""


@dataclass(frozen=True)
class LatestChanges:
    entries: tuple[Document, ...]
    """Newest first (stable: same-minute entries keep their order); at most `limit` from each place."""
    total: int
    """How many changes there are in all, shown or not."""


def latest_changes(state: StateStore, *, region: str | None, limit: int, sealed_before: int) -> LatestChanges:
    """The latest changes of `region` (None: the nation's and the bindings); `sealed_before` is the first
    year still written (the years before it are summarised by the store)."""
    prefixes = [f"cycle/{region}/"] if region else ["national/", META]
    entries: list[Document] = []
    total = 0
    for prefix in prefixes:
        found, count = state.latest_under(prefix, limit=limit, sealed_before=sealed_before)
        entries += found
        total += count
    if region:
        # `meta` as it is now: the region's entries are kept until its version changes (the tables object
        # only ties the memo to this store; it is never taken for the version).
        meta, version = state.store.read_versioned(META)
        own = _OWN.get(meta, (region, version))
        if own is None:
            own = [e for e in state.latest(META, limit=META_LOOK_BACK) if e.get("region") == region]
            _OWN.put(meta, own, (region, version))
        entries += own
        total += len(own)
    return LatestChanges(entries=tuple(newest_first(entries)), total=total)
