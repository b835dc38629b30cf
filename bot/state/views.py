"""Views of a `Store` that `StateStore` reads through: once per computation, or once per request.

Both are `Store`s, so the code that reads state cannot tell them from the store itself; each implements
every obligation of the contract, passing to the store what it does not decide.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import AbstractContextManager, contextmanager

from storage.base import Document, Store, Tables, Versioned

logger = logging.getLogger(__name__)


class Overtaken(Exception):
    """A change decided on a read of `partition` that another writer overtook before this request took the
    partition's lock (two `dato` at once: each saw the same planned date). Nothing was written; the request
    is run again on the state as it is now (`bot.pipeline.again`), so what it replaces, asks and announces
    is what it would have been one after the other (walk 27 F1/F2)."""

    def __init__(self, partition: str) -> None:
        super().__init__(partition)
        self.partition = partition


class ReadOnce(Store):
    """Serves each partition from the first read of it, for a computation that reads the same partitions
    hundreds of times and writes nothing (`StateStore.snapshot`). Writing through it is a bug: it would go
    stale, so every write raises."""

    def __init__(self, store: Store) -> None:
        self._store = store
        self._seen: dict[str, Versioned] = {}
        self._rows: dict[str, dict[str, Document]] = {}

    def read_versioned(self, partition: str) -> Versioned:
        found = self._seen.get(partition)
        if found is None:
            found = self._seen[partition] = self._store.read_versioned(partition)
        return found

    def version(self, partition: str) -> int:
        """The version of what this view serves (its first read), not the store's now."""
        return self.read_versioned(partition).version

    @contextmanager
    def update(self, partition: str) -> Iterator[Tables]:
        raise RuntimeError(f"a state snapshot is read-only (tried to update {partition!r})")
        yield {}  # pragma: no cover - makes this a generator

    def partitions(self, prefix: str = "") -> list[str]:
        return self._store.partitions(prefix)

    def rows(self, partition: str, *, table: str) -> dict[str, Document]:
        key = f"{partition}#{table}"
        rows = self._rows.get(key)
        if rows is None:
            rows = self._rows[key] = self._store.rows(partition, table=table)
        return rows

    def append(self, tables: Tables, *, partition: str, table: str, entry: Document) -> str:
        raise self._read_only(partition)

    def put_row(self, tables: Tables, *, partition: str, table: str, key: str, doc: Document) -> None:
        raise self._read_only(partition)

    def row(self, tables: Tables, *, partition: str, table: str, key: str) -> Document | None:
        raise self._read_only(partition)

    def last_row(self, tables: Tables, *, partition: str, table: str) -> Document | None:
        raise self._read_only(partition)

    def sealed_history(self, prefix: str, *, names: tuple[str, ...], limit: int) -> tuple[list[Document], int]:
        return self._store.sealed_history(prefix, names=names, limit=limit)

    def forget_sealed(self, partition: str) -> None:
        self._store.forget_sealed(partition)

    def try_lease(self, name: str, *, holder: str, seconds: float) -> bool:
        raise RuntimeError(f"a state snapshot takes no lease (tried {name!r})")

    def release_lease(self, name: str, *, holder: str) -> None:
        raise RuntimeError(f"a state snapshot holds no lease (tried {name!r})")

    def faults(self) -> dict[str, str]:
        return self._store.faults()

    def close(self) -> None:
        """The view owns nothing; the store is closed by whoever opened it."""

    @staticmethod
    def _read_only(partition: str) -> RuntimeError:
        return RuntimeError(f"a state snapshot is read-only (tried to write rows of {partition!r})")


class RequestReads(Store):
    """Caches `read` for one request (`StateStore.for_request`); every other call, and every write, goes to
    the store itself.

    `only_reads` stays true while the request has used `read` alone: its answer then follows from the
    partitions in `read_set()`, at the versions read (bot/reply_cache.py). Anything else clears it, reading
    versions or `read_versioned` directly included (the request did more than the kept reply can check)."""

    def __init__(self, store: Store, *, hold_writes: bool = False) -> None:
        self._store = store
        self._seen: dict[str, Versioned] = {}
        self.only_reads = True
        self.wrote = False
        """Whether the request changed anything (a refusal that wrote nothing may be worded again)."""
        self.regions: set[str] = set()
        """The regions the request's recorded changes were for (their history entries' scope)."""
        self._hold_writes = hold_writes
        self._held: tuple[str, AbstractContextManager[Tables], Tables] | None = None
        self._overtaken: str | None = None
        """The open update's partition when what this request read of it is no longer what it locked."""

    @property
    def behind(self) -> Store:
        """The store this view reads: a listing that cannot change while a kept reply stands (the years
        before last year, `StateStore.stored_years`) asks it, so the request stays one whose answer is kept."""
        return self._store

    def commit_held(self, add: Callable[[Store, str, Tables], None] | None = None) -> str | None:
        """Close the held write (see `StateStore.for_request`), with `add` applied to it first."""
        held, self._held = self._held, None
        if held is None:
            return None
        partition, manager, tables = held
        self._seen.pop(partition, None)
        try:
            if add is not None:
                add(self._store, partition, tables)
        except BaseException:
            manager.__exit__(*sys.exc_info())  # nothing written: the change and its additions go together
            raise
        manager.__exit__(None, None, None)
        return partition

    def require_current(self, partition: str) -> None:
        """Inside this view's update of `partition`: raise `Overtaken` when the request read the partition
        before and another writer changed it since (`StateStore.change` asks before it applies a change)."""
        if self._overtaken == partition:
            raise Overtaken(partition)

    def _note_overtaken(self, partition: str, read: Versioned | None) -> None:
        """Under the lock: whether `read` (the request's read of `partition`, if any) is still what is locked.
        Only before the request's first write: after it, its own change is what it reads."""
        locked = self._store.locked_version(partition) if read is not None and not self.wrote else None
        self._overtaken = partition if locked is not None and read is not None and locked != read.version else None

    def read_set(self) -> tuple[tuple[str, int], ...]:
        """Each partition read, with the version its tables were (taken with them: never newer)."""
        return tuple((partition, found.version) for partition, found in self._seen.items())

    def read(self, partition: str) -> Tables:
        found = self._seen.get(partition)
        if found is None:
            try:
                found = self._seen[partition] = self._store.read_versioned(partition)
            except BaseException:
                self.only_reads = False  # an answer made around a failed read is not one to keep
                raise
        return found.tables

    def read_versioned(self, partition: str) -> Versioned:
        self.only_reads = False
        self.read(partition)
        return self._seen[partition]

    def version(self, partition: str) -> int:
        self.only_reads = False
        return self._store.version(partition)

    def versions(self, partitions: Iterable[str]) -> tuple[int, ...]:
        self.only_reads = False
        return self._store.versions(partitions)

    @contextmanager
    def update(self, partition: str) -> Iterator[Tables]:
        self.only_reads = False
        self.commit_held()  # one write held at a time, so two partitions are never locked together
        read = self._seen.pop(partition, None)
        if not self._hold_writes:
            try:
                with self._store.update(partition) as tables:
                    self._note_overtaken(partition, read)
                    yield tables
                self.wrote = True
            finally:
                self._seen.pop(partition, None)  # read afresh: what was cached during the block is stale now
            return
        manager = self._store.update(partition)
        tables = manager.__enter__()
        try:
            self._note_overtaken(partition, read)
            yield tables
        except BaseException:
            self._seen.pop(partition, None)
            if not manager.__exit__(*sys.exc_info()):
                raise
            return
        self._held = (partition, manager, tables)
        self.wrote = True
        self._seen[partition] = Versioned(tables=tables, version=-1)  # the rest of the request reads its change

    def locked_version(self, partition: str) -> int | None:
        self.only_reads = False  # asked inside a write, which did more than read already
        return self._store.locked_version(partition)

    def partitions(self, prefix: str = "") -> list[str]:
        self.only_reads = False
        return self._store.partitions(prefix)

    def append(self, tables: Tables, *, partition: str, table: str, entry: Document) -> str:
        self.only_reads = False
        return self._store.append(tables, partition=partition, table=table, entry=entry)

    def put_row(self, tables: Tables, *, partition: str, table: str, key: str, doc: Document) -> None:
        self.only_reads = False
        self._store.put_row(tables, partition=partition, table=table, key=key, doc=doc)

    def row(self, tables: Tables, *, partition: str, table: str, key: str) -> Document | None:
        self.only_reads = False
        return self._store.row(tables, partition=partition, table=table, key=key)

    def expect_row(self, *, partition: str, table: str, key: str) -> None:
        self.only_reads = False
        self._store.expect_row(partition=partition, table=table, key=key)

    def last_row(self, tables: Tables, *, partition: str, table: str) -> Document | None:
        self.only_reads = False
        return self._store.last_row(tables, partition=partition, table=table)

    def rows(self, partition: str, *, table: str) -> dict[str, Document]:
        self.only_reads = False
        return self._store.rows(partition, table=table)

    def latest_rows(self, partition: str, *, table: str, limit: int) -> list[Document]:
        self.only_reads = False
        return self._store.latest_rows(partition, table=table, limit=limit)

    def count_rows(self, partition: str, *, table: str) -> int:
        self.only_reads = False
        return self._store.count_rows(partition, table=table)

    def sealed_history(self, prefix: str, *, names: tuple[str, ...], limit: int) -> tuple[list[Document], int]:
        self.only_reads = False
        return self._store.sealed_history(prefix, names=names, limit=limit)

    def forget_sealed(self, partition: str) -> None:
        self._store.forget_sealed(partition)

    def one_look(self) -> AbstractContextManager[None]:
        """The store's own (no data call: what is read inside still goes through `read`)."""
        return self._store.one_look()

    def record_once(self, *, partition: str, table: str, key: str, doc: Document) -> bool:
        self.only_reads = False
        self.commit_held()
        self._seen.pop(partition, None)
        self.wrote = True
        return self._store.record_once(partition=partition, table=table, key=key, doc=doc)

    def record_many(self, *, partition: str, table: str, docs: dict[str, Document]) -> None:
        self.only_reads = False
        self.commit_held()
        self._seen.pop(partition, None)
        self.wrote = True
        self._store.record_many(partition=partition, table=table, docs=docs)

    def note(self, *, partition: str, marks: list[Document], wait: bool = True) -> bool:
        self.only_reads = False
        self.commit_held()
        return self._store.note(partition=partition, marks=marks, wait=wait)

    def read_noted(self, partition: str) -> tuple[Tables, list[Document]]:
        self.only_reads = False
        return self._store.read_noted(partition)

    def fold_noted(self, tables: Tables, *, partition: str) -> list[Document]:
        self.only_reads = False
        return self._store.fold_noted(tables, partition=partition)

    def try_lease(self, name: str, *, holder: str, seconds: float) -> bool:
        self.only_reads = False
        return self._store.try_lease(name, holder=holder, seconds=seconds)

    def release_lease(self, name: str, *, holder: str) -> None:
        self.only_reads = False
        self._store.release_lease(name, holder=holder)

    def faults(self) -> dict[str, str]:
        return self._store.faults()

    def verify(self, *, from_year: int | None = None) -> None:
        self.only_reads = False
        self._store.verify(from_year=from_year)

    def close(self) -> None:
        """The view owns nothing; the store is closed by whoever opened it."""
