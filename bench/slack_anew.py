"""Slack `neste` worked out anew, over real HTTP: each one the first after a write, against bare Bolt.

`python -m bench.slack_roundtrip` asks `neste` from a new person each time, but after the first person of a
part in a channel the others get the answer shared within their part (`bot/pipeline/personal.py`): those
rows measure a channel's further readers. Here every timed `neste` comes right after a write that the
reply depends on, so nothing kept can answer it: what a reader sees after a coordinator changed something.

Before each `neste` (new person every time) the bot is sent, untimed and to it alone, a cheap write that
announces nothing: `ikke aktuelt oppdrag <region> <year>` and its `angre`, in turn, by the region's
coordinator, which rewrites that region's cycle partition of the open year (a region's `neste` reads it,
and an actor's and the national one read every region's). In a region's channel the write is in that
region; in an actor's or the national channel it is in the regions in turn. Each region is toggled an even
number of times over a run of the default size, so the state ends as it began.

The CPU of each timed request is taken around it alone (GET /cpu just before and just after, on ours and on
the bare app alike, alternating which goes first), less what such a pair of GET /cpu costs with nothing
between (measured the same way, interleaved): so the write's own CPU is not counted, nor the brackets.

    python -m bench.slack_roundtrip --anew [--per-group 300] [--folder /tmp/slack-bench]
"""

from __future__ import annotations

import json
import subprocess
import time
from pathlib import Path

import aiohttp
from aiohttp import web

from bench.serving import fresh_copies, ours_and_bare, ratio_row, server_cpu, spawn, start_site, stop
from bench.slack_client import Ask, one
from bench.slack_roundtrip import ACTOR_CHANNELS, MODULE, crowd
from bench.slack_setup import NATIONAL_SLACK, Served, coordinator_slack, slack_channel

ACTOR_IN_REGION = {"C0INAGDER": "agder"}
"""An actor's channel in one region reads that region alone: the write that changes its answer is there."""
Pair = tuple[Ask, Ask]
"""The untimed write, then the timed `neste`."""


def anew_groups(regions: tuple[str, ...], *, per_group: int, year: int) -> dict[str, list[Pair]]:
    """Each group's (write, `neste`) pairs; every `neste` from a new person."""
    count = iter(range(10**9))
    toggled = dict.fromkeys(regions, False)

    def write(region: str) -> Ask:
        toggled[region] = not toggled[region]
        text = f"ikke aktuelt oppdrag {region} {year}" + ("" if toggled[region] else " angre")
        return Ask(f"anew.{next(count)}", coordinator_slack(region), slack_channel(region), text)

    def neste(channel: str) -> Ask:
        n = next(count)
        return Ask(f"anew.{n}", f"U0A{n:06d}", channel, "neste")

    made: dict[str, list[Pair]] = {}
    made["neste anew after a write, region channel"] = [
        (write(region := regions[n % len(regions)]), neste(slack_channel(region))) for n in range(per_group)
    ]
    made["neste anew after a write, actor channel"] = [
        (write(ACTOR_IN_REGION.get(channel, regions[n % len(regions)])), neste(channel))
        for n in range(per_group)
        for channel in [ACTOR_CHANNELS[n % len(ACTOR_CHANNELS)]]
    ]
    made["neste anew after a write, national channel"] = [
        (write(regions[n % len(regions)]), neste(NATIONAL_SLACK)) for n in range(per_group)
    ]
    return made


def _stand_in() -> web.Application:
    """Slack's Web API for auth.test (these writes announce nothing): answers ok to any method."""

    async def api(_: web.Request) -> web.Response:
        return web.json_response({"ok": True, "team_id": "T0", "user_id": "U0BOT", "bot_id": "B0", "ts": "1.0"})

    app = web.Application()
    app.router.add_post("/{tail:.*}", api)
    return app


async def record_replies(groups: dict[str, list[Pair]], *, common: list[str], db: Path) -> dict[str, object]:
    """The bot on `db` asked every pair in order (what the bare app will answer each `neste` with)."""
    child, record_url = spawn(MODULE, "ours", [*common, "--db", str(db)])
    replies: dict[str, object] = {}
    try:
        async with aiohttp.ClientSession() as session:
            for pairs in groups.values():
                for write, ask in pairs:
                    await one(session, record_url, write)
                    _, payload = await one(session, record_url, ask)
                    replies[ask.trigger] = json.loads(payload) if payload else {}
    finally:
        stop([child])
    return replies


async def measure_anew(served: Served, *, per_group: int, folder: Path) -> None:
    now, regions = served.now, served.regions
    config, now_text = str(served.config), now.isoformat()
    groups = anew_groups(regions, per_group=per_group, year=now.year)
    stand_runner, stand_url = await start_site(_stand_in())
    common = ["--api", f"{stand_url}/api/", "--config", config, "--now", now_text]
    children: list[subprocess.Popen[str]] = []
    try:
        copies = fresh_copies(served.data, folder=folder, names=("anew-record", "anew-ours"))
        replies = await record_replies(groups, common=common, db=copies["anew-record"])
        started, urls = ours_and_bare(
            MODULE, common=common, db=copies["anew-ours"], replies=replies, replies_file=folder / "anew-replies.json"
        )
        children += started
        ours_url = urls["ours"]
        lines, sizes = [], {"ours": 0, "bare": 0}
        async with aiohttp.ClientSession() as session:
            for warm in crowd(regions, size=50, name="warm"):  # connections, auth.test, first-use costs
                for url in urls.values():
                    await one(session, url, warm)
            for name, pairs in groups.items():
                cpu: dict[str, list[float]] = {"ours": [], "bare": []}
                empty: dict[str, list[float]] = {"ours": [], "bare": []}
                walls: dict[str, list[float]] = {"ours": [], "bare": []}
                for n, (write, ask) in enumerate(pairs):
                    await one(session, ours_url, write)
                    for kind in ("ours", "bare") if n % 2 else ("bare", "ours"):
                        url = urls[kind]
                        start = await server_cpu(session, url)
                        empty[kind].append(await server_cpu(session, url) - start)
                        start = await server_cpu(session, url)
                        seconds, payload = await one(session, url, ask)
                        cpu[kind].append(await server_cpu(session, url) - start)
                        walls[kind].append(seconds)
                        sizes[kind] += len(payload)
                per = {kind: (sum(cpu[kind]) - sum(empty[kind])) / len(pairs) * 1000 for kind in urls}
                lines.append(ratio_row(name, per, walls, ours="ours", other="bare"))
    finally:
        stop(children)
        await stand_runner.cleanup()
    print(f"Slack `neste` worked out anew (each the first after a write), at {now:%Y-%m-%d %H:%M}, {time.ctime()}")
    print(f"reply bytes sent: ours {sizes['ours']}, bare {sizes['bare']}")
    print("| requests | n | server CPU, ours | bare Bolt | ratio | wall median ours / bare |")
    print("| --- | --- | --- | --- | --- | --- |")
    for line in lines:
        print(line)
