"""`PostgresStore.one_look`: a request's look at its partitions in one round trip, not one per partition.

Why (issue 21): every read of a partition asks the server for its version (the tables come only when it
changed), one round trip each: a `dato` read three partitions before its write, a `signer` four, AU's
`neste` about fifty. Inside a `one_look` block (`Store.one_look`: each partition looked at once, as if
taken together), the first look asks for the partition *and* for the versions of the partitions that were
read with it the last times a block began with it (its companions, learned per process): one round trip.
A later read in the block of a companion whose version is the one cached needs no round trip; one that
changed is read as ever. What a block reads is as of its first look, which is what the contract allows; a
write in the block is seen at once (`wrote`), and `update` always locks and starts from the row as it is.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from storage.base import Tables, Versioned
from storage.codec import check_partition_name
from storage.pg_params import joined
from storage.pg_tx import Statements

if TYPE_CHECKING:
    from storage.fragments import Encoded

logger = logging.getLogger(__name__)

COMPANIONS = 64
"""The most partitions a first look asks versions for (AU's `neste` reads ~50)."""

LOOK = (
    "SELECT c.name, p.version, CASE WHEN c.name = %s AND p.version <> c.version THEN p.tables END"
    " FROM unnest(string_to_array(%s, ','), string_to_array(%s, ',')::bigint[]) AS c(name, version)"
    " LEFT JOIN partitions AS p ON p.name = c.name"
    " WHERE p.version IS DISTINCT FROM c.version OR c.name = %s"
)
"""The first look, given each name with the version cached (-1 for none): the one asked for (its tables
unless its version is the one cached), and of the others only those whose version is not the one cached
(NULL: no partition). A request like one before finds most unchanged: they send nothing back. Names and
versions go comma-joined (`storage.pg_params.joined`)."""
READ = "SELECT version, CASE WHEN version = %s THEN NULL ELSE tables END FROM partitions WHERE name = %s"
"""One partition's version, and its tables unless the version is the one cached (-1 for none)."""
VERSIONS = "SELECT name, version FROM partitions WHERE name = ANY(string_to_array(%s, ','))"
"""The versions of the partitions named (comma-joined); a partition not there is not in the rows."""
READS = Statements({"look": LOOK, "read": READ, "versions": VERSIONS})
"""The reads every request makes, prepared on each connection and sent by libpq (`storage.pg_tx`)."""


class Looks:
    """Per thread, the open block's versions found (partition -> version, 0 when there is no partition),
    what it read in order and whether its first look was taken; per process, each first partition's
    companions."""

    def __init__(self) -> None:
        self._local = threading.local()
        self._companions: dict[str, tuple[str, ...]] = {}

    def block(self) -> LookBlock:
        return LookBlock(self)

    @property
    def found(self) -> dict[str, int] | None:
        """The open block's versions (None outside a block)."""
        return getattr(self._local, "found", None)

    def read(self, partition: str) -> bool:
        """Inside a block: `partition` is read. True when it is the block's first look."""
        order: dict[str, None] = self._local.order
        first = not order
        order[partition] = None
        return first

    def companions(self, partition: str) -> tuple[str, ...]:
        """The partitions read with `partition` the last times a block began with it, latest first."""
        return self._companions.get(partition, ())

    def saw(self, partition: str, version: int) -> None:
        """Inside a block: `partition` is at `version` for the rest of it (a write of this thread's own
        included: seen at once)."""
        found = self.found
        if found is not None:
            found[partition] = version

    def forget(self, partition: str) -> None:
        """A write that did not say its version: the block asks again."""
        found = self.found
        if found is not None:
            found.pop(partition, None)

    def _open(self) -> bool:
        if self.found is not None:
            return False  # nested blocks are one
        self._local.found = {}
        self._local.order = {}
        return True

    def _close(self) -> None:
        order = list(self._local.order)
        self._local.found = None
        self._local.order = None
        if len(order) > 1:
            first, rest = order[0], order[1:]
            merged = tuple(dict.fromkeys((*rest, *self._companions.get(first, ()))))[:COMPANIONS]
            self._companions[first] = merged  # the latest first; a dict item set at once (threads)


class LookBlock:
    """The context manager `one_look` returns (a plain class: it wraps every kept read)."""

    __slots__ = ("_looks", "_outer")

    def __init__(self, looks: Looks) -> None:
        self._looks = looks
        self._outer = False

    def __enter__(self) -> None:
        self._outer = self._looks._open()

    def __exit__(self, *_: object) -> None:
        if self._outer:
            self._looks._close()


class PostgresLooks:
    """`read_versioned`, `version`, `versions` and `one_look`, mixed into `PostgresStore` (which provides
    the queries with their errors named and the read cache)."""

    if TYPE_CHECKING:
        _looks: Looks

        def _ask(
            self, what: str, statements: Statements, name: str, values: tuple[Any, ...]
        ) -> list[tuple[str | None, ...]]: ...

        def _cached(self, partition: str) -> tuple[int, Encoded] | None: ...

        def _read_found(
            self, partition: str, *, version: int, raw: str | None, cached: tuple[int, Encoded] | None
        ) -> Tables: ...

    def one_look(self) -> LookBlock:
        """As `Store.one_look`: the block's first look brings its companions' versions (module docstring)."""
        return self._looks.block()

    def read_versioned(self, partition: str) -> Versioned:
        check_partition_name(partition)
        found = self._looks.found
        if found is None:
            return self._read_now(partition)
        first = self._looks.read(partition)
        version = found.get(partition)
        if version is not None:  # looked at in this block: no round trip while the cache holds that version
            cached = self._cached(partition)
            if version == 0:
                return Versioned({}, 0)
            if cached is not None and cached[0] == version:
                return Versioned(cached[1].tables, version)
        elif first:
            companions = [name for name in self._looks.companions(partition) if name not in found]
            if companions:
                return self._first_look(partition, companions, found)
        read = self._read_now(partition)
        found[partition] = read.version
        return read

    def _read_now(self, partition: str) -> Versioned:
        cached = self._cached(partition)
        found = self._ask(f"a read of {partition}", READS, "read", (cached[0] if cached else -1, partition))
        if not found:
            return Versioned({}, 0)
        version, raw = int(found[0][0]), found[0][1]  # type: ignore[arg-type]
        return Versioned(self._read_found(partition, version=version, raw=raw, cached=cached), version)

    def _first_look(self, partition: str, companions: list[str], found: dict[str, int]) -> Versioned:
        """The block's first read: `partition` and its companions' versions, one round trip."""
        names = [partition, *companions]
        known = [cached[0] if (cached := self._cached(name)) else -1 for name in names]
        rows = self._ask(f"a read of {partition}", READS, "look", (partition, joined(names), joined(known), partition))
        found.update(zip(names[1:], known[1:], strict=True))  # not sent back: as cached
        asked: tuple[int, str | None] | None = None
        for name, version, raw in rows:
            found[str(name)] = 0 if version is None else int(version)  # NULL: no partition
            if name == partition and version is not None:
                asked = (int(version), raw)
        if asked is None:
            return Versioned({}, 0)
        version, raw = asked
        cached = self._cached(partition) if raw is None else None
        if raw is None and (cached is None or cached[0] != version):  # another thread replaced it meanwhile
            return self._read_now(partition)
        return Versioned(self._read_found(partition, version=version, raw=raw, cached=cached), version)

    def version(self, partition: str) -> int:
        return self.versions((partition,))[0]

    def versions(self, partitions: Iterable[str]) -> tuple[int, ...]:
        """One round trip for all of them (a kept reply checks the five or so partitions it read); inside a
        block, none for those it looked at already."""
        names = [check_partition_name(name) for name in partitions]
        looked = self._looks.found
        asked = names if looked is None else [name for name in names if name not in looked]
        known: dict[str, int] = {}
        if asked:
            found = self._ask("a version check", READS, "versions", (joined(asked),))
            known = {str(name): int(version) for name, version in found}  # type: ignore[arg-type]
            if looked is not None:
                looked.update((name, known.get(name, 0)) for name in asked)
        if looked is not None:
            return tuple(looked[name] for name in names)
        return tuple(known.get(name, 0) for name in names)
