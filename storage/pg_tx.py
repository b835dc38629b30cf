"""The hot statements sent by libpq itself: a write in two round trips (BEGIN with the lock, the write with
COMMIT), and a request's reads and a delivery's noted marks in one each, without psycopg's machinery.

Why (issue 21, "PostgreSQL writes ≤ 3× a one-row commit"): a write was four round trips through psycopg
(BEGIN, the lock, the write, COMMIT), and every statement went through psycopg's generators, its wait loop
and its parameter adaptation in Python: psycopg was the largest single part of the bot's CPU in a profile
of `bench.pg_write`. Here the statements are prepared on each connection (SQL ``PREPARE``, all of a
`Statements` at once, in the same round trip as their first use) and sent with their values as literals
escaped by libpq, by a blocking ``PQexec`` (`pgconn.exec_`, which releases the GIL while it waits:
measured, another thread runs on). Measured on this machine (a `/tmp` micro bench: a locking SELECT and an
UPDATE of a 4 KB text, 3,000 alternated runs, load ~5): the bot's CPU 195-211 -> 67-75 µs a write. psycopg
3's pipeline mode cost more CPU than it saved (160 -> 245 µs for the same four statements) and no wall
time on a local socket.

What stays as it was:
- the statements are the same text (`storage.pg_write.LOCK`, the write's CTEs, `storage.pg_looks.LOOK`), so
  the server plans them as before (a generic plan from the sixth use, as for psycopg's prepared statements);
- a failed block (the database's error or the core's) is rolled back and the exception goes on; a statement
  the block sends itself goes through psycopg on the same connection, in the same transaction;
- an error of the server's is raised as psycopg raises it (`error_from_result`; a lost connection, which has
  no SQLSTATE, as an `OperationalError`), which `PostgresStore._errors` names; nothing that did not commit is
  confirmed: COMMIT is sent only after the write, in the same text, and nothing after a failed statement runs;
- a connection whose prepared statements are gone (psycopg deallocates all of its own after a rollback it
  sees, with ``DEALLOCATE ALL``) prepares them again: the lock finds that out before the block runs.
"""

from __future__ import annotations

import itertools
import logging
import re
import threading
import weakref
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

import psycopg
from psycopg import pq

if TYPE_CHECKING:
    from psycopg.pq.abc import PGconn, PGresult

logger = logging.getLogger(__name__)

_TUPLES, _OK = pq.ExecStatus.TUPLES_OK, pq.ExecStatus.COMMAND_OK
_RAN = (_TUPLES, _OK)  # a statement that returns rows, or one that returns none (an INSERT)
_MISSING = "26000"  # invalid_sql_statement_name: a prepared statement that is not there
_IDLE = pq.TransactionStatus.IDLE
_PLACEHOLDER = re.compile(r"%s")
_PREPARATIONS = itertools.count(1)
"""Each preparation's number, unique in the process (so names never meet across `Statements`)."""


def numbered(sql: str) -> str:
    """A statement written with psycopg's ``%s`` placeholders, with ``$1``, ``$2``, … for ``PREPARE``."""
    count = iter(range(1, 1000))
    return _PLACEHOLDER.sub(lambda _: f"${next(count)}", sql)


class Statements:
    """Statements prepared by name on each connection that runs them (all of them at once, on first use).

    Each preparation has names of its own (``samh_<name>_<n>``): a PREPARE that failed half-way leaves names
    that are never asked for again, instead of a name that exists on one connection and not another."""

    def __init__(self, statements: dict[str, str]) -> None:
        self._statements = {name: numbered(sql) for name, sql in statements.items()}
        self._ready: weakref.WeakKeyDictionary[psycopg.Connection, int] = weakref.WeakKeyDictionary()
        self._lock = threading.Lock()

    def prepared_on(self, conn: psycopg.Connection) -> int | None:
        """The preparation `conn` holds (None: none yet, or it was lost)."""
        with self._lock:
            return self._ready.get(conn)

    def prepare(self) -> tuple[int, bytes]:
        """A new preparation's number and its PREPAREs."""
        with self._lock:
            number = next(_PREPARATIONS)
        text = "".join(f"PREPARE samh_{name}_{number} AS {sql};" for name, sql in self._statements.items())
        return number, text.encode()

    def held(self, conn: psycopg.Connection, number: int | None) -> None:
        """`conn` holds preparation `number` (None: it holds none that is known)."""
        with self._lock:
            if number is None:
                self._ready.pop(conn, None)
            else:
                self._ready[conn] = number


def call(name: str, values: Sequence[Any], escaping: pq.Escaping, encoding: str) -> bytes:
    """``EXECUTE name(…)`` with `values` as literals (None as NULL, a number as its digits, text in the
    connection's `encoding`, escaped), as psycopg would send them."""
    parts = []
    for value in values:
        if value is None:
            parts.append(b"NULL")
        elif isinstance(value, bool):
            parts.append(b"true" if value else b"false")
        elif isinstance(value, int):
            parts.append(str(value).encode())
        else:
            parts.append(escaping.escape_literal(str(value).encode(encoding)))
    return b"EXECUTE " + name.encode() + (b"(" + b",".join(parts) + b")" if parts else b"")


def rows(result: PGresult, encoding: str) -> list[tuple[str | None, ...]]:
    """A result's rows as text (libpq's text format, in the connection's `encoding`; NULL as None), for the
    caller to convert."""
    value, width = result.get_value, range(result.nfields)
    return [
        tuple(None if (cell := value(row, column)) is None else cell.decode(encoding) for column in width)
        for row in range(result.ntuples)
    ]


def run(
    conn: psycopg.Connection, statements: Statements, name: str, values: Sequence[Any]
) -> list[tuple[str | None, ...]]:
    """One prepared statement on `conn` (autocommit), in one round trip (its PREPAREs first on a connection
    that has none); prepared again once if the connection lost them; its rows as text (`rows`). Errors as
    psycopg raises them."""
    tx = Transaction(conn)
    return rows(_send(tx, statements, name, values, begin=False), tx.encoding)


def _send(tx: Transaction, statements: Statements, name: str, values: Sequence[Any], *, begin: bool) -> PGresult:
    """The prepared statement `name` (BEGIN before it with `begin`), its PREPAREs first where `tx`'s
    connection has none; a connection that lost them (psycopg's ``DEALLOCATE ALL``) rolls back what it began
    and prepares them again, once."""
    conn, pgconn = tx.conn, tx.pgconn
    for attempt in (1, 2):
        number = statements.prepared_on(conn)
        prefix = b""
        if number is None:
            number, prefix = statements.prepare()
        tx.number = number
        result = pgconn.exec_(
            prefix + (b"BEGIN;" if begin else b"") + call(f"samh_{name}_{number}", values, tx._escaping, tx.encoding)
        )
        tx.begun = begin
        ran = result.status in _RAN
        if prefix and (ran or (begin and pgconn.transaction_status != _IDLE)):
            statements.held(conn, number)  # the statement ran, or BEGIN after the PREPAREs did: they all hold
        if ran:
            return result
        state = (result.error_field(pq.DiagnosticField.SQLSTATE) or b"").decode()
        if attempt == 1 and state == _MISSING and not prefix:
            tx._rollback()
            statements.held(conn, None)
            continue
        raise tx._error(result)
    raise AssertionError("unreachable")


class Transaction:
    """One write's transaction on an autocommit connection (`transaction`)."""

    __slots__ = ("_escaping", "begun", "conn", "done", "encoding", "number", "pgconn")

    def __init__(self, conn: psycopg.Connection) -> None:
        self.conn = conn
        self.pgconn: PGconn = conn.pgconn
        self._escaping = pq.Escaping(self.pgconn)
        self.encoding = conn.info.encoding
        """The connection's client encoding as Python names it: how psycopg would encode and decode text."""
        self.begun = False
        self.done = False
        self.number = 0
        """The preparation the lock used (`Statements`), which the write uses too."""

    def begin_with(self, statements: Statements, name: str, values: Sequence[Any]) -> PGresult:
        """BEGIN and the prepared statement `name` in one round trip; its rows' result. A connection that
        lost its prepared statements rolls back and prepares them again (nothing has run in the block)."""
        return _send(self, statements, name, values, begin=True)

    def commit_with(self, name: str, values: Sequence[Any], *, then: str) -> PGresult:
        """The prepared statement `name`, COMMIT and the prepared statement `then` (no values; its rows are
        returned) in one round trip: the statement failing, nothing after it runs and the transaction is
        rolled back."""
        number, escaping = self.number, self._escaping
        sent = (
            call(f"samh_{name}_{number}", values, escaping, self.encoding)
            + b";COMMIT;"
            + call(f"samh_{then}_{number}", (), escaping, self.encoding)
        )
        result = self.pgconn.exec_(sent)
        if result.status != _TUPLES:
            raise self._error(result)
        self.done = True
        return result

    def _error(self, result: PGresult) -> psycopg.Error:
        """The error psycopg would raise: a lost connection (no SQLSTATE) as `OperationalError`, as its own
        statements raise it, so `PostgresStore._errors` takes it for the connection failure it is."""
        if self.pgconn.status == pq.ConnStatus.BAD or not result.error_field(pq.DiagnosticField.SQLSTATE):
            message = result.get_error_message(self.conn.info.encoding) or "the connection was lost"
            return psycopg.OperationalError(message.strip())
        return psycopg.errors.error_from_result(result, encoding=self.conn.info.encoding)

    def _rollback(self) -> None:
        if not self.conn.closed and self.pgconn.transaction_status != _IDLE:
            result = self.pgconn.exec_(b"ROLLBACK")
            if result.status != _OK:
                raise self._error(result)
        self.begun = False

    def commit(self) -> None:
        """COMMIT, unless `commit_with` did; a COMMIT the server answered with ROLLBACK (an aborted
        transaction) raises: never a write confirmed that was not written."""
        if self.done or not self.begun:
            return
        result = self.pgconn.exec_(b"COMMIT")
        if result.status != _OK:
            raise self._error(result)
        if result.command_status != b"COMMIT":
            raise psycopg.OperationalError(
                f"the transaction was not committed (the server answered {result.command_status!r})"
            )
        self.done = True


@contextmanager
def transaction(conn: psycopg.Connection) -> Iterator[Transaction]:
    """A write's transaction on `conn` (autocommit, not in a transaction): begun by `begin_with`, committed
    by `commit_with` or at the end of the block; rolled back if the block raises."""
    tx = Transaction(conn)
    try:
        yield tx
    except BaseException:
        try:
            tx._rollback()
        except psycopg.Error as exc:  # the connection is gone: the pool discards it, the block's error goes on
            logger.warning("could not roll back a failed write: %s", exc)
        raise
    tx.commit()
