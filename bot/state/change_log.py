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
from bot.model.wheel import Item
from bot.state.store import META, StateStore, cycle_partition, item_partition, national_partition
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


def latest_changes(
    state: StateStore, *, region: str | None, limit: int, sealed_before: int, year: int | None = None
) -> LatestChanges:
    """The latest changes of `region` (None: the nation's and the bindings); `sealed_before` is the first
    year still written (the years before it are summarised by the store). With `year`, only that cycle's
    changes (`logg 2026`): the bindings belong to no cycle."""
    if year is not None:
        partition = cycle_partition(region, year) if region else national_partition(year)
        found, count = state.latest_under(partition, limit=limit, sealed_before=sealed_before)
        return LatestChanges(entries=tuple(found), total=count)
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


@dataclass(frozen=True)
class ReplacedOutcome:
    """An outcome (minutes) a later write replaced, as the history keeps it: the records' `before`."""

    outcome: Document
    held: str | None
    """The day it was recorded as held (ISO), as it was then."""
    replaced_at: str
    """When it was replaced (ISO), and by whom."""
    replaced_by: str
    record: Document | None = None
    """The whole record as it was (its planned days say whether it was held over two)."""


def replaced_outcome(entry: Document) -> Document | None:
    """The outcome an entry replaced, if it replaced one with a different one (a replaced minutes' text is
    kept in the history entry's `before`, which is what `referat vis … tidligere` and `logg` show)."""
    for change in entry.get("changes") or ():
        before, after = change.get("before") or {}, change.get("after") or {}
        old = before.get("outcome") if isinstance(before, dict) else None
        new = after.get("outcome") if isinstance(after, dict) else None
        if isinstance(old, dict) and _unclosed(old) != _unclosed(new):
            return old
    return None


_CLOSING = ("closed_at", "closed_by")
"""What `ferdig` writes on a point: closing one is no new minutes (walk 14a F10)."""


def _unclosed(outcome: object) -> object:
    """The outcome without its points' closings, so a write that only closed a point replaced nothing."""
    if not isinstance(outcome, dict) or not isinstance(outcome.get("followups"), list):
        return outcome
    points = [
        {key: value for key, value in point.items() if key not in _CLOSING} if isinstance(point, dict) else point
        for point in outcome["followups"]
    ]
    return {**outcome, "followups": points}


def replaced_outcomes(state: StateStore, *, item: Item) -> tuple[ReplacedOutcome, ...]:
    """The outcomes of `item` that later writes replaced, newest first."""
    found = []
    for entry in state.history(item_partition(item)):
        old = replaced_outcome(entry) if entry.get("item") == item.ident else None
        if old is None:
            continue
        before = next(c.get("before") or {} for c in entry.get("changes") or () if c.get("before"))
        found.append(
            ReplacedOutcome(
                outcome=old,
                held=before.get("done_at") if isinstance(before.get("done_at"), str) else None,
                replaced_at=str(entry.get("at") or ""),
                replaced_by=str(entry.get("name") or ""),
                record=before,
            )
        )
    return tuple(reversed(found))
