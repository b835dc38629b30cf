"""A write's transaction in two round trips sent by libpq (`storage.pg_tx`): BEGIN with the lock, the write
with COMMIT. What committed is there, a failed block leaves nothing, a COMMIT the server turned into a
ROLLBACK is an error, and a connection whose prepared statements are gone prepares them again."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from datetime import datetime

import psycopg
import pytest

from bot.clock import OSLO
from bot.state import chain
from bot.state.store import Author, StateStore
from storage.pg_tx import Statements, transaction
from storage.postgres import PostgresStore

PARTITION = "cycle/agder/2027"
AUTHOR = Author(person=None, name="test", platform="terminal", channel="agder")
AT = datetime(2027, 1, 1, tzinfo=OSLO)
PROBE = Statements({"probe": "SELECT count(*) FROM tx_probe WHERE n <> %s"})


@pytest.fixture
def store(pg_url: str) -> Iterator[PostgresStore]:
    opened = PostgresStore(pg_url, pool_size=2)
    yield opened
    opened.close()


def _table(pg_url: str) -> None:
    with psycopg.connect(pg_url, autocommit=True) as conn:
        conn.execute("CREATE TABLE IF NOT EXISTS tx_probe (n int)")
        conn.execute("TRUNCATE tx_probe")


def _count(pg_url: str) -> int:
    with psycopg.connect(pg_url, autocommit=True) as conn:
        row = conn.execute("SELECT count(*) FROM tx_probe").fetchone()
    return int(row[0]) if row else -1


def _bump(tables: dict) -> None:
    counter = tables.setdefault("counter", {}).setdefault("c", {"n": 0})
    counter["n"] += 1


def test_a_block_is_committed_at_its_end_and_not_before(pg_url: str) -> None:
    _table(pg_url)
    with psycopg.connect(pg_url, autocommit=True) as conn:
        with transaction(conn) as tx:
            assert tx.begin_with(PROBE, "probe", (-1,)).get_value(0, 0) == b"0"
            conn.execute("INSERT INTO tx_probe VALUES (1)")
            assert _count(pg_url) == 0
        assert conn.pgconn.transaction_status == psycopg.pq.TransactionStatus.IDLE
    assert _count(pg_url) == 1


def test_a_block_that_raises_writes_nothing_and_leaves_the_connection_usable(pg_url: str) -> None:
    _table(pg_url)
    with psycopg.connect(pg_url, autocommit=True) as conn:
        with pytest.raises(ValueError), transaction(conn) as tx:
            tx.begin_with(PROBE, "probe", (-1,))
            conn.execute("INSERT INTO tx_probe VALUES (1)")
            raise ValueError("the core refused")
        assert conn.execute("SELECT 1").fetchone() == (1,)
    assert _count(pg_url) == 0


def test_a_commit_answered_with_rollback_is_an_error(pg_url: str) -> None:
    """A statement failed inside the block and the block went on: the server aborted the transaction, so its
    COMMIT answers ROLLBACK. That is raised, not taken for a commit."""
    _table(pg_url)
    with psycopg.connect(pg_url, autocommit=True) as conn:
        with pytest.raises(psycopg.OperationalError, match="not committed"), transaction(conn) as tx:
            tx.begin_with(PROBE, "probe", (-1,))
            conn.execute("INSERT INTO tx_probe VALUES (1)")
            with contextlib.suppress(psycopg.errors.DivisionByZero):
                conn.execute("SELECT 1 / 0")
        assert conn.execute("SELECT 1").fetchone() == (1,)
    assert _count(pg_url) == 0


def test_a_write_after_the_prepared_statements_were_dropped_prepares_them_again(store: PostgresStore) -> None:
    """psycopg drops every prepared statement of a connection (``DEALLOCATE ALL``) after a rollback of its
    own: the next write's lock finds its statement gone, starts over and writes once."""
    state = StateStore(store=store)
    state.change(partition=PARTITION, author=AUTHOR, at=AT, summary="first", mutate=_bump)
    for _ in range(2):  # each pooled connection
        with store._connection() as conn:
            conn.execute("DEALLOCATE ALL")
    state.change(partition=PARTITION, author=AUTHOR, at=AT, summary="second", mutate=_bump)
    state.change(partition=PARTITION, author=AUTHOR, at=AT, summary="third", mutate=_bump)
    assert store.read(PARTITION)["counter"]["c"] == {"n": 3}
    assert [entry["summary"] for entry in state.history(PARTITION)] == ["first", "second", "third"]


def test_a_refused_change_writes_nothing_and_the_next_write_goes_through(store: PostgresStore) -> None:
    state = StateStore(store=store)

    def refuse(tables: dict) -> None:
        _bump(tables)
        raise RuntimeError("refused")

    with pytest.raises(RuntimeError):
        state.change(partition=PARTITION, author=AUTHOR, at=AT, summary="refused", mutate=refuse)
    state.change(partition=PARTITION, author=AUTHOR, at=AT, summary="bump", mutate=_bump)
    state.change(partition=PARTITION, author=AUTHOR, at=AT, summary="bump again", mutate=_bump)
    assert store.read(PARTITION)["counter"]["c"] == {"n": 2}
    assert [entry["summary"] for entry in state.history(PARTITION)] == ["bump", "bump again"]


def test_text_goes_and_comes_in_the_connections_encoding(pg_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """A client that asks for LATIN1 (``PGCLIENTENCODING``): what libpq sends (a history entry, a noted mark)
    and brings back (the last entry, with the lock) is in it, as with psycopg, so the chain holds."""
    monkeypatch.setenv("PGCLIENTENCODING", "LATIN1")
    store = PostgresStore(pg_url)
    try:
        with store._connection() as conn:
            assert conn.info.encoding == "iso8859-1"
        state = StateStore(store=store)
        for summary in ("Møte i Bodø", "Frist i Tromsø"):  # the second chains to the first, brought by the lock
            state.change(partition=PARTITION, author=AUTHOR, at=AT, summary=summary, mutate=_bump)
        store.note(partition=PARTITION, marks=[{"kanal": "Trøndelag"}])
        assert store.read_noted(PARTITION)[1] == [{"kanal": "Trøndelag"}]
    finally:
        store.close()
    monkeypatch.delenv("PGCLIENTENCODING")
    utf8 = PostgresStore(pg_url)
    try:
        history = StateStore(store=utf8).history(PARTITION)
        assert [entry["summary"] for entry in history] == ["Møte i Bodø", "Frist i Tromsø"]
        assert chain.walk(partition=PARTITION, entries=history).broken_at is None
    finally:
        utf8.close()
