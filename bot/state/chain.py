"""The history as a hash chain: each entry carries the SHA-256 of the entry before it (per partition).

Why: the receipt of an agreement is only worth something if nobody can quietly change what was recorded.
An entry's digest is the SHA-256 of its canonical JSON (sorted keys, no whitespace, UTF-8) without its
own `hash` field. Each new entry stores `prev` (the previous entry's digest) and `hash` (its own), so an
edit to any entry, the last one included, shows on `verify`. Entries written before the chain existed
carry neither field: the chain then starts at the first entry that has them ("legacy" before it).

Entries also carry what they changed (`bot.state.replay`), inside the hashed body: the chain then proves the
state as well, and a `ChainReport` names every record where the stored state is not what it produces.

This module only computes; `StateStore` decides where entries live, so the storage layout can change
under it (history partitions, append-only rows) without touching the chain.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from bot.state.replay import Difference

logger = logging.getLogger(__name__)

PREV = "prev"
HASH = "hash"
MIN_PREFIX = 12
"""The fewest hex digits of a hash `position` looks up (the receipts' short checksums are as long)."""


_CANONICAL = json.JSONEncoder(sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False).encode
"""Built once (`json.dumps` with options builds an encoder per call; `verify` hashes every entry)."""


def digest(entry: Mapping[str, Any]) -> str:
    """SHA-256 (hex) of the entry's canonical JSON, leaving out its own `hash` field."""
    body = {key: value for key, value in entry.items() if key != HASH}
    return hashlib.sha256(_CANONICAL(body).encode("utf-8")).hexdigest()


def seal(entry: dict[str, Any], *, previous: Mapping[str, Any] | None) -> dict[str, Any]:
    """The one place an entry joins the chain: `prev` from the entry before it (None for the first), then
    its own `hash`. Returns the same dict.

    `prev` is the previous entry's own `hash` where it has one, not its content hashed again: `walk` checks
    every entry's `hash` against its content, so a changed entry is named there either way, and a write pays
    for one digest instead of two. A legacy entry (no `hash`) is hashed."""
    recorded = previous.get(HASH) if previous is not None else None
    if previous is None:
        entry[PREV] = None
    else:
        entry[PREV] = recorded if isinstance(recorded, str) and len(recorded) == 64 else digest(previous)
    entry[HASH] = digest(entry)
    return entry


@dataclass(frozen=True)
class ChainReport:
    """What walking one partition's history found."""

    partition: str
    entries: int
    legacy: int
    """Entries before the chain starts (written before entries were chained)."""
    head: str | None
    """Digest of the last entry: quote it in a receipt, compare it later."""
    broken_at: int | None = None
    broken_time: str | None = None
    problem: str | None = None
    replayed_from: int | None = None
    """The entry whose `base` the replay started from (`bot.state.replay`); None when the history does not cover
    the state yet (a store written before entries said what they changed)."""
    differences: tuple[Difference, ...] = ()
    """Every record where the stored state is not what the chain produces."""
    intact: tuple[str, ...] = ()
    """The digest of each entry from the first one on, as far as the chain is unbroken (legacy entries
    too): a hash saved from a receipt is found here later (`position`), or is gone (walk 19 F3)."""

    def position(self, wanted: str) -> int | None:
        """The 0-based index of the entry whose digest is `wanted` (or starts with it, 12 hex digits at
        least) when the chain up to it is unbroken; None when no such entry is left."""
        wanted = wanted.strip().lower()
        if len(wanted) < MIN_PREFIX:
            return None
        return next((index for index, found in enumerate(self.intact) if found.startswith(wanted)), None)

    @property
    def links_ok(self) -> bool:
        """Every entry is as it was recorded (the state aside)."""
        return self.broken_at is None

    @property
    def ok(self) -> bool:
        return self.links_ok and not self.differences

    def describe(self) -> str:
        """One English line for the operator (CLI, logs, /healthz)."""
        state = "; ".join(difference.describe() for difference in self.differences)
        if not self.links_ok:
            tail = f"; {state}" if state else ""
            return f"{self.partition}: entry {self.broken_at} ({self.broken_time}) {self.problem}{tail}"
        if state:
            return f"{self.partition}: {state}"
        start = f", chain starts at entry {self.legacy} (earlier entries are legacy)" if self.legacy else ""
        covered = f", state replayed from entry {self.replayed_from}" if self.replayed_from is not None else ""
        return f"{self.partition}: {self.entries} entries ok{start}{covered}"


def with_replay(report: ChainReport, *, start: int, differences: Sequence[Difference]) -> ChainReport:
    """The report with what replaying the partition found (`StateStore.verify_history`)."""
    return replace(report, replayed_from=start, differences=tuple(differences))


def walk(*, partition: str, entries: Sequence[Mapping[str, Any]]) -> ChainReport:
    """Check every link; report the first entry that does not match (0-based index and its time)."""
    legacy = 0
    while legacy < len(entries) and PREV not in entries[legacy] and HASH not in entries[legacy]:
        legacy += 1
    head = digest(entries[-1]) if entries else None
    intact = [digest(entry) for entry in entries[:legacy]]

    def broken(index: int, problem: str) -> ChainReport:
        at = entries[index].get("at")
        return ChainReport(
            partition=partition,
            entries=len(entries),
            legacy=legacy,
            head=head,
            broken_at=index,
            broken_time=str(at) if at is not None else "no time",
            problem=problem,
            intact=tuple(intact[:index]),
        )

    expected_prev = intact[-1] if intact else None
    for index in range(legacy, len(entries)):
        entry = entries[index]
        if PREV not in entry or HASH not in entry:
            return broken(index, "has no hash: it was added or rewritten outside the bot")
        if entry[PREV] != expected_prev and index == 0:
            return broken(0, "links to an entry that is no longer there (the entries before it were removed)")
        if entry[PREV] != expected_prev:
            # The entry before this one no longer hashes to what was recorded here: it was changed.
            return broken(index - 1, "was changed after it was recorded (the next entry's link does not match)")
        expected_prev = digest(entry)  # each entry hashed once: the next entry's link and its own hash
        if entry[HASH] != expected_prev:
            return broken(index, "was changed after it was recorded (its own hash does not match)")
        intact.append(expected_prev)
    return ChainReport(partition=partition, entries=len(entries), legacy=legacy, head=head, intact=tuple(intact))
