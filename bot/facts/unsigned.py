"""The items of an actor's `neste` window less the agreements the actor has signed, kept by what decides it.

Whether the actor has signed an agreement follows from that agreement's partition's signatures table alone,
and a write to anything else there keeps that table the same object (`storage.fragments.share_unchanged`), as
every other region's partition is. An actor's `neste` spans every region (~24 owed signings): asking each
region's `signatures` on every request was a third of `actor_items`. So the answer is kept with the tables it
was made from, and a request reads each owed signing's partition (its read set, a kept reply's check, still
names them all) and compares them by identity; the written one makes it again. Only as stored, never inside a
held write (its tables are being changed)."""

from __future__ import annotations

import logging
from collections import OrderedDict
from collections.abc import Hashable

from bot.memo import IdentityMemo, drop_oldest
from bot.model.wheel import Item
from bot.state.store import StateStore, item_partition

logger = logging.getLogger(__name__)

Window = tuple[tuple[Item, bool], ...]
"""Each item a `neste` may show, with whether it is a signing the actor owes only until it signs."""


def without_signed(*, state: StateStore, actor: str, window: Window, key: Hashable) -> tuple[Item, ...]:
    """`window`'s items, less each owed signing `actor` has signed; `key` names the window (actor, region,
    day) for the answer kept beside it."""
    read = state.store.read
    signed = tuple(read(partition).get("signatures") or None for partition in _owed_partitions(window))
    stored = state.only_read()
    kept = _KEPT.get(key) if stored else None
    if kept is not None and kept[0] is window and all(a is b for a, b in zip(kept[1], signed, strict=True)):
        return kept[2]
    items = tuple(
        item
        for item, owed in window
        if not owed or actor not in state.signatures(region=item.region or "", year=item.year)
    )
    if stored:
        _KEPT[key] = (window, signed, items)
        if len(_KEPT) > _MAX_KEPT:
            drop_oldest(_KEPT)
    return items


def _owed_partitions(window: Window) -> tuple[str, ...]:
    """The partition of each owed signing in `window`, in order (kept by the window's identity)."""
    found = _OWED.get(window)
    if found is None:
        found = _OWED.put(window, tuple(item_partition(item) for item, owed in window if owed))
    return found


_OWED: IdentityMemo[tuple[str, ...]] = IdentityMemo(maxsize=256)
_MAX_KEPT = 256
_KEPT: OrderedDict[Hashable, tuple[Window, tuple[object, ...], tuple[Item, ...]]] = OrderedDict()
"""Per window's key: the window it was made from (held: another window's equal key never matches), each owed
signing's signatures table (held, so their ids stay theirs; None for none), and the items left."""
