"""kill -9 at random points over a year's reminder passes, from outside the process (issue 19).

Every day the simulation says a Slack channel gets a digest, `python -m bot tick --now DAY 09:00` runs with
Slack credentials against the Slack stand-in (each post answered after `--post-delay` s); with probability
`--kill-rate` it is killed with SIGKILL at a random moment (half the time a random delay, start-up
included, so some die before the pass, some while posting, some after; else right after the n-th post
reached Slack, its answer still on the way), then run again until one pass completes (the dead pass's 60 s lease
expired by hand, as the minute would). Checks: each (day, channel) of the simulation got exactly one
digest, no digest key was posted twice, no output holds a traceback, «Noe gikk galt» or «Unclosed».

    python -m bench.faults_kill_year [--seed 1] [--kill-rate 0.7] [--from 2026-09-01] [--to 2027-08-31]

A whole year (66 days, 198 Slack digests) is 80-120 `tick` runs, one to three minutes. The bounded test,
one kill while the busiest pass posts, is tests/faults/test_tick_killed.py.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import signal
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

from tests.faults.test_delivery_faults import digest_posts
from tests.faults.test_tick_killed import ROOT, expire_lease, start_tick, tick_env
from tests.slack.standin import SlackStandIn


def slack_days(*, start: str, end: str, work: Path) -> dict[str, set[str]]:
    """Day -> the Slack channels the simulation posts a digest to that day."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "TEAMS_", "MICROSOFT_", "DATABASE_"))}
    env.update(SAMHANDLING_DB=str(work / "simulated"), SAMHANDLING_CONFIG=str(ROOT / "app.yaml"))
    shown = subprocess.run(
        [sys.executable, "-m", "bot", "simulate", "--from", start, "--to", end],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    days: dict[str, set[str]] = defaultdict(set)
    for line in shown.splitlines():
        parts = line.split()
        if len(parts) > 3 and parts[3].startswith("slack:"):
            days[parts[0]].add(parts[3].removeprefix("slack:"))
    return days


async def year(args: argparse.Namespace, work: Path) -> list[str]:
    rng = random.Random(args.seed)
    days = slack_days(start=args.from_, end=args.to, work=work)
    db = work / "db"
    standin = await SlackStandIn().start()
    standin.post_delay = args.post_delay
    env = tick_env(db=db, standin=standin)
    problems: list[str] = []
    runs = kills = 0
    try:
        for day in sorted(days):
            before = digest_posts(standin)
            for attempt in range(1, 10):
                runs += 1
                process = await start_tick(env=env, at=f"{day}T09:00")
                talk = asyncio.ensure_future(process.communicate())
                killing = attempt < 5 and rng.random() < args.kill_rate
                if killing:
                    moment = asyncio.ensure_future(_moment(rng, standin, days[day]))
                    await asyncio.wait([talk, moment], timeout=120, return_when=asyncio.FIRST_COMPLETED)
                    moment.cancel()
                if killing and not talk.done():
                    os.kill(process.pid, signal.SIGKILL)
                    await process.wait()
                    talk.cancel()
                    kills += 1
                    expire_lease(db)
                    if args.log:
                        with open(args.log, "a", encoding="utf-8") as log:
                            log.write(f"== {day} run {attempt}: killed, {len(digest_posts(standin) - before)} posted\n")
                    continue
                out, err = await talk
                said = out.decode() + err.decode()
                if args.log:
                    with open(args.log, "a", encoding="utf-8") as log:
                        log.write(f"== {day} run {attempt} (after {kills} kills): exit {process.returncode}\n{said}\n")
                for bad in ("Traceback", "Noe gikk galt", "Unclosed", "hoppet over"):
                    if bad in said:
                        problems.append(f"{day} (run {attempt}): «{bad}» in the output")
                if process.returncode != 0:
                    problems.append(f"{day} (run {attempt}): exit {process.returncode}: {said[-300:]}")
                break
            got = Counter(channel for channel, _ in digest_posts(standin) - before)
            if set(got) != days[day] or set(got.values()) - {1}:
                problems.append(f"{day}: expected one digest in each of {sorted(days[day])}, got {dict(got)}")
        total = digest_posts(standin)
        problems += [f"{key} posted {n} times in {channel}" for (channel, key), n in total.items() if n > 1]
        expected = sum(len(channels) for channels in days.values())
        print(
            f"seed {args.seed}: {len(days)} days, {runs} tick runs, {kills} killed, "
            f"{sum(total.values())} Slack digests of {expected} expected, {len(problems)} problems"
        )
    finally:
        await standin.stop()
    return problems


async def _moment(rng: random.Random, standin: SlackStandIn, channels: set[str]) -> None:
    """When to kill: half the time a random moment after the start, else right after the n-th post of the
    pass reached Slack (its answer still on the way, so nothing of it is in the ledger)."""
    if rng.random() < 0.5:
        await asyncio.sleep(rng.uniform(0.2, 2.5))
        return
    posted = len(standin.calls_to("chat.postMessage"))
    await standin.wait_for("chat.postMessage", posted + rng.randint(1, max(1, len(channels))), timeout=120)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--kill-rate", type=float, default=0.7)
    parser.add_argument("--post-delay", type=float, default=0.3)
    parser.add_argument("--log", help="append each run's output here")
    parser.add_argument("--from", dest="from_", default="2026-09-01")
    parser.add_argument("--to", default="2027-08-31")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="faults-kill-year-") as folder:
        problems = asyncio.run(year(args, Path(folder)))
    for problem in problems[:30]:
        print("  " + problem)
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
