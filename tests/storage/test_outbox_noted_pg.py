"""On PostgreSQL, what became of a write's announcements is noted beside the partition (`storage.pg_noted`:
one INSERT committed without waiting for the disk) instead of a second transaction that rewrites the
partition (issue 21): a signature that announces is one durable transaction. As on tinydb
(tests/test_outbox_journal.py), nothing announced is posted twice or lost: across a restart (another replica
reads the marks) and when the newest marks are lost with the database server (then each row is looked up:
Slack finds its post by its key, a Teams row carries its durable `posting` mark and leaves as uncertain)."""

from __future__ import annotations

import asyncio

import psycopg

from bot.delivery import outbox
from bot.delivery.notes import undelivered
from bot.delivery.outbox import PENDING
from storage.pg_noted import NOTED
from storage.postgres import PostgresStore
from tests.helpers import FakeSender
from tests.test_delivery import _Counting, _last_signature, _posted, _senders
from tests.test_outbox_journal import back_on

PARTITION = "cycle/agder/2027"


def _delivered(url: str) -> tuple[dict[str, FakeSender], set[str]]:
    """The last signature over Slack, its announcements posted: one durable transaction in all."""
    bot = _last_signature(PostgresStore(url))
    store = bot.core.store
    senders = _senders(bot)
    senders["teams"].looks_up = False  # as Teams: marked `posting` durably before the post
    version = store.version(PARTITION)
    counting = _Counting(store)
    asyncio.run(bot.core.deliver(bot.last, senders=senders))
    keys = {q.key for q in bot.last.queued}
    assert keys and not set(outbox.pending(store, PARTITION)) & keys
    teams = sum(q.announcement.to.platform == "teams" for q in bot.last.queued)
    assert len(counting.writes) == (1 if teams else 0)  # only Teams' `posting` mark; the settle is noted
    if not teams:
        assert store.version(PARTITION) == version
    assert set(store.read(PARTITION)[PENDING]) >= keys  # noted beside the partition, not written in
    store.close()
    return senders, keys


def test_another_replica_posts_no_noted_announcement_again(pg_url: str) -> None:
    senders, keys = _delivered(pg_url)
    once = _posted(senders)
    back = back_on(PostgresStore(pg_url), senders)
    assert _posted(senders) == once and set(once.values()) == {1}
    assert not set(outbox.pending(back.core.store, PARTITION)) & keys
    assert undelivered(back.core) == []  # the marks were read: no Teams row taken for one that may have gone
    back.core.store.close()


def test_marks_lost_with_the_server_cost_a_look_up_never_a_second_post(pg_url: str) -> None:
    senders, keys = _delivered(pg_url)
    once = _posted(senders)
    with psycopg.connect(pg_url, autocommit=True) as conn:  # the newest marks, not yet on disk, lost
        assert conn.execute("DELETE FROM rows WHERE tbl = %s", (NOTED,)).rowcount
    back = back_on(PostgresStore(pg_url), senders)
    assert _posted(senders) == once and set(once.values()) == {1}
    assert not set(outbox.pending(back.core.store, PARTITION)) & keys
    assert any("may already be posted" in line for line in undelivered(back.core))  # Teams: said once
    back.core.store.close()
