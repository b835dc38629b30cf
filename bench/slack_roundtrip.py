"""Round trip of `/samhandling neste` over HTTP: the real bot vs a bare Bolt app that only acks.

Both run in this process on 127.0.0.1, configured the same way (AsyncApp, process_before_response=True,
aiohttp, signature verification on). Requests alternate between the two so both see the same machine
state. A local stand-in answers auth.test, the only Web API call on this path.

    python bench/slack_roundtrip.py [--requests 2000] [--config app.yaml]
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import hmac
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlencode

import aiohttp
from aiohttp import web
from slack_bolt.adapter.aiohttp import to_aiohttp_response, to_bolt_request
from slack_bolt.app.async_app import AsyncApp
from slack_sdk.web.async_client import AsyncWebClient

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from adapters.server import build_app
from bot.core import build_core

TOKEN = "xoxb-bench-token"
SECRET = "bench-signing-secret"


async def _start(app: web.Application) -> tuple[web.AppRunner, str]:
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    return runner, f"http://127.0.0.1:{port}"


def _standin() -> web.Application:
    async def api(request: web.Request) -> web.Response:
        return web.json_response({"ok": True, "team_id": "T0", "user_id": "U0BOT", "bot_id": "B0"})

    app = web.Application()
    app.router.add_post("/api/{method}", api)
    return app


def _bare(api_url: str, *, reply: dict[str, object] | None = None) -> web.Application:
    """A Bolt app that only acks: empty, or (`reply`) with the very payload our `neste` answers with."""
    bolt = AsyncApp(  # the token reaches Bolt through `client`, exactly as in adapters/slack/app.py
        signing_secret=SECRET,
        client=AsyncWebClient(token=TOKEN, base_url=api_url, retry_handlers=[]),
        process_before_response=True,
    )

    @bolt.command("/samhandling")
    async def only_ack(ack: object) -> None:
        await ack(**(reply or {}))  # type: ignore[operator]

    async def events(request: web.Request) -> web.Response:
        return await to_aiohttp_response(await bolt.async_dispatch(await to_bolt_request(request)))

    app = web.Application()
    app.router.add_post("/slack/events", events)
    return app


def _signed(body: str) -> dict[str, str]:
    ts = str(int(time.time()))
    sig = hmac.new(SECRET.encode(), f"v0:{ts}:{body}".encode(), hashlib.sha256).hexdigest()
    return {
        "Content-Type": "application/x-www-form-urlencoded",
        "X-Slack-Request-Timestamp": ts,
        "X-Slack-Signature": f"v0={sig}",
    }


async def _one(session: aiohttp.ClientSession, url: str, n: int, *, keep: list[bytes] | None = None) -> float:
    body = urlencode(
        {
            "token": "x",
            "team_id": "T0",
            "channel_id": "C0AGDER",
            "user_id": "U0KARI",
            "user_name": "kari",
            "command": "/samhandling",
            "text": "neste",
            "trigger_id": f"bench.{n}",
            "response_url": "http://127.0.0.1:9/unused",
            "api_app_id": "A0",
        }
    )
    headers = _signed(body)
    start = time.perf_counter()
    async with session.post(f"{url}/slack/events", data=body.encode(), headers=headers) as response:
        payload = await response.read()
        if response.status != 200:
            raise SystemExit(f"{url}: HTTP {response.status}")
    if keep is not None:
        keep.append(payload)
    return time.perf_counter() - start


def _summary(name: str, samples: list[float], elapsed: float) -> tuple[float, str]:
    ordered = sorted(samples)
    median = statistics.median(ordered) * 1000
    p99 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))] * 1000
    rps = len(samples) / elapsed
    return median, f"{name:<22} median {median:7.3f} ms   p99 {p99:7.3f} ms   {rps:8.0f} req/s"


def _core_median(core: object) -> float:
    from bot.messages import Request

    request = Request(platform="slack", user_id="U0KARI", channel_id="C0AGDER", text="neste")
    samples = []
    for _ in range(500):
        start = time.perf_counter()
        core.handle(request)  # type: ignore[attr-defined]
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


async def main(requests: int, config: str) -> None:
    standin_runner, standin_url = await _start(_standin())
    api_url = f"{standin_url}/api/"
    with tempfile.TemporaryDirectory() as db:
        core = build_core(config_path=config, db_path=db)
        env = {"SLACK_BOT_TOKEN": TOKEN, "SLACK_SIGNING_SECRET": SECRET, "SLACK_API_URL": api_url}
        bot_runner, bot_url = await _start(
            build_app(core=core, environ=env, mounts=("adapters.slack:mount_slack",), scheduler=False)
        )
        bare_runner, bare_url = await _start(_bare(api_url))
        async with aiohttp.ClientSession() as session:
            ours: list[bytes] = []
            await _one(session, bot_url, 0, keep=ours)
        same_runner, same_url = await _start(_bare(api_url, reply=json.loads(ours[0])))
        samples: dict[str, list[float]] = {bot_url: [], bare_url: [], same_url: []}
        spent: dict[str, float] = {bot_url: 0.0, bare_url: 0.0, same_url: 0.0}
        async with aiohttp.ClientSession() as session:
            for n in range(100):  # warm-up (auth.test, caches, connections)
                await _one(session, bot_url, n)
                await _one(session, bare_url, n)
                await _one(session, same_url, n)
            for n in range(requests):
                for url in (bot_url, bare_url, same_url) if n % 2 else (same_url, bare_url, bot_url):
                    took = await _one(session, url, n)
                    samples[url].append(took)
                    spent[url] += took
        bot_median, bot_line = _summary("/samhandling neste", samples[bot_url], spent[bot_url])
        bare_median, bare_line = _summary("bare Bolt (ack only)", samples[bare_url], spent[bare_url])
        print(f"{requests} signed slash commands each, over HTTP on 127.0.0.1 (keep-alive, sequential)")
        print(bare_line)
        print(bot_line)
        same_median, same_line = _summary("bare Bolt (same bytes)", samples[same_url], spent[same_url])
        print(same_line)
        print(f"ratio (median) {bot_median / bare_median:.2f}x   difference {bot_median - bare_median:+.3f} ms")
        print(f"ratio to the same bytes (median) {bot_median / same_median:.2f}x   (aim: at most 1.5x)")
        print(f"of which core.handle('neste') alone: median {_core_median(core) * 1000:.3f} ms")
        for runner in (bot_runner, bare_runner, same_runner, standin_runner):
            await runner.cleanup()
        core.store.close()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--config", default="app.yaml")
    args = parser.parse_args()
    asyncio.run(main(args.requests, args.config))
