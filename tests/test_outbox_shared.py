"""The outbox's pending rows are shared between a write's copy and what readers hold (`storage.base.
REPLACED_ROW_TABLES`, issue 21), so the outbox must replace a row, never change it in place: a row changed
in place would change what readers hold and keep its old text in the file. Every way the outbox writes a
row is run here on a file store, and after each the rows read before are as they were and the file holds
what the process reads."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bot.delivery import outbox
from bot.delivery.given_up import SYSTEM
from bot.delivery.outbox import FAILED, PENDING, RETRY_UNCERTAIN, SENT, UNCERTAIN, Result, Row
from bot.messages import Announcement, ChannelAddress, Outcome, Reply, Visibility
from bot.state.store import StateStore
from storage.base import REPLACED_ROW_TABLES, Tables
from storage.tinydb_store import TinyDBStore
from tests.driver import store_references

AT = datetime(2027, 1, 14, 10, tzinfo=UTC)
PARTITION = "cycle/agder/2027"


def _copy(tables: Tables) -> Tables:
    return json.loads(json.dumps(tables))


def _checked(store: TinyDBStore, folder: Path, held: list[tuple[Tables, Tables]]) -> None:
    """Every table read before is as it was read, and another process reads what this one does."""
    for tables, as_read in held:
        assert _copy(tables) == as_read
    now = store.read(PARTITION)
    other = TinyDBStore(folder)
    assert other.read(PARTITION) == now
    assert outbox.pending(other, PARTITION) == outbox.pending(store, PARTITION)  # the marks noted beside it too
    held.append((now, _copy(now)))


def test_every_outbox_write_replaces_its_rows(tmp_path: Path) -> None:
    assert PENDING in REPLACED_ROW_TABLES
    folder = tmp_path / "db"
    store = TinyDBStore(folder)
    state = StateStore(store=store)
    store_references(store, channels=("T1", "T2"))  # the bot was added there: their announcements are kept
    with store.update(PARTITION) as tables:
        tables["signatures"] = {"in": {"by": "ola"}}
    held: list[tuple[Tables, Tables]] = []
    _checked(store, folder, held)
    reply = Reply(title="Signert", text="IN har signert.", visibility=Visibility.CHANNEL)
    announcements = tuple(
        Announcement(to=ChannelAddress(platform=platform, channel_id=channel), reply=reply)
        for platform, channel in (("slack", "C1"), ("slack", "C2"), ("teams", "T1"), ("teams", "T2"), ("slack", "C3"))
    )

    def change(tables: Tables) -> None:
        tables["signatures"]["siva"] = {"by": "siri"}

    view = state.for_request(hold_writes=True)
    view.change(partition=PARTITION, author=SYSTEM, at=AT, summary="signert", mutate=change)
    queued = outbox.queue(view, Outcome(reply=reply, announcements=announcements), here=None, at=AT).queued
    assert len(queued) == 5
    _checked(store, folder, held)
    rows = [
        Row(partition=PARTITION, key=q.key, announcement=q.announcement, doc=store.read(PARTITION)[PENDING][q.key])
        for q in queued
    ]
    outbox.mark_posting(state, rows[2:4], at=AT)
    _checked(store, folder, held)
    assert all(store.read(PARTITION)[PENDING][row.key]["posting"] for row in rows[2:4])
    outbox.settle(
        state,
        rows,
        {rows[0].key: Result(SENT), rows[1].key: Result(FAILED, "x"), rows[2].key: Result(RETRY_UNCERTAIN, "y")},
        at=AT + timedelta(seconds=1),
    )
    _checked(store, folder, held)
    pending = outbox.pending(store, PARTITION)  # what became of them may be noted beside the partition
    assert rows[0].key not in pending
    assert pending[rows[1].key]["attempts"] == 1 and pending[rows[1].key]["last_error"] == "x"
    assert pending[rows[2].key]["uncertain"] and "posting" not in pending[rows[2].key]
    assert list(pending) == [row.key for row in rows[1:]]  # a replaced row keeps its place
    for attempt in range(outbox.MAX_ATTEMPTS - 1):  # failed until given up
        outbox.settle(state, rows[1:2], {rows[1].key: Result(FAILED, f"again {attempt}")}, at=AT + timedelta(minutes=1))
        _checked(store, folder, held)
    outbox.settle(state, rows[3:], {rows[3].key: Result(UNCERTAIN, "?"), rows[4].key: Result(SENT)}, at=AT)
    _checked(store, folder, held)
    assert list(outbox.pending(store, PARTITION)) == [rows[2].key]
    assert list(store.read(PARTITION)[PENDING]) == [rows[2].key]  # a row given up was written: the marks folded
