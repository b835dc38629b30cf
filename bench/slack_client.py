"""The Slack benches' client side: what is asked (`Ask`), a signed slash command over HTTP (`one`), many
clients at once (`crowd_rate`), and the stand-in for Slack's Web API (`StandIn`). Split from
bench/slack_roundtrip.py, which runs the servers and prints the figures; bench/slack_anew.py and
bench/slack_floor.py ask through the same."""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import json
import time
from dataclasses import dataclass
from urllib.parse import urlencode

import aiohttp
from aiohttp import web

TOKEN = "xoxb-bench-token"
SECRET = "bench-signing-secret"
Calls = dict[str, list[tuple[str, dict[str, object]]]]
"""Per trigger id, the Web API calls (method, JSON body) the bot made for that request, in order."""


@dataclass(frozen=True)
class Ask:
    trigger: str
    user: str
    channel: str
    text: str


# ---- the client (this process) --------------------------------------------------------------------------


class StandIn:
    """Slack's Web API for the servers' posts and auth.test: answers ok, remembers when it was last called,
    counts each server's bytes (each is given its own base URL, `/<kind>/api/`) and, while `recording`
    names a request, keeps the calls made for it (auth.test aside: every Bolt app makes its own)."""

    def __init__(self) -> None:
        self.last = 0.0
        self.sent: dict[str, int] = {}
        self.recording: str | None = None
        self.calls: Calls = {}

    def app(self) -> web.Application:
        async def api(request: web.Request) -> web.Response:
            self.last = time.perf_counter()
            body = await request.read()
            who, method = request.match_info["who"], request.match_info["method"]
            if method != "auth.test":
                self.sent[who] = self.sent.get(who, 0) + len(body)
                if self.recording is not None:
                    self.calls.setdefault(self.recording, []).append((method, json.loads(body)))
            return web.json_response({"ok": True, "team_id": "T0", "user_id": "U0BOT", "bot_id": "B0", "ts": "1.0"})

        app = web.Application()
        app.router.add_post("/{who}/api/{method}", api)
        return app

    async def quiet(self, seconds: float = 0.3) -> None:
        """Until the servers have posted nothing for `seconds` (announcements are sent after the ack)."""
        while time.perf_counter() - self.last < seconds:
            await asyncio.sleep(seconds / 3)


def signed(body: str) -> dict[str, str]:
    ts = str(int(time.time()))
    sig = hmac.new(SECRET.encode(), f"v0:{ts}:{body}".encode(), hashlib.sha256).hexdigest()
    return {
        "Content-Type": "application/x-www-form-urlencoded",
        "X-Slack-Request-Timestamp": ts,
        "X-Slack-Signature": f"v0={sig}",
    }


async def one(session: aiohttp.ClientSession, url: str, ask: Ask) -> tuple[float, bytes]:
    body = urlencode(
        {
            "token": "x",
            "team_id": "T0",
            "channel_id": ask.channel,
            "user_id": ask.user,
            "user_name": ask.user.lower(),
            "command": "/samhandling",
            "text": ask.text,
            "trigger_id": ask.trigger,
            "response_url": "http://127.0.0.1:9/unused",
            "api_app_id": "A0",
        }
    )
    headers = signed(body)
    start = time.perf_counter()
    async with session.post(f"{url}/slack/events", data=body.encode(), headers=headers) as response:
        payload = await response.read()
        if response.status != 200:
            raise SystemExit(f"{url}: HTTP {response.status} for {ask.text!r}")
    return time.perf_counter() - start, payload


async def crowd_rate(session: aiohttp.ClientSession, url: str, asks: list[Ask], *, clients: int) -> float:
    """Requests per second with `clients` clients each sending its next request as soon as one is answered."""
    queue = list(reversed(asks))

    async def client() -> None:
        while queue:
            await one(session, url, queue.pop())

    start = time.perf_counter()
    await asyncio.gather(*(client() for _ in range(clients)))
    return len(asks) / (time.perf_counter() - start)
