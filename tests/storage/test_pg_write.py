"""A PostgreSQL write's round trips (`storage.pg_write`): what the lock brings and the rows queued for the
partition's write hold every promise a write made one statement at a time."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from datetime import datetime

import psycopg
import pytest

from bot.clock import OSLO
from bot.messages import Request
from bot.state import chain
from bot.state.store import AlreadyApplied, Author, StateStore
from storage.pg_write import LOCK, lock_params
from storage.postgres import PostgresStore

PARTITION = "cycle/agder/2027"
AUTHOR = Author(person=None, name="test", platform="terminal", channel="agder")
AT = datetime(2027, 1, 1, tzinfo=OSLO)
HANG_GUARD_S = 60


@pytest.fixture
def store(pg_url: str) -> Iterator[PostgresStore]:
    opened = PostgresStore(pg_url)
    yield opened
    opened.close()


def test_a_writer_that_waited_for_the_lock_chains_after_the_entry_committed_meanwhile(
    store: PostgresStore, pg_url: str
) -> None:
    """The lock of a writer that waited returns the row the other writer committed, while the history its
    statement joined is from before: that entry is asked for afresh, so the chain and the positions hold."""
    other = PostgresStore(pg_url)
    try:
        StateStore(store=store).change(partition=PARTITION, author=AUTHOR, at=AT, summary="first", mutate=_bump)

        def third() -> None:
            StateStore(store=other).change(partition=PARTITION, author=AUTHOR, at=AT, summary="third", mutate=_bump)

        def hold(inside: Callable[[], None]) -> None:
            def slow(tables: dict) -> None:
                _bump(tables)
                inside()  # the other writer now starts and waits for this partition's lock

            StateStore(store=store).change(partition=PARTITION, author=AUTHOR, at=AT, summary="second", mutate=slow)

        assert _behind(hold, third) == [None]
        history = StateStore(store=store).history(PARTITION)
        assert [entry["summary"] for entry in history] == ["first", "second", "third"]
        assert chain.walk(partition=PARTITION, entries=history).broken_at is None
        assert store.read(PARTITION)["counter"]["c"]["n"] == 3
        with psycopg.connect(pg_url) as conn:
            positions = conn.execute(
                "SELECT pos FROM rows WHERE partition = %s AND tbl = 'history' ORDER BY pos", (PARTITION,)
            ).fetchall()
        assert [pos for (pos,) in positions] == [0, 1, 2]
    finally:
        other.close()


def test_the_same_request_on_two_replicas_at_once_is_recorded_once(store: PostgresStore, pg_url: str) -> None:
    """The request id the lock brings (`Store.expect_row`) is the one committed before the lock was had: a
    replica that waited for the other's write of the same request finds it applied."""
    other = PostgresStore(pg_url)
    request = Request(platform="terminal", user_id="u", channel_id="agder", text="x", request_id="req-1")
    try:
        StateStore(store=store).change(partition=PARTITION, author=AUTHOR, at=AT, summary="before", mutate=_bump)

        def again() -> object:
            try:
                StateStore(store=other).change(
                    partition=PARTITION, author=AUTHOR, at=AT, summary="again", mutate=_bump, request=request
                )
            except AlreadyApplied as exc:
                return exc.entry.get("summary")
            return "recorded twice"

        def hold(inside: Callable[[], None]) -> None:
            def slow(tables: dict) -> None:
                _bump(tables)
                inside()

            StateStore(store=store).change(
                partition=PARTITION, author=AUTHOR, at=AT, summary="once", mutate=slow, request=request
            )

        outcome = _behind(hold, again)
        assert outcome == ["once"]
        assert store.read(PARTITION)["counter"]["c"]["n"] == 2
        # Asked again later (the lock brings the row now): applied, the first entry named.
        with pytest.raises(AlreadyApplied):
            StateStore(store=other).change(
                partition=PARTITION, author=AUTHOR, at=AT, summary="later", mutate=_bump, request=request
            )
    finally:
        other.close()


def test_rows_put_in_a_write_are_read_back_in_it_and_land_in_the_order_put(store: PostgresStore) -> None:
    with store.update(PARTITION) as tables:
        store.put_row(tables, partition=PARTITION, table="ledger", key="b", doc={"n": 1})
        store.put_row(tables, partition=PARTITION, table="ledger", key="a", doc={"n": 2})
        store.put_row(tables, partition=PARTITION, table="ledger", key="b", doc={"n": 3})  # again: in place
        assert store.row(tables, partition=PARTITION, table="ledger", key="b") == {"n": 3}
        store.put_row(tables, partition=PARTITION, table="ledger", key="c", doc={"n": 4})
        first = store.append(tables, partition=PARTITION, table="history", entry={"summary": "one"})
        assert store.last_row(tables, partition=PARTITION, table="history") == {"summary": "one"}
        tables["x"] = {"y": {"z": 1}}
    assert list(store.rows(PARTITION, table="ledger")) == ["b", "a", "c"]
    with store.update(PARTITION) as tables:  # the lock tells the last entry; the next one follows it
        assert store.last_row(tables, partition=PARTITION, table="history") == {"summary": "one"}
        second = store.append(tables, partition=PARTITION, table="history", entry={"summary": "two"})
        store.put_row(tables, partition=PARTITION, table="ledger", key="d", doc={"n": 5})
    assert (first, second) == ("000000", "000001")
    assert list(store.rows(PARTITION, table="history")) == ["000000", "000001"]
    assert list(store.rows(PARTITION, table="ledger")) == ["b", "a", "c", "d"]
    assert store.read(PARTITION)["x"] == {"y": {"z": 1}}


def test_a_write_whose_block_fails_leaves_no_queued_row(store: PostgresStore) -> None:
    with pytest.raises(ValueError, match="refused"), store.update(PARTITION) as tables:
        store.append(tables, partition=PARTITION, table="history", entry={"summary": "gone"})
        store.put_row(tables, partition=PARTITION, table="requests", key="r1", doc={"history": "000000"})
        raise ValueError("refused")
    assert store.rows(PARTITION, table="history") == {}
    assert store.rows(PARTITION, table="requests") == {}
    with store.update(PARTITION) as tables:
        assert store.append(tables, partition=PARTITION, table="history", entry={"summary": "kept"}) == "000000"


def _behind(hold: Callable[[Callable[[], None]], None], waiting: Callable[[], object]) -> list[object]:
    """Run `waiting` (another replica's write) in a thread that starts while `hold` holds the partition's
    lock: `hold` calls the callback it is given inside its block, which starts the other writer and gives it
    time to queue for the lock. Returns what `waiting` returned or raised."""
    holding, waited = threading.Event(), threading.Event()
    outcome: list[object] = []

    def second() -> None:
        holding.wait(HANG_GUARD_S)
        try:
            outcome.append(waiting())
        except BaseException as exc:  # reported by the caller's assertion
            outcome.append(exc)
        waited.set()

    thread = threading.Thread(target=second)
    thread.start()

    def inside() -> None:
        holding.set()
        assert not waited.wait(0.5)  # the other writer waits for the lock

    hold(inside)
    thread.join(HANG_GUARD_S)
    return outcome


def _bump(tables: dict) -> None:
    doc = tables.setdefault("counter", {}).setdefault("c", {"n": 0})
    doc["n"] += 1


def test_marks_the_lock_brought_are_folded_once_and_one_noted_meanwhile_waits(
    store: PostgresStore, pg_url: str
) -> None:
    """The lock brings the marks noted beside the partition; the write deletes those, by position, so a
    mark another replica notes during the block is not lost: it waits for the next fold."""
    other = PostgresStore(pg_url)
    try:
        with store.update(PARTITION) as tables:
            tables["pending"] = {"a": {"n": 1}, "b": {"n": 2}}
        assert other.note(partition=PARTITION, marks=[{"key": "a"}])
        with store.update(PARTITION) as tables:
            assert store.fold_noted(tables, partition=PARTITION) == [{"key": "a"}]
            assert store.fold_noted(tables, partition=PARTITION) == []  # once per write
            assert other.note(partition=PARTITION, marks=[{"key": "b"}])  # during the block
            del tables["pending"]["a"]
        assert other.read_noted(PARTITION) == ({"pending": {"b": {"n": 2}}}, [{"key": "b"}])
        with store.update(PARTITION) as tables:
            assert store.fold_noted(tables, partition=PARTITION) == [{"key": "b"}]
            del tables["pending"]["b"]
        assert other.read_noted(PARTITION) == ({"pending": {}}, [])
    finally:
        other.close()


def test_marks_folded_by_a_writer_the_lock_waited_for_are_not_folded_again(store: PostgresStore, pg_url: str) -> None:
    other = PostgresStore(pg_url)
    try:
        with store.update(PARTITION) as tables:
            tables["pending"] = {"a": {"n": 1}}
        assert other.note(partition=PARTITION, marks=[{"key": "a"}])

        def fold() -> object:
            with other.update(PARTITION) as tables:
                return other.fold_noted(tables, partition=PARTITION)

        def hold(inside: Callable[[], None]) -> None:
            with store.update(PARTITION) as tables:
                assert store.fold_noted(tables, partition=PARTITION) == [{"key": "a"}]
                del tables["pending"]["a"]
                inside()

        folded = _behind(hold, fold)
        assert folded == [[]]
        assert other.read_noted(PARTITION) == ({"pending": {}}, [])
    finally:
        other.close()


def test_the_lock_keeps_its_generic_plan_on_an_analysed_database(pg_url: str) -> None:
    """The lock runs on every write: planned anew each time it cost the server twice the statement itself.
    With its table names as parameters, PostgreSQL judged the generic plan dearer once the tables were
    analysed and planned every execution for the values at hand (pgw3)."""
    with psycopg.connect(pg_url, autocommit=True) as conn:
        conn.execute(
            "INSERT INTO partitions (name, tables) SELECT 'cycle/r' || i || '/2028', '{}' FROM generate_series(1, 40) AS i"
        )
        # As a year of writes leaves them: a partition's history, request ids and ledger, and its noted marks
        # folded away but the one a delivery noted since (a rare table: this is what made the custom plans win).
        for table, count in (("history", 30), ("requests", 30), ("ledger", 100), (".noted", 1)):
            conn.execute(
                "INSERT INTO rows (partition, tbl, key, pos, doc) SELECT 'cycle/r' || i || '/2028', %s, %s || j, j, '{}'"
                " FROM generate_series(1, 40) AS i, generate_series(0, %s) AS j",
                (table, table, count - 1),
            )
        conn.execute("ANALYZE partitions, rows")
        for i in range(12):
            params = lock_params(known=-1, expected=("requests", f"requests{i}"), partition=f"cycle/r{i % 40 + 1}/2028")
            with conn.transaction():
                assert conn.execute(LOCK, params, prepare=True).fetchone() is not None
        (plans,) = conn.execute(
            "SELECT generic_plans, custom_plans FROM pg_prepared_statements WHERE statement LIKE '%FOR UPDATE OF p'"
        ).fetchall()
    assert plans[0] >= 6, f"the lock was planned anew on most writes (generic, custom): {plans}"


def test_a_ledger_recorded_while_a_write_puts_a_ledger_row_queues_behind_it(store: PostgresStore, pg_url: str) -> None:
    """A reminder pass on one replica records ledger rows (`record_many`) while a write on another puts a row
    in the same partition's ledger (the outbox's marks folded in). Both take the next position: until pgw3
    the pass took an advisory lock of its own and met the write's row lock only after its rows were in, the
    write's row then waited for the pass's, and PostgreSQL broke the deadlock after a second by failing one.
    Now the pass queues behind the write: both land, at positions of their own."""
    other = PostgresStore(pg_url)
    try:
        with store.update(PARTITION) as tables:
            tables["x"] = {"a": {"n": 0}}
        store.record_many(partition=PARTITION, table="ledger", docs={"first": {"n": 0}})

        def pass_records() -> object:
            other.record_many(partition=PARTITION, table="ledger", docs={"pass": {"n": 1}})
            return "recorded"

        def hold(inside: Callable[[], None]) -> None:
            with store.update(PARTITION) as tables:
                inside()
                store.put_row(tables, partition=PARTITION, table="ledger", key="write", doc={"n": 2})
                tables["x"]["a"]["n"] = 1

        assert _behind(hold, pass_records) == ["recorded"]
        assert store.read(PARTITION)["x"]["a"]["n"] == 1
        with psycopg.connect(pg_url) as conn:
            rows = conn.execute(
                "SELECT key, pos FROM rows WHERE partition = %s AND tbl = 'ledger' ORDER BY pos", (PARTITION,)
            ).fetchall()
        assert rows == [("first", 0), ("write", 1), ("pass", 2)]
    finally:
        other.close()
