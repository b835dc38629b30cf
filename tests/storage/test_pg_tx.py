"""A write's transaction with BEGIN and COMMIT sent by libpq (`storage.pg_tx`): what committed is there, a
failed block leaves nothing, and a COMMIT the server turned into a ROLLBACK is an error, never a write
confirmed that was not written."""

from __future__ import annotations

import contextlib
from datetime import datetime

import psycopg
import pytest

from bot.clock import OSLO
from bot.state.store import Author, StateStore
from storage.pg_tx import transaction
from storage.postgres import PostgresStore

PARTITION = "cycle/agder/2027"
AUTHOR = Author(person=None, name="test", platform="terminal", channel="agder")
AT = datetime(2027, 1, 1, tzinfo=OSLO)


def _table(pg_url: str) -> None:
    with psycopg.connect(pg_url, autocommit=True) as conn:
        conn.execute("CREATE TABLE IF NOT EXISTS tx_probe (n int)")
        conn.execute("TRUNCATE tx_probe")


def _count(pg_url: str) -> int:
    with psycopg.connect(pg_url, autocommit=True) as conn:
        row = conn.execute("SELECT count(*) FROM tx_probe").fetchone()
    return int(row[0]) if row else -1


def test_a_committed_block_is_there_for_another_connection(pg_url: str) -> None:
    _table(pg_url)
    with psycopg.connect(pg_url, autocommit=True) as conn:
        with transaction(conn):
            conn.execute("INSERT INTO tx_probe VALUES (1)")
            assert _count(pg_url) == 0  # not before the COMMIT
        assert conn.pgconn.transaction_status == psycopg.pq.TransactionStatus.IDLE
    assert _count(pg_url) == 1


def test_a_block_that_raises_writes_nothing_and_leaves_the_connection_usable(pg_url: str) -> None:
    _table(pg_url)
    with psycopg.connect(pg_url, autocommit=True) as conn:
        with pytest.raises(ValueError), transaction(conn):
            conn.execute("INSERT INTO tx_probe VALUES (1)")
            raise ValueError("the core refused")
        assert conn.execute("SELECT 1").fetchone() == (1,)
    assert _count(pg_url) == 0


def test_a_commit_answered_with_rollback_is_an_error(pg_url: str) -> None:
    """A statement failed inside the block and the block went on: the server aborted the transaction, so its
    COMMIT answers ROLLBACK. That is raised, not taken for a commit."""
    _table(pg_url)
    with psycopg.connect(pg_url, autocommit=True) as conn:
        with pytest.raises(psycopg.OperationalError, match="not committed"), transaction(conn):
            conn.execute("INSERT INTO tx_probe VALUES (1)")
            with contextlib.suppress(psycopg.errors.DivisionByZero):
                conn.execute("SELECT 1 / 0")
        assert conn.execute("SELECT 1").fetchone() == (1,)
    assert _count(pg_url) == 0


def test_a_refused_change_writes_nothing_and_the_next_write_goes_through(pg_url: str) -> None:
    store = PostgresStore(pg_url)
    try:
        state = StateStore(store=store)

        def refuse(tables: dict) -> None:
            tables.setdefault("counter", {})["c"] = {"n": 99}
            raise RuntimeError("refused")

        with pytest.raises(RuntimeError):
            state.change(partition=PARTITION, author=AUTHOR, at=AT, summary="refused", mutate=refuse)
        state.change(
            partition=PARTITION,
            author=AUTHOR,
            at=AT,
            summary="bump",
            mutate=lambda tables: tables.setdefault("counter", {}).update(c={"n": 1}),
        )
        assert store.read(PARTITION)["counter"]["c"] == {"n": 1}
        assert [entry["summary"] for entry in state.history(PARTITION)] == ["bump"]
    finally:
        store.close()
