"""Teams over real HTTP: the bot against botbuilder's echo bot (behind the same cached connector clients)
sending the same bytes, request by request.

What users do: `neste` from a different person each time in a region's channel, the actor's (IN) and the
national one, and (for the reply cache) the same person asking again. The state is the one the Slack
benchmark serves (`bench.slack_setup`: 15 regions, each with a Teams channel, a year of history), at its
`now`. Three child processes on 127.0.0.1 behind botbuilder's aiohttp `CloudAdapter` (no app id), all
replying to one connector stand-in in this process:
- *record*: the bot on one copy of the data, asked everything once; the activity it posted for each
  request is what the echo bot sends;
- *ours*: the bot on a fresh copy (`adapters.teams.mount_teams`), asked the same in the same order;
- *echo*: the SDK's `ActivityHandler` behind `CachingBotFrameworkAuthentication`, replying to each
  request with the recorded activity (looked up by activity id) through `send_activity`.
Each request goes to both, alternating which goes first; each server's CPU (`time.process_time()`,
GET /cpu) before and after each group gives server CPU per turn. A shared 2-core machine moves both
alike: read the ratios, taken in one interleaved run, not the milliseconds.

    python -m bench.teams_roundtrip [--per-group 300] [--folder /tmp/teams-bench]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import aiohttp
from aiohttp import web

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.serving import (  # noqa: E402 - after the path is set
    fresh_copies,
    ratio_row,
    serve_until_stopped,
    server_cpu,
    spawn,
    start_site,
    stop,
)
from bench.slack_setup import Served, build, teams_channel  # noqa: E402

MODULE = "bench.teams_roundtrip"
BOT = {"id": "28:bot", "name": "Samhandling"}
ACTOR_CHANNEL = "19:in@thread.tacv2"
NATIONAL_CHANNEL = "19:nasjonal@thread.tacv2"


# ---- the servers (child processes) ----------------------------------------------------------------------


def _echo(replies: dict[str, dict[str, Any]]) -> web.Application:
    """The SDK's echo bot behind our client cache, answering each turn with the bot's recorded activity."""
    from botbuilder.core import ActivityHandler, TurnContext
    from botbuilder.integration.aiohttp import CloudAdapter, ConfigurationBotFrameworkAuthentication
    from botbuilder.schema import Activity

    from adapters.teams.connector import CachingBotFrameworkAuthentication

    class Echo(ActivityHandler):
        async def on_message_activity(self, turn_context: TurnContext) -> None:
            recorded = replies.get(turn_context.activity.id or "", {"type": "message", "text": "?"})
            await turn_context.send_activity(Activity().deserialize(recorded))

    class Config:
        APP_ID = None
        APP_PASSWORD = None

    adapter, bot = (
        CloudAdapter(CachingBotFrameworkAuthentication(ConfigurationBotFrameworkAuthentication(Config()))),
        Echo(),
    )

    async def messages(request: web.Request) -> web.Response:
        return await adapter.process(request, bot) or web.Response(status=201)

    app = web.Application()
    app.router.add_post("/api/messages", messages)
    return app


def _ours(*, config: str, db: str, now: str) -> web.Application:
    from adapters.compose import build_core
    from adapters.teams import mount_teams
    from bot.clock import FixedClock

    core = build_core(config_path=config, db_path=db, clock=FixedClock(datetime.fromisoformat(now)))
    app = web.Application()
    mount_teams(app, core=core, senders={}, environ={})
    return app


async def _serve(kind: str, *, config: str, db: str, now: str, replies: str) -> None:
    import logging

    logging.disable(logging.WARNING)  # the adapter warns once that there is no app id: loopback only
    app = _echo(json.loads(Path(replies).read_text())) if kind == "echo" else _ours(config=config, db=db, now=now)
    if kind != "echo":
        from adapters.start_up import freeze_start_up

        freeze_start_up()  # as `serve` does

    await serve_until_stopped(app)


# ---- what is asked ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Turn:
    id: str
    person: str
    channel: str


def groups(regions: tuple[str, ...], *, per_group: int) -> dict[str, list[Turn]]:
    count = iter(range(10**9))

    def turn(person: str | None, channel: str) -> Turn:
        n = next(count)
        return Turn(str(1_800_000_000_000 + n), person or f"44444444-0000-0000-0000-{n:012d}", channel)

    regional = [teams_channel(region) for region in regions]
    return {
        "neste, region channel": [turn(None, regional[n % len(regional)]) for n in range(per_group)],
        "neste, actor channel": [turn(None, ACTOR_CHANNEL) for _ in range(per_group)],
        "neste, national channel": [turn(None, NATIONAL_CHANNEL) for _ in range(per_group)],
        "neste, the same person asking again": [
            turn("11111111-0000-0000-0000-000000000007", NATIONAL_CHANNEL) for _ in range(per_group)
        ],
    }


def activity(turn: Turn, *, service_url: str) -> dict[str, Any]:
    return {
        "type": "message",
        "id": turn.id,
        "channelId": "msteams",
        "serviceUrl": service_url,
        "text": "<at>Samhandling</at> neste",
        "from": {"id": f"29:{turn.person}", "name": "Person", "aadObjectId": turn.person},
        "conversation": {"isGroup": True, "conversationType": "channel", "id": f"{turn.channel};messageid={turn.id}"},
        "recipient": BOT,
        "entities": [{"type": "mention", "text": "<at>Samhandling</at>", "mentioned": BOT}],
        "channelData": {"team": {"id": turn.channel}, "channel": {"id": turn.channel}},
    }


# ---- the client (this process) --------------------------------------------------------------------------


class Connector:
    """The Bot Framework connector: accepts every post, keeping the body of each reply by the activity
    it answers while `recording`."""

    def __init__(self) -> None:
        self.replies: dict[str, Any] = {}
        self.bytes: dict[str, int] = {}
        """Bytes posted, by who posted them (each bot is given its own service URL)."""

    def app(self) -> web.Application:
        async def accept(request: web.Request) -> web.Response:
            body = await request.read()
            who = request.match_info["who"]
            self.bytes[who] = self.bytes.get(who, 0) + len(body)
            if who == "record" and "activity" in request.match_info:
                self.replies[request.match_info["activity"]] = json.loads(body)
            return web.json_response({"id": "r"}, status=201)

        app = web.Application()
        app.router.add_post("/{who}/v3/conversations/{conversation}/activities", accept)
        app.router.add_post("/{who}/v3/conversations/{conversation}/activities/{activity}", accept)
        return app


async def _post(session: aiohttp.ClientSession, url: str, body: dict[str, Any]) -> float:
    start = time.perf_counter()
    async with session.post(f"{url}/api/messages", json=body) as response:
        await response.read()
        if response.status not in (200, 201):
            raise SystemExit(f"{url}: HTTP {response.status}")
    return time.perf_counter() - start


def main(*, per_group: int, folder: Path) -> None:
    (folder / "setup").mkdir(parents=True, exist_ok=True)
    served = build(folder / "setup")
    asyncio.run(measure(served, per_group=per_group, folder=folder))


async def measure(served: Served, *, per_group: int, folder: Path) -> None:
    config, now = str(served.config), served.now.isoformat()
    asked = groups(served.regions, per_group=per_group)
    connector = Connector()
    connector_runner, connector_url = await start_site(connector.app())
    children: list[subprocess.Popen[str]] = []
    lines: list[str] = []
    try:
        copies = fresh_copies(served.data, folder=folder, names=("teams-record", "teams-ours"))
        common = ["--config", config, "--now", now]
        record, record_url = spawn(MODULE, "ours", [*common, "--db", str(copies["teams-record"])])
        children.append(record)
        async with aiohttp.ClientSession() as session:
            for turn in (turn for group in asked.values() for turn in group):
                await _post(session, record_url, activity(turn, service_url=f"{connector_url}/record"))
        record.terminate()
        record.wait()
        children.remove(record)
        replies_file = folder / "teams-replies.json"
        replies_file.write_text(json.dumps(connector.replies))
        ours, ours_url = spawn(MODULE, "ours", [*common, "--db", str(copies["teams-ours"])])
        echo, echo_url = spawn(MODULE, "echo", [*common, "--replies", str(replies_file)])
        children += [ours, echo]
        urls = {"ours": ours_url, "echo": echo_url}
        async with aiohttp.ClientSession() as session:
            for n in range(50):  # connections, connector clients, first-use costs
                warm = Turn(str(1_700_000_000_000 + n), f"55555555-0000-0000-0000-{n:012d}", NATIONAL_CHANNEL)
                for kind, url in urls.items():
                    await _post(session, url, activity(warm, service_url=f"{connector_url}/warm-{kind}"))
            for name, group in asked.items():
                before = {kind: await server_cpu(session, url) for kind, url in urls.items()}
                walls: dict[str, list[float]] = {"ours": [], "echo": []}
                for n, turn in enumerate(group):
                    for kind in ("ours", "echo") if n % 2 else ("echo", "ours"):
                        body = activity(turn, service_url=f"{connector_url}/{kind}")
                        walls[kind].append(await _post(session, urls[kind], body))
                after = {kind: await server_cpu(session, url) for kind, url in urls.items()}
                cpu = {kind: (after[kind] - before[kind]) / len(group) * 1000 for kind in urls}
                lines.append(ratio_row(name, cpu, walls, ours="ours", other="echo"))
    finally:
        stop(children)
        await connector_runner.cleanup()
    print(f"Teams over HTTP on 127.0.0.1: the bot vs the echo bot (cached clients) sending the same activity, at {now}")
    sent = connector.bytes
    print(f"bytes posted to the connector while timed: ours {sent.get('ours', 0)}, echo {sent.get('echo', 0)}")
    print("| turns | n | server CPU, ours | echo bot | ratio | wall median ours / echo |")
    print("| --- | --- | --- | --- | --- | --- |")
    for line in lines:
        print(line)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--per-group", type=int, default=300)
    parser.add_argument("--folder", help="where the state is built and kept (default: a temporary folder)")
    parser.add_argument("--serve", choices=("ours", "echo"), help=argparse.SUPPRESS)
    parser.add_argument("--config", help=argparse.SUPPRESS)
    parser.add_argument("--db", default="", help=argparse.SUPPRESS)
    parser.add_argument("--now", help=argparse.SUPPRESS)
    parser.add_argument("--replies", default="", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        asyncio.run(_serve(args.serve, config=args.config, db=args.db, now=args.now, replies=args.replies))
    elif args.folder:
        Path(args.folder).mkdir(parents=True, exist_ok=True)
        main(per_group=args.per_group, folder=Path(args.folder))
    else:
        with tempfile.TemporaryDirectory() as scratch:
            main(per_group=args.per_group, folder=Path(scratch))
