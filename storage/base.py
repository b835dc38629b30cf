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
import logging
import threading
import time
from contextlib import AbstractContextManager
from typing import Any, Self

logger = logging.getLogger(__name__)
_FAULTS_LOCK = threading.Lock()
_SEALED_LOCK = threading.Lock()

SEALED_RECHECK_SECONDS = 60.0
"""How long `Store.sealed_history` trusts what it remembered about partitions this process did not write
(another replica or process, a hand edit of an old year); this process's own writes take effect at once."""

Document = dict[str, Any]
Tables = dict[str, dict[str, Document]]
"""table name -> key -> document. Documents are JSON-compatible dicts."""

ROW_TABLES = ("history", "ledger", "requests")
"""Tables reached only through the row methods below (a store may keep them apart from the partition)."""


class StoreError(Exception):
    """Storage cannot be used (e.g. a corrupt file). The message is for the operator, in English: it names the
    file (or database) and what to do. `kind` is what the person in the chat is told:

    - ``unavailable``: a passing failure (the database restarts); "try again in a moment".
    - ``damaged``: a file or folder needs the operator (corrupt, no permission, read-only, a folder in the
      way); the rest of the store keeps working.
    - ``full``: no space left (ENOSPC/EDQUOT); nothing was written.
    """

    def __init__(self, message: str, *, kind: str = "damaged", partition: str | None = None) -> None:
        super().__init__(message)
        self.kind = kind
        self.partition = partition


class StoreWriteError(StoreError, OSError):
    """A write the operating system refused (full disk, permissions, read-only file system); still an OSError."""


class Store(abc.ABC):
    remote: bool = False
    """True for a store whose calls wait on the network (PostgreSQL): `serve` then runs the core off its
    event loop (adapters/offload.py). A local store (files, memory) answers faster than a thread hop."""

    @abc.abstractmethod
    def read(self, partition: str) -> Tables:
        """A snapshot of the partition. Callers must not mutate it. Missing partition: empty dict.

        While the partition is unchanged the same object may be handed out again (a store's cached copy); once
        it has changed (here or through another instance), never: the object's identity stands for the
        partition's version (`bot.memo.IdentityMemo`, `bot.reply_cache`)."""

    @abc.abstractmethod
    def update(self, partition: str) -> AbstractContextManager[Tables]:
        """Exclusive, atomic read-modify-write of one partition.

        ``with store.update("cycle/agder/2027") as tables: tables.setdefault("x", {})["k"] = {...}``
        """

    @abc.abstractmethod
    def partitions(self, prefix: str = "") -> list[str]:
        """Names of existing partitions that start with ``prefix``, sorted."""

    # -- rows apart from the partition document ------------------------------------------------------------
    # History (append-only), the reminder ledger and applied request ids grow for as long as the store lives.
    # These methods are the one way to reach them, so a store may keep them as rows of their own (PostgreSQL)
    # and a write costs the same at 10 or 10,000 entries. The defaults keep them as tables in the partition.

    def append(self, tables: Tables, *, partition: str, table: str, entry: Document) -> str:
        """Add `entry` to the append-only `table`, inside an open ``update(partition)`` that yielded `tables`;
        written (or not) with that update. Returns the entry's key, in insertion order."""
        rows = tables.setdefault(table, {})
        key = f"{len(rows):06d}"
        rows[key] = entry
        return key

    def put_row(self, tables: Tables, *, partition: str, table: str, key: str, doc: Document) -> None:
        """Set one keyed row inside an open ``update(partition)``; written (or not) with that update."""
        tables.setdefault(table, {})[key] = doc

    def row(self, tables: Tables, *, partition: str, table: str, key: str) -> Document | None:
        """One keyed row as the open ``update(partition)`` sees it (None when absent)."""
        return tables.get(table, {}).get(key)

    def rows(self, partition: str, *, table: str) -> dict[str, Document]:
        """Every row of `table`, oldest first (read-only for the caller)."""
        return self.read(partition).get(table, {})

    def record_many(self, *, partition: str, table: str, docs: dict[str, Document]) -> None:
        """Write several keyed rows in one write (a digest's reminders); a key already there is kept."""
        with self.update(partition) as tables:
            rows = tables.setdefault(table, {})
            for key, doc in docs.items():
                rows.setdefault(key, doc)

    def latest_rows(self, partition: str, *, table: str, limit: int) -> list[Document]:
        """The newest `limit` rows of an append-only table, newest first (`logg` reads only what it shows)."""
        rows = self.rows(partition, table=table)
        keys = list(rows)[-limit:] if limit > 0 else []
        return [rows[key] for key in reversed(keys)]

    def count_rows(self, partition: str, *, table: str) -> int:
        """How many rows an append-only table holds."""
        return len(self.rows(partition, table=table))

    def last_row(self, tables: Tables, *, partition: str, table: str) -> Document | None:
        """The newest row of an append-only table as the open update sees it (for a hash chain)."""
        rows = tables.get(table, {})
        return rows[next(reversed(rows))] if rows else None

    def record_once(self, *, partition: str, table: str, key: str, doc: Document) -> bool:
        """Write a keyed row unless it exists (then False): the once-only reminder ledger."""
        with self.update(partition) as tables:
            if key in tables.get(table, {}):
                return False
            tables.setdefault(table, {})[key] = doc
            return True

    # -- history of many partitions, for `logg` -----------------------------------------------------------

    def sealed_history(self, prefix: str, *, names: tuple[str, ...], limit: int) -> tuple[list[Document], int]:
        """The newest `limit` history entries of the partitions `names` (all directly under `prefix`, e.g.
        the years of ``cycle/agder/`` before last year, which no command writes any more), newest first as
        `newest_first` orders them, and how many entries those partitions hold.

        Why: a region's `logg` would otherwise read every year it ever had (31 partitions at 30 years). The
        answer is remembered per prefix, so a request costs the same in year one and year thirty; it is
        forgotten when this store writes one of those partitions (`forget_sealed`), when `names` change, and
        after `SEALED_RECHECK_SECONDS` (what another process may have written)."""
        memos = self.__dict__.setdefault("_sealed", {})
        with _SEALED_LOCK:
            memo = memos.get(prefix)
            if memo is not None and memo[0] == (names, limit) and time.monotonic() - memo[1] < SEALED_RECHECK_SECONDS:
                return memo[2], memo[3]
            generation = self.__dict__.setdefault("_sealed_generation", {}).get(prefix, 0)
        started = time.monotonic()
        entries: list[Document] = []
        total = 0
        for name in names:
            entries += self.latest_rows(name, table="history", limit=limit)
            total += self.count_rows(name, table="history")
        latest = newest_first(entries)[: max(0, limit)]
        with _SEALED_LOCK:
            if self.__dict__["_sealed_generation"].get(prefix, 0) == generation:  # no write meanwhile
                memos[prefix] = ((names, limit), started, latest, total)
        return latest, total

    def forget_sealed(self, partition: str) -> None:
        """A write to `partition`: what `sealed_history` remembered about its folder is stale. Every store's
        `update` calls this (a dict lookup, whatever the size of the store)."""
        memos = self.__dict__.get("_sealed")
        if memos is None:
            return
        prefix = partition.rpartition("/")[0] + "/"
        with _SEALED_LOCK:
            generations = self.__dict__.setdefault("_sealed_generation", {})
            generations[prefix] = generations.get(prefix, 0) + 1  # a summary being made now is not kept
            memo = memos.get(prefix)
            if memo is not None and partition in memo[0][0]:  # writes to the open years leave it as it is
                del memos[prefix]

    # -- faults, for /healthz ------------------------------------------------------------------------------

    def faults(self) -> dict[str, str]:
        """What is wrong with the store now (partition or "store" -> the operator's message); empty when ok."""
        with _FAULTS_LOCK:
            return dict(getattr(self, "_faults", {}))

    def note_fault(self, where: str, error: StoreError) -> StoreError:
        """Remember a fault until the same place works again; returns the error to raise."""
        with _FAULTS_LOCK:
            faults = self.__dict__.setdefault("_faults", {})
            if faults.get(where) != str(error):
                logger.error("store fault in %s: %s", where, error)
            faults[where] = str(error)
        return error

    def clear_fault(self, where: str) -> None:
        faults = self.__dict__.get("_faults")
        if faults and where in faults:
            with _FAULTS_LOCK:
                if faults.pop(where, None) is not None:
                    logger.info("store fault in %s is gone", where)

    def try_lease(self, name: str, *, holder: str, seconds: float) -> bool:
        """Take the named lease for `seconds`, or renew it if `holder` has it; False while another holder's
        lease is still live. Holds across processes (and across machines on a shared database), so that
        two reminder passes never run at once; a dead holder's lease expires by itself."""
        raise NotImplementedError

    def release_lease(self, name: str, *, holder: str) -> None:
        """Give the lease back early (a no-op if `holder` does not have it)."""
        raise NotImplementedError

    def verify(self, *, from_year: int | None = None) -> None:
        """Raise StoreError if a partition is unreadable (called at start-up, before anyone is answered).

        With `from_year`, partitions of an earlier year (a name ending in ``/<year>``) are left out: start-up
        checks what the bot is about to read, not thirty years of archive (those are checked when read)."""
        for partition in self.partitions():
            if is_recent(partition, from_year=from_year):
                self.read(partition)

    def close(self) -> None:
        """Release files and locks."""

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


def newest_first(entries: list[Document]) -> list[Document]:
    """History entries sorted newest first by their `at`; a stable sort, so entries of the same time keep
    the order they were given in (an entry without a readable `at` sorts last)."""
    return sorted(entries, key=lambda entry: str(entry.get("at") or ""), reverse=True)


def is_recent(partition: str, *, from_year: int | None) -> bool:
    """False for a partition of a year before `from_year` (``cycle/agder/2019`` before 2026); else True."""
    last = partition.rpartition("/")[2]
    return from_year is None or not (len(last) == 4 and last.isdigit()) or int(last) >= from_year
