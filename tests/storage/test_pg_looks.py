"""`PostgresStore.one_look` (`storage.pg_looks`): a block's first look brings the versions of the partitions
read with it before, so the rest of a request's reads need no round trip, and still each block sees what
was written before it began, its own writes at once."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest

from storage.postgres import PostgresStore

FIRST, SECOND, THIRD = "meta", "cycle/agder/2027", "national/2027"


@pytest.fixture
def store(pg_url: str) -> Iterator[PostgresStore]:
    opened = PostgresStore(pg_url)
    for partition in (FIRST, SECOND, THIRD):
        with opened.update(partition) as tables:
            tables["t"] = {"d": {"n": 1}}
    yield opened
    opened.close()


def _counted(store: PostgresStore) -> list[str]:
    """Each statement `store` sends outside a write, by what it was for."""
    sent: list[str] = []
    retried = store._retried  # every statement outside a write, psycopg's or sent by libpq (`storage.pg_tx`)

    def counting(what: str, ask: Callable[[Any], list[Any]]) -> list[Any]:
        sent.append(what)
        return retried(what, ask)

    store._retried = counting  # type: ignore[method-assign]
    return sent


def _request(store: PostgresStore) -> list[int]:
    """A request's reads: the three partitions, in the order a request like it reads them."""
    with store.one_look():
        return [store.read(partition)["t"]["d"]["n"] for partition in (FIRST, SECOND, THIRD)]


def test_a_request_like_one_before_reads_its_partitions_in_one_round_trip(store: PostgresStore) -> None:
    sent = _counted(store)
    assert _request(store) == [1, 1, 1]
    assert len(sent) == 3  # the first time, one each: nothing learned yet
    sent.clear()
    assert _request(store) == [1, 1, 1]
    assert len(sent) == 1
    sent.clear()
    with store.one_look():  # versions asked inside the block are the ones looked at
        store.read(FIRST)
        assert store.versions((SECOND, THIRD)) == (store.version(SECOND), store.version(THIRD))
    assert sent == ["a read of meta"]


def test_each_block_sees_another_replicas_writes_made_before_it_began(store: PostgresStore, pg_url: str) -> None:
    other = PostgresStore(pg_url)
    try:
        _request(store)
        with other.update(SECOND) as tables:  # changed between two requests: the next one reads it anew
            tables["t"]["d"]["n"] = 2
        assert _request(store) == [1, 2, 1]
        with store.one_look():  # changed during a request, after its first look: as of that look
            store.read(FIRST)
            with other.update(THIRD) as tables:
                tables["t"]["d"]["n"] = 3
            assert store.read(THIRD)["t"]["d"]["n"] == 1
        assert _request(store) == [1, 2, 3]
    finally:
        other.close()


def test_a_write_in_the_block_is_read_back_at_once_and_a_missing_partition_appears_after(
    store: PostgresStore,
) -> None:
    _request(store)
    with store.one_look():
        assert store.read(FIRST)["t"]["d"]["n"] == 1
        with store.update(SECOND) as tables:
            tables["t"]["d"]["n"] = 5
        assert store.read(SECOND)["t"]["d"]["n"] == 5
        assert store.read_versioned("cycle/agder/2031").version == 0
        with store.update("cycle/agder/2031") as tables:
            tables["t"] = {"d": {"n": 7}}
        assert store.read("cycle/agder/2031")["t"]["d"]["n"] == 7
        store.record_once(partition=THIRD, table="ledger", key="k", doc={"x": 1})
        assert store.version(THIRD) == store.read_versioned(THIRD).version
    with store.one_look():
        assert store.read("cycle/agder/2031")["t"]["d"]["n"] == 7
