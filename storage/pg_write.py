"""One open write (`PostgresStore.update`) of a partition: what its lock brought, and the rows that wait to
go with the partition's own write.

Why (issue 21, "PostgreSQL writes ≤ 3× a one-row commit"): a recorded change made eight round trips inside
its transaction (BEGIN, the lock, the request-id check, the last history entry, the history insert, the
request-id insert, the partition's UPDATE, COMMIT), each a wait for the server on a busy machine and ~15 µs
of the driver's CPU. Now:

- the lock brings the partition's last history entry too (its position and text): every recorded change
  asks for it (the chain's previous hash, `bot.state.chain`), and a history entry appended after it takes
  the next position without asking; and the row the block asks for first (`Store.expect_row`: the
  request id, was it applied?);
- rows whose outcome the block does not wait for (a history entry whose position the lock told, a
  `put_row`) are queued and sent with the partition's UPDATE in one statement (a data-modifying CTE).

So a `dato` is BEGIN, the lock, the write, COMMIT. What the block sees is unchanged:
any statement the block sends itself (`row`, a `last_row` not told, `fold_noted`, an append to another
table) first sends what is queued (`connection`), so rows land in the order they were put, and a row put is
read back as put.

The rows the lock joins are trusted only when the lock's row is the one the statement's snapshot saw: a lock
that waited for another writer's commit returns that writer's row (PostgreSQL re-reads a locked row after
the wait) while the rows it joins are still those of the snapshot, so a history entry committed meanwhile
would be missed (a stale previous hash, a taken position, a request id applied twice). `LOCK` compares the
row's version with the one the snapshot holds; when they differ both are asked for afresh, as before.
"""

from __future__ import annotations

import json
import logging
from typing import TYPE_CHECKING, Any

from storage.base import Document
from storage.pg_noted import NOTED
from storage.pg_params import joined, json_list, json_string
from storage.pg_tx import Statements, Transaction

if TYPE_CHECKING:
    import psycopg
    from psycopg.pq.abc import PGresult

logger = logging.getLogger(__name__)

CHAINED = "history"
"""The append-only table whose last entry the lock brings (every recorded change reads it, then appends)."""


def _literal(name: str) -> str:
    """A table name of our own as an SQL literal (no quote in it to escape: checked)."""
    if not name.replace(".", "").replace("_", "").isalnum():
        raise ValueError(f"not a plain table name: {name!r}")
    return f"'{name}'"


LOCK = (
    "SELECT p.version, CASE WHEN p.version = %s THEN NULL ELSE p.tables END,"
    " (SELECT json_agg(json_build_array(m.pos, m.doc) ORDER BY m.pos)::text FROM rows AS m"
    f"  WHERE m.partition = p.name AND m.tbl = {_literal(NOTED)}),"
    " (SELECT s.version FROM partitions AS s WHERE s.name = p.name) = p.version,"
    " (SELECT e.doc::text FROM rows AS e WHERE e.partition = p.name AND e.tbl = %s AND e.key = %s), h.pos, h.doc"
    " FROM partitions AS p LEFT JOIN LATERAL (SELECT pos, doc::text AS doc FROM rows"
    f"  WHERE rows.partition = p.name AND rows.tbl = {_literal(CHAINED)} ORDER BY pos DESC LIMIT 1) AS h ON true"
    " WHERE p.name = %s FOR UPDATE OF p"
)
"""Lock the partition's row: its version, its tables as text unless the version is the one given, the
marks noted beside it (`storage.pg_noted`: a JSON array of [position, mark], NULL for none), whether the row is the one this statement's snapshot holds
(no commit between: the rows joined are current), the row the block will ask for first
(`Store.expect_row`: its table and key, or NULLs), and the last `CHAINED` entry's position and text.

The two table names are in the text, not parameters (`pgw3`): with them as parameters, on an analysed
database PostgreSQL judged the prepared statement's generic plan dearer than a plan for the values at hand
and planned it anew on every write (~110 µs of the server's time, twice the statement's own ~50 µs;
`python -m bench.pg_write --statements` shows how often each statement is planned); as literals the
generic plan is taken from the sixth write on, as for every other statement of a write."""


def lock_params(*, known: int, expected: tuple[str, str] | None, partition: str) -> tuple[Any, ...]:
    """`LOCK`'s parameters."""
    table, key = expected if expected is not None else (None, None)
    return (known, table, key, partition)


def lock_row(result: PGresult, encoding: str) -> tuple[Any, ...] | None:
    """`LOCK`'s row from a result libpq gave as text (`storage.pg_tx`), as psycopg would give it; None for none."""
    if result.ntuples == 0:
        return None
    value = result.get_value
    text = [None if (cell := value(0, column)) is None else cell.decode(encoding) for column in range(7)]
    return (
        int(text[0]),  # type: ignore[arg-type]
        text[1],
        text[2],
        None if text[3] is None else text[3] == "t",
        text[4],
        None if text[5] is None else int(text[5]),
        text[6],
    )


_QUEUED = (
    "INSERT INTO rows (partition, tbl, key, pos, doc)"
    " SELECT %s, q.tbl, q.key, coalesce(q.pos, coalesce((SELECT r.pos FROM rows AS r WHERE r.partition = %s"
    "  AND r.tbl = q.tbl ORDER BY r.pos DESC LIMIT 1), -1)"
    "  + count(*) FILTER (WHERE q.pos IS NULL) OVER (PARTITION BY q.tbl ORDER BY q.o)), q.doc"
    " FROM (SELECT e->>0 AS tbl, e->>1 AS key, (e->>2)::bigint AS pos, e->3 AS doc, o"
    "  FROM jsonb_array_elements(%s::jsonb) WITH ORDINALITY AS j(e, o)) AS q"
    " ON CONFLICT (partition, tbl, key) DO UPDATE SET doc = excluded.doc"
)
"""The queued rows in one statement: a history entry at the position the lock told, a put row at the next
free position of its table (in the order put) or, if its key is there, in place (as `put_row` one by one).
The rows come as one JSON array of [table, key, position or null, document] (`storage.pg_params`: no
array for psycopg to adapt element by element)."""

_UPDATE = (
    "UPDATE partitions SET tables = %s, version = nextval('partition_version'), updated_at = now()"
    " WHERE name = %s RETURNING version"
)
_UPSERT = (  # a first write: `record_once` may have created an empty row meanwhile
    "INSERT INTO partitions (name, tables) VALUES (%s, %s) ON CONFLICT (name) DO UPDATE"
    " SET tables = excluded.tables, version = nextval('partition_version'), updated_at = now()"
    " RETURNING version"
)
_QUEUED_CTE = "queued AS (" + _QUEUED + " RETURNING 1)"
_FOLDED_CTE = (
    f"folded AS (DELETE FROM rows WHERE partition = %s AND tbl = {_literal(NOTED)}"
    " AND pos = ANY(string_to_array(%s, ',')::bigint[]) RETURNING 1)"
)
"""The marks the block folded in (`storage.pg_noted`), deleted with the write that holds them: those the lock
brought, by position; a mark noted since waits for the next fold."""

_decode = json.JSONDecoder().decode

_WRITES = {
    (queued, folded): ("WITH " + ", ".join(c for c, on in ((_QUEUED_CTE, queued), (_FOLDED_CTE, folded)) if on) + " ")
    * (queued or folded)
    + _UPDATE
    for queued in (False, True)
    for folded in (False, True)
}
"""The write of a partition that exists, with its queued rows, its folded marks' deletion, both or neither."""
_NAMES = {key: "write" + "q" * key[0] + "f" * key[1] for key in _WRITES}
STATEMENTS = Statements(
    {
        "lock": LOCK,
        **{_NAMES[key]: sql for key, sql in _WRITES.items()},
        "version": "SELECT currval('partition_version')",  # the version the write took, asked after its COMMIT
    }
)
"""The lock, the writes and the version a write took (this session's last from the sequence), prepared on
each connection that writes (`storage.pg_tx`)."""


def position_key(position: int) -> str:
    """An appended row's key: its position, zero-padded to 6 so keys sort in the order of appending."""
    return f"{position:06d}" if position < 1_000_000 else str(position)


class OpenWrite:
    """The connection of one open update, what its lock told of the partition, and the rows queued."""

    __slots__ = (
        "_conn",
        "_expected",
        "_expected_doc",
        "_folded",
        "_last_doc",
        "_last_pos",
        "_marks",
        "_noted",
        "_queued",
        "_tx",
        "chained",
        "marked",
        "partition",
    )

    def __init__(
        self,
        tx: Transaction,
        *,
        partition: str,
        lock: tuple[Any, ...] | None,
        expected: tuple[str, str] | None = None,
    ) -> None:
        self._tx = tx
        self._conn = tx.conn
        self.partition = partition
        self.marked = bool(lock and lock[2] is not None)
        """Whether marks are noted beside the partition (`fold_noted` asks for them only then)."""
        fresh = bool(lock and lock[3])
        self._marks: str | None = lock[2] if lock and fresh else None
        self._folded: list[int] = []
        self._noted = ""
        self.chained = fresh
        """Whether the lock told the last `CHAINED` entry (below); else it is asked for when needed."""
        self._last_pos = -1 if not lock or lock[5] is None else int(lock[5])
        self._last_doc: str | Document | None = None if not lock else lock[6]
        self._expected = expected if fresh else None
        self._expected_doc: str | None = None if not lock else lock[4]
        self._queued: dict[tuple[str, str], tuple[int | None, str]] = {}

    def connection(self) -> psycopg.Connection:
        """The transaction's connection for a statement of the block's own, with what is queued sent first
        (and the expected row's text no longer trusted: the block now writes past what the lock saw)."""
        self._expected = None
        if self._queued:
            self._conn.execute(_QUEUED, self._queued_params())
            self._queued.clear()
        return self._conn

    def raw(self) -> psycopg.Connection:
        """The transaction's connection for a statement that touches no row the block put (nothing sent first)."""
        return self._conn

    def fold(self, noted: str) -> list[Any] | None:
        """The marks the lock brought (as [position, mark] pairs), to be deleted with the write; none the
        second time (a mark noted since waits for the next fold); None when the lock brought none to trust
        (they are then taken with a statement of their own)."""
        if self._noted:
            return []
        if self._marks is None:
            return None
        pairs = _decode(self._marks)
        self._marks = None
        if not isinstance(pairs, list) or not all(isinstance(pair, list) and len(pair) == 2 for pair in pairs):
            raise ValueError(f"noted marks of partition {self.partition} are not a list of [position, mark]")
        self._folded = [int(pair[0]) for pair in pairs]
        self._noted = noted
        return [pair[1] for pair in pairs]

    def told(self, table: str, key: str) -> tuple[bool, Document | None]:
        """(True, the row) when the lock brought this row (`Store.expect_row`) and the block has not put it."""
        if self._expected != (table, key) or (table, key) in self._queued:
            return False, None
        doc = self._expected_doc
        return True, None if doc is None else _decode(doc)

    def last(self) -> Document | None:
        """The last `CHAINED` entry as the lock told it (or as appended since); only when `chained`."""
        doc = self._last_doc
        if isinstance(doc, str):
            doc = self._last_doc = _decode(doc)
        return None if doc is None else dict(doc)

    def append(self, text: str) -> str:
        """Queue a `CHAINED` entry (its JSON `text`) at the next position; only when `chained`."""
        self._last_pos += 1
        key = position_key(self._last_pos)
        self._queued[(CHAINED, key)] = (self._last_pos, text)
        self._last_doc = text
        return key

    def put(self, table: str, key: str, text: str) -> None:
        """Queue a row of a keyed table (not `CHAINED`, whose rows are placed by position)."""
        self._queued[(table, key)] = (None, text)  # put again: its place in the queue stays, as its row's would

    def finish(self, *, raw: str, exists: bool) -> int | None:
        """Write the partition's tables (`raw`, JSON) with the queued rows and the folded marks' deletion,
        in one statement; its new version. A partition that exists is written and committed in one round
        trip (`storage.pg_tx`: the version is the sequence's last value in this session, taken by this
        write's UPDATE of the row the lock holds); a first write's UPSERT is committed with the block."""
        params: list[Any] = []
        queued, folded = bool(self._queued), bool(self._folded)
        if queued:
            params += self._queued_params()
            self._queued.clear()
        if folded:
            params += (self.partition, joined(self._folded))
            self._folded = []
        if exists:
            result = self._tx.commit_with(_NAMES[(queued, folded)], (*params, raw, self.partition), then="version")
            return int(result.get_value(0, 0) or b"0")
        ctes = [cte for cte, on in ((_QUEUED_CTE, queued), (_FOLDED_CTE, folded)) if on]
        prefix = "WITH " + ", ".join(ctes) + " " if ctes else ""
        found = self._conn.execute(prefix + _UPSERT, (*params, self.partition, raw)).fetchone()  # type: ignore[arg-type]
        return None if found is None else int(found[0])

    def _queued_params(self) -> tuple[Any, ...]:
        rows = (
            f"[{json_string(table)},{json_string(key)},{'null' if position is None else position},{text}]"
            for (table, key), (position, text) in self._queued.items()
        )
        return (self.partition, self.partition, json_list(rows))
