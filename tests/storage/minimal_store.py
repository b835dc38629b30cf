"""A store written from `storage.base.Store` alone, as a newcomer adding a third store would start: a dict of
partitions, every obligation implemented in the plainest way, none of the project's helpers but the codec.
The contract suite runs on it (the ``minimal`` store in conftest.py), which shows the ABC and its
docstrings are enough to write a store that passes."""

from __future__ import annotations

import copy
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

from storage.base import Document, Store, Tables, Versioned, newest_first
from storage.codec import check_partition_name, encode_tables


class DictStore(Store):
    def __init__(self) -> None:
        self._partitions: dict[str, Versioned] = {}
        self._lock = threading.RLock()
        self._open: set[str] = set()
        self._leases: dict[str, tuple[str, float]] = {}
        self._writes = 0

    def read_versioned(self, partition: str) -> Versioned:
        check_partition_name(partition)
        with self._lock:
            return self._partitions.get(partition, Versioned({}, 0))

    def version(self, partition: str) -> int:
        return self.read_versioned(partition).version

    @contextmanager
    def update(self, partition: str) -> Iterator[Tables]:
        check_partition_name(partition)
        with self._lock:
            if partition in self._open:
                raise RuntimeError(f"nested update of {partition!r}")
            self._open.add(partition)
            try:
                work = copy.deepcopy(self._partitions.get(partition, Versioned({}, 0)).tables)
                yield work
                encode_tables(work)  # refuses what JSON cannot hold
                self._writes += 1
                self._partitions[partition] = Versioned(copy.deepcopy(work), self._writes)
            finally:
                self._open.discard(partition)
                self.forget_sealed(partition)

    def partitions(self, prefix: str = "") -> list[str]:
        with self._lock:
            return sorted(name for name in self._partitions if name.startswith(prefix))

    def append(self, tables: Tables, *, partition: str, table: str, entry: Document) -> str:
        rows = tables.setdefault(table, {})
        key = f"{len(rows):06d}"
        rows[key] = entry
        return key

    def put_row(self, tables: Tables, *, partition: str, table: str, key: str, doc: Document) -> None:
        tables.setdefault(table, {})[key] = doc

    def row(self, tables: Tables, *, partition: str, table: str, key: str) -> Document | None:
        return tables.get(table, {}).get(key)

    def last_row(self, tables: Tables, *, partition: str, table: str) -> Document | None:
        rows = list(tables.get(table, {}).values())
        return rows[-1] if rows else None

    def rows(self, partition: str, *, table: str) -> dict[str, Document]:
        return self.read(partition).get(table, {})

    def sealed_history(self, prefix: str, *, names: tuple[str, ...], limit: int) -> tuple[list[Document], int]:
        entries: list[Document] = []
        for name in names:
            entries += self.latest_rows(name, table="history", limit=limit)
        return newest_first(entries)[: max(0, limit)], sum(self.count_rows(n, table="history") for n in names)

    def forget_sealed(self, partition: str) -> None:
        """Nothing is remembered, so nothing goes stale."""

    def try_lease(self, name: str, *, holder: str, seconds: float) -> bool:
        with self._lock:
            current = self._leases.get(name)
            if current is not None and current[0] != holder and current[1] > time.monotonic():
                return False
            self._leases[name] = (holder, time.monotonic() + seconds)
            return True

    def release_lease(self, name: str, *, holder: str) -> None:
        with self._lock:
            if self._leases.get(name, ("", 0.0))[0] == holder:
                del self._leases[name]

    def faults(self) -> dict[str, str]:
        return {}

    def close(self) -> None:
        pass
