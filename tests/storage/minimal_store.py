"""A store written from `storage.base.Store` alone, as a newcomer adding a third store would start: a dict of
partitions and a dict of rows kept apart from them (as a database would keep them), every obligation
implemented in the plainest way, none of the project's helpers but the codec. The contract suite runs on
it (the ``minimal`` store in conftest.py), which shows the ABC and its docstrings are enough to write a
store that passes."""

from __future__ import annotations

import copy
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

from storage.base import Document, Store, Tables, Versioned, newest_first
from storage.codec import check_partition_name, encode_tables

Rows = dict[str, dict[str, Document]]
"""table -> key -> row, of one partition."""


class DictStore(Store):
    def __init__(self) -> None:
        self._partitions: dict[str, Versioned] = {}
        self._rows: dict[str, Rows] = {}
        self._staged: dict[str, Rows] = {}
        """The rows an open update writes: they replace the partition's rows when it commits."""
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
                staged = self._staged[partition] = copy.deepcopy(self._rows.get(partition, {}))
                yield work
                encode_tables(work)  # refuses what JSON cannot hold
                encode_tables(staged)
                self._writes += 1
                self._partitions[partition] = Versioned(copy.deepcopy(work), self._writes)
                self._rows[partition] = staged
            finally:
                self._open.discard(partition)
                self._staged.pop(partition, None)
                self.forget_sealed(partition)

    def partitions(self, prefix: str = "") -> list[str]:
        with self._lock:
            return sorted(name for name in self._partitions if name.startswith(prefix))

    def append(self, tables: Tables, *, partition: str, table: str, entry: Document) -> str:
        staged = self._staged[partition].setdefault(table, {})
        key = f"{len(staged):06d}"
        staged[key] = copy.deepcopy(entry)
        return key

    def put_row(self, tables: Tables, *, partition: str, table: str, key: str, doc: Document) -> None:
        self._staged[partition].setdefault(table, {})[key] = copy.deepcopy(doc)

    def row(self, tables: Tables, *, partition: str, table: str, key: str) -> Document | None:
        return self._staged[partition].get(table, {}).get(key)

    def last_row(self, tables: Tables, *, partition: str, table: str) -> Document | None:
        staged = self._staged[partition].get(table) or {"": None}
        return list(staged.values())[-1]

    def rows(self, partition: str, *, table: str) -> dict[str, Document]:
        check_partition_name(partition)
        with self._lock:
            return self._rows.get(partition, {}).get(table, {})

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
