"""`serve` killed with SIGKILL at a random moment of a write that announces, then started again (walk 40).

Each run copies a prepared store (Agder's agreement 2027 ready, every party but the last signed), starts
`python -m tests.faults.serve_at` (the real server, its clock on 14 January 2027) against the Slack
stand-in, waits for the start-up pass to go quiet, sends one signed slash command and kills the process
0-`--kill-max` s later (before, during or after its write, its reply and its announcements, Slack taking
`--post-delay` s to answer each post; with `--at-post` the kill comes 0-1.5 × that after the platform took
the first announcement, so most runs die between posting and recording). Then `serve`
again until the outbox is empty, and counts what Slack received:

- ``signer``: the last party signs; its announcements go to five Slack channels.
- ``referat``: Agder's autumn minutes replaced with two follow-up points, announced to the two owners.
- ``teams``: the last signature again, with Teams on against the connector stand-in (each post answered
  after `--post-delay` s): its three Teams channels' cards, each at most once (a post a death left
  unanswered is never tried again: Teams cannot be asked whether it went, so /healthz says it once).

A run fails when a confirmed write is not stored, a stored write's announcement is missing, or any
message (counted per channel and text, and per channel and key) was posted twice.

    python -m bench.faults_kill_writes [signer|referat ...] [--runs 30] [--seed 1]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import shutil
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

import aiohttp

from bench.faults_delivery import _quiet, serve
from bench.faults_serve import killed
from bot.delivery.outbox import pending
from storage.tinydb_store import TinyDBStore
from tests.faults.test_delivery_faults import announcement_posts, free_port, wait_healthy
from tests.slack.harness import fixture, sign
from tests.slack.standin import SlackStandIn
from tests.teams.harness import ConnectorStandIn
from tests.test_delivery import AT, _bot, _ready, _sign_all_but_last

PARTITION = "cycle/agder/2027"


@dataclass(frozen=True)
class Write:
    """One scenario: what is prepared, who types what, and how the reply and the store show it was written."""

    user: str
    channel: str
    text: str
    replied: str
    partition: str

    def stored(self, db: Path) -> bool:
        with TinyDBStore(db) as store:
            doc = store.read(self.partition)
        if self.text.startswith("signer"):
            return "RFF" in (doc.get("signatures") or {})
        return "Sende tall" in json.dumps(doc.get("milestones"), ensure_ascii=False)


SCENARIOS = {
    "signer": Write("U0RITA", "C0RFF", "signer agder 2027", "signert", PARTITION),
    "teams": Write("U0RITA", "C0RFF", "signer agder 2027", "signert", PARTITION),
    "referat": Write(
        "U0KARI",
        "C0AGDER",
        "referat høst 2026 Høstmøtet holdt. oppfølging: Sende tall @Innovasjon Norge innen 1. februar; "
        "Innspill @Siva innen 5. februar bekreft",
        "Referat registrert",
        "cycle/agder/2026",
    ),
}


def prepare(db: Path, name: str) -> None:
    bot = _bot(TinyDBStore(db))
    _ready(bot)
    if name != "referat":
        _sign_all_but_last(bot)
    bot.core.store.close()


async def slash(session: aiohttp.ClientSession, *, port: int, standin: SlackStandIn, write: Write) -> str:
    form = fixture("slash_command")
    form.update(text=write.text, user_id=write.user, channel_id=write.channel, trigger_id="t.kill")
    form.update(response_url=standin.response_url("cmd"))
    body = urlencode(form)
    headers = {"Content-Type": "application/x-www-form-urlencoded", **sign(body)}
    async with session.post(f"http://127.0.0.1:{port}/slack/events", data=body, headers=headers) as answer:
        return await answer.text()


async def first_post(standin: SlackStandIn, connector: ConnectorStandIn, *, since: tuple[int, int]) -> None:
    """Until an announcement more than `since` (Slack's keyed posts, Teams' posts) was taken, or 20 s."""
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        if sum(announcement_posts(standin).values()) > since[0] or len(connector.accepted) > since[1]:
            return
        await asyncio.sleep(0.005)


def to_connector(db: Path, url: str) -> None:
    """The stored Teams conversation references point at the connector stand-in."""
    with TinyDBStore(db) as store, store.update("teams/conversations") as tables:
        for doc in tables.get("references", {}).values():
            doc["reference"]["serviceUrl"] = url


def teams_posts(connector: ConnectorStandIn) -> Counter[tuple[str, str]]:
    """(conversation, what was posted) of every post the connector took, so one posted twice counts 2."""
    return Counter(
        (
            post.conversation_id,
            json.dumps([post.activity.get("text"), post.activity.get("attachments")], sort_keys=True),
        )
        for post in connector.accepted
    )


def text_posts(standin: SlackStandIn, before: Counter[tuple[str, str]]) -> Counter[tuple[str, str]]:
    """(channel, text) of every message posted since `before` was counted."""
    found: Counter[tuple[str, str]] = Counter()
    for channel, messages in standin.history.items():
        for message in messages:
            found[(channel, str(message.get("text")))] += 1
    return found - before


async def settled(db: Path, *, timeout: float) -> bool:
    """The outbox of the written partitions holds no Slack row (every one posted, or given up)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with TinyDBStore(db) as store:
            rows = [row for p in (PARTITION, "cycle/agder/2026", "outbox") for row in pending(store, p).values()]
            if not any(row.get("platform") == "slack" for row in rows):  # Teams' are held: no conversation here
                return True
        await asyncio.sleep(0.5)
    return False


async def one_run(template: Path, work: Path, *, write: Write, rng: random.Random, args: argparse.Namespace) -> str:
    db = work / "db"
    shutil.copytree(template, db)
    standin = await SlackStandIn().start()
    standin.post_delay = args.post_delay
    connector = await ConnectorStandIn(delay=args.post_delay).start()
    to_connector(db, connector.url)
    port, epoch = free_port(), time.time()
    first = serve(db=db, standin=standin, port=port, epoch=epoch, at=AT, grace=2.0, lease=args.lease)
    second = None
    try:
        async with aiohttp.ClientSession() as session:
            await wait_healthy(session, port)
            await _quiet(standin)
            seen = -1
            while seen != len(connector.accepted):  # and Teams' start-up digests: no post for 2 s
                seen = len(connector.accepted)
                await asyncio.sleep(2)
            keys_before, texts_before = announcement_posts(standin), text_posts(standin, Counter())
            sent = asyncio.ensure_future(slash(session, port=port, standin=standin, write=write))
            if args.at_post:  # the first announcement reached the platform: kill before or after it is recorded
                await first_post(standin, connector, since=(sum(keys_before.values()), len(connector.accepted)))
                await asyncio.sleep(rng.uniform(0.0, 1.5 * args.post_delay))
            else:
                await asyncio.sleep(rng.uniform(0.0, args.kill_max))
            said = await killed(first, sent)
            confirmed = write.replied in said
            stored = write.stored(db)
            second = serve(db=db, standin=standin, port=port, epoch=epoch, at=AT, grace=2.0, lease=args.lease)
            await wait_healthy(session, port)
            back = time.monotonic()
            empty = await settled(db, timeout=120)
            took = time.monotonic() - back
            await asyncio.sleep(4)  # and nothing more comes
            keys = announcement_posts(standin) - keys_before
            texts = text_posts(standin, texts_before) + teams_posts(connector)
            async with session.get(f"http://127.0.0.1:{port}/healthz") as answer:
                health = await answer.text()
    finally:
        for process in (first, second):
            if process is not None and process.poll() is None:
                process.kill()
                process.wait()
        await standin.stop()
        await connector.stop()
    problems = []
    if confirmed and not stored:
        problems.append("confirmed, not stored")
    if stored and not keys:
        problems.append("stored, nothing announced")
    if not empty:
        with TinyDBStore(db) as store:
            left = {
                k: (d.get("channel"), d.get("posting"), d.get("uncertain"))
                for k, d in pending(store, PARTITION).items()
            }
        problems.append(f"outbox not empty after 120 s: {left}")
    twice = [k for k, n in {**keys, **texts}.items() if n > 1]
    if twice:
        problems.append(f"twice: {twice[:3]}")
    state = "confirmed" if confirmed else "stored" if stored else "lost-unconfirmed"
    teams = sum(n for (channel, _), n in texts.items() if channel.startswith("19:"))
    maybe = health.count("may already be posted") + health.count("may have been posted")
    return f"{state}/{len(keys)} slack, {teams} teams, {maybe} said maybe ({took:.0f} s)" + (
        f" PROBLEM {'; '.join(problems)}" if problems else ""
    )


async def scenario(name: str, work: Path, *, args: argparse.Namespace, rng: random.Random) -> str:
    lines = []
    for run in range(args.runs):
        run_dir = work / f"run{run}"
        run_dir.mkdir()
        lines.append(await one_run(work / "template", run_dir, write=SCENARIOS[name], rng=rng, args=args))
        shutil.rmtree(run_dir, ignore_errors=True)
        print(f"  {name} {run}: {lines[-1]}", flush=True)
    bad = [line for line in lines if "PROBLEM" in line]
    states = Counter(line.split("/")[0] for line in lines)
    return f"{len(lines)} kills ({dict(states)}), problems: {len(bad)}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("scenarios", nargs="*", default=list(SCENARIOS))
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--kill-max", type=float, default=0.6)
    parser.add_argument("--at-post", action="store_true", help="kill once the first announcement was taken")
    parser.add_argument("--lease", type=float, default=6.0, help="the pass lease, s (60 in production)")
    parser.add_argument("--post-delay", type=float, default=0.05)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    for name in args.scenarios:
        os.environ["SAMHANDLING_TEAMS"] = "on" if name == "teams" else "off"  # off: Teams' rows held
        with tempfile.TemporaryDirectory(prefix=f"faults-kill-{name}-") as folder:
            prepare(Path(folder) / "template", name)  # before the loop: the preparation runs its own
            print(f"{name}: {asyncio.run(scenario(name, Path(folder), args=args, rng=rng))}", flush=True)


if __name__ == "__main__":
    main()
