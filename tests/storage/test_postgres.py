"""What only the PostgreSQL store promises: schema migrations, leases, replicas, restarts, export/import."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import threading
import time
from datetime import datetime
from pathlib import Path
from typing import Any

import psycopg
import pytest

from adapters.cli import main
from bot.clock import OSLO
from bot.model.config import load_config
from bot.reminders.passes import run_pass
from bot.state.store import Author, StateStore
from storage import Store, StoreError, TinyDBStore
from storage.postgres import PostgresStore, migrate_url
from storage.transfer import differences
from tests import pgserver
from tests.driver import make_bot
from tests.storage._pg_worker import PARTITION, _bump

REPO_ROOT = Path(__file__).resolve().parents[2]
HANG_GUARD_S = 120  # only so a broken lock fails the run instead of hanging it
AUTHOR = Author(person=None, name="test", platform="terminal", channel="agder")
AT = datetime(2027, 1, 1, tzinfo=OSLO)


def test_migrate_is_idempotent_and_an_unmigrated_database_is_named(pg_server: pgserver.PgServer) -> None:
    with psycopg.connect(pg_server.url(), autocommit=True) as conn:
        conn.execute("DROP DATABASE IF EXISTS fresh")
        conn.execute("CREATE DATABASE fresh")
    url = pg_server.url("fresh")
    store = PostgresStore(url)
    with pytest.raises(StoreError, match="python -m bot migrate"):
        store.verify()
    with pytest.raises(StoreError, match="python -m bot migrate"):
        store.read(PARTITION)
    assert migrate_url(url) == [1, 2]
    assert migrate_url(url) == []
    store.verify()
    store.close()


def test_unreachable_database_is_a_clear_store_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="Cannot connect to PostgreSQL") as excinfo:
        PostgresStore(f"postgresql://postgres:secret@/postgres?host={tmp_path}", connect_timeout=0.5)
    assert "secret" not in str(excinfo.value)


def test_lease_is_exclusive_renewable_and_expires(pg_url: str) -> None:
    one, two = PostgresStore(pg_url), PostgresStore(pg_url)
    assert one.try_lease("reminders", holder="a", seconds=60)
    assert not two.try_lease("reminders", holder="b", seconds=60)
    assert one.try_lease("reminders", holder="a", seconds=60)  # renewal
    two.release_lease("reminders", holder="b")  # not b's: no-op
    assert not two.try_lease("reminders", holder="b", seconds=60)
    one.release_lease("reminders", holder="a")
    assert two.try_lease("reminders", holder="b", seconds=0)  # taken, and expired at once (a dead replica)
    assert one.try_lease("reminders", holder="a", seconds=60)  # so it is taken over
    one.close()
    two.close()


def test_history_rows_are_append_only(pg_url: str) -> None:
    store = PostgresStore(pg_url)
    StateStore(store=store).change(partition=PARTITION, author=AUTHOR, at=AT, summary="x", mutate=_bump)
    with psycopg.connect(pg_url, autocommit=True) as conn, pytest.raises(psycopg.errors.RaiseException):
        conn.execute("UPDATE rows SET doc = '{}' WHERE tbl = 'history'")
    store.close()


def test_two_replicas_200_concurrent_changes_lose_nothing(pg_url: str) -> None:
    workers = [
        subprocess.Popen(
            [sys.executable, "-m", "tests.storage._pg_worker", "count", pg_url, "4", "25"],
            cwd=REPO_ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    for proc in workers:
        assert proc.stdin is not None
        proc.stdin.write("go\n")
        proc.stdin.close()
    for proc in workers:
        assert proc.wait(timeout=HANG_GUARD_S) == 0
    store = PostgresStore(pg_url)
    assert store.read(PARTITION)["counter"]["c"]["n"] == 200
    history = StateStore(store=store).history(PARTITION)
    assert len(history) == 200 and len({id(entry) for entry in history}) == 200
    store.close()


def test_restart_under_load_loses_no_confirmed_write(pg_server: pgserver.PgServer, pg_url: str) -> None:
    store = PostgresStore(pg_url, wait_timeout=30)
    state = StateStore(store=store)
    counts = {"ok": 0, "failed": 0}
    warmed, resumed, stop = threading.Event(), threading.Event(), threading.Event()
    restarted = threading.Event()
    after_restart = 0

    def work() -> None:
        nonlocal after_restart
        while not stop.is_set():
            try:
                state.change(partition=PARTITION, author=AUTHOR, at=AT, summary="+1", mutate=_bump)
            except StoreError:
                counts["failed"] += 1
                continue
            counts["ok"] += 1
            if counts["ok"] >= 20:
                warmed.set()
            if restarted.is_set():
                after_restart += 1
                if after_restart >= 20:
                    resumed.set()

    thread = threading.Thread(target=work)
    thread.start()
    try:
        assert warmed.wait(HANG_GUARD_S)
        pg_server.restart()
        restarted.set()
        assert resumed.wait(HANG_GUARD_S)
    finally:
        stop.set()
        thread.join(HANG_GUARD_S)
    n = store.read(PARTITION)["counter"]["c"]["n"]
    # Every confirmed write is there; a failed one may have committed before its connection broke.
    assert counts["ok"] <= n <= counts["ok"] + counts["failed"]
    assert len(state.history(PARTITION)) == n
    store.close()


def test_a_request_while_the_database_is_down_gets_try_again(pg_server: pgserver.PgServer, pg_url: str) -> None:
    store = PostgresStore(pg_url, wait_timeout=1)
    bot = make_bot(store=store)
    assert bot.say("forutsetning budsjett agder 2027", as_="kari").ok
    pg_server.stop(mode="immediate")
    try:
        reply = bot.say("forutsetning budsjett agder 2028", as_="kari")
    finally:
        pg_server.start()
    assert not reply.ok and "Prøv igjen" in reply.text
    # While the database is away a request fails at once; one probe a second notices it is back.
    after = next((r for r in (_after_a_moment(bot.say, "logg", as_="kari") for _ in range(60)) if r.ok), None)
    assert after is not None and "budsjett" in after.text.lower()
    store.close()


def _after_a_moment(say: Any, text: str, *, as_: str) -> Any:
    time.sleep(0.2)
    return say(text, as_=as_)


def test_export_and_import_both_ways_hold_the_same(
    pg_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source_dir = tmp_path / "source"
    with TinyDBStore(source_dir) as tiny:
        bot = make_bot(store=tiny, in_teams=False)  # the partitions the bot's state makes, no adapter's
        assert bot.say("forutsetning budsjett agder 2027", as_="kari", request_id="r1").ok
        assert bot.say("dato vår 22. april kl 10", as_="kari").ok
        assert bot.say("forutsetning statsbudsjett 2027", as_="aud").ok
        assert bot.say("koble region agder", as_="U0ADMIN", platform="slack", channel="C1").ok
        tiny.record_once(partition=PARTITION, table="ledger", key="rem:1", doc={"late": False})
    monkeypatch.setenv("DATABASE_URL", pg_url)
    monkeypatch.delenv("SAMHANDLING_DB", raising=False)
    assert main(["import", "--from", str(source_dir)]) == 0
    assert main(["import", "--from", str(source_dir)]) == 3  # never into a store that holds data
    out = tmp_path / "back"
    assert main(["export", "--out", str(out)]) == 0
    with TinyDBStore(source_dir) as a, TinyDBStore(out) as b, PostgresStore(pg_url) as as_pg:
        assert differences(a, b) == []
        assert differences(a, as_pg) == []
        assert a.partitions() == ["cycle/agder/2027", "meta", "national/2027"]
        assert StateStore(store=as_pg).history(PARTITION)
        assert as_pg.rows(PARTITION, table="ledger") == {"rem:1": {"late": False}}


def test_the_bot_on_postgres_records_once_per_request_id(pg_url: str) -> None:
    store = PostgresStore(pg_url)
    bot = make_bot(store=store)
    first = bot.say("forutsetning budsjett agder 2027", as_="kari", request_id="same")
    again = bot.say("forutsetning budsjett agder 2027", as_="kari", request_id="same")
    assert first.ok and "Allerede registrert" in again.text
    assert len(bot.core.state.history("cycle/agder/2027")) == 1
    store.close()


def test_build_core_uses_database_url(pg_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from adapters.compose import build_core

    monkeypatch.setenv("DATABASE_URL", pg_url)
    core = build_core(config_path=str(REPO_ROOT / "app.yaml"))
    assert isinstance(core.store, PostgresStore)
    core.store.close()


def _replica(url: str, stop_after: int) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "tests.storage._pg_replica", url, str(stop_after)],
        cwd=REPO_ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )


def _ledger(store: Store) -> set[str]:
    return {key for name in store.partitions() for key in store.rows(name, table="ledger")}


def test_a_replica_killed_mid_pass_is_finished_by_the_other_every_reminder_once(pg_url: str) -> None:
    from bot.reminders.passes import plan_digests
    from tests.helpers import senders_for
    from tests.storage._pg_replica import CONFIG, NOW

    reference = make_bot(at=NOW, config=load_config(CONFIG))
    posts = len(plan_digests(core=reference.core, at=NOW))
    asyncio.run(run_pass(core=reference.core, senders=senders_for(reference)))
    assert posts > 6
    first = _replica(pg_url, stop_after=posts // 2)
    assert first.stdout is not None
    posts_a = []
    for line in first.stdout:
        if line.startswith("blocked"):
            break
        posts_a.append(line)
    os.kill(first.pid, signal.SIGKILL)  # in the middle of the pass, holding the lease
    first.wait(timeout=HANG_GUARD_S)
    second = _replica(pg_url, stop_after=-1)
    out, _ = second.communicate(timeout=HANG_GUARD_S)
    assert second.returncode == 0 and out.endswith("done\n")
    posts_b = [line for line in out.splitlines(keepends=True) if line.startswith("post ")]
    everything = posts_a + posts_b
    assert len(posts_a) == posts // 2 and len(everything) == posts
    assert len(set(everything)) == posts  # no channel got the same digest twice
    with PostgresStore(pg_url) as store:
        assert _ledger(store) == _ledger(reference.core.store)  # every reminder recorded, once


def test_migrate_command(pg_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.delenv("DATABASE_URL", raising=False)
    assert main(["migrate"]) == 2
    assert "DATABASE_URL" in capsys.readouterr().err
    monkeypatch.setenv("DATABASE_URL", pg_url)
    assert main(["migrate"]) == 0
    out = capsys.readouterr().out
    assert "allerede oppdatert" in out and "postgres" in out and "password" not in out


def test_a_write_is_read_back_as_stored_and_another_replicas_write_is_seen(pg_url: str) -> None:
    """After its own write a replica reads its cache (no text sent) holding what the database holds, a tuple
    as a list; a write by another replica in between is read, not the cache."""
    one, two = PostgresStore(pg_url), PostgresStore(pg_url)
    try:
        kept: dict[str, Any] = {"when": (2027, 4, 24)}
        with one.update("cycle/agder/2027") as tables:
            tables["milestones"] = {"spring": kept}
        kept["when"] = "changed afterwards"
        assert one.read("cycle/agder/2027") == {"milestones": {"spring": {"when": [2027, 4, 24]}}}
        assert two.read("cycle/agder/2027") == one.read("cycle/agder/2027")
        with one.update("cycle/agder/2027") as tables:  # from the cache: the version read is the row's
            tables["milestones"]["spring"]["when"] = [2027, 4, 25]
        with two.update("cycle/agder/2027") as tables:  # another replica's write in between
            tables["milestones"]["autumn"] = {"when": [2027, 10, 1]}
        with one.update("cycle/agder/2027") as tables:  # not from the cache: the version moved on
            assert set(tables["milestones"]) == {"spring", "autumn"}
            tables["milestones"]["spring"]["done"] = True
        expected = {"spring": {"when": [2027, 4, 25], "done": True}, "autumn": {"when": [2027, 10, 1]}}
        assert one.read("cycle/agder/2027")["milestones"] == expected
        assert two.read("cycle/agder/2027")["milestones"] == expected
    finally:
        one.close()
        two.close()
