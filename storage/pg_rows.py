"""The row methods of `PostgresStore`: history, reminder ledger and applied request ids as rows of their own.

Each is one row of ``rows`` (partition, table, key, position, document), appended or inserted in the
transaction of the update it belongs to, so a write costs the same at 10 or 10,000 history entries and the
primary key makes a ledger entry once-only across replicas. `record_once` and `record_many` write in a
transaction of their own and take a new version of the partition (`NEW_VERSION`).
"""

from __future__ import annotations

import json
import logging
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING, Any

from storage.base import Document, Tables
from storage.codec import check_partition_name
from storage.pg_write import CHAINED

if TYPE_CHECKING:
    import psycopg

    from storage.pg_looks import Looks
    from storage.pg_write import OpenWrite

logger = logging.getLogger(__name__)

NEXT_POSITION = (
    "SELECT coalesce((SELECT pos FROM rows WHERE partition = %s AND tbl = %s ORDER BY pos DESC LIMIT 1) + 1, 0)"
)
"""The next position of a row table: a backward index probe, O(log n) (max() may scan every row)."""
LOCK_ROW = "SELECT 1 FROM partitions WHERE name = %s FOR UPDATE"
"""What `record_once` and `record_many` take before they read the next position: the partition's row, the lock an
update holds from its start. Until `pgw3` they took an advisory lock of their own (partition and table) and met
the row lock only at `NEW_VERSION`, after their rows were in: an update putting a row in the same table
meanwhile (the outbox's ledger rows) took the same next position, waited for their uncommitted row while they
waited for its row lock, and PostgreSQL broke the deadlock after a second by failing one of the two writes.
One lock, taken first by both, queues them instead."""
NEW_VERSION = "UPDATE partitions SET version = nextval('partition_version'), updated_at = now() WHERE name = %s"
"""A write that touched only rows (`record_once`, `record_many`) is a new version of the partition too."""


def _dumps(doc: Any) -> str:
    try:
        return json.dumps(doc, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
    except TypeError as exc:
        raise TypeError(f"row is not JSON-compatible: {exc}") from exc
    except ValueError as exc:
        raise ValueError(f"row is not JSON-compatible: {exc}") from exc


class PostgresRows:
    """Mixed into `PostgresStore`, which provides the pool, the open update (`_open`, `storage.pg_write`: the
    last history entry its lock told, the rows queued for its write), queries with their errors named
    (`_query`, `_errors`), `forget_sealed` and the `one_look` blocks' versions (`_looks`)."""

    if TYPE_CHECKING:
        _looks: Looks

        def _connection(self) -> AbstractContextManager[psycopg.Connection]: ...

        def _open(self, partition: str) -> OpenWrite: ...

        def _query(self, what: str, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]: ...

        def _errors(self, what: str) -> AbstractContextManager[None]: ...

        def forget_sealed(self, partition: str) -> None: ...

    def append(self, tables: Tables, *, partition: str, table: str, entry: Document) -> str:
        # The partition's row lock is held, so no other writer appends to this partition meanwhile: a history
        # entry after the one the lock told waits to go with the write; another, one round trip for the next
        # position and the insert together. Keys are the position, zero-padded to 6 (`position_key`).
        opened = self._open(partition)
        if table == CHAINED and opened.chained:
            return opened.append(_dumps(entry))
        (key,) = (  # type: ignore[misc]
            opened.connection()
            .execute(
                "INSERT INTO rows (partition, tbl, key, pos, doc)"
                " SELECT %s, %s, CASE WHEN n < 1000000 THEN lpad(n::text, 6, '0') ELSE n::text END, n, %s::jsonb"
                " FROM (SELECT coalesce((SELECT pos FROM rows WHERE partition = %s AND tbl = %s"
                " ORDER BY pos DESC LIMIT 1) + 1, 0) AS n) AS next"
                " RETURNING key",
                (partition, table, _dumps(entry), partition, table),
            )
            .fetchone()
        )
        return str(key)

    def put_row(self, tables: Tables, *, partition: str, table: str, key: str, doc: Document) -> None:
        opened = self._open(partition)
        if table != CHAINED:  # goes with the partition's write (read back as put: `row` sends it first)
            opened.put(table, key, _dumps(doc))
            return
        opened.connection().execute(
            "INSERT INTO rows (partition, tbl, key, pos, doc) VALUES (%s, %s, %s,"
            " coalesce((SELECT pos FROM rows WHERE partition = %s AND tbl = %s ORDER BY pos DESC LIMIT 1) + 1, 0), %s::jsonb)"
            " ON CONFLICT (partition, tbl, key) DO UPDATE SET doc = excluded.doc",
            (partition, table, key, partition, table, _dumps(doc)),
        )

    def row(self, tables: Tables, *, partition: str, table: str, key: str) -> Document | None:
        opened = self._open(partition)
        told, doc = opened.told(table, key)  # brought by the lock (`expect_row`)
        if told:
            return doc
        found = (
            opened.connection()
            .execute("SELECT doc FROM rows WHERE partition = %s AND tbl = %s AND key = %s", (partition, table, key))
            .fetchone()
        )
        return None if found is None else found[0]

    def last_row(self, tables: Tables, *, partition: str, table: str) -> Document | None:
        opened = self._open(partition)
        if table == CHAINED and opened.chained:  # told by the lock
            return opened.last()
        found = (
            opened.connection()
            .execute(
                "SELECT doc FROM rows WHERE partition = %s AND tbl = %s ORDER BY pos DESC LIMIT 1", (partition, table)
            )
            .fetchone()
        )
        return None if found is None else found[0]

    def rows(self, partition: str, *, table: str) -> dict[str, Document]:
        check_partition_name(partition)
        found = self._query(
            f"a read of {partition} {table}",
            "SELECT key, doc FROM rows WHERE partition = %s AND tbl = %s ORDER BY pos",
            (partition, table),
        )
        return {str(key): doc for key, doc in found}

    def record_many(self, *, partition: str, table: str, docs: dict[str, Document]) -> None:
        """One transaction; a key already there stays as it was (the first record of a reminder wins)."""
        check_partition_name(partition)
        try:
            self._record_many(partition=partition, table=table, docs=docs)
        finally:
            self.forget_sealed(partition)
            self._looks.forget(partition)  # a new version: a `one_look` block asks again

    def _record_many(self, *, partition: str, table: str, docs: dict[str, Document]) -> None:
        with self._errors(f"a write to {partition} {table}"), self._connection() as conn, conn.transaction():
            conn.execute(
                "INSERT INTO partitions (name, tables) VALUES (%s, '{}') ON CONFLICT (name) DO NOTHING",
                (partition,),
            )
            conn.execute(LOCK_ROW, (partition,))
            (start,) = conn.execute(  # type: ignore[misc]
                NEXT_POSITION, (partition, table)
            ).fetchone()
            with conn.cursor() as cursor:
                cursor.executemany(
                    "INSERT INTO rows (partition, tbl, key, pos, doc) VALUES (%s, %s, %s, %s, %s::jsonb)"
                    " ON CONFLICT (partition, tbl, key) DO NOTHING",
                    [(partition, table, key, start + n, _dumps(doc)) for n, (key, doc) in enumerate(docs.items())],
                )
            conn.execute(NEW_VERSION, (partition,))

    def latest_rows(self, partition: str, *, table: str, limit: int) -> list[Document]:
        check_partition_name(partition)
        found = self._query(
            f"a read of {partition} {table}",
            "SELECT doc FROM rows WHERE partition = %s AND tbl = %s ORDER BY pos DESC LIMIT %s",
            (partition, table, max(0, limit)),
        )
        return [doc for (doc,) in found]

    def count_rows(self, partition: str, *, table: str) -> int:
        """History from the last position, not count(*): its positions run 0, 1, 2, … (O(log n))."""
        check_partition_name(partition)
        # Keyed tables (ledger, requests) may leave a position unused (a key already there): count those.
        sql = NEXT_POSITION if table == "history" else "SELECT count(*) FROM rows WHERE partition = %s AND tbl = %s"
        found = self._query(f"a read of {partition} {table}", sql, (partition, table))
        return int(found[0][0])

    def record_once(self, *, partition: str, table: str, key: str, doc: Document) -> bool:
        check_partition_name(partition)
        try:
            return self._record_once(partition=partition, table=table, key=key, doc=doc)
        finally:
            self.forget_sealed(partition)
            self._looks.forget(partition)  # a new version: a `one_look` block asks again

    def _record_once(self, *, partition: str, table: str, key: str, doc: Document) -> bool:
        with self._errors(f"a write to {partition} {table}"), self._connection() as conn, conn.transaction():
            conn.execute(
                "INSERT INTO partitions (name, tables) VALUES (%s, '{}') ON CONFLICT (name) DO NOTHING",
                (partition,),
            )
            conn.execute(LOCK_ROW, (partition,))
            inserted = conn.execute(
                "INSERT INTO rows (partition, tbl, key, pos, doc) VALUES (%s, %s, %s,"
                " coalesce((SELECT pos FROM rows WHERE partition = %s AND tbl = %s ORDER BY pos DESC LIMIT 1) + 1, 0), %s::jsonb)"
                " ON CONFLICT (partition, tbl, key) DO NOTHING RETURNING key",
                (partition, table, key, partition, table, _dumps(doc)),
            ).fetchone()
            if inserted is not None:
                conn.execute(NEW_VERSION, (partition,))
        return inserted is not None
