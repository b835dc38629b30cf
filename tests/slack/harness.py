"""Run the real server (adapters.server.build_app, real Bolt) on 127.0.0.1 and talk to it as Slack does."""

from __future__ import annotations

import asyncio
import copy
import hashlib
import hmac
import json
import time
from collections.abc import AsyncIterator, Iterator, Mapping
from contextlib import asynccontextmanager, contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import aiohttp
from aiohttp import web

from adapters.compose import build_core
from adapters.server import SENDERS, build_app
from adapters.slack import slack_adapter
from adapters.slack.app import SlackAdapter
from bot.clock import FixedClock

from .standin import SlackStandIn

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "slack"
BOT_TOKEN = "xoxb-test-0000-secret-bot-token"
SIGNING_SECRET = "test-signing-secret-0123456789abcdef"
APP_TOKEN = "xapp-1-test-app-token"
SLACK_ONLY = ("adapters.slack:mount_slack",)  # the Teams adapter has its own tests
APP_YAML = Path(__file__).resolve().parents[2] / "app.yaml"


@contextmanager
def real_core(folder: Path, *, at: datetime) -> Iterator[Any]:
    """The real core on the repo's app.yaml and a TinyDB store in `folder`, its clock fixed at `at`."""
    core = build_core(config_path=str(APP_YAML), db_path=str(folder / "db"), clock=FixedClock(at))
    try:
        yield core
    finally:
        core.store.close()


def fixture(name: str) -> dict[str, Any]:
    return json.loads((FIXTURES / f"{name}.json").read_text(encoding="utf-8"))


def sign(body: str, *, secret: str = SIGNING_SECRET, timestamp: int | None = None) -> dict[str, str]:
    """Slack's v0 request signature."""
    ts = str(int(time.time()) if timestamp is None else timestamp)
    digest = hmac.new(secret.encode(), f"v0:{ts}:{body}".encode(), hashlib.sha256).hexdigest()
    return {"X-Slack-Request-Timestamp": ts, "X-Slack-Signature": f"v0={digest}"}


def slack_env(standin: SlackStandIn, *, socket_mode: bool = False) -> dict[str, str]:
    env = {"SLACK_BOT_TOKEN": BOT_TOKEN, "SLACK_SIGNING_SECRET": SIGNING_SECRET, "SLACK_API_URL": standin.api_url}
    if socket_mode:
        env["SLACK_APP_TOKEN"] = APP_TOKEN
    return env


class Posted:
    """What our server answered to one signed POST."""

    def __init__(self, status: int, text: str) -> None:
        self.status = status
        self.text = text

    def json(self) -> dict[str, Any]:
        return json.loads(self.text) if self.text else {}


class RecordingSleep:
    """Replaces the poster's sleep: records each wait and yields once, so retries cost no wall time."""

    def __init__(self) -> None:
        self.waits: list[float] = []

    async def __call__(self, seconds: float) -> None:
        self.waits.append(seconds)
        await asyncio.sleep(0)


class Harness:
    def __init__(self, *, standin: SlackStandIn, app: web.Application, base_url: str, session: aiohttp.ClientSession):
        self.sleep = RecordingSleep()
        self.standin = standin
        self.app = app
        self.base_url = base_url
        self.session = session
        self._clicks = 0
        self.adapter.poster.sleep = self.sleep

    @property
    def adapter(self) -> SlackAdapter:
        adapter = slack_adapter(self.app)
        assert adapter is not None
        return adapter

    @property
    def senders(self) -> dict[str, Any]:
        return self.app[SENDERS]

    async def settle(self) -> None:
        """Wait until every post the adapter started after its acks has finished."""
        await self.adapter.drain()

    async def post(
        self,
        body: str,
        *,
        content_type: str,
        headers: Mapping[str, str] | None = None,
        signed: bool = True,
        timestamp: int | None = None,
        secret: str = SIGNING_SECRET,
    ) -> Posted:
        all_headers = {
            "Content-Type": content_type,
            **(sign(body, secret=secret, timestamp=timestamp) if signed else {}),
        }
        all_headers.update(headers or {})
        async with self.session.post(f"{self.base_url}/slack/events", data=body.encode(), headers=all_headers) as r:
            return Posted(r.status, await r.text())

    # ---- what Slack sends ---------------------------------------------------------------------------------
    def slash_body(self, text: str, *, user: str = "U0KARI", channel: str = "C0AGDER", trigger: str = "t1") -> str:
        form = fixture("slash_command")
        form.update(
            text=text,
            user_id=user,
            channel_id=channel,
            trigger_id=f"{trigger}.{text}",
            response_url=self.standin.response_url("cmd"),
        )
        return urlencode(form)

    async def slash(self, text: str, **kwargs: Any) -> Posted:
        headers = kwargs.pop("headers", None)
        return await self.post(
            self.slash_body(text, **kwargs), content_type="application/x-www-form-urlencoded", headers=headers
        )

    async def click(
        self,
        value: str,
        *,
        user: str = "U0KARI",
        channel: str = "C0AGDER",
        message_ts: str = "1767000000.000100",
        message: Mapping[str, Any] | None = None,
        action_id: str | None = None,
        with_response_url: bool = True,
    ) -> Posted:
        """A click; with `message`, on that (non-ephemeral) channel message, as Slack sends it."""
        self._clicks += 1
        payload = fixture("block_actions")
        if message is not None:
            payload["message"] = dict(message)
            payload["container"]["is_ephemeral"] = False
        if action_id is not None:
            payload["actions"][0]["action_id"] = action_id
        payload["user"] = {**payload["user"], "id": user}
        payload["channel"]["id"] = channel
        payload["container"].update(channel_id=channel, message_ts=message_ts)
        payload["actions"][0].update(value=value, action_ts=f"1767000003.{self._clicks:06d}")
        payload["trigger_id"] = f"click-trigger-{self._clicks}"
        payload["response_url"] = self.standin.response_url(f"click{self._clicks}")
        if not with_response_url:
            del payload["response_url"]
        return await self.interact(payload)

    async def submit(
        self,
        command: str,
        values: Mapping[str, str],
        *,
        user: str = "U0KARI",
        channel: str = "C0AGDER",
        view_id: str = "V0REFERAT1",
        blocks: list[dict[str, Any]] | None = None,
    ) -> Posted:
        """A modal submitted; `blocks`: the view's blocks as opened (Slack sends them back)."""
        payload = fixture("view_submission")
        payload["user"] = {**payload["user"], "id": user}
        view = payload["view"]
        view["id"] = view_id
        if blocks is not None:
            view["blocks"] = blocks
        view["private_metadata"] = json.dumps({"channel": channel, "command": command})
        view["state"] = {"values": {k: {"value": {"type": "plain_text_input", "value": v}} for k, v in values.items()}}
        return await self.interact(payload)

    async def interact(self, payload: Mapping[str, Any]) -> Posted:
        return await self.post(
            urlencode({"payload": json.dumps(payload)}), content_type="application/x-www-form-urlencoded"
        )

    async def event(self, payload: Mapping[str, Any], *, retry_num: int | None = None) -> Posted:
        headers = {"X-Slack-Retry-Num": str(retry_num), "X-Slack-Retry-Reason": "http_timeout"} if retry_num else None
        return await self.post(json.dumps(payload), content_type="application/json", headers=headers)

    async def get(self, path: str) -> Posted:
        async with self.session.get(f"{self.base_url}{path}") as r:
            return Posted(r.status, await r.text())


@asynccontextmanager
async def running(
    core: Any,
    *,
    socket_mode: bool = False,
    extra_senders: Mapping[str, Any] | None = None,
    standin: SlackStandIn | None = None,
) -> AsyncIterator[Harness]:
    """The stand-in and our server, each on a free port, stopped afterwards."""
    standin = standin or await SlackStandIn().start()
    app = build_app(core=core, environ=slack_env(standin, socket_mode=socket_mode), mounts=SLACK_ONLY, scheduler=False)
    app[SENDERS].update(extra_senders or {})
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    session = aiohttp.ClientSession()
    try:
        yield Harness(standin=standin, app=app, base_url=f"http://127.0.0.1:{port}", session=session)
    finally:
        await session.close()
        await runner.cleanup()
        await standin.stop()


def deep(value: Any) -> Any:
    return copy.deepcopy(value)
