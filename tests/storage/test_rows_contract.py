"""The row methods of `Store` (history, ledger, request ids), on every implementation."""

from __future__ import annotations

from datetime import datetime

import pytest

from bot.clock import OSLO
from bot.messages import Request
from bot.state.store import AlreadyApplied, Author, StateStore
from storage import Store

P = "cycle/agder/2027"
AUTHOR = Author(person="kari", name="Kari", platform="terminal", channel="agder")
AT = datetime(2027, 1, 11, 9, 0, tzinfo=OSLO)


def test_append_keys_in_order_and_rows_oldest_first(store: Store) -> None:
    keys = []
    for n in range(3):
        with store.update(P) as tables:
            keys.append(store.append(tables, partition=P, table="history", entry={"n": n}))
    assert keys == sorted(keys) and len(set(keys)) == 3
    assert list(store.rows(P, table="history").values()) == [{"n": 0}, {"n": 1}, {"n": 2}]
    with store.update(P) as tables:
        assert store.last_row(tables, partition=P, table="history") == {"n": 2}
        assert store.row(tables, partition=P, table="history", key=keys[1]) == {"n": 1}
        assert store.row(tables, partition=P, table="history", key="nope") is None


def test_latest_rows_newest_first_and_count(store: Store) -> None:
    assert store.latest_rows(P, table="history", limit=3) == [] and store.count_rows(P, table="history") == 0
    with store.update(P) as tables:
        for n in range(5):
            store.append(tables, partition=P, table="history", entry={"n": n})
    assert store.latest_rows(P, table="history", limit=3) == [{"n": 4}, {"n": 3}, {"n": 2}]
    assert store.latest_rows(P, table="history", limit=10) == [{"n": n} for n in (4, 3, 2, 1, 0)]
    assert store.count_rows(P, table="history") == 5


def test_rows_written_in_a_failed_update_vanish_with_it(store: Store) -> None:
    with pytest.raises(RuntimeError), store.update(P) as tables:
        tables["t"] = {"k": {}}
        store.append(tables, partition=P, table="history", entry={"n": 1})
        store.put_row(tables, partition=P, table="requests", key="r1", doc={"history": "000000"})
        raise RuntimeError("boom")
    assert store.rows(P, table="history") == {}
    assert store.rows(P, table="requests") == {}
    assert store.partitions() == []


def test_record_once_is_once(store: Store) -> None:
    assert store.record_once(partition=P, table="ledger", key="r:1", doc={"late": False}) is True
    assert store.record_once(partition=P, table="ledger", key="r:1", doc={"late": True}) is False
    assert store.rows(P, table="ledger") == {"r:1": {"late": False}}
    assert P in store.partitions()


def test_state_change_records_history_and_a_request_once(store: Store) -> None:
    state = StateStore(store=store)
    request = Request(platform="slack", user_id="U1", channel_id="C1", text="x", request_id="req-1")

    def mutate(tables: dict) -> str:
        tables.setdefault("milestones", {})["m"] = {"done": True}
        return "ok"

    assert state.change(partition=P, author=AUTHOR, at=AT, summary="første", mutate=mutate, request=request) == "ok"
    with pytest.raises(AlreadyApplied) as excinfo:
        state.change(partition=P, author=AUTHOR, at=AT, summary="andre", mutate=mutate, request=request)
    assert excinfo.value.entry["summary"] == "første"
    state.change(partition=P, author=AUTHOR, at=AT, summary="tredje", mutate=mutate)
    assert [entry["summary"] for entry in state.history(P)] == ["første", "tredje"]
    assert state.tables(P)["milestones"] == {"m": {"done": True}}


def test_a_long_history_reads_whole_in_order_and_chains(store: Store) -> None:
    """Enough rows that a store keeping them in segments (tinydb) has several; every store reads the same."""
    state = StateStore(store=store)

    def mutate(tables: dict) -> None:
        tables.setdefault("milestones", {})["m"] = {"done": True}

    total = 300
    for n in range(total):
        request = Request(platform="slack", user_id="U1", channel_id="C1", text="x", request_id=f"req-{n}")
        state.change(partition=P, author=AUTHOR, at=AT, summary=f"endring {n}", mutate=mutate, request=request)
    assert [entry["summary"] for entry in state.history(P)] == [f"endring {n}" for n in range(total)]
    assert [entry["summary"] for entry in state.latest(P, limit=150)] == [
        f"endring {n}" for n in range(total - 1, total - 151, -1)
    ]
    assert state.history_count(P) == total
    report = state.verify_history(P)
    assert report.entries == total and report.ok
    # The oldest request id is still known: a retry of it records nothing.
    with pytest.raises(AlreadyApplied) as excinfo:
        old = Request(platform="slack", user_id="U1", channel_id="C1", text="x", request_id="req-0")
        state.change(partition=P, author=AUTHOR, at=AT, summary="igjen", mutate=mutate, request=old)
    assert excinfo.value.entry["summary"] == "endring 0"
    assert state.history_count(P) == total


def test_the_ledger_stays_once_only_when_long(store: Store) -> None:
    store.record_many(partition=P, table="ledger", docs={f"r:{n}": {"n": n} for n in range(300)})
    assert store.record_once(partition=P, table="ledger", key="r:0", doc={"n": -1}) is False
    store.record_many(partition=P, table="ledger", docs={"r:1": {"n": -1}, "r:300": {"n": 300}})
    rows = store.rows(P, table="ledger")
    assert list(rows) == [f"r:{n}" for n in range(301)] and rows["r:1"] == {"n": 1}
    assert store.count_rows(P, table="ledger") == 301
