"""The journal of marks noted beside a `PostgresStore` partition (`Store.note`): rows of ``rows`` whose table
is `NOTED`, committed without waiting for the disk.

Why: what became of a write's announcements (`bot.delivery.outbox.settle`) was a second transaction after
the posts that locked the partition's row, sent its tables back and waited for the commit to reach the disk:
a `signer` cost two durable commits (issue 21: "PostgreSQL writes ≤ 3× a one-row commit"). A mark is now one
``INSERT``, one statement in a transaction of its own with ``synchronous_commit`` off for that transaction only
(``set_config(…, true)``: one round trip): its commit
returns once the mark is in the server's WAL buffers, not on disk, as the file store's journal is a line
appended without fsync (`storage.tinydb_journal`). It survives the death of the bot's process (the server has
it), not necessarily a crash of the database server; a lost mark leaves its row pending, which the outbox
bears (its next pass looks the post up, or finds its durable `posting` mark): no post twice. The partition's
version does not change, so no reader's kept reply is lost to a mark.

- Each mark is a row (partition, `NOTED`, key = position, position = the next value of the version sequence,
  so marks noted by several replicas at once never collide and keep their order); no lock on the partition.
- `read_noted` takes the tables and the marks in one statement (one snapshot): no fold falls between them.
- `fold_noted`, inside the partition's update, deletes its marks and returns them in the update's own
  transaction: committed, they are the partition's; rolled back, they stay noted. A mark committed while a
  fold runs is not among the deleted ones and waits for the next fold (never applied twice, never lost).
"""

from __future__ import annotations

import json
import logging
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING, Any

from storage.base import Document, Tables
from storage.codec import check_partition_name
from storage.pg_tx import Statements

if TYPE_CHECKING:
    import psycopg

    from storage.fragments import Encoded
    from storage.pg_write import OpenWrite

logger = logging.getLogger(__name__)

NOTED = ".noted"
"""The ``rows.tbl`` of a partition's noted marks (the dot keeps it apart from every table a partition holds)."""
_decode = json.JSONDecoder().decode
NOTES = Statements(
    {
        "note": "INSERT INTO rows (partition, tbl, key, pos, doc)"
        " SELECT %s, %s, v::text, v, d"
        " FROM (SELECT set_config('synchronous_commit', 'off', true)) AS quick,"
        " (SELECT nextval('partition_version') AS v, d"
        "  FROM jsonb_array_elements(%s::jsonb) WITH ORDINALITY AS t(d, o) ORDER BY o) AS numbered"
    }
)
"""Marks noted beside a partition, as one JSON array (not a text[], `storage.pg_params`), each at the next
version's number (the order they were noted in)."""
_encode = json.JSONEncoder(ensure_ascii=False, allow_nan=False, separators=(",", ":")).encode


class PostgresNoted:
    """`note`, `read_noted` and `fold_noted`, mixed into `PostgresStore` (which provides the pool, the open
    update's connection, the read cache and the errors named)."""

    if TYPE_CHECKING:
        where: str

        def _connection(self) -> AbstractContextManager[psycopg.Connection]: ...

        def _open(self, partition: str) -> OpenWrite: ...

        def _query(self, what: str, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]: ...

        def _ask(
            self, what: str, statements: Statements, name: str, values: tuple[Any, ...]
        ) -> list[tuple[str | None, ...]]: ...

        def _errors(self, what: str) -> AbstractContextManager[None]: ...

        def _cached(self, partition: str) -> tuple[int, Encoded] | None: ...

        def _read_found(
            self, partition: str, *, version: int, raw: str | None, cached: tuple[int, Encoded] | None
        ) -> Tables: ...

    def note(self, *, partition: str, marks: list[Document], wait: bool = True) -> bool:
        check_partition_name(partition)
        if not wait:
            return False  # a round trip is a wait: the caller notes off its event loop
        if not marks:
            return True
        # One statement, its own transaction: synchronous_commit is read when it commits. Sent by libpq
        # (`storage.pg_tx`): every delivered announcement notes its mark.
        self._ask(f"noting marks beside {partition}", NOTES, "note", (partition, NOTED, _encode(marks)))
        return True

    def read_noted(self, partition: str) -> tuple[Tables, list[Document]]:
        check_partition_name(partition)
        cached = self._cached(partition)
        found = self._query(
            f"a read of {partition} and its marks",
            "SELECT version, CASE WHEN version = %s THEN NULL ELSE tables END,"
            " (SELECT json_agg(doc ORDER BY pos)::text FROM rows WHERE partition = %s AND tbl = %s)"
            " FROM partitions WHERE name = %s",
            (cached[0] if cached else -1, partition, NOTED, partition),
        )
        if not found:
            return {}, []
        version, raw, marks = found[0]
        tables = self._read_found(partition, version=int(version), raw=None if raw is None else str(raw), cached=cached)
        return tables, _marks(marks, where=f"{self.where}, partition {partition}")

    def fold_noted(self, tables: Tables, *, partition: str) -> list[Document]:
        opened = self._open(partition)
        if not opened.marked:  # none when the update locked the row: no round trip
            return []
        brought = opened.fold(NOTED)  # the lock brought them: deleted with the write, no round trip
        if brought is not None:
            if not all(isinstance(mark, dict) for mark in brought):
                raise ValueError(f"noted marks of {self.where}, partition {partition} are not documents")
            return brought
        found = (
            opened.raw()
            .execute(
                "WITH gone AS (DELETE FROM rows WHERE partition = %s AND tbl = %s RETURNING pos, doc)"
                " SELECT json_agg(doc ORDER BY pos)::text FROM gone",
                (partition, NOTED),
            )
            .fetchone()
        )
        return _marks(found[0] if found else None, where=f"{self.where}, partition {partition}")


def _marks(text: object, *, where: str) -> list[Document]:
    """The marks as the database aggregated them (a JSON array, or NULL for none)."""
    if text is None:
        return []
    marks = _decode(str(text))
    if not isinstance(marks, list) or not all(isinstance(mark, dict) for mark in marks):
        raise ValueError(f"noted marks of {where} are not a list of documents")
    return marks
