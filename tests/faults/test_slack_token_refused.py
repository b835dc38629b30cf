"""Slack refuses the bot's token (walk 34 F2), met as an operator meets it: `serve` at the reminder hour, every
post answered `token_revoked`. /healthz says «degraded» and names it, the log says it once with what to do and
never the token, nothing is posted or lost: once the operator gives a working token and restarts, each digest
goes once."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import aiohttp

from tests.faults.test_delivery_faults import GUARD_S, digest_posts, free_port, wait_healthy
from tests.slack.harness import BOT_TOKEN, SIGNING_SECRET, slack_env
from tests.slack.standin import Answer, SlackStandIn

ROOT = Path(__file__).resolve().parents[2]
MONDAY = "2026-11-02T08:59:50"  # the start-up pass posts Monday's digests


def _serve(*, db: Path, standin: SlackStandIn, port: int, epoch: float, log: Path) -> subprocess.Popen[bytes]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "DATABASE_URL"))}
    env.update(slack_env(standin))
    env.update(SAMHANDLING_DB=str(db), SAMHANDLING_CONFIG=str(ROOT / "app.yaml"), PORT=str(port))
    env.update(SAMHANDLING_TEAMS="off")
    with log.open("ab") as err:
        return subprocess.Popen(
            [sys.executable, "-m", "tests.faults.serve_at", MONDAY, str(epoch), "2.0"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=err,
        )


async def _health(session: aiohttp.ClientSession, port: int) -> dict[str, object]:
    async with session.get(f"http://127.0.0.1:{port}/healthz") as answer:
        return dict(json.loads(await answer.text()))


def test_a_revoked_token_is_named_on_healthz_and_once_in_the_log_and_nothing_is_lost(tmp_path: Path) -> None:
    log = tmp_path / "serve.log"

    async def body() -> tuple[dict[str, object], int, int, dict[tuple[str, str], int]]:
        standin = await SlackStandIn().start()
        standin.script("chat.postMessage", *[Answer(error="token_revoked")] * 200)
        port, epoch = free_port(), time.time()
        first = _serve(db=tmp_path / "db", standin=standin, port=port, epoch=epoch, log=log)
        try:
            async with aiohttp.ClientSession() as session:
                await wait_healthy(session, port)
                deadline = time.monotonic() + GUARD_S
                health = await _health(session, port)
                while "credentials" not in health and time.monotonic() < deadline:
                    await asyncio.sleep(0.2)
                    health = await _health(session, port)
                posted_while_refused = sum(len(messages) for messages in standin.history.values())
                first.send_signal(signal.SIGTERM)
                first.wait(GUARD_S)
                # The operator gives the bot a working token and starts it again.
                standin._script["chat.postMessage"].clear()
                second = _serve(db=tmp_path / "db", standin=standin, port=port, epoch=epoch, log=log)
                try:
                    await wait_healthy(session, port)
                    await standin.wait_for("chat.postMessage", count=len(standin.calls_to("chat.postMessage")) + 8)
                    await asyncio.sleep(1.0)  # anything doubled would be in by now
                    after = await _health(session, port)
                finally:
                    second.send_signal(signal.SIGTERM)
                    second.wait(GUARD_S)
        finally:
            await standin.stop()
        return health, posted_while_refused, len(after.get("credentials") or {}), dict(digest_posts(standin))

    health, posted_while_refused, refused_after, digests = asyncio.run(body())
    assert health["status"] == "degraded"
    assert health["credentials"] == {"slack": "token_revoked on chat.postMessage"}
    assert posted_while_refused == 0
    text = log.read_text()
    said = [line for line in text.splitlines() if "refuses the bot's credentials" in line]
    assert len(said) == 1 and "SLACK_BOT_TOKEN" in said[0], said
    assert BOT_TOKEN not in text and SIGNING_SECRET not in text
    assert refused_after == 0
    assert len(digests) == 8 and set(digests.values()) == {1}, digests  # each of Monday's digests once
