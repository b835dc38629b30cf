"""Slack over real HTTP: the bot against a bare Bolt app sending the same bytes, request by request.

What users do, not one repeated request: `neste` from a different person each time in a region's channel,
an actor's, the national one, and (for the reply cache) the same request repeated; `dato` (a write) by each
region's coordinator, alternating two dates; `signer` (a write and its announcements), the 75 signatures
of the open agreement (15 regions x 5 parties) shuffled; then 16 clients at once, every request different.

The state is a year of history made through the real core (`bench.slack_setup`: 15 regions, each with a
Slack channel and a coordinator), served at its `now` (a fixed clock). Three child processes on 127.0.0.1,
each with the same Bolt settings (AsyncApp, process_before_response, aiohttp):
- *record*: the bot on one copy of the data, asked everything once in order; its reply bytes per request
  are what the bare app sends;
- *ours*: the bot on a fresh copy, asked the same requests in the same order (the same state each time);
- *bare*: a Bolt app whose listener acks with the recorded bytes of that request (looked up by trigger id)
  and then sends the Web API calls the bot made for it (a write's announcements: recorded per request at
  the Web API stand-in), through the same `AsyncWebClient` on one shared aiohttp session, as the bot does;
- *ack*: the same Bolt app acking only (the figure before the bare app posted: a write's announcements
  counted as our overhead).
Each request goes to all three in turn, rotating which goes first. Each server reports its own CPU
(`time.process_time()`, GET /cpu) before and after each group, so the figures are server CPU per request,
not the client's nor the wait; wall time per round trip is printed beside. A shared 2-core machine moves
all alike: read the ratios, taken in one interleaved run, not the milliseconds. The stand-in counts the
Web API bytes each server sent, so the run shows ours and bare sent the same.

    python -m bench.slack_roundtrip [--per-group 300] [--clients 16] [--folder /tmp/slack-bench]
    (`--anew`: bench/slack_anew.py; `--floor`: bench/slack_floor.py)
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
from datetime import datetime
from pathlib import Path

import aiohttp
from aiohttp import web

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.serving import fresh_copies, serve_until_stopped, server_cpu, spawn, start_site  # noqa: E402 - after the path is set
from bench.slack_client import SECRET, TOKEN, Ask, Calls, StandIn, crowd_rate, one  # noqa: E402
from bench.slack_setup import (  # noqa: E402
    ACTOR_SLACK,
    ACTOR_SLACK_CHANNEL,
    AU_SLACK,
    NATIONAL_SLACK,
    Served,
    build,
    coordinator_slack,
    slack_channel,
)

MODULE = "bench.slack_roundtrip"
ACTOR_CHANNELS = (*ACTOR_SLACK_CHANNEL.values(), "C0INAGDER")
KINDS = ("ours", "bare", "ack")
"""The bot; the bare app sending the same bytes (the ack and the Web API calls); the bare app acking only."""


# ---- the servers (child processes) ----------------------------------------------------------------------


def _bare(api_url: str, *, replies: dict[str, dict[str, object]], calls: Calls) -> web.Application:
    """A Bolt app that acks each request with the bytes the bot answered it with, then makes the Web API
    calls the bot made for it (none in `calls`: it only acks)."""
    from slack_bolt.adapter.aiohttp import to_aiohttp_response, to_bolt_request
    from slack_bolt.app.async_app import AsyncApp
    from slack_sdk.web.async_client import AsyncWebClient

    # One session for the process's life, as adapters/slack/sender.py gives the bot's client.
    client = AsyncWebClient(token=TOKEN, base_url=api_url, retry_handlers=[], session=aiohttp.ClientSession())
    bolt = AsyncApp(  # the token reaches Bolt through `client`, exactly as in adapters/slack/app.py
        signing_secret=SECRET,
        client=client,
        process_before_response=True,
    )
    tasks: set[asyncio.Task[None]] = set()

    async def send(made: list[tuple[str, dict[str, object]]]) -> None:
        await asyncio.gather(*(client.api_call(method, json=payload) for method, payload in made))

    @bolt.command("/samhandling")
    async def same_bytes(ack: object, body: dict[str, str]) -> None:
        trigger = body["trigger_id"]
        await ack(**replies.get(trigger, {}))  # type: ignore[operator]
        made = calls.get(trigger)
        if made:  # after the ack, as the bot posts its announcements
            task = asyncio.get_running_loop().create_task(send(made))
            tasks.add(task)
            task.add_done_callback(tasks.discard)

    async def events(request: web.Request) -> web.Response:
        return await to_aiohttp_response(await bolt.async_dispatch(await to_bolt_request(request)))

    app = web.Application()
    app.router.add_post("/slack/events", events)
    return app


def _ours(api_url: str, *, config: str, db: str, now: str) -> web.Application:
    from adapters.cli import _warm_up
    from adapters.compose import build_core
    from adapters.server import build_app
    from bot.clock import FixedClock

    core = build_core(config_path=config, db_path=db, clock=FixedClock(datetime.fromisoformat(now)))
    env = {"SLACK_BOT_TOKEN": TOKEN, "SLACK_SIGNING_SECRET": SECRET, "SLACK_API_URL": api_url}
    if "SAMHANDLING_CORE_THREADS" in os.environ:  # to measure the thread hop: 0 runs every write in place
        env["SAMHANDLING_CORE_THREADS"] = os.environ["SAMHANDLING_CORE_THREADS"]
    app = build_app(core=core, environ=env, mounts=("adapters.slack:mount_slack",), scheduler=False)
    # As `serve` does once it listens (adapters.cli): the date grammar and every handler loaded and compiled
    # before the first command. The bench's warm-up asks only `neste`, so without this the first `dato`
    # paid the grammar's import and compilation inside the timed group (~0.2-0.5 ms per `dato` of 300).
    _warm_up(core)
    return app


async def _serve(
    kind: str, *, api_url: str, config: str, db: str, now: str, replies: str | None, calls: str | None
) -> None:
    if kind == "bare":
        made = {
            trigger: [(method, payload) for method, payload in listed]
            for trigger, listed in (json.loads(Path(calls).read_text()) if calls else {}).items()
        }
        app = _bare(api_url, replies=json.loads(Path(replies or "").read_text()), calls=made)
    else:
        from adapters.start_up import freeze_start_up

        app = _ours(api_url, config=config, db=db, now=now)
        freeze_start_up()  # as `serve` does

    await serve_until_stopped(app)


# ---- what is asked ---------------------------------------------------------------------------------------


def groups(regions: tuple[str, ...], *, per_group: int, year: int, seed: int = 7) -> dict[str, list[Ask]]:
    """Each group's requests, every one with its own trigger id; people are new each time unless said."""
    rng = random.Random(seed)
    count = iter(range(10**9))

    def ask(user: str, channel: str, text: str) -> Ask:
        return Ask(f"bench.{next(count)}", user, channel, text)

    def person() -> str:
        return f"U0P{next(count):06d}"

    channels = {
        "neste, region channel": [slack_channel(region) for region in regions],
        "neste, actor channel": list(ACTOR_CHANNELS),
        "neste, national channel": [NATIONAL_SLACK],
    }
    made = {
        name: [ask(person(), options[n % len(options)], "neste") for n in range(per_group)]
        for name, options in channels.items()
    }
    made["neste, the same request repeated"] = [ask(AU_SLACK, NATIONAL_SLACK, "neste") for _ in range(per_group)]
    days = (f"{year}-04-24", f"{year}-04-25")  # a Monday and a Tuesday: each `dato` changes the date
    made["dato (a write)"] = []
    for n in range(per_group):
        region, day = regions[n % len(regions)], days[n // len(regions) % 2]
        made["dato (a write)"].append(
            ask(coordinator_slack(region), slack_channel(region), f"dato vår {region} {year} {day} 10:00")
        )
    pairs = [(region, party) for region in regions for party in (region, *ACTOR_SLACK)]
    rng.shuffle(pairs)
    made["signer (a write and its announcements)"] = [
        ask(coordinator_slack(region), slack_channel(region), f"signer {year}")
        if party == region
        else ask(ACTOR_SLACK[party], ACTOR_SLACK_CHANNEL[party], f"signer {party} {region} {year}")
        for region, party in pairs
    ]
    return made


def crowd(regions: tuple[str, ...], *, size: int, name: str) -> list[Ask]:
    """`neste` over every channel kind from a new person each time: what 16 clients send at once."""
    options = [*(slack_channel(region) for region in regions), *ACTOR_CHANNELS, NATIONAL_SLACK]
    return [Ask(f"{name}.{n}", f"U0{name.upper()}{n:06d}", options[n % len(options)], "neste") for n in range(size)]


def _line(name: str, cpu: dict[str, float], walls: dict[str, list[float]]) -> str:
    wall = {kind: statistics.median(walls[kind]) * 1000 for kind in KINDS}
    return (
        f"| {name} | {len(walls['ours'])} | {cpu['ours']:.2f} ms | {cpu['bare']:.2f} ms | **{cpu['ours'] / cpu['bare']:.2f}** "
        f"| {cpu['ack']:.2f} ms | {cpu['ours'] / cpu['ack']:.2f} | {wall['ours']:.2f} / {wall['bare']:.2f} ms |"
    )


def main(*, per_group: int, clients: int, folder: Path, anew: bool = False, floor: bool = False) -> None:
    (folder / "setup").mkdir(parents=True, exist_ok=True)
    served = build(folder / "setup")  # before the client's loop: the history is made through the core's own
    if anew:  # `neste` worked out anew, each the first after a write: bench/slack_anew.py
        from bench.slack_anew import measure_anew

        asyncio.run(measure_anew(served, per_group=per_group, folder=folder))
        return
    if floor:  # the same, against servers with the core's work taken away step by step: bench/slack_floor.py
        from bench.slack_floor import measure_floor

        asyncio.run(measure_floor(served, per_group=per_group, folder=folder))
        return
    asyncio.run(measure(served, per_group=per_group, clients=clients, folder=folder))


WRITES = ("dato", "signer")
SETTLE = 0.05
"""While recording, after a write's answer: the calls that follow it (its announcements) are its own once
the stand-in has heard nothing for this long."""


async def _record(url: str, asks: list[Ask], *, stand_in: StandIn) -> dict[str, object]:
    """Every request asked once, in order: each one's reply payload, and (at the stand-in) the Web API
    calls made for it. A write waits until its posts are over, so the next request's are its own."""
    replies: dict[str, object] = {}
    async with aiohttp.ClientSession() as session:
        for ask in asks:
            stand_in.recording = ask.trigger
            _, payload = await one(session, url, ask)
            replies[ask.trigger] = json.loads(payload) if payload else {}
            if ask.text.startswith(WRITES):
                await asyncio.sleep(SETTLE)
                await stand_in.quiet(SETTLE)
    stand_in.recording = None
    return replies


async def measure(served: Served, *, per_group: int, clients: int, folder: Path) -> None:
    now, regions = served.now, served.regions
    config, now_text = str(served.config), now.isoformat()
    asked = groups(regions, per_group=per_group, year=now.year)
    crowds = [crowd(regions, size=clients * 40, name=f"c{n}") for n in range(4)]  # two rounds each
    stand_in = StandIn()
    stand_runner, stand_url = await start_site(stand_in.app())
    children: list[subprocess.Popen[str]] = []
    try:
        copies = fresh_copies(served.data, folder=folder, names=("slack-record", "slack-ours"))

        def common(kind: str) -> list[str]:
            return ["--api", f"{stand_url}/{kind}/api/", "--config", config, "--now", now_text]

        child, record_url = spawn(MODULE, "ours", [*common("record"), "--db", str(copies["slack-record"])])
        children.append(child)
        everything = [a for group in asked.values() for a in group] + [a for c in crowds for a in c]
        replies = await _record(record_url, everything, stand_in=stand_in)
        await stand_in.quiet()
        child.terminate()
        child.wait()
        children.remove(child)
        replies_file, calls_file = folder / "replies.json", folder / "calls.json"
        replies_file.write_text(json.dumps(replies))
        calls_file.write_text(json.dumps(stand_in.calls))
        ours, ours_url = spawn(MODULE, "ours", [*common("ours"), "--db", str(copies["slack-ours"])])
        bare_args = ["--replies", str(replies_file)]
        bare, bare_url = spawn(MODULE, "bare", [*common("bare"), *bare_args, "--calls", str(calls_file)])
        ack, ack_url = spawn(MODULE, "bare", [*common("ack"), *bare_args])
        children += [ours, bare, ack]
        urls = {"ours": ours_url, "bare": bare_url, "ack": ack_url}
        lines = []
        sizes = dict.fromkeys(KINDS, 0)
        async with aiohttp.ClientSession() as session:
            for warm in crowd(regions, size=50, name="warm"):  # connections, auth.test, first-use costs
                for url in urls.values():
                    await one(session, url, warm)
            await stand_in.quiet()
            stand_in.sent.clear()
            for name, group in asked.items():
                before = {kind: await server_cpu(session, url) for kind, url in urls.items()}
                walls: dict[str, list[float]] = {kind: [] for kind in KINDS}
                for n, ask in enumerate(group):
                    for kind in KINDS[n % 3 :] + KINDS[: n % 3]:
                        seconds, payload = await one(session, urls[kind], ask)
                        walls[kind].append(seconds)
                        sizes[kind] += len(payload)
                await stand_in.quiet()
                after = {kind: await server_cpu(session, url) for kind, url in urls.items()}
                cpu = {kind: (after[kind] - before[kind]) / len(group) * 1000 for kind in urls}
                lines.append(_line(name, cpu, walls))
            rates: dict[str, list[float]] = {"ours": [], "bare": []}
            for n, asks in enumerate(crowds):
                for kind in ("ours", "bare") if n % 2 else ("bare", "ours"):
                    rates[kind].append(await crowd_rate(session, urls[kind], asks, clients=clients))
    finally:
        for child in children:
            child.terminate()
            child.wait()
        await stand_runner.cleanup()
    print(
        f"Slack over HTTP on 127.0.0.1: the bot vs a bare Bolt app sending the same bytes (its ack and the "
        f"Web API calls the bot made for that request), and vs the bare app acking only, at {now:%Y-%m-%d %H:%M}"
    )
    print(f"reply bytes sent: ours {sizes['ours']}, bare {sizes['bare']}, ack only {sizes['ack']}")
    posted = stand_in.sent
    print(
        f"Web API bytes sent (auth.test aside): ours {posted.get('ours', 0)}, bare {posted.get('bare', 0)}, "
        f"ack only {posted.get('ack', 0)} ({sum(map(len, stand_in.calls.values()))} calls recorded)"
    )
    print(
        "| requests | n | server CPU, ours | bare Bolt, same bytes | ratio | bare Bolt, ack only | ratio | wall median ours / bare |"
    )
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    for line in lines:
        print(line)
    ours_rate, bare_rate = statistics.median(rates["ours"]), statistics.median(rates["bare"])
    print(
        f"| {clients} clients at once, every `neste` different ({len(crowds[0])} requests x {len(crowds)} rounds) "
        f"| {sum(len(c) for c in crowds)} | {ours_rate:.0f} req/s | {bare_rate:.0f} req/s "
        f"| **{ours_rate / bare_rate:.2f}** (throughput) | | | |"
    )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--per-group", type=int, default=300)
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--anew", action="store_true", help="only `neste` worked out anew after a write (slack_anew)")
    parser.add_argument(
        "--floor", action="store_true", help="what `neste` anew costs with the work taken away (slack_floor)"
    )
    parser.add_argument("--folder", help="where the state is built and kept (default: a temporary folder)")
    parser.add_argument("--serve", choices=("ours", "bare"), help=argparse.SUPPRESS)
    parser.add_argument("--api", help=argparse.SUPPRESS)
    parser.add_argument("--config", help=argparse.SUPPRESS)
    parser.add_argument("--db", default="", help=argparse.SUPPRESS)
    parser.add_argument("--now", help=argparse.SUPPRESS)
    parser.add_argument("--replies", default="", help=argparse.SUPPRESS)
    parser.add_argument("--calls", default="", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        asyncio.run(
            _serve(
                args.serve,
                api_url=args.api,
                config=args.config,
                db=args.db,
                now=args.now,
                replies=args.replies,
                calls=args.calls,
            )
        )
    elif args.folder:
        Path(args.folder).mkdir(parents=True, exist_ok=True)
        main(per_group=args.per_group, clients=args.clients, folder=Path(args.folder), anew=args.anew, floor=args.floor)
    else:
        with tempfile.TemporaryDirectory() as scratch:
            main(per_group=args.per_group, clients=args.clients, folder=Path(scratch), anew=args.anew, floor=args.floor)
