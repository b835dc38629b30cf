from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from storage import MemoryStore, Store, TinyDBStore
from tests import pgserver


@pytest.fixture(scope="session")
def pg_server() -> Iterator[pgserver.PgServer]:
    """One real PostgreSQL 15 for the session (skips with the reason where there is none; fails with CI set)."""
    reason = pgserver.unavailable()
    if reason is not None:
        if os.environ.get("CI"):
            pytest.fail(f"CI is set, and the PostgreSQL tests cannot run: {reason}")
        pytest.skip(reason)
    server = pgserver.start_server()
    from storage.postgres import migrate_url

    migrate_url(server.url())
    yield server
    pgserver.stop_server(server)


@pytest.fixture
def pg_url(pg_server: pgserver.PgServer) -> str:
    """The session's database, emptied for this test."""
    import psycopg

    with psycopg.connect(pg_server.url(), autocommit=True) as conn:
        conn.execute("TRUNCATE partitions, rows, leases")
    return pg_server.url()


@pytest.fixture(params=["memory", "tinydb", "postgres"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    """Every implementation, so the contract suite holds for each of them."""
    instance: Store
    if request.param == "memory":
        instance = MemoryStore()
    elif request.param == "tinydb":
        instance = TinyDBStore(tmp_path / "data")
    else:
        from storage.postgres import PostgresStore

        instance = PostgresStore(request.getfixturevalue("pg_url"))
    yield instance
    instance.close()


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def tiny(data_dir: Path) -> Iterator[TinyDBStore]:
    instance = TinyDBStore(data_dir)
    yield instance
    instance.close()
