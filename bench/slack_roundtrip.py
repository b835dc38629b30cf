"""Server CPU of `/samhandling neste` over HTTP: the real bot vs a bare Bolt app sending the same bytes.

Each server runs in a process of its own on 127.0.0.1, configured the same way (AsyncApp,
process_before_response=True, aiohttp, signature verification on); this process is only the client (and a
local stand-in for auth.test, the one Web API call on this path, made once). Requests alternate between
the servers so all see the same machine state. Each server reports its own `time.process_time()` at
GET /cpu before and after the timed requests, so the figure is the server's CPU per request, not the
client's nor the wait: what the issue's aim (at most 1.5x the bare app) is read on. Wall time per round
trip is printed next to it.

Servers:
- *ours*: `adapters.server.build_app` with Slack mounted, the real core on app.yaml and a TinyDB store
  in a temporary folder, the clock at the real now; the same person asks again and again, so after the
  first request the answer comes from `bot.reply_cache` (the stored state it read is checked each time);
- *fresh*: the same server again, but every request carries another `user_name`, so none is answered from
  `bot.reply_cache`: the whole `neste` is worked out every time (same reply bytes);
- *bare (ack only)*: a Bolt app whose listener acks with nothing;
- *bare (same bytes)*: a Bolt app whose listener acks with the very payload our `neste` answered with.

    python bench/slack_roundtrip.py [--requests 2000] [--config app.yaml] [--data FOLDER]
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import hmac
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlencode

import aiohttp
from aiohttp import web

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

TOKEN = "xoxb-bench-token"
SECRET = "bench-signing-secret"
KINDS = ("ours", "fresh", "bare", "same")
LABELS = {
    "ours": "/samhandling neste",
    "fresh": "neste, worked out anew",
    "bare": "bare Bolt (ack only)",
    "same": "bare Bolt (same bytes)",
}


# ---- the servers (child processes) ----------------------------------------------------------------------


def _bare(api_url: str, *, reply: dict[str, object] | None = None) -> web.Application:
    """A Bolt app that only acks: empty, or (`reply`) with the very payload our `neste` answers with."""
    from slack_bolt.adapter.aiohttp import to_aiohttp_response, to_bolt_request
    from slack_bolt.app.async_app import AsyncApp
    from slack_sdk.web.async_client import AsyncWebClient

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


def _ours(api_url: str, *, config: str, db: str) -> web.Application:
    from adapters.compose import build_core
    from adapters.server import build_app

    core = build_core(config_path=config, db_path=db)
    env = {"SLACK_BOT_TOKEN": TOKEN, "SLACK_SIGNING_SECRET": SECRET, "SLACK_API_URL": api_url}
    return build_app(core=core, environ=env, mounts=("adapters.slack:mount_slack",), scheduler=False)


async def _serve(kind: str, *, api_url: str, config: str, db: str, reply_file: str | None) -> None:
    if kind in ("ours", "fresh"):
        app = _ours(api_url, config=config, db=db)
    else:
        reply = json.loads(Path(reply_file).read_text()) if reply_file else None
        app = _bare(api_url, reply=reply if kind == "same" else None)

    async def cpu(_: web.Request) -> web.Response:
        return web.json_response({"cpu": time.process_time()})

    app.router.add_get("/cpu", cpu)
    _runner, url = await _start(app)
    print(url, flush=True)
    await asyncio.Event().wait()  # until the parent terminates us


# ---- the client (this process) --------------------------------------------------------------------------


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


def _spawn(
    kind: str, *, api_url: str, config: str, db: str, reply_file: str | None = None
) -> tuple[subprocess.Popen[str], str]:
    args = [sys.executable, __file__, "--serve", kind, "--api", api_url, "--config", config, "--db", db]
    if reply_file:
        args += ["--reply", reply_file]
    child = subprocess.Popen(args, stdout=subprocess.PIPE, text=True, cwd=ROOT)
    assert child.stdout is not None
    url = child.stdout.readline().strip()
    if not url.startswith("http"):
        raise SystemExit(f"{kind} server did not start")
    return child, url


def _signed(body: str) -> dict[str, str]:
    ts = str(int(time.time()))
    sig = hmac.new(SECRET.encode(), f"v0:{ts}:{body}".encode(), hashlib.sha256).hexdigest()
    return {
        "Content-Type": "application/x-www-form-urlencoded",
        "X-Slack-Request-Timestamp": ts,
        "X-Slack-Signature": f"v0={sig}",
    }


async def _one(
    session: aiohttp.ClientSession, url: str, n: int, *, keep: list[bytes] | None = None, name: str = "kari"
) -> float:
    body = urlencode(
        {
            "token": "x",
            "team_id": "T0",
            "channel_id": "C0AGDER",
            "user_id": "U0KARI",
            "user_name": name,
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


async def _cpu(session: aiohttp.ClientSession, url: str) -> float:
    async with session.get(f"{url}/cpu") as response:
        return float((await response.json())["cpu"])


def _wall_line(name: str, samples: list[float]) -> tuple[float, str]:
    ordered = sorted(samples)
    median = statistics.median(ordered) * 1000
    p99 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))] * 1000
    return median, f"{name:<24} wall median {median:7.3f} ms   p99 {p99:7.3f} ms"


async def main(requests: int, config: str, data: str | None) -> None:
    standin_runner, standin_url = await _start(_standin())
    api_url = f"{standin_url}/api/"
    children: list[subprocess.Popen[str]] = []
    with tempfile.TemporaryDirectory() as scratch:
        db = data or str(Path(scratch) / "db")
        try:
            ours, ours_url = _spawn("ours", api_url=api_url, config=config, db=db)
            children.append(ours)
            async with aiohttp.ClientSession() as session:
                first: list[bytes] = []
                await _one(session, ours_url, 0, keep=first)
            reply_file = Path(scratch) / "reply.json"
            reply_file.write_bytes(first[0])
            urls = {"ours": ours_url}
            fresh, urls["fresh"] = _spawn("fresh", api_url=api_url, config=config, db=db)
            children.append(fresh)
            for kind in ("bare", "same"):
                child, urls[kind] = _spawn(kind, api_url=api_url, config=config, db=db, reply_file=str(reply_file))
                children.append(child)
            samples: dict[str, list[float]] = {kind: [] for kind in KINDS}
            async with aiohttp.ClientSession() as session:
                for n in range(200):  # warm-up (auth.test, caches, connections)
                    for kind in KINDS:
                        await _one(session, urls[kind], n, name=f"kari{n}" if kind == "fresh" else "kari")
                before = {kind: await _cpu(session, urls[kind]) for kind in KINDS}
                for n in range(requests):
                    for kind in KINDS if n % 2 else tuple(reversed(KINDS)):
                        name = f"kari{n + 1000}" if kind == "fresh" else "kari"
                        samples[kind].append(await _one(session, urls[kind], n + 1000, name=name))
                after = {kind: await _cpu(session, urls[kind]) for kind in KINDS}
        finally:
            for child in children:
                child.terminate()
                child.wait()
            await standin_runner.cleanup()
    cpu = {kind: (after[kind] - before[kind]) / requests * 1000 for kind in KINDS}
    print(f"{requests} signed slash commands to each server, alternated, over HTTP on 127.0.0.1 (keep-alive)")
    print(f"our reply: {len(first[0])} bytes, the same bytes from the bare app")
    walls = {}
    for kind in KINDS:
        walls[kind], line = _wall_line(LABELS[kind], samples[kind])
        print(f"{line}   server CPU {cpu[kind]:6.3f} ms/request")
    print(
        f"server CPU ratio ours / same bytes {cpu['ours'] / cpu['same']:.2f}x (aim: at most 1.5x); "
        f"ours / ack only {cpu['ours'] / cpu['bare']:.2f}x; worked out anew / same bytes {cpu['fresh'] / cpu['same']:.2f}x"
    )
    print(f"wall ratio ours / same bytes {walls['ours'] / walls['same']:.2f}x")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--config", default=str(ROOT / "app.yaml"))
    parser.add_argument("--data", help="a store folder to serve from (default: a fresh one)")
    parser.add_argument("--serve", choices=KINDS, help=argparse.SUPPRESS)
    parser.add_argument("--api", help=argparse.SUPPRESS)
    parser.add_argument("--db", help=argparse.SUPPRESS)
    parser.add_argument("--reply", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        asyncio.run(_serve(args.serve, api_url=args.api, config=args.config, db=args.db, reply_file=args.reply))
    else:
        asyncio.run(main(args.requests, args.config, args.data))
