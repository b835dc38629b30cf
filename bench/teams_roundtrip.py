"""Round trip of one Teams message over HTTP: a bare botbuilder echo bot vs. our ``neste``, side by side.

Both bots run in this process on 127.0.0.1 behind botbuilder's aiohttp CloudAdapter, both reply through
a local stand-in for the Bot Framework connector, and the requests alternate between them so both see the
same machine noise. A round trip is: POST /api/messages -> turn -> reply POSTed to the connector -> 201.

    python bench/teams_roundtrip.py [--turns 400]

The bare bot uses the SDK as documented (a fresh ConnectorClient per turn); ours uses the cached clients
of adapters/teams/connector.py and the real core on the demo app.yaml with a TinyDB store in a temp dir.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from aiohttp import ClientSession, web

ACTIVITY: dict[str, Any] = {
    "type": "message",
    "id": "1",
    "channelId": "msteams",
    "text": "<at>Samhandling</at> neste",
    "from": {"id": "29:kari", "name": "Kari Nordmann", "aadObjectId": "11111111-0000-0000-0000-000000000001"},
    "conversation": {"isGroup": True, "conversationType": "channel", "id": "19:agder@thread.tacv2;messageid=1"},
    "recipient": {"id": "28:bot", "name": "Samhandling"},
    "entities": [
        {"type": "mention", "text": "<at>Samhandling</at>", "mentioned": {"id": "28:bot", "name": "Samhandling"}}
    ],
    "channelData": {"team": {"id": "19:agder@thread.tacv2"}, "channel": {"id": "19:agder@thread.tacv2"}},
}


async def _site(app: web.Application) -> tuple[web.AppRunner, str]:
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    return runner, f"http://127.0.0.1:{site._server.sockets[0].getsockname()[1]}"


def _connector() -> web.Application:
    async def accept(request: web.Request) -> web.Response:
        await request.read()
        return web.json_response({"id": "r"}, status=201)

    app = web.Application()
    app.router.add_post("/v3/conversations/{c}/activities", accept)
    app.router.add_post("/v3/conversations/{c}/activities/{a}", accept)
    return app


def _bare_bot(*, cached: bool = False) -> web.Application:
    """The SDK's echo bot; `cached`: behind the same client cache ours uses (the issue's fair comparison)."""
    from botbuilder.core import ActivityHandler, MessageFactory, TurnContext
    from botbuilder.integration.aiohttp import CloudAdapter, ConfigurationBotFrameworkAuthentication

    class Echo(ActivityHandler):
        async def on_message_activity(self, turn_context: TurnContext) -> None:
            await turn_context.send_activity(MessageFactory.text(turn_context.activity.text))

    class Config:
        APP_ID = None
        APP_PASSWORD = None

    auth = ConfigurationBotFrameworkAuthentication(Config())
    if cached:
        from adapters.teams.connector import CachingBotFrameworkAuthentication

        auth = CachingBotFrameworkAuthentication(auth)
    adapter, bot = CloudAdapter(auth), Echo()

    async def messages(request: web.Request) -> web.Response:
        return await adapter.process(request, bot) or web.Response(status=201)

    app = web.Application()
    app.router.add_post("/api/messages", messages)
    return app


def _our_bot(data_dir: str) -> tuple[web.Application, str]:
    from adapters.teams import mount_teams

    try:
        from adapters.compose import build_core
        from bot.clock import FixedClock

        core = build_core(config_path="app.yaml", db_path=data_dir, clock=FixedClock(datetime(2026, 1, 12, 9, 0)))
        label = "real core, app.yaml, TinyDB"
    except Exception as error:
        from tests.teams.fake_core import FakeCore

        core, label = FakeCore(), f"FAKE core ({type(error).__name__}: {error})"
    app = web.Application()
    mount_teams(app, core=core, senders={}, environ={})
    return app, label


def _summary(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    return statistics.median(ordered) * 1000, ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))] * 1000


async def main(turns: int, warmup: int) -> None:
    import logging

    logging.disable(logging.WARNING)
    runners = []
    connector_runner, connector_url = await _site(_connector())
    runners.append(connector_runner)
    bare_runner, bare_url = await _site(_bare_bot())
    runners.append(bare_runner)
    cached_runner, cached_url = await _site(_bare_bot(cached=True))
    runners.append(cached_runner)
    with tempfile.TemporaryDirectory() as data_dir:
        ours_app, label = _our_bot(data_dir)
        ours_runner, ours_url = await _site(ours_app)
        runners.append(ours_runner)
        activity = dict(ACTIVITY, serviceUrl=connector_url)
        times: dict[str, list[float]] = {"bare": [], "cached": [], "ours": []}
        async with ClientSession() as session:
            for i in range(warmup + turns):
                for name, url in (("bare", bare_url), ("cached", cached_url), ("ours", ours_url)):
                    body = dict(activity, id=str(i))
                    start = time.perf_counter()
                    async with session.post(f"{url}/api/messages", json=body) as response:
                        await response.read()
                        assert response.status in (200, 201), response.status
                    if i >= warmup:
                        times[name].append(time.perf_counter() - start)
        for runner in runners:
            await runner.cleanup()
    bare_med, bare_p99 = _summary(times["bare"])
    cached_med, cached_p99 = _summary(times["cached"])
    ours_med, ours_p99 = _summary(times["ours"])
    print(f"Teams round trip over HTTP, {turns} turns each (after {warmup} warm-up), ours: {label}")
    print(f"  bare botbuilder echo : median {bare_med:6.2f} ms   p99 {bare_p99:6.2f} ms")
    print(f"  bare echo, cached    : median {cached_med:6.2f} ms   p99 {cached_p99:6.2f} ms")
    print(f"  samhandling 'neste'  : median {ours_med:6.2f} ms   p99 {ours_p99:6.2f} ms")
    print(f"  ratio ours/bare      : median {ours_med / bare_med:5.2f}     p99 {ours_p99 / bare_p99:5.2f}")
    print(f"  ratio ours/cached    : median {ours_med / cached_med:5.2f}     p99 {ours_p99 / cached_p99:5.2f}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--turns", type=int, default=400)
    parser.add_argument("--warmup", type=int, default=30)
    args = parser.parse_args()
    asyncio.run(main(args.turns, args.warmup))
