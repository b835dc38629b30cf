"""What became of a write's announcements is noted beside its partition (`Store.note`, the tinydb journal in
`storage.tinydb_journal`) and folded in at the partition's next outbox write (`bot.delivery.outbox.fold`),
instead of a second durable replace (issue 21). Nothing announced is posted twice or lost: across a restart,
across a crash between the append and the fold (before or after its durable write), and when the newest
marks are lost with the machine (the journal is not fsynced)."""

from __future__ import annotations

import asyncio
import os
import shutil
from datetime import timedelta
from pathlib import Path

import pytest

from bot.delivery import outbox
from bot.delivery.given_up import SYSTEM
from bot.delivery.notes import undelivered
from bot.delivery.outbox import FAILED, GRACE, PENDING, SENT, Result, Row
from bot.reminders.passes import run_pass
from storage.base import Store
from storage.memory import MemoryStore
from storage.tinydb_journal import NOTED_FOLDER
from storage.tinydb_store import TinyDBStore
from tests.driver import BotDriver, store_references
from tests.helpers import FakeSender
from tests.test_delivery import AT, _bot, _last_signature, _posted, _senders

PARTITION = "cycle/agder/2027"


def _journals(folder: Path) -> list[Path]:
    return sorted((folder / NOTED_FOLDER).rglob("*.jsonl"))


def _delivered(folder: Path) -> tuple[dict[str, FakeSender], set[str]]:
    """The last signature over Slack, its announcements posted; returns the senders and the rows' keys."""
    bot = _last_signature(TinyDBStore(folder))
    senders = _senders(bot)
    senders["teams"].looks_up = False  # as Teams: marked `posting` durably before the post
    asyncio.run(bot.core.deliver(bot.last, senders=senders))
    keys = {q.key for q in bot.last.queued}
    assert keys and not set(outbox.pending(bot.core.store, PARTITION)) & keys
    assert set(bot.core.store.read(PARTITION)[PENDING]) >= keys  # noted beside the partition, not written in
    bot.core.store.close()
    return senders, keys


def _back(folder: Path, senders: dict[str, FakeSender]) -> BotDriver:
    """A new process on the same folder, after the rows' grace, running passes with the same platforms."""
    return back_on(TinyDBStore(folder), senders)


def back_on(store: Store, senders: dict[str, FakeSender]) -> BotDriver:
    """A new process (or replica) on `store`, after the rows' grace, running two passes with the same platforms."""
    back = _bot(store)
    back.clock.set(AT + GRACE + timedelta(seconds=1))
    for sender in senders.values():
        sender.bot = back
    for _ in range(2):
        asyncio.run(run_pass(core=back.core, senders=senders))
    return back


def test_a_restarted_process_posts_no_noted_announcement_again(tmp_path: Path) -> None:
    folder = tmp_path / "db"
    senders, keys = _delivered(folder)
    once = _posted(senders)
    assert _journals(folder)  # the marks are in the journal only
    back = _back(folder, senders)
    assert _posted(senders) == once and set(once.values()) == {1}
    assert not set(outbox.pending(back.core.store, PARTITION)) & keys
    assert undelivered(back.core) == []  # the marks were read: no Teams row taken for one that may have gone


def test_marks_lost_with_the_machine_cost_a_look_up_never_a_second_post(tmp_path: Path) -> None:
    """The journal is not fsynced: a power cut may lose it. Its rows are then still pending, so a pass takes
    them as swept: Slack finds each post by its key, a Teams row carries its durable `posting` mark and leaves
    as uncertain (`outbox.settle`'s docstring)."""
    folder = tmp_path / "db"
    senders, keys = _delivered(folder)
    once = _posted(senders)
    shutil.rmtree(folder / NOTED_FOLDER)  # the newest marks lost
    back = _back(folder, senders)
    assert _posted(senders) == once and set(once.values()) == {1}
    assert not set(outbox.pending(back.core.store, PARTITION)) & keys
    assert any("may already be posted" in line for line in undelivered(back.core))  # Teams: said once


def _queued(store: TinyDBStore) -> list[Row]:
    """Three announcements queued with a change of the partition (as a request does), as delivery sees them."""
    from bot.messages import Announcement, ChannelAddress, Outcome, Reply, Visibility
    from bot.state.store import StateStore

    state = StateStore(store=store)
    store_references(store, channels=("T1",))  # the bot was added there: its announcement is kept
    reply = Reply(title="Signert", text="Signert.", visibility=Visibility.CHANNEL)
    announcements = tuple(
        Announcement(to=ChannelAddress(platform=platform, channel_id=channel), reply=reply)
        for platform, channel in (("slack", "C1"), ("teams", "T1"), ("slack", "C2"))
    )
    view = state.for_request(hold_writes=True)
    view.change(partition=PARTITION, author=SYSTEM, at=AT, summary="signert", mutate=lambda tables: None)
    queued = outbox.queue(view, Outcome(reply=reply, announcements=announcements), here=None, at=AT).queued
    return [
        Row(partition=PARTITION, key=q.key, announcement=q.announcement, doc=store.read(PARTITION)[PENDING][q.key])
        for q in queued
    ]


def test_a_crash_in_the_fold_before_its_write_keeps_the_marks_noted(tmp_path: Path) -> None:
    folder = tmp_path / "db"
    store = TinyDBStore(folder)
    rows = _queued(store)
    from bot.state.store import StateStore

    state = StateStore(store=store)
    outbox.settle(state, rows, {rows[0].key: Result(SENT), rows[1].key: Result(FAILED, "x")}, at=AT)
    seen = outbox.pending(store, PARTITION)
    assert list(seen) == [rows[1].key, rows[2].key] and seen[rows[1].key]["attempts"] == 1
    with pytest.raises(SystemExit), store.update(PARTITION) as tables:  # killed inside the fold's write
        outbox.fold(store, tables, partition=PARTITION)
        raise SystemExit("killed")
    store.close()
    again = TinyDBStore(folder)
    assert outbox.pending(again, PARTITION) == seen
    assert again.read(PARTITION)[PENDING].keys() == {row.key for row in rows}  # the partition as it was


def test_a_crash_after_the_folds_write_applies_no_mark_twice(tmp_path: Path) -> None:
    """Killed after the fold's durable write, before its journal was deleted: the old journal is of an old
    generation and never read again, so a stale mark (a failed try's count, without the `posting` mark the
    same write added) does not undo the write."""
    folder = tmp_path / "db"
    store = TinyDBStore(folder)
    rows = _queued(store)
    from bot.state.store import StateStore

    state = StateStore(store=store)
    outbox.settle(state, rows, {rows[0].key: Result(SENT), rows[1].key: Result(FAILED, "x")}, at=AT)
    (journal,) = _journals(folder)
    kept = journal.read_bytes()
    outbox.mark_posting(state, rows[1:2], at=AT + timedelta(minutes=1))  # folds, then marks the Teams row
    assert not journal.exists()
    journal.write_bytes(kept)  # as if killed between the write and the delete
    store.close()
    again = TinyDBStore(folder)
    seen = outbox.pending(again, PARTITION)
    assert list(seen) == [rows[1].key, rows[2].key]
    assert seen[rows[1].key]["posting"] and seen[rows[1].key]["attempts"] == 1
    tables = again.read(PARTITION)
    assert list(tables[PENDING]) == list(seen)  # folded: the rows left `pending` for the ledger
    assert again.rows(PARTITION, table="ledger")[f"announcement:{rows[0].key}"]["sent_at"]
    outbox.settle(StateStore(store=again), [rows[2]], {rows[2].key: Result(SENT)}, at=AT)
    assert list(outbox.pending(again, PARTITION)) == [rows[1].key]


def test_a_torn_last_line_is_skipped_and_the_next_marks_are_read(tmp_path: Path) -> None:
    store = TinyDBStore(tmp_path / "db")
    with store.update("outbox") as tables:
        tables["pending"] = {}
    assert store.note(partition="outbox", marks=[{"key": "a"}])
    (journal,) = _journals(tmp_path / "db")
    with open(journal, "ab") as handle:
        handle.write(b'{"key":"to')  # a power cut mid-line
    assert store.note(partition="outbox", marks=[{"key": "b"}, {"key": "c"}])
    assert store.read_noted("outbox")[1] == [{"key": "a"}, {"key": "b"}, {"key": "c"}]
    with store.update("outbox") as tables:
        assert store.fold_noted(tables, partition="outbox") == [{"key": "a"}, {"key": "b"}, {"key": "c"}]
    assert store.read_noted("outbox")[1] == [] and not _journals(tmp_path / "db")
    assert os.listdir(tmp_path / "db" / NOTED_FOLDER) == []


def test_a_store_without_a_journal_declines_and_settle_writes_the_partition() -> None:
    store = MemoryStore()
    assert store.note(partition="outbox", marks=[{"key": "a"}]) is False
    assert store.read_noted("outbox") == ({}, [])


def test_a_noted_post_enters_the_ledger_as_a_written_one_does(tmp_path: Path) -> None:
    """A posted row's mark is made from what delivery holds (`outbox._sent`), not read from the store: once
    folded, its ledger entry is the one the durable path writes from the stored row."""
    from bot.state.store import StateStore

    entries = []
    for store in (TinyDBStore(tmp_path / "db"), MemoryStore()):
        rows = _queued(store)
        outbox.settle(StateStore(store=store), rows[:1], {rows[0].key: Result(SENT)}, at=AT)
        with store.update(PARTITION) as tables:
            outbox.fold(store, tables, partition=PARTITION)
        assert rows[0].key not in store.read(PARTITION)[PENDING]
        entries.append(store.rows(PARTITION, table="ledger")[f"announcement:{rows[0].key}"])
    assert entries[0] == entries[1] and entries[0]["sent_at"] and entries[0]["attempts"] == 1


def test_a_copy_into_another_store_takes_the_noted_marks_with_it(tmp_path: Path) -> None:
    """`python -m bot export` / `import` copy the partitions' tables: the marks noted beside them are folded
    in first, so a posted row does not arrive pending (to be looked up, or said uncertain, again)."""
    from adapters.store_commands import _copy
    from bot.state.store import StateStore

    source = TinyDBStore(tmp_path / "db")
    rows = _queued(source)
    outbox.settle(StateStore(store=source), rows[:1], {rows[0].key: Result(SENT)}, at=AT)
    assert rows[0].key in source.read(PARTITION)[PENDING]  # noted only
    target = MemoryStore()
    assert _copy(source=source, target=target, what="test") == 0
    assert list(target.read(PARTITION)[PENDING]) == [row.key for row in rows[1:]]
    assert target.rows(PARTITION, table="ledger")[f"announcement:{rows[0].key}"]["sent_at"]
    assert outbox.fold_all(source) == 0  # nothing noted any more


def test_posted_rows_are_noted_on_the_loop_without_the_hop(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every row posted and no channel's mark to change: the marks are appended in place
    (`outbox.settle_sent_at_once`), not through `settle` in a thread; what a pass sees is the same."""
    import bot.delivery.announcements as announcements

    def not_called(*args: object, **kwargs: object) -> list[object]:
        raise AssertionError("settle was called: the posted rows went through the hop")

    bot = _last_signature(TinyDBStore(tmp_path / "db"))
    senders = {"slack": _senders(bot)["slack"]}
    monkeypatch.setattr(announcements, "settle", not_called)
    asyncio.run(bot.core.deliver(bot.last, senders=senders))
    slack = {q.key for q in bot.last.queued if q.announcement.to.platform == "slack"}
    assert slack and not set(outbox.pending(bot.core.store, PARTITION)) & slack
    assert _journals(tmp_path / "db")  # noted beside the partition
    assert set(bot.core.store.read(PARTITION)[PENDING]) >= slack
