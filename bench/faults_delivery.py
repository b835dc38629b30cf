"""The slow delivery faults of issue 19, driven from outside the process as an operator meets them.

Each scenario runs `serve` (`tests/faults/serve_at.py`: the real server, its clock moved to a day of the
wheel) against the Slack stand-in over HTTP, and checks that every announcement and digest reached each
channel exactly once:

- ``slow``: Slack accepts the last `signer`'s announcements but answers after 40 s (the client gives up
  at 30 s): each is looked up by its key, never sent again.
- ``never``: Slack never answers the first announcement (the call is lost): it is left uncertain, looked
  up again by the pass after its grace, and posted once.
- ``replica``: a replica killed with SIGKILL in the middle of the busiest pass (31 digests, 8 of them to
  Slack; each post answered after 3 s, and the first `LOST` posts lost on the way, so some of the dead
  pass's digests were posted and some were not); a second replica started at once skips while the dead
  one's 60 s lease lasts, tries again when it ends (not at the next cron time), finds the posted ones by
  their key and posts the rest: every digest once. (The pass posts to 8 channels at once, so without the
  lost posts every Slack digest would be out before the kill.)

    python -m bench.faults_delivery [slow|never|replica ...]   # all three: about seven minutes

The fast scenarios (kill -9 right after a signature, a full or read-only store under `tick`) are in the
suite: tests/faults/.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from datetime import datetime
from pathlib import Path

import aiohttp

from bot.clock import OSLO
from bot.reminders.ledger import INTENTS, PARTITION
from storage.tinydb_store import TinyDBStore
from tests.faults.test_delivery_faults import (
    announcement_posts,
    digest_posts,
    free_port,
    last_signature,
    wait_healthy,
)
from tests.slack.harness import slack_env
from tests.slack.standin import Answer, SlackStandIn
from tests.test_delivery import AT, _bot, _ready, _sign_all_but_last

ROOT = Path(__file__).resolve().parents[1]
BUSIEST = datetime(2027, 1, 20, 9, tzinfo=OSLO)
LOST = 3
"""The replica scenario's first posts that never reach Slack: the dead pass left them unposted."""
LOG = open(os.environ.get("FAULTS_LOG", os.devnull), "a")  # noqa: SIM115 - the servers' log, for the whole run


def serve(
    *, db: Path, standin: SlackStandIn, port: int, epoch: float, at: datetime, grace: float = 30.0, lease: float = 60.0
) -> subprocess.Popen[str]:
    """`serve` from `at` on (its clock runs from `epoch`), its outbox's grace `grace` seconds, the pass
    lease `lease` seconds."""
    env = {**os.environ, **slack_env(standin), "SAMHANDLING_DB": str(db), "PORT": str(port)}
    env["SAMHANDLING_CONFIG"] = str(ROOT / "app.yaml")
    env.pop("DATABASE_URL", None)
    start = at.replace(tzinfo=None).isoformat()
    return subprocess.Popen(
        [sys.executable, "-m", "tests.faults.serve_at", start, str(epoch), str(grace), str(lease)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=LOG,
        text=True,
    )


async def until(check: object, *, timeout: float) -> float:
    started = time.monotonic()
    while time.monotonic() - started < timeout:
        if check():  # type: ignore[operator]
            return time.monotonic() - started
        await asyncio.sleep(0.5)
    return -1.0


async def announcements(work: Path, *, answer: Answer) -> str:
    db = work / "db"
    prepared = _bot(TinyDBStore(db))
    _ready(prepared)
    _sign_all_but_last(prepared)
    prepared.core.store.close()
    standin = await SlackStandIn().start()
    port, epoch = free_port(), time.time()
    process = serve(db=db, standin=standin, port=port, epoch=epoch, at=AT)
    try:
        async with aiohttp.ClientSession() as session:
            await wait_healthy(session, port)
            await _quiet(standin)  # the start-up pass's digests are out
            standin.script("chat.postMessage", answer)  # the first announcement's answer is late or lost
            await last_signature(session, standin, port)
            with TinyDBStore(db) as store:
                expected = {
                    k for k, d in store.read("cycle/agder/2027").get("pending", {}).items() if d["platform"] == "slack"
                } | {
                    k.removeprefix("announcement:")
                    for k, d in store.rows("cycle/agder/2027", table="ledger").items()
                    if k.startswith("announcement:") and d.get("platform") == "slack"
                }
            took = await until(lambda: {k for _, k in announcement_posts(standin)} >= expected, timeout=240)
            await asyncio.sleep(35)  # a further grace: nothing more may come
            posts = announcement_posts(standin)
            once = set(posts.values()) == {1} and {k for _, k in posts} == expected
            looked = len(standin.calls_to("conversations.history"))
            return (
                f"{len(expected)} announcements, each once: {once}, all there {took:.0f} s after the reply, "
                f"{looked} look-ups"
            )
    finally:
        process.kill()
        process.wait()
        await standin.stop()


async def replica(work: Path) -> str:
    db = work / "db"
    TinyDBStore(db).close()
    standin = await SlackStandIn().start()
    standin.post_delay = 3.0  # each post takes effect at once and is answered 3 s later
    standin.script("chat.postMessage", *[Answer(delay=35, lost=True)] * LOST)  # never took effect
    port, epoch = free_port(), time.time()
    first = serve(db=db, standin=standin, port=port, epoch=epoch, at=BUSIEST)
    async with aiohttp.ClientSession() as session:
        await wait_healthy(session, port)
        await until(lambda: len(digest_posts(standin)) >= 2, timeout=120)
        os.kill(first.pid, signal.SIGKILL)  # mid-pass, holding the lease
        first.wait()
        before = len(digest_posts(standin))
        left = _left_by_the_dead_pass(db)
        killed_at = time.monotonic()
        second = serve(db=db, standin=standin, port=port, epoch=epoch, at=BUSIEST)
        try:
            await wait_healthy(session, port)
            took = await until(lambda: _settled(db, left), timeout=240)
            taken_over = time.monotonic() - killed_at if took >= 0 else -1.0
            await asyncio.sleep(5)
            posts = digest_posts(standin)
            per_channel = Counter(channel for channel, _ in posts)
        finally:
            second.kill()
            second.wait()
            await standin.stop()
    return (
        f"{before} digests before the kill ({len(left)} Slack intents left by it), {len(posts)} in all over "
        f"{len(per_channel)} Slack channels; "
        f"each once: {set(posts.values()) == {1} and set(per_channel.values()) == {1}}; "
        f"all recorded {taken_over:.0f} s after the kill ({took:.0f} s after the second replica started; -1: not in 240 s)"
    )


async def _quiet(standin: SlackStandIn) -> None:
    """Until no post has come for 3 s."""
    seen, still = -1, 0
    while still < 6:
        count = len(standin.calls_to("chat.postMessage"))
        still = still + 1 if count == seen else 0
        seen = count
        await asyncio.sleep(0.5)


def _left_by_the_dead_pass(db: Path) -> dict[str, dict[str, list[str]]]:
    """The dead pass's Slack intents: key -> partition -> reminder ids (read before the next replica runs;
    a later pass replaces the intents with its own, so they are read once, here)."""
    with TinyDBStore(db) as store:
        intents = store.read(PARTITION).get(INTENTS, {})
        return {
            key: {p: list(batch) for p, batch in doc.get("entries", {}).items()}
            for key, doc in intents.items()
            if doc.get("platform") == "slack"
        }


def _settled(db: Path, left: dict[str, dict[str, list[str]]]) -> bool:
    """Every reminder of the dead pass's Slack intents is in its ledger."""
    with TinyDBStore(db) as store:
        return bool(left) and all(
            rid in store.rows(p, table="ledger")
            for entries in left.values()
            for p, ids in entries.items()
            for rid in ids
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("scenarios", nargs="*", default=["slow", "never", "replica"])
    args = parser.parse_args()
    for name in args.scenarios:
        with tempfile.TemporaryDirectory(prefix=f"faults-{name}-") as folder:
            work = Path(folder)
            if name == "slow":
                result = asyncio.run(announcements(work, answer=Answer(delay=40)))
            elif name == "never":
                result = asyncio.run(announcements(work, answer=Answer(delay=300, lost=True)))
            else:
                result = asyncio.run(replica(work))
        print(f"{name}: {result}", flush=True)


if __name__ == "__main__":
    main()
