"""`serve` killed, restarted and doubled from outside the process, over signed Slack slash commands (issues
18 and 19). Each scenario runs `python -m tests.faults.serve_at` (the real server, its clock on 2 November
2026) against the Slack stand-in and prints what it counted:

- ``writes``: `--runs` times, a fresh `serve`, zero to two writes answered, then one more killed with
  SIGKILL 0-80 ms after it was sent (before, during or after its write). After each kill the stored date
  is the last one confirmed, or the killed one; at the end `python -m bot verify` proves the history and
  every announcement reached its channel once.
- ``retries``: Slack's Web API down (500s) while a redate's announcements are being retried, `serve`
  killed mid-retries, Slack back, `serve` again: each announcement once (within the dead start-up pass's
  60 s lease, which holds the outbox's redelivery back).
- ``replicas``: two `serve` processes on one store: the start-up pass posts each digest once, the same
  slash command sent to both at once is one write, 20 writes to both at once are all kept, and verify.

    python -m bench.faults_serve [writes|retries|replicas ...] [--runs 30] [--seed 1]

The bounded versions are in the suite (tests/faults/, tests/slack/test_hostile_http.py).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path
from urllib.parse import urlencode

import aiohttp

from bench.faults_delivery import serve as delivery_serve
from bot.clock import OSLO
from tests.faults.test_delivery_faults import announcement_posts, digest_posts, free_port, wait_healthy
from tests.slack.harness import fixture, sign
from tests.slack.standin import SlackStandIn

ROOT = Path(__file__).resolve().parents[1]
START = datetime(2026, 11, 2, 9, tzinfo=OSLO)


def _env(db: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "TEAMS_", "MICROSOFT_", "DATABASE_"))}
    env.update(SAMHANDLING_DB=str(db), SAMHANDLING_CONFIG=str(ROOT / "app.yaml"), SAMHANDLING_TEAMS="off")
    return env


def serve(*, db: Path, standin: SlackStandIn, port: int, epoch: float) -> subprocess.Popen[str]:
    """`serve` on 2 November 2026, its outbox's grace 2 s (bench.faults_delivery's, with Teams on: its
    channels have no conversation reference here, so they are held, as a new install's are)."""
    return delivery_serve(db=db, standin=standin, port=port, epoch=epoch, at=START, grace=2.0)


async def slash(
    session: aiohttp.ClientSession, *, port: int, standin: SlackStandIn, text: str, trigger: str, user: str = "U0KARI"
) -> str:
    """A signed slash command; the reply's text ("" when the answer is not JSON)."""
    form = fixture("slash_command")
    channel = "C0AGDER" if user == "U0KARI" else "C0VESTLAND"
    form.update(text=text, user_id=user, channel_id=channel, trigger_id=trigger, response_url=standin.response_url("c"))
    body = urlencode(form)
    headers = {"Content-Type": "application/x-www-form-urlencoded", **sign(body)}
    async with session.post(f"http://127.0.0.1:{port}/slack/events", data=body, headers=headers) as answer:
        raw = await answer.text()
    try:
        return str(json.loads(raw).get("text", ""))
    except ValueError:
        return raw


async def killed(process: subprocess.Popen[str], answer: asyncio.Future[str]) -> str:
    """SIGKILL `process`; then what it answered the request in flight ("" when the answer never came)."""
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    try:
        return await asyncio.wait_for(answer, 10)
    except (aiohttp.ClientError, TimeoutError):
        return ""


def redate(n: int) -> tuple[str, str]:
    """The n-th `dato` of Agder's autumn meeting, and the date it stores."""
    day, hour = 10 + n % 18, 8 + n % 9
    return f"dato høst agder 2026 2026-11-{day:02d} {hour:02d}:00 bekreft", f"2026-11-{day:02d}T{hour:02d}:00:00+01:00"


MOVES = ("dato høst agder 2026 2026-11-19 10:00 bekreft", "dato høst agder 2026 2026-11-20 10:00 bekreft")
"""A date set, then moved: the move is announced to the region's four actors' channels in Slack."""


def stored_date(db: Path) -> str | None:
    path = db / "cycle" / "agder" / "2026.json"
    if not path.exists():
        return None
    milestones = json.loads(path.read_text()).get("milestones") or {}
    return next((doc.get("planned") for doc in milestones.values() if doc.get("_key") == "regional-autumn"), None)


def verify(db: Path) -> int:
    done = subprocess.run([sys.executable, "-m", "bot", "verify"], cwd=ROOT, env=_env(db), capture_output=True)
    return done.returncode


def once(posts: dict[tuple[str, str], int]) -> bool:
    return all(count == 1 for count in posts.values())


async def writes(work: Path, *, runs: int, rng: random.Random) -> str:
    db, standin = work / "db", await SlackStandIn().start()
    port, epoch, sent, unanswered = free_port(), time.time(), 0, 0
    confirmed: str | None = None
    maybe: list[str] = []  # sent, unanswered: either may be stored
    problems: list[str] = []
    async with aiohttp.ClientSession() as session:
        for run in range(runs):
            process = serve(db=db, standin=standin, port=port, epoch=epoch)
            await wait_healthy(session, port)
            for _ in range(rng.randint(0, 2)):
                sent += 1
                text, date = redate(sent)
                said = await slash(session, port=port, standin=standin, text=text, trigger=f"w{sent}")
                if "Dato satt" not in said:
                    problems.append(f"run {run}: not confirmed: {said[:120]}")
                confirmed, maybe = date, []
            sent += 1
            text, date = redate(sent)
            maybe.append(date)
            write = asyncio.ensure_future(slash(session, port=port, standin=standin, text=text, trigger=f"w{sent}"))
            await asyncio.sleep(rng.uniform(0.0, 0.08))
            said = await killed(process, write)
            if "Dato satt" in said:
                confirmed, maybe = date, []
            else:
                unanswered += 1
            have = stored_date(db)
            if confirmed and have != confirmed and have not in maybe:
                problems.append(f"run {run}: stored {have}, confirmed {confirmed}")
            if have in maybe:
                confirmed, maybe = have, []
        process = serve(db=db, standin=standin, port=port, epoch=epoch)  # the outbox's last announcements
        await wait_healthy(session, port)
        await asyncio.sleep(6)
        process.send_signal(signal.SIGTERM)
        process.wait(30)
    await standin.stop()
    posts = announcement_posts(standin)
    return (
        f"{runs} kills, {sent} writes ({unanswered} killed before their answer), {sum(posts.values())} announcements "
        f"each once: {once(posts)}, verify exit {verify(db)}, lost or half writes: {problems or 'none'}"
    )


async def retries(work: Path, *, runs: int, rng: random.Random) -> str:
    lines: list[str] = []
    waited: list[float] = []
    for run in range(runs):
        db, standin = work / f"db{run}", await SlackStandIn().start()
        port, epoch = free_port(), time.time()
        process = serve(db=db, standin=standin, port=port, epoch=epoch)
        async with aiohttp.ClientSession() as session:
            await wait_healthy(session, port)
            await slash(session, port=port, standin=standin, text=MOVES[0], trigger="first")
            standin.down = True
            said = await slash(session, port=port, standin=standin, text=MOVES[1], trigger="moved")
            await asyncio.sleep(rng.uniform(0.3, 2.5))
            os.kill(process.pid, signal.SIGKILL)
            process.wait()
            standin.down = False
            process = serve(db=db, standin=standin, port=port, epoch=epoch)
            await wait_healthy(session, port)
            back = time.monotonic()  # a dead pass's lease (60 s) may hold the outbox's redelivery back
            while len(announcement_posts(standin)) < 4 and time.monotonic() - back < 90:
                await asyncio.sleep(0.5)
            waited.append(time.monotonic() - back)
            await asyncio.sleep(5)  # and nothing more comes
            process.send_signal(signal.SIGTERM)
            process.wait(30)
        await standin.stop()
        posts = announcement_posts(standin)
        lines.append(f"{'Dato satt' in said}/{len(posts)}/{once(posts) and len(posts) == 4}")
    return (
        f"{runs} runs (confirmed/announcements/each once): {', '.join(lines)}; all out "
        f"{', '.join(f'{w:.0f}' for w in waited)} s after the restart (a pass killed mid-post holds its 60 s lease)"
    )


async def replicas(work: Path, *, runs: int, rng: random.Random) -> str:
    db, standin = work / "db", await SlackStandIn().start()
    standin.post_delay = 0.3
    epoch, ports = time.time(), [free_port(), free_port()]
    processes = [serve(db=db, standin=standin, port=port, epoch=epoch) for port in ports]
    async with aiohttp.ClientSession() as session:
        for port in ports:
            await wait_healthy(session, port)
        await asyncio.sleep(8)
        started = digest_posts(standin)
        for port in ports:
            await slash(session, port=port, standin=standin, text=redate(0)[0], trigger=f"first{port}")
        text = redate(1)[0]
        both = await asyncio.gather(
            *(slash(session, port=port, standin=standin, text=text, trigger="same") for port in ports)
        )
        many = await asyncio.gather(
            *(
                slash(session, port=ports[i % 2], standin=standin, text=redate(2 + i)[0], trigger=f"m{i}")
                for i in range(20)
            )
        )
        await asyncio.sleep(6)
    for process in processes:
        process.send_signal(signal.SIGTERM)
        process.wait(30)
    await standin.stop()
    history = len(json.loads((db / "cycle" / "agder" / "2026.json").read_text())["history"])
    return (
        f"start-up digests {sum(started.values())} in {len({c for c, _ in started})} channels, each once: "
        f"{once(digest_posts(standin))}; the same command at both: {sum('Dato satt' in s for s in both)} written; "
        f"20 at once: {sum('Dato satt' in s for s in many)} confirmed, {history} history entries (22 expected); "
        f"announcements each once: {once(announcement_posts(standin))}; verify exit {verify(db)}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("scenarios", nargs="*", default=["writes", "retries", "replicas"])
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    scenarios = {"writes": writes, "retries": retries, "replicas": replicas}
    for name in args.scenarios:
        with tempfile.TemporaryDirectory(prefix=f"faults-serve-{name}-") as folder:
            runs = args.runs if name == "writes" else max(1, args.runs // 6)
            print(f"{name}: {asyncio.run(scenarios[name](Path(folder), runs=runs, rng=rng))}", flush=True)


if __name__ == "__main__":
    main()
