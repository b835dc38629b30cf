"""`tick` with Slack credentials, killed with SIGKILL from outside while its busiest pass is posting, then
run again: every Slack channel gets its digest exactly once (the dead pass's intents are looked up by their
key, never posted blindly), and a pass that ends cleanly leaves no «Unclosed client session» in the log.
The year-long version (random kill points over every reminder day) is `python -m bench.faults_kill_year`."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import sys
from collections import Counter
from pathlib import Path

from tests.faults.test_delivery_faults import digest_posts
from tests.slack.harness import slack_env
from tests.slack.standin import SlackStandIn

ROOT = Path(__file__).resolve().parents[2]
GUARD_S = 120.0  # only so a hang fails the run
BUSIEST = "2027-01-20T09:00"
"""31 digests, 8 of them to Slack channels."""


def tick_env(*, db: Path, standin: SlackStandIn) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "TEAMS_", "MICROSOFT_", "DATABASE_"))}
    env.update(slack_env(standin), SAMHANDLING_DB=str(db), SAMHANDLING_CONFIG=str(ROOT / "app.yaml"))
    env["SAMHANDLING_TEAMS"] = "off"
    return env


async def start_tick(*, env: dict[str, str], at: str) -> asyncio.subprocess.Process:
    return await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        "tick",
        "--now",
        at,
        cwd=ROOT,
        env=env,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )


def expire_lease(db: Path) -> None:
    """The dead pass's 60 s lease, run out as the minute would."""
    lease = db / ".lease-reminders"
    if lease.exists():
        lease.write_text(json.dumps({"holder": "dead", "expires": 0}))


async def _killed_mid_pass(db: Path) -> tuple[Counter[tuple[str, str]], int, str]:
    standin = await SlackStandIn().start()
    standin.post_delay = 1.0  # each post takes effect at once and is answered a second later
    env = tick_env(db=db, standin=standin)
    try:
        first = await start_tick(env=env, at=BUSIEST)
        await standin.wait_for("chat.postMessage", 1, timeout=GUARD_S)
        os.kill(first.pid, signal.SIGKILL)  # posts in flight, none of them in the ledger yet
        await first.wait()
        posted_by_the_dead = len(digest_posts(standin))
        expire_lease(db)
        second = await start_tick(env=env, at=BUSIEST)
        out, err = await asyncio.wait_for(second.communicate(), GUARD_S)
        again = await start_tick(env=env, at="2027-01-20T09:05")
        await asyncio.wait_for(again.communicate(), GUARD_S)
        assert second.returncode == 0, err.decode()[-2000:]
        return digest_posts(standin), posted_by_the_dead, out.decode() + err.decode()
    finally:
        await standin.stop()


def test_tick_killed_while_posting_posts_each_digest_once_when_run_again(tmp_path: Path) -> None:
    posts, posted_by_the_dead, said = asyncio.run(asyncio.wait_for(_killed_mid_pass(tmp_path / "db"), 3 * GUARD_S))
    assert posted_by_the_dead >= 1
    per_channel = Counter(channel for channel, _ in posts)
    assert len(per_channel) == 8 and set(per_channel.values()) == {1}, per_channel
    assert set(posts.values()) == {1}
    assert "Traceback" not in said and "Unclosed" not in said and "Noe gikk galt" not in said
