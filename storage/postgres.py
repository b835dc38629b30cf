"""The `Store` on PostgreSQL, for two or more replicas sharing one database (chosen by ``DATABASE_URL``).

- A partition is one row (``partitions``) holding the same TinyDB-shaped JSON the file store writes, as
  text (schema 2: the server neither parses nor re-renders it, `storage.pg_schema`); `update` locks it with ``SELECT … FOR UPDATE`` and writes it back in the same transaction, so
  writers on any replica exclude each other per partition and a failed block writes nothing.
- History, the reminder ledger and applied request ids are rows of their own (``rows``), appended or
  inserted in the transaction of the update they belong to: a write costs the same at 10 or 10,000 history
  entries, and the primary key makes a ledger entry once-only across replicas.
- Leases are rows with an expiry taken from the database's clock, so a dead replica's lease runs out and
  another takes over; no clock skew between replicas matters.
- A partition's version (`Store.version`) is its row's ``version``, from one sequence, taken by every write
  (`update`, and `record_once`/`record_many`, which touch only rows). Reads are cached by it (one round trip
  that returns the tables only when they changed); `versions` asks for several in one round trip, and a
  `one_look` block (a request) asks for the partitions a request like it read with its first look
  (`storage.pg_looks`).
- An update is BEGIN, the lock (bringing the last history entry and the request id the block asks for
  first), one statement writing the partition with its queued rows, COMMIT (`storage.pg_write`): two round
  trips, BEGIN with the lock and the write with COMMIT (`storage.pg_tx`).

Connection failures (a restarted server, a network blip) become `StoreError`, which the core answers with
"Prøv igjen om litt"; a read is retried once on a fresh connection, a write never is after its block ran.
"""

from __future__ import annotations

import logging
import math
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from typing import Any

import psycopg
from psycopg_pool import PoolTimeout

from storage.base import Document, Store, StoreError, Tables
from storage.codec import check_partition_name, decode_tables
from storage.faults import FaultLog
from storage.fragments import Encoded, encode_partition, work_copy
from storage.pg_health import Connections, is_connection_failure
from storage.pg_looks import Looks, PostgresLooks
from storage.pg_noted import PostgresNoted
from storage.pg_rows import PostgresRows
from storage.pg_schema import LATEST, current_version
from storage.pg_tx import Statements, Transaction, run, transaction
from storage.pg_url import check_url, connection_reason, describe_url, timeouts
from storage.pg_write import LOCK, STATEMENTS, OpenWrite, lock_params, lock_row
from storage.sealed import SealedSummaries

__all__ = ["PostgresStore", "describe_url", "migrate_url"]

logger = logging.getLogger(__name__)

_CACHE_SIZE = 1024


class PostgresStore(PostgresLooks, PostgresNoted, PostgresRows, FaultLog, Store):
    """`Store` on one PostgreSQL database. One instance per process; thread-safe."""

    remote = True  # calls wait on the network: `serve` runs the core off its event loop

    def __init__(
        self,
        url: str,
        *,
        pool_size: int = 10,
        connect_timeout: float | None = None,
        wait_timeout: float | None = None,
    ) -> None:
        check_url(url)  # a malformed URL is named here, before any library can quote it (password and all)
        self.url = url
        self.where = describe_url(url)
        limits = timeouts()
        self._local = threading.local()
        self._cache: OrderedDict[str, tuple[int, Encoded]] = OrderedDict()
        """Partition -> (its version, its tables as last read or written, with the rows' JSON text where this
        process wrote them: the next write encodes only what it changed, `storage.fragments`)."""
        self._cache_lock = threading.Lock()
        self._sealed = SealedSummaries()
        self._looks = Looks()
        self._db = Connections(
            url,
            where=self.where,
            pool_size=pool_size,
            connect_timeout=limits.connect if connect_timeout is None else connect_timeout,
            wait_timeout=limits.connect if wait_timeout is None else wait_timeout,
            statement_timeout=limits.statement,
        )

    def _connection(self) -> AbstractContextManager[psycopg.Connection]:
        return self._db.connection()

    # -- connections ------------------------------------------------------------------------------------------

    @contextmanager
    def _errors(self, what: str) -> Iterator[None]:
        """Database failures as `StoreError` (noted for /healthz until a statement works again)."""
        try:
            yield
        except StoreError as exc:
            if exc.kind == "unavailable":
                raise self.note_fault("database", exc) from None
            raise
        except PoolTimeout as exc:
            self._db.timed_out()
            error = StoreError(
                f"PostgreSQL ({self.where}) gave no connection in time for {what}. Check that the server runs.",
                kind="unavailable",
            )
            raise self.note_fault("database", error) from exc
        except psycopg.errors.DiskFull as exc:
            error = StoreError(
                f"PostgreSQL ({self.where}) is out of disk space ({what}); nothing was written. Give the database "
                "more space.",
                kind="full",
            )
            raise self.note_fault("database", error) from exc
        except psycopg.OperationalError as exc:
            if is_connection_failure(exc):
                self._db.failed()
            reason = connection_reason(exc, url=self.url)
            error = StoreError(f"PostgreSQL ({self.where}) failed during {what}: {reason}", kind="unavailable")
            raise self.note_fault("database", error) from exc
        except psycopg.errors.UndefinedTable as exc:
            error = StoreError(
                f"PostgreSQL ({self.where}) has no Samhandlingsbot tables. Run `python -m bot migrate` first."
            )
            raise self.note_fault("database", error) from exc
        self.clear_fault("database")

    def _query(self, what: str, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        """An autocommit statement, retried once on a fresh connection if the first one was dead."""

        def ask(conn: psycopg.Connection) -> list[tuple[Any, ...]]:
            cursor = conn.execute(sql, params)  # type: ignore[arg-type]
            return cursor.fetchall() if cursor.description is not None else []

        return self._retried(what, ask)

    def _ask(
        self, what: str, statements: Statements, name: str, values: tuple[Any, ...]
    ) -> list[tuple[str | None, ...]]:
        """A statement of `statements`, prepared on the connection and sent by libpq (`storage.pg_tx`: a hot
        read, without psycopg's adaptation), as `_query`; its rows as text."""
        return self._retried(what, lambda conn: run(conn, statements, name, values))

    def _retried(self, what: str, ask: Callable[[psycopg.Connection], list[Any]]) -> list[Any]:
        """`ask` on a pooled connection, errors named; retried once on a fresh connection if the first was dead."""
        for attempt in (1, 2):
            try:
                with self._errors(what), self._connection() as conn:
                    return ask(conn)
            except StoreError as exc:
                cause = exc.__cause__
                if attempt == 2 or not isinstance(cause, psycopg.OperationalError) or not is_connection_failure(cause):
                    raise
                logger.warning(
                    "retrying %s on a fresh connection after: %s", what, connection_reason(cause, url=self.url)
                )
        raise AssertionError("unreachable")

    def _open_updates(self) -> dict[str, OpenWrite]:
        active = getattr(self._local, "updates", None)
        if active is None:
            active = self._local.updates = {}
        return active

    def _open(self, partition: str) -> OpenWrite:
        """This thread's open update of `partition` (`storage.pg_write`)."""
        found = self._open_updates().get(partition)
        if found is None:
            raise RuntimeError(f"no open update of partition {partition!r} in this thread")
        return found

    # -- Store interface ----------------------------------------------------------------------------------

    def _cached(self, partition: str) -> tuple[int, Encoded] | None:
        with self._cache_lock:
            return self._cache.get(partition)

    def _read_found(
        self, partition: str, *, version: int, raw: str | None, cached: tuple[int, Encoded] | None
    ) -> Tables:
        """The tables of a read asked with `cached` (the cache as it was): None for `raw` means the version
        is the cached one, so no text was sent. Cached by `version` when decoded."""
        if raw is None and cached is not None:
            return cached[1].tables
        if raw is None:
            raise AssertionError(f"{partition}: no text sent for a version this process never read")
        tables = decode_tables(raw.encode("utf-8"), path=f"{self.where}, partition {partition}")
        self._remember(partition, version, Encoded(tables=tables))
        return tables

    @contextmanager
    def update(self, partition: str) -> Iterator[Tables]:
        check_partition_name(partition)
        active = self._open_updates()
        if partition in active:
            raise RuntimeError(f"nested update of partition {partition!r} would lose the inner write")
        try:
            with self._update(partition, active) as work:
                yield work
        finally:
            self.forget_sealed(partition)  # after the commit: a `logg` meanwhile may have read the old rows

    def locked_version(self, partition: str) -> int | None:
        locked = getattr(self._local, "locked", None)
        open_here = partition in self._open_updates()
        return locked[1] if open_here and locked is not None and locked[0] == partition else None

    def expect_row(self, *, partition: str, table: str, key: str) -> None:
        self._local.expected = (partition, table, key)

    def _expected(self, partition: str) -> tuple[str, str] | None:
        """The row `expect_row` said the update of `partition` asks for first (taken: once)."""
        expected = getattr(self._local, "expected", None)
        self._local.expected = None
        return None if expected is None or expected[0] != partition else (expected[1], expected[2])

    @contextmanager
    def _update(self, partition: str, active: dict[str, OpenWrite]) -> Iterator[Tables]:
        expected = self._expected(partition)
        with self._cache_lock:
            cached = self._cache.get(partition)
        with self._errors(f"a write to {partition}"), self._connection() as conn, transaction(conn) as tx:
            found = self._lock_row(tx, partition, known=cached[0] if cached else -1, expected=expected)
            self._local.locked = (partition, int(found[0]) if found is not None else 0)  # `locked_version`
            before: Encoded | None = None
            if found is None:
                work: Tables = {}
            elif found[1] is None and cached is not None:  # the version this process read last: no text sent
                before = cached[1]
                work = work_copy(before.tables)
            else:  # decoded once, then written as a write after a read: the rows the text gave are not encoded anew
                before = Encoded(
                    tables=decode_tables(str(found[1]).encode("utf-8"), path=f"{self.where}, partition {partition}")
                )
                work = work_copy(before.tables)
            opened = active[partition] = OpenWrite(tx, partition=partition, lock=found, expected=expected)
            try:
                yield work
            finally:
                del active[partition]
            raw, encoded = encode_partition(work, before=before)
            written = opened.finish(raw=raw.decode("ascii"), exists=found is not None)
        # Committed: the next read finds this version cached and is sent no text (the tables as stored, not
        # the writer's objects).
        if written is not None:
            self._remember(partition, written, encoded)

    def _remember(self, partition: str, version: int, encoded: Encoded) -> None:
        self._looks.saw(partition, version)  # inside a `one_look` block: seen at once
        with self._cache_lock:
            self._cache[partition] = (version, encoded)
            self._cache.move_to_end(partition)
            while len(self._cache) > _CACHE_SIZE:
                self._cache.popitem(last=False)

    @staticmethod
    def _lock_row(
        tx: Transaction, partition: str, *, known: int, expected: tuple[str, str] | None
    ) -> tuple[Any, ...] | None:
        """BEGIN and lock the partition's row (creating an empty one if needed, so two first writers queue
        too): what `storage.pg_write.LOCK` returns (its tables as text unless the version is `known`); None
        when there is no row."""
        params = lock_params(known=known, expected=expected, partition=partition)
        row = lock_row(tx.begin_with(STATEMENTS, "lock", params), tx.encoding)
        if row is None:
            # A first write: take a lock on the name itself so two first writers queue instead of colliding.
            tx.conn.execute("SELECT pg_advisory_xact_lock(hashtext(%s))", (partition,))
            row = tx.conn.execute(LOCK, params).fetchone()
        return row

    def sealed_history(self, prefix: str, *, names: tuple[str, ...], limit: int) -> tuple[list[Document], int]:
        return self._sealed.summary(prefix, names=names, limit=limit, store=self)

    def forget_sealed(self, partition: str) -> None:
        self._sealed.forget(partition)

    def partitions(self, prefix: str = "") -> list[str]:
        pattern = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        found = self._query("a listing", "SELECT name FROM partitions WHERE name LIKE %s ORDER BY name", (pattern,))
        return [str(name) for (name,) in found]

    def verify(self, *, from_year: int | None = None) -> None:
        """Check that the schema is the one this code needs (not every row: they are checked when read)."""
        with self._errors("the start-up check"), self._connection() as conn:
            have = current_version(conn)
        if have < LATEST:
            raise StoreError(
                f"PostgreSQL ({self.where}) has schema version {have}, this version needs {LATEST}. "
                "Run `python -m bot migrate` (safe to repeat), then start the bot again."
            )
        if have > LATEST:
            raise StoreError(
                f"PostgreSQL ({self.where}) has schema version {have}, newer than this code knows ({LATEST}). "
                "Deploy the newer version of the bot, or restore the database that matches this one."
            )

    def close(self) -> None:
        self._db.close()

    # -- leases ---------------------------------------------------------------------------------------------

    def try_lease(self, name: str, *, holder: str, seconds: float) -> bool:
        taken = self._query(
            f"lease {name}",
            "INSERT INTO leases (name, holder, expires_at)"
            " VALUES (%s, %s, clock_timestamp() + make_interval(secs => %s))"
            " ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at"
            " WHERE leases.holder = excluded.holder OR leases.expires_at <= clock_timestamp()"
            " RETURNING holder",
            (name, holder, float(seconds)),
        )
        return bool(taken)

    def release_lease(self, name: str, *, holder: str) -> None:
        self._query(f"lease {name}", "DELETE FROM leases WHERE name = %s AND holder = %s", (name, holder))


def migrate_url(url: str) -> list[int]:
    """Create or upgrade the schema at `url` (what `python -m bot migrate` runs); returns applied versions."""
    from storage.pg_schema import migrate

    check_url(url)
    limit = max(2, math.ceil(timeouts().connect))
    try:
        with psycopg.connect(url, autocommit=True, connect_timeout=limit) as conn:
            return migrate(conn)
    except psycopg.Error as exc:
        reason = connection_reason(exc, url=url)
        raise StoreError(f"Cannot migrate PostgreSQL ({describe_url(url)}): {reason}", kind="unavailable") from None
