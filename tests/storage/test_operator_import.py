"""A killed `python -m bot import` (kill -9 half-way into PostgreSQL) leaves a store the bot refuses to
start on, with a message that says what to do; a whole import starts normally. As an operator meets it:
real processes, a real database."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import psycopg
import pytest

from storage import TinyDBStore
from storage.postgres import migrate_url
from storage.transfer import MARKER
from tests import pgserver

ROOT = Path(__file__).resolve().parents[2]
PARTITIONS = 200


def _source(folder: Path) -> None:
    """Many small partitions, each with history rows, so a copy takes long enough to be stopped."""
    with TinyDBStore(folder) as store:
        for n in range(PARTITIONS):
            partition = f"cycle/r{n:03d}/2027"
            with store.update(partition) as tables:
                tables["milestones"] = {"1": {"key": "signing", "done": n % 2 == 0}}
                for k in range(10):
                    store.put_row(tables, partition=partition, table="history", key=f"{k:06d}", doc={"n": k})


def _bot(*args: str, url: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("SLACK_BOT_TOKEN", "MICROSOFT_APP_ID", "SAMHANDLING_DB")}
    env["DATABASE_URL"] = url
    return subprocess.run(
        [sys.executable, "-m", "bot", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )


def _database(server: pgserver.PgServer, name: str) -> str:
    with psycopg.connect(server.url(), autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {name}")
        conn.execute(f"CREATE DATABASE {name}")
    url = server.url(name)
    migrate_url(url)
    return url


def test_a_killed_import_leaves_a_store_the_bot_refuses(pg_server: pgserver.PgServer, tmp_path: Path) -> None:
    source = tmp_path / "source"
    _source(source)
    url = _database(pg_server, "halfcopy")
    env = {k: v for k, v in os.environ.items() if k not in ("SLACK_BOT_TOKEN", "MICROSOFT_APP_ID", "SAMHANDLING_DB")}
    env["DATABASE_URL"] = url
    process = subprocess.Popen(
        [sys.executable, "-m", "bot", "import", "--from", str(source)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    copied = 0
    with psycopg.connect(url, autocommit=True) as conn:
        deadline = time.monotonic() + 60
        while copied < 5 and time.monotonic() < deadline and process.poll() is None:
            copied = conn.execute("SELECT count(*) FROM partitions WHERE name LIKE 'cycle/%'").fetchone()[0]  # type: ignore[index]
            time.sleep(0.01)
        process.send_signal(signal.SIGKILL)
        process.wait()
        copied = conn.execute("SELECT count(*) FROM partitions WHERE name LIKE 'cycle/%'").fetchone()[0]  # type: ignore[index]
        assert conn.execute("SELECT 1 FROM partitions WHERE name = %s", (MARKER,)).fetchone() is not None
    if copied >= PARTITIONS:
        pytest.skip("the import finished before it could be stopped (a very fast machine)")
    assert process.stdout is not None and "avbrutt" in process.stdout.read()  # it said so before it began
    for command in (("verify",), ("chat",), ("export", "--out", str(tmp_path / "out"))):
        refused = _bot(*command, url=url)
        assert refused.returncode == 3, refused.stdout + refused.stderr
        assert "did not finish" in refused.stderr and "import" in refused.stderr, refused.stderr
    # What the message says to do: an empty store, the import again; then the bot starts.
    fresh = _database(pg_server, "wholecopy")
    done = _bot("import", "--from", str(source), url=fresh)
    assert done.returncode == 0, done.stdout + done.stderr
    assert f"Kopierte {PARTITIONS} partisjoner" in done.stdout
    started = _bot("kvittering", "agder", "2027", url=fresh)
    assert "did not finish" not in started.stderr, started.stderr
