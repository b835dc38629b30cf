"""A write's transaction on a pooled (autocommit) connection: BEGIN and COMMIT sent by libpq itself.

Why (issue 21, "PostgreSQL writes ≤ 3× a one-row commit"): `psycopg.Connection.transaction()` sends BEGIN
and COMMIT through psycopg's generators and its wait loop, with a `Transaction` object and its savepoint
bookkeeping around them: two of a write's four round trips, each woken by the event loop of `wait`. A
blocking ``PQexec`` (`pgconn.exec_`, which releases the GIL while it waits: measured, another thread runs on)
does the same round trip in C. Measured on this machine (`/tmp` micro bench, BEGIN, a locking SELECT, an
UPDATE, COMMIT on one connection, 3,000 alternated runs, load ~5): CPU 190 -> 160 µs, wall 1.36 -> 1.26 ms.
psycopg 3's pipeline mode, which would send BEGIN with the lock and COMMIT with the write, cost more CPU than
it saved waiting (160 -> 245 µs in the same bench) and no wall time on a local socket.

What stays as it was:
- a failed block (an exception, the database's or the core's) is rolled back by psycopg (`rollback`, which
  also forgets the statements prepared meanwhile, as its `Transaction` does), and the exception goes on;
- a COMMIT that did not commit is an error: the server's, as psycopg raises it (`error_from_result`: a
  lost connection or a shutdown is an `OperationalError`, which `PostgresStore._errors` names), and a
  transaction the server had aborted (its COMMIT answers ``ROLLBACK``) raises here, never a write confirmed
  that was not written.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

import psycopg
from psycopg import pq

if TYPE_CHECKING:
    from psycopg.pq.abc import PGconn

_OK = pq.ExecStatus.COMMAND_OK


def _command(conn: psycopg.Connection, pgconn: PGconn, command: bytes) -> None:
    """Run a command of no parameters with ``PQexec``; its error as psycopg raises it, and a COMMIT that the
    server answered with anything but COMMIT (an aborted transaction answers ROLLBACK) as an error too."""
    result = pgconn.exec_(command)  # raises OperationalError (no SQLSTATE) when the connection is gone
    if result.status != _OK:
        raise psycopg.errors.error_from_result(result, encoding=conn.info.encoding)
    if command == b"COMMIT" and result.command_status != b"COMMIT":
        raise psycopg.OperationalError(
            f"the transaction was not committed (the server answered {result.command_status!r})"
        )


@contextmanager
def transaction(conn: psycopg.Connection) -> Iterator[None]:
    """BEGIN, the block, COMMIT on `conn` (autocommit, not in a transaction); rolled back if the block raises."""
    pgconn = conn.pgconn
    _command(conn, pgconn, b"BEGIN")
    try:
        yield
    except BaseException:
        if not conn.closed and pgconn.transaction_status != pq.TransactionStatus.IDLE:
            conn.rollback()
        raise
    _command(conn, pgconn, b"COMMIT")
