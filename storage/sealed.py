"""What `Store.sealed_history` remembers per prefix, for a store that chooses to remember (all three do).

A region's `logg` reads the history of every year the region ever had. The years before last year are
written by no command, so their newest entries and count are worked out once per prefix and kept: a
request then costs the same in year one and year thirty. A store holds one `SealedSummaries`, answers
`sealed_history` with `summary` and `forget_sealed` with `forget` (which its writes call).
"""

from __future__ import annotations

import logging
import threading
import time

from storage.base import Document, Store, newest_first

logger = logging.getLogger(__name__)

SEALED_RECHECK_SECONDS = 60.0
"""How long a summary is trusted about partitions this instance did not write (another replica or process,
a hand edit of an old year); this instance's own writes take effect at once (`forget`)."""


class SealedSummaries:
    """Summaries per prefix, each with the names and limit it was made for and when. Thread-safe."""

    def __init__(self) -> None:
        self._memos: dict[str, tuple[tuple[tuple[str, ...], int], float, list[Document], int]] = {}
        self._generation: dict[str, int] = {}
        self._lock = threading.Lock()

    def summary(self, prefix: str, *, names: tuple[str, ...], limit: int, store: Store) -> tuple[list[Document], int]:
        """`Store.sealed_history` of `store`, from its `latest_rows` and `count_rows` of each name."""
        with self._lock:
            memo = self._memos.get(prefix)
            if memo is not None and memo[0] == (names, limit) and time.monotonic() - memo[1] < SEALED_RECHECK_SECONDS:
                return memo[2], memo[3]
            generation = self._generation.get(prefix, 0)
        started = time.monotonic()
        entries: list[Document] = []
        total = 0
        for name in names:
            entries += store.latest_rows(name, table="history", limit=limit)
            total += store.count_rows(name, table="history")
        latest = newest_first(entries)[: max(0, limit)]
        with self._lock:
            if self._generation.get(prefix, 0) == generation:  # no write meanwhile: keep it
                self._memos[prefix] = ((names, limit), started, latest, total)
        return latest, total

    def forget(self, partition: str) -> None:
        """A write to `partition`: a summary of its folder being made now is not kept, and a kept one that
        covers it is dropped (writes to the open years leave it as it is)."""
        prefix = partition.rpartition("/")[0] + "/"
        with self._lock:
            self._generation[prefix] = self._generation.get(prefix, 0) + 1
            memo = self._memos.get(prefix)
            if memo is not None and partition in memo[0][0]:
                del self._memos[prefix]
