"""An in-memory `Store` for fast tests, with the same rules as the file-backed one."""

from __future__ import annotations

import itertools
import logging
import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from storage.base import Document, Store, Versioned
from storage.codec import check_partition_name, decode_tables, encode_tables
from storage.faults import FaultLog
from storage.rows_in_tables import RowsInTables
from storage.sealed import SealedSummaries

logger = logging.getLogger(__name__)


class MemoryStore(RowsInTables, FaultLog, Store):
    """Partitions live in a dict; nothing survives the process.

    Each partition is kept as the same JSON bytes `TinyDBStore` would write, so a test that puts a tuple,
    a non-string key or NaN into a table fails here just as it would in production. `update` hands out a
    deep copy decoded from those bytes (several times faster than `copy.deepcopy`) and commits only when
    the block exits normally; `read` returns a parsed snapshot shared between callers (read-only). Rows
    (history, ledger, request ids) are tables of the partition (`RowsInTables`). A version is a number
    from one counter for the whole store, taken by every write.
    """

    def __init__(self) -> None:
        self._raw: dict[str, tuple[bytes, int]] = {}
        self._parsed: dict[str, Versioned] = {}
        self._lock = threading.RLock()
        self._active: set[str] = set()
        self._locked: dict[str, int] = {}
        """Each open update's partition and the version it locked (`locked_version`)."""
        self._leases: dict[str, tuple[str, float]] = {}
        self._counter = itertools.count(1)
        self._sealed = SealedSummaries()

    def read_versioned(self, partition: str) -> Versioned:
        check_partition_name(partition)
        with self._lock:
            found = self._parsed.get(partition)
            if found is None:
                held = self._raw.get(partition)
                if held is None:
                    return Versioned({}, 0)
                found = self._parsed[partition] = Versioned(decode_tables(held[0], path=_label(partition)), held[1])
            return found

    def version(self, partition: str) -> int:
        check_partition_name(partition)
        with self._lock:
            held = self._raw.get(partition)
            return held[1] if held is not None else 0

    def versions(self, partitions: Iterable[str]) -> tuple[int, ...]:
        names = [check_partition_name(name) for name in partitions]
        with self._lock:
            return tuple(held[1] if (held := self._raw.get(name)) is not None else 0 for name in names)

    @contextmanager
    def update(self, partition: str) -> Iterator[dict[str, dict[str, Document]]]:
        check_partition_name(partition)
        with self._lock:
            if partition in self._active:
                raise RuntimeError(f"nested update of partition {partition!r} would lose the inner write")
            self._active.add(partition)
            try:
                held = self._raw.get(partition)
                work = decode_tables(held[0], path=_label(partition)) if held is not None else {}
                self._locked[partition] = held[1] if held is not None else 0
                yield work
                self._raw[partition] = (encode_tables(work), next(self._counter))
                self._parsed.pop(partition, None)
            finally:
                self._active.discard(partition)
                self._locked.pop(partition, None)
                self.forget_sealed(partition)

    def locked_version(self, partition: str) -> int | None:
        with self._lock:  # held by an open update: only its own thread gets here meanwhile
            return self._locked.get(partition)

    def partitions(self, prefix: str = "") -> list[str]:
        with self._lock:
            return sorted(name for name in self._raw if name.startswith(prefix))

    def sealed_history(self, prefix: str, *, names: tuple[str, ...], limit: int) -> tuple[list[Document], int]:
        return self._sealed.summary(prefix, names=names, limit=limit, store=self)

    def forget_sealed(self, partition: str) -> None:
        self._sealed.forget(partition)

    def try_lease(self, name: str, *, holder: str, seconds: float) -> bool:
        now = time.monotonic()
        with self._lock:
            current = self._leases.get(name)
            if current is not None and current[0] != holder and current[1] > now:
                return False
            self._leases[name] = (holder, now + seconds)
            return True

    def release_lease(self, name: str, *, holder: str) -> None:
        with self._lock:
            current = self._leases.get(name)
            if current is not None and current[0] == holder:
                del self._leases[name]

    def close(self) -> None:
        """Nothing to release: the partitions live as long as the object."""


def _label(partition: str) -> str:
    return f"<memory:{partition}>"
