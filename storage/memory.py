"""An in-memory `Store` for fast tests, with the same rules as the file-backed one."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

from storage.base import Store, Tables
from storage.codec import check_partition_name, decode_tables, encode_tables

logger = logging.getLogger(__name__)


class MemoryStore(Store):
    """Partitions live in a dict; nothing survives the process.

    Each partition is kept as the same JSON bytes `TinyDBStore` would write, so a test that puts a tuple,
    a non-string key or NaN into a table fails here just as it would in production. `update` hands out a
    deep copy decoded from those bytes (several times faster than `copy.deepcopy`) and commits only when
    the block exits normally; `read` returns a parsed snapshot shared between callers (read-only).
    """

    def __init__(self) -> None:
        self._raw: dict[str, bytes] = {}
        self._parsed: dict[str, Tables] = {}
        self._lock = threading.RLock()
        self._active: set[str] = set()
        self._leases: dict[str, tuple[str, float]] = {}

    def read(self, partition: str) -> Tables:
        check_partition_name(partition)
        with self._lock:
            tables = self._parsed.get(partition)
            if tables is None:
                raw = self._raw.get(partition)
                if raw is None:
                    return {}
                tables = self._parsed[partition] = decode_tables(raw, path=_label(partition))
            return tables

    @contextmanager
    def update(self, partition: str) -> Iterator[Tables]:
        check_partition_name(partition)
        with self._lock:
            if partition in self._active:
                raise RuntimeError(f"nested update of partition {partition!r} would lose the inner write")
            self._active.add(partition)
            try:
                raw = self._raw.get(partition)
                work = decode_tables(raw, path=_label(partition)) if raw is not None else {}
                yield work
                self._raw[partition] = encode_tables(work)
                self._parsed.pop(partition, None)
            finally:
                self._active.discard(partition)
                self.forget_sealed(partition)

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

    def partitions(self, prefix: str = "") -> list[str]:
        with self._lock:
            return sorted(name for name in self._raw if name.startswith(prefix))


def _label(partition: str) -> str:
    return f"<memory:{partition}>"
