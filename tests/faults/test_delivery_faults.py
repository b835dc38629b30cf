"""Delivery faults met as an operator meets them, from outside the process (issue 19): `serve` killed
with SIGKILL right after the last `signer` was answered, then started again; every announcement reaches
each Slack channel exactly once, seconds after the process is back. The slow variants (a Slack that
answers after 40 s or never, a replica killed mid-pass with the lease at its production length, a small
full file system) are in bench/faults_delivery.py."""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from urllib.parse import urlencode

import aiohttp

from storage.tinydb_store import TinyDBStore
from tests.driver import oslo
from tests.slack.harness import fixture, sign, slack_env
from tests.slack.standin import SlackStandIn
from tests.test_delivery import AT, PARTIES, _bot, _ready, _sign_all_but_last

ROOT = Path(__file__).resolve().parents[2]
GRACE_S = 2.0
GUARD_S = 60.0  # only so a hang fails the run


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def start_serve(*, db: Path, standin: SlackStandIn, port: int, epoch: float) -> subprocess.Popen[str]:
    env = {
        **os.environ,
        **slack_env(standin),
        "SAMHANDLING_DB": str(db),
        "SAMHANDLING_CONFIG": str(ROOT / "app.yaml"),
        "PORT": str(port),
    }
    env.pop("DATABASE_URL", None)
    start = AT.replace(tzinfo=None).isoformat()
    return subprocess.Popen(
        [sys.executable, "-m", "tests.faults.serve_at", start, str(epoch), str(GRACE_S)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )


async def wait_healthy(session: aiohttp.ClientSession, port: int) -> None:
    deadline = time.monotonic() + GUARD_S
    while time.monotonic() < deadline:
        try:
            async with session.get(f"http://127.0.0.1:{port}/healthz") as answer:
                if answer.status in (200, 503):
                    return
        except aiohttp.ClientError:
            pass
        await asyncio.sleep(0.1)
    raise AssertionError("serve did not come up")


async def last_signature(session: aiohttp.ClientSession, standin: SlackStandIn, port: int) -> str:
    """The last party signs Agder's agreement 2027 with a signed slash command; returns the answer."""
    user, channel = PARTIES[-1]
    form = fixture("slash_command")
    form.update(text="signer agder 2027", user_id=user, channel_id=channel, trigger_id="t.sign")
    form.update(response_url=standin.response_url("cmd"))
    text = urlencode(form)
    headers = {"Content-Type": "application/x-www-form-urlencoded", **sign(text)}
    async with session.post(f"http://127.0.0.1:{port}/slack/events", data=text, headers=headers) as answer:
        assert answer.status == 200
        return await answer.text()


def announcement_posts(standin: SlackStandIn) -> Counter[tuple[str, str]]:
    """(channel, key) of every accepted post that carried an announcement's key (digests' start with d-)."""
    found: Counter[tuple[str, str]] = Counter()
    for channel, messages in standin.history.items():
        for message in messages:
            key = (message.get("metadata") or {}).get("event_payload", {}).get("key", "")
            if key and not key.startswith("d-"):
                found[(channel, key)] += 1
    return found


def digest_posts(standin: SlackStandIn) -> Counter[tuple[str, str]]:
    """(channel, key) of every accepted post that carried a digest's key (they start with d-)."""
    found: Counter[tuple[str, str]] = Counter()
    for channel, messages in standin.history.items():
        for message in messages:
            key = (message.get("metadata") or {}).get("event_payload", {}).get("key", "")
            if key.startswith("d-"):
                found[(channel, key)] += 1
    return found


def test_serve_killed_right_after_the_last_signature_announces_each_once_when_back(tmp_path: Path) -> None:
    db = tmp_path / "db"
    prepared = _bot(TinyDBStore(db))
    _ready(prepared)
    _sign_all_but_last(prepared)
    # The earlier signatures' one-line notes to the region (walk 4, M5) were delivered before the serve starts.
    # Keys of rows queued before (sent ones may be noted beside the partition, still in its `pending` table).
    told_before = set(prepared.core.store.rows("cycle/agder/2027", table="ledger")) | {
        f"announcement:{key}" for key in prepared.core.store.read("cycle/agder/2027").get("pending", {})
    }
    prepared.core.store.close()

    async def body() -> tuple[Counter[tuple[str, str]], set[str], str]:
        standin = await SlackStandIn().start()
        port, epoch = free_port(), time.time()
        first = start_serve(db=db, standin=standin, port=port, epoch=epoch)
        second: subprocess.Popen[str] | None = None
        try:
            async with aiohttp.ClientSession() as session:
                await wait_healthy(session, port)
                answered = await last_signature(session, standin, port)
                os.kill(first.pid, signal.SIGKILL)  # right after Slack was answered
                first.wait(timeout=GUARD_S)
                with TinyDBStore(db) as store:
                    tables = store.read("cycle/agder/2027")
                    queued = {
                        key
                        for key, doc in tables.get("pending", {}).items()
                        if doc["platform"] == "slack" and f"announcement:{key}" not in told_before
                    } | {
                        key.removeprefix("announcement:")
                        for key, doc in store.rows("cycle/agder/2027", table="ledger").items()
                        if key.startswith("announcement:") and doc.get("platform") == "slack" and key not in told_before
                    }
                second = start_serve(db=db, standin=standin, port=port, epoch=epoch)
                await wait_healthy(session, port)
                deadline = time.monotonic() + GUARD_S
                while time.monotonic() < deadline:
                    if {key for _, key in announcement_posts(standin)} >= queued:
                        break
                    await asyncio.sleep(0.2)
                await asyncio.sleep(GRACE_S + 1.0)  # and nothing more comes
                return announcement_posts(standin), queued, answered
        finally:
            for process in (first, second):
                if process is not None and process.poll() is None:
                    process.kill()
                    process.wait(timeout=GUARD_S)
            await standin.stop()

    posts, queued, answered = asyncio.run(asyncio.wait_for(body(), 3 * GUARD_S))
    assert "signert" in answered.lower()
    assert len(queued) >= 4  # Agder, the actors' and AU's channels in Slack
    assert {key for _, key in posts} == queued
    assert set(posts.values()) == {1}  # each announcement to each channel exactly once
    assert oslo(2027, 1, 14, 10) == AT
