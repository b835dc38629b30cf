"""The storage interface the core depends on.

Data is split into *partitions* (e.g. ``cycle/agder/2027``, ``national/2027``, ``meta``). Each partition
holds named tables of documents keyed by string. A partition is small by design (one region and one
year), so a write costs the same in year ten as in year one.

Every write goes through `update`: the implementation takes a cross-process lock, hands out a fresh,
mutable copy of the partition, and on a normal exit writes it durably (temporary file, fsync, rename)
before returning. If the block raises, nothing is written. A write that returned is never lost.
"""

from __future__ import annotations

import abc
from contextlib import AbstractContextManager
from typing import Any

Document = dict[str, Any]
Tables = dict[str, dict[str, Document]]
"""table name -> key -> document. Documents are JSON-compatible dicts."""


class StoreError(Exception):
    """Storage cannot be used (e.g. a corrupt file). The message is for the operator, in English."""


class Store(abc.ABC):
    @abc.abstractmethod
    def read(self, partition: str) -> Tables:
        """A snapshot of the partition. Callers must not mutate it. Missing partition: empty dict."""

    @abc.abstractmethod
    def update(self, partition: str) -> AbstractContextManager[Tables]:
        """Exclusive, atomic read-modify-write of one partition.

        ``with store.update("cycle/agder/2027") as tables: tables.setdefault("x", {})["k"] = {...}``
        """

    @abc.abstractmethod
    def partitions(self, prefix: str = "") -> list[str]:
        """Names of existing partitions that start with ``prefix``, sorted."""

    def try_lease(self, name: str, *, holder: str, seconds: float) -> bool:
        """Take the named lease for `seconds`, or renew it if `holder` has it; False while another holder's
        lease is still live. Holds across processes (and across machines on a shared database), so that
        two reminder passes never run at once; a dead holder's lease expires by itself."""
        raise NotImplementedError

    def release_lease(self, name: str, *, holder: str) -> None:
        """Give the lease back early (a no-op if `holder` does not have it)."""
        raise NotImplementedError

    def verify(self) -> None:
        """Raise StoreError if any partition is unreadable (called at start-up, before anyone is answered)."""
        for partition in self.partitions():
            self.read(partition)

    def close(self) -> None:
        """Release files and locks."""
