from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from storage import MemoryStore, Store, TinyDBStore
from tests import pgserver
from tests.storage.minimal_store import DictStore

STORES = ["memory", "tinydb", "postgres", "minimal"]
"""Every registered store, and one written from the ABC alone (tests/storage/minimal_store.py)."""


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


def _open(kind: str, request: pytest.FixtureRequest, tmp_path: Path) -> Store:
    if kind == "memory":
        return MemoryStore()
    if kind == "minimal":
        return DictStore()
    if kind == "tinydb":
        return TinyDBStore(tmp_path / "data")
    from storage.postgres import PostgresStore

    return PostgresStore(request.getfixturevalue("pg_url"))


@pytest.fixture(params=STORES)
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    """Every implementation, so the contract suite holds for each of them."""
    instance = _open(request.param, request, tmp_path)
    yield instance
    instance.close()


@pytest.fixture(params=STORES)
def two_instances(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[Store, Store]]:
    """Two instances on the same data, as two processes (tinydb) or two replicas (PostgreSQL) have them; a
    store that lives in one process's memory is its own second instance."""
    first = _open(request.param, request, tmp_path)
    second = _open(request.param, request, tmp_path) if request.param in ("tinydb", "postgres") else first
    yield first, second
    for instance in {id(first): first, id(second): second}.values():
        instance.close()


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def tiny(data_dir: Path) -> Iterator[TinyDBStore]:
    instance = TinyDBStore(data_dir)
    yield instance
    instance.close()
