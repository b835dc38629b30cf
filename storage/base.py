"""The storage interface the core depends on: every obligation of a store, written down.

Data is split into *partitions* (e.g. ``cycle/agder/2027``, ``national/2027``, ``meta``). Each partition
holds named tables of documents keyed by string. A partition is small by design (one region and one
year), so a write costs the same in year ten as in year one.

Every write goes through `update`: the implementation takes a cross-process lock, hands out a fresh,
mutable copy of the partition, and on a normal exit writes it durably before returning. If the block
raises, nothing is written. A write that returned is never lost. Each partition has a *version*
(`Store.version`): a number that changes with every write, whoever made it, so a cache can tell whether
what it was made from still holds without comparing contents.

Every method a store must decide for itself is abstract, so a store written from this class alone is told
what it lacks (`storage.contract.missing`, checked when a store is registered in `storage`); the few
concrete methods are conveniences that follow from the abstract ones and hold for any store. The contract
suite (`tests/storage/test_contract*.py`, `test_rows_contract.py`, `test_sealed_history.py`) runs on every
registered store and on a minimal one written from this class alone (`tests/storage/minimal_store.py`).
"""

from __future__ import annotations

import abc
import logging
from collections.abc import Iterable
from contextlib import AbstractContextManager, nullcontext
from typing import Any, NamedTuple, Self

logger = logging.getLogger(__name__)

Document = dict[str, Any]
Tables = dict[str, dict[str, Document]]
"""table name -> key -> document. Documents are JSON-compatible dicts."""

ROW_TABLES = ("history", "ledger", "requests")
"""Tables reached only through the row methods below (a store may keep them apart from the partition)."""

REPLACED_ROW_TABLES = ("pending",)
"""Tables kept whole in the partition whose rows a writer adds, replaces or deletes, never changes in place
(the outbox's pending announcements, `bot.delivery.outbox`): a write's copy shares their rows with what
readers hold, as it does the row tables' (`storage.fragments`), so a row not replaced keeps its JSON text."""


class Versioned(NamedTuple):
    """A partition's tables and the version they are (`Store.read_versioned`)."""

    tables: Tables
    version: int


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
    """A store of partitions. Thread-safe; one instance per process and data folder or database.

    Concrete here (conveniences that hold for any store, overridden where a store does better): `read`,
    `versions`, `latest_rows`, `count_rows`, `record_once`, `record_many`, `verify`, use as a context
    manager (`close` on exit), and a journal of marks that a store without one declines (`note`). Everything else is abstract."""

    remote: bool = False
    """True for a store whose calls wait on the network (PostgreSQL): `serve` then runs the core off its
    event loop (adapters/offload.py). A local store (files, memory) answers faster than a thread hop."""

    # -- partitions ----------------------------------------------------------------------------------------

    @abc.abstractmethod
    def read_versioned(self, partition: str) -> Versioned:
        """A snapshot of the partition with the version it is, taken together (the version is never newer than
        the tables). A missing partition is ``Versioned({}, 0)``. Raises ValueError for a name
        `storage.codec.check_partition_name` refuses, `StoreError` when the partition cannot be read.

        The tables are shared with other callers: nobody mutates them, and the store never changes an object
        it handed out (a later write hands out new objects). Whether a read hands out the same object again
        is the store's business: nothing may take an object's identity for the partition's version."""

    @abc.abstractmethod
    def version(self, partition: str) -> int:
        """The partition's version now, as cheaply as the store can tell it: 0 while it was never written.

        It changes with every write that changed what the partition holds (`update` that returned,
        `record_once` that wrote, `record_many`), rows included, whoever wrote: this instance, another
        process on the same folder, another replica on the same database; the next call after the write
        returned shows it. A store may also change it on a write that changed nothing. A version is only
        compared for equality with an earlier version of the same partition (`bot.reply_cache`)."""

    @abc.abstractmethod
    def update(self, partition: str) -> AbstractContextManager[Tables]:
        """Exclusive, atomic, durable read-modify-write of one partition.

        ``with store.update("cycle/agder/2027") as tables: tables.setdefault("x", {})["k"] = {...}``

        Yields a fresh copy nobody else sees (mutating it after the block changes nothing). On a normal exit
        the whole partition (rows written through the row methods included) is written durably before the
        block returns, and the version changes; if the block raises, nothing is written and the exception
        goes on. Writers on every instance (processes, replicas) exclude each other per partition. A nested
        update of the same partition in one thread raises RuntimeError ("nested"); of another partition is
        allowed. Tables JSON cannot hold (non-string keys, NaN, non-dict documents, a document field
        ``_key``) raise TypeError/ValueError and write nothing (`storage.codec.encode_tables`). After the
        write, and whether or not it happened, calls `forget_sealed(partition)`."""

    def locked_version(self, partition: str) -> int | None:
        """Inside this thread's `update(partition)`: the version the partition was when the block took its lock
        (what `version` said then, 0 for a partition never written); None outside one, and from a store that
        cannot tell. A request that read the partition earlier compares it with the version it read: a change
        decided on a read another writer has overtaken is decided again (`bot.state.views.RequestReads`)."""
        return None

    @abc.abstractmethod
    def partitions(self, prefix: str = "") -> list[str]:
        """Names of existing partitions that start with ``prefix`` (any string, not only a folder), sorted.
        A partition exists once a write to it returned; a failed first write leaves none."""

    def read(self, partition: str) -> Tables:
        """The tables of `read_versioned` (read-only for the caller; see there)."""
        return self.read_versioned(partition).tables

    def versions(self, partitions: Iterable[str]) -> tuple[int, ...]:
        """`version` of each partition, in order (a store may ask for them together: one round trip)."""
        return tuple(self.version(partition) for partition in partitions)

    def one_look(self) -> AbstractContextManager[None]:
        """Within the block, in this thread, each partition is looked at once: `read_versioned`, `version` and
        `versions` give what the first of them found (one read, as if taken together), not what a write by
        another process since then holds; this instance's own writes show at once, and `update` always
        starts from the partition as it is. For one request's reads (`Core.handle` opens it for every request,
        `bot.pipeline.kept` again, as one): a kept reply's check and the answer worked out after it would
        otherwise look at the same ~50 partitions twice or three times, and PostgreSQL asks for the
        partitions a request like it read with its first look (`storage.pg_looks`). Nothing changes for a
        store that cannot save by it (the default)."""
        return nullcontext()

    # -- rows apart from the partition document ------------------------------------------------------------
    # History (append-only), the reminder ledger and applied request ids grow for as long as the store lives.
    # These methods are the one way to reach them, so a store may keep them as rows of their own (PostgreSQL,
    # segment files in tinydb) and a write costs the same at 10 or 10,000 entries; `storage.rows_in_tables`
    # keeps them as tables of the partition, for a store that chooses to.

    @abc.abstractmethod
    def append(self, tables: Tables, *, partition: str, table: str, entry: Document) -> str:
        """Add `entry` to the append-only `table`, inside an open ``update(partition)`` that yielded `tables`;
        written (or not) with that update. Returns the entry's key: keys sort in the order of appending and
        are never reused."""

    @abc.abstractmethod
    def put_row(self, tables: Tables, *, partition: str, table: str, key: str, doc: Document) -> None:
        """Set one keyed row inside an open ``update(partition)`` (replacing a row with that key); written (or
        not) with that update."""

    @abc.abstractmethod
    def row(self, tables: Tables, *, partition: str, table: str, key: str) -> Document | None:
        """One keyed row as the open ``update(partition)`` sees it, however old (None when absent)."""

    def expect_row(self, *, partition: str, table: str, key: str) -> None:
        """The next ``update(partition)`` in this thread asks `row` for this key first (a request id: was it
        applied?): a store may fetch it with the update's lock, one round trip fewer (PostgreSQL,
        `storage.pg_write`). What `row` returns is the same either way; nothing for a store that cannot save
        by it (the default)."""

    @abc.abstractmethod
    def last_row(self, tables: Tables, *, partition: str, table: str) -> Document | None:
        """The newest row of an append-only table as the open update sees it (None when empty): the hash
        chain's previous entry."""

    @abc.abstractmethod
    def rows(self, partition: str, *, table: str) -> dict[str, Document]:
        """Every row of `table` as written, oldest first (read-only for the caller); empty when none."""

    def latest_rows(self, partition: str, *, table: str, limit: int) -> list[Document]:
        """The newest `limit` rows of an append-only table, newest first (`logg` reads only what it shows)."""
        rows = self.rows(partition, table=table)
        keys = list(rows)[-limit:] if limit > 0 else []
        return [rows[key] for key in reversed(keys)]

    def count_rows(self, partition: str, *, table: str) -> int:
        """How many rows a table holds."""
        return len(self.rows(partition, table=table))

    def record_once(self, *, partition: str, table: str, key: str, doc: Document) -> bool:
        """Write a keyed row unless it exists (then False, and nothing written): the once-only reminder
        ledger. Once-only across every instance: two callers racing for one key get one True."""
        with self.update(partition) as tables:
            if self.row(tables, partition=partition, table=table, key=key) is not None:
                return False
            self.put_row(tables, partition=partition, table=table, key=key, doc=doc)
            return True

    def record_many(self, *, partition: str, table: str, docs: dict[str, Document]) -> None:
        """Write several keyed rows in one atomic write (a digest's reminders); a key already there is kept
        as it was."""
        with self.update(partition) as tables:
            for key, doc in docs.items():
                if self.row(tables, partition=partition, table=table, key=key) is None:
                    self.put_row(tables, partition=partition, table=table, key=key, doc=doc)

    # -- marks noted beside a partition, folded into it at a later write ------------------------------------

    def note(self, *, partition: str, marks: list[Document], wait: bool = True) -> bool:
        """Append `marks` to the partition's journal without rewriting the partition; False (the default) when
        this store keeps no journal, and the caller writes the partition instead. With `wait` False, only if
        that needs no waiting (no lock held by another writer, no round trip): False then means "note it
        with waiting", and an event loop may call it in place (`bot.delivery.announcements`).

        Why: what became of a write's announcements (`bot.delivery.outbox.settle`) was a second durable
        replace of the partition after the posts, as dear as the write itself (issue 21). A journal is
        appended, not replaced, and need not be durable: its owner must be able to lose the newest marks
        (a power cut) at no cost but the work they saved. The marks are not in the partition's tables, and
        its version does not change: the owner reads them (`read_noted`) beside the tables, and folds them in at
        a later write of the partition (`fold_noted`)."""
        return False

    def read_noted(self, partition: str) -> tuple[Tables, list[Document]]:
        """The partition's tables (as `read`) and the marks `note`d for them and not folded in yet, oldest
        first, taken together: no fold falls between the two (read-only for the caller)."""
        return self.read(partition), []

    def fold_noted(self, tables: Tables, *, partition: str) -> list[Document]:
        """Inside an open ``update(partition)`` that yielded `tables`: the marks not folded yet, for the caller
        to apply to `tables`. Once that update is written they are no longer noted, in the same durable
        step (a crash before or after it leaves them noted or folded, never both); if it fails, they stay."""
        return []

    # -- history of many partitions, for `logg` -----------------------------------------------------------

    @abc.abstractmethod
    def sealed_history(self, prefix: str, *, names: tuple[str, ...], limit: int) -> tuple[list[Document], int]:
        """The newest `limit` history entries of the partitions `names` (all directly under `prefix`, e.g.
        the years of ``cycle/agder/`` before last year, which no command writes any more), newest first as
        `newest_first` orders them (ties in the order of `names`, then newest first), and how many entries
        those partitions hold: exactly what reading each partition's `latest_rows` and `count_rows` gives.

        Why: a region's `logg` would otherwise read every year it ever had (31 partitions at 30 years). A
        store may remember the answer per prefix (`storage.sealed.SealedSummaries`), so a request costs the
        same in year one and year thirty; then a write through this instance shows in the next answer (see
        `forget_sealed`), and one through another instance within `storage.sealed.SEALED_RECHECK_SECONDS`."""

    @abc.abstractmethod
    def forget_sealed(self, partition: str) -> None:
        """`partition` was written: whatever `sealed_history` remembered of it is stale, so the next answer
        that covers it is worked out again. The store calls it after every write of its own (`update`,
        `record_once`, `record_many`), after the write is visible, and whether or not it succeeded; anyone
        who changed a partition another way (another instance, by hand) may call it. Cheap: a dict lookup,
        whatever the size of the store. A store that remembers nothing does nothing here."""

    # -- leases ---------------------------------------------------------------------------------------------

    @abc.abstractmethod
    def try_lease(self, name: str, *, holder: str, seconds: float) -> bool:
        """Take the named lease for `seconds`, or renew it if `holder` has it; False while another holder's
        lease is still live. Holds across processes (and across machines on a shared database), so that
        two reminder passes never run at once; a dead holder's lease expires by itself (``seconds=0``: at
        once). Leases are independent by name and are no partition. A name is ``[a-z0-9_-]+``."""

    @abc.abstractmethod
    def release_lease(self, name: str, *, holder: str) -> None:
        """Give the lease back early, so another holder may take it at once (a no-op if `holder` does not
        have it)."""

    # -- the store itself ------------------------------------------------------------------------------------

    @abc.abstractmethod
    def faults(self) -> dict[str, str]:
        """What is wrong with the store now (partition or "store"/"database" -> the operator's message), for
        /healthz; empty when it is well. A fault stays until the same place works again
        (`storage.faults.FaultLog` keeps them)."""

    def verify(self, *, from_year: int | None = None) -> None:
        """Raise StoreError if a partition is unreadable (called at start-up, before anyone is answered).

        With `from_year`, partitions of an earlier year (a name ending in ``/<year>``) are left out: start-up
        checks what the bot is about to read, not thirty years of archive (those are checked when read)."""
        for partition in self.partitions():
            if is_recent(partition, from_year=from_year):
                self.read(partition)

    @abc.abstractmethod
    def close(self) -> None:
        """Release files, locks and connections; calling it again does nothing. A closed store is not used."""

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
