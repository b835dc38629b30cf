"""`Store.note`, `read_noted` and `fold_noted` on each store that keeps a journal (tinydb, PostgreSQL), as two
processes or replicas see them: marks are read in order beside the tables, do not change the partition's
version, become the partition's with the update that folds them and stay noted when that update fails."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from storage import Store, TinyDBStore
from tests.storage.conftest import STORES, _open

JOURNALLED = ["tinydb", "postgres"]
"""The stores that keep a journal of marks; the others settle by writing the partition (`note` returns False)."""


@pytest.fixture(params=JOURNALLED)
def journalled(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[Store, Store]]:
    """Two instances on the same data, as two processes (tinydb) or two replicas (PostgreSQL) have them."""
    first, second = _open(request.param, request, tmp_path), _open(request.param, request, tmp_path)
    yield first, second
    first.close()
    second.close()


@pytest.mark.parametrize("kind", sorted(set(STORES) - set(JOURNALLED)))
def test_a_store_without_a_journal_says_so_and_keeps_nothing(
    kind: str, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    store = _open(kind, request, tmp_path)
    try:
        assert store.note(partition="cycle/agder/2028", marks=[{"key": "a"}]) is False
    finally:
        store.close()


def test_marks_are_read_in_order_beside_the_tables_and_leave_the_version(journalled: tuple[Store, Store]) -> None:
    first, second = journalled
    with first.update("cycle/agder/2028") as tables:
        tables["pending"] = {"a": {"n": 1}, "b": {"n": 2}}
    version = first.version("cycle/agder/2028")
    assert first.note(partition="cycle/agder/2028", marks=[{"key": "a"}])
    assert second.note(partition="cycle/agder/2028", marks=[{"key": "b", "row": {"n": 3}}, {"key": "æ"}])
    for store in (first, second):
        tables, marks = store.read_noted("cycle/agder/2028")
        assert tables["pending"] == {"a": {"n": 1}, "b": {"n": 2}}
        assert marks == [{"key": "a"}, {"key": "b", "row": {"n": 3}}, {"key": "æ"}]
        assert store.version("cycle/agder/2028") == version  # a mark is no write: kept replies stay
    assert first.read_noted("cycle/other/2028") == ({}, [])


def test_a_fold_makes_the_marks_the_partitions_and_a_failed_one_keeps_them(journalled: tuple[Store, Store]) -> None:
    first, second = journalled
    with first.update("outbox") as tables:
        tables["pending"] = {"a": {"n": 1}}
    assert second.note(partition="outbox", marks=[{"key": "a"}])
    with pytest.raises(RuntimeError), first.update("outbox") as tables:
        assert first.fold_noted(tables, partition="outbox") == [{"key": "a"}]
        del tables["pending"]["a"]
        raise RuntimeError("the write fails after the fold")
    assert second.read_noted("outbox") == ({"pending": {"a": {"n": 1}}}, [{"key": "a"}])
    with first.update("outbox") as tables:
        assert first.fold_noted(tables, partition="outbox") == [{"key": "a"}]
        del tables["pending"]["a"]
    assert second.read_noted("outbox") == ({"pending": {}}, [])
    with second.update("outbox") as tables:
        assert second.fold_noted(tables, partition="outbox") == []  # folded once, never again


def test_a_note_that_would_wait_for_another_writer_is_declined(tmp_path: Path) -> None:
    """`wait=False` (an event loop noting in place): while another process holds the folder for a durable
    write, nothing is noted and the caller is told to note it with waiting; once free, it is noted."""
    first, second = TinyDBStore(tmp_path / "data"), TinyDBStore(tmp_path / "data")
    with first.update("outbox") as tables:
        tables["pending"] = {"a": {"n": 1}}
    with second.update("cycle/agder/2028") as tables:  # another process mid-write
        tables["x"] = {}
        assert first.note(partition="outbox", marks=[{"key": "a"}], wait=False) is False
        assert first.note(partition="outbox", marks=[{"key": "a"}], wait=False) is False  # the lock is not kept
    assert first.read_noted("outbox")[1] == []
    assert first.note(partition="outbox", marks=[{"key": "a"}], wait=False) is True
    assert second.read_noted("outbox")[1] == [{"key": "a"}]
    with first.update("outbox"):  # the lock taken and given back by the declined tries: writes go on
        pass
    first.close()
    second.close()


def test_postgres_never_notes_without_waiting(pg_url: str) -> None:
    from storage.postgres import PostgresStore

    store = PostgresStore(pg_url)
    assert store.note(partition="outbox", marks=[{"key": "a"}], wait=False) is False  # a round trip waits
    assert store.read_noted("outbox") == ({}, [])
    store.close()
