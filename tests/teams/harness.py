"""Test plumbing for the Teams adapter: a local Bot Framework connector stand-in and the bot's HTTP
server, both on 127.0.0.1 with free ports, and Teams activities loaded from tests/fixtures/teams/."""

from __future__ import annotations

import asyncio
import copy
import json
import random
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import aiohttp
from aiohttp import web

from adapters.teams import mount_teams
from adapters.teams.app import TeamsRuntime
from adapters.teams.connector import RetryPolicy
from adapters.teams.settings import ENV_APP_ID, ENV_APP_PASSWORD, ENV_OPENID_URL, ENV_TENANT_ID, TeamsSettings

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "teams"


def load_activity(name: str, *, service_url: str) -> dict[str, Any]:
    activity = json.loads((FIXTURES / f"{name}.json").read_text(encoding="utf-8"))
    activity["serviceUrl"] = service_url
    return activity


@dataclass
class Posted:
    conversation_id: str
    reply_to: str | None
    activity: dict[str, Any]

    @property
    def card(self) -> dict[str, Any] | None:
        for attachment in self.activity.get("attachments") or []:
            if attachment.get("contentType") == "application/vnd.microsoft.card.adaptive":
                return attachment["content"]
        return None


@dataclass
class ConnectorStandIn:
    """Answers the connector's /v3/conversations API like Teams would; records what it accepted.

    ``fail_with`` is a queue of statuses to answer before accepting (e.g. [429, 500]); ``rejected``
    counts the refused attempts.
    """

    accepted: list[Posted] = field(default_factory=list)
    updated: list[Posted] = field(default_factory=list)
    """Messages replaced in place (PUT), newest last."""
    fail_with: list[int] = field(default_factory=list)
    rejected: list[int] = field(default_factory=list)
    connections: set[object] = field(default_factory=set)
    """The client end (address, port) of every connection a post came on."""
    runner: web.AppRunner | None = None
    url: str = ""
    roster: dict[str, dict[str, dict[str, Any]]] = field(default_factory=dict)
    """conversation (team or channel) id -> member id -> the account Teams returns (with ``tenantId``)."""
    roster_asked: list[tuple[str, str]] = field(default_factory=list)
    drop: int = 0
    """Posts to take (recorded in ``accepted``) and then answer by dropping the connection: a lost answer."""
    delay: float = 0.0
    """Seconds each post takes to answer once taken (a slow connector: a death mid-post)."""
    garbled: list[int] = field(default_factory=list)
    """Statuses to answer posts with before accepting, each with a text/plain body, as a gateway or proxy in
    front of the connector does (msrest cannot read it, so the status is lost to the SDK)."""

    async def _member(self, request: web.Request) -> web.Response:
        conversation, member = request.match_info["conversation_id"], request.match_info["member_id"]
        self.roster_asked.append((conversation, member))
        found = self.roster.get(conversation, {}).get(member)
        if found is None:
            return web.json_response({"error": {"code": "MemberNotFoundInConversation", "message": "x"}}, status=404)
        return web.json_response(found)

    async def _activities(self, request: web.Request) -> web.Response:
        body = await request.json()
        if request.transport is not None:
            self.connections.add(request.transport.get_extra_info("peername"))
        if self.garbled:
            status = self.garbled.pop(0)
            self.rejected.append(status)
            return web.Response(status=status, text="upstream connect error", content_type="text/plain")
        if self.fail_with:
            status = self.fail_with.pop(0)
            self.rejected.append(status)
            headers = {"Retry-After": "0"} if status == 429 else {}
            return web.json_response({"error": {"code": "Throttled", "message": "x"}}, status=status, headers=headers)
        self.accepted.append(
            Posted(
                conversation_id=request.match_info["conversation_id"],
                reply_to=request.match_info.get("activity_id"),
                activity=body,
            )
        )
        if self.delay:
            await asyncio.sleep(self.delay)
        if self.drop:
            self.drop -= 1
            if request.transport is not None:
                request.transport.abort()  # taken, and the answer never comes back
        return web.json_response({"id": f"sent-{len(self.accepted)}"}, status=201)

    async def _update(self, request: web.Request) -> web.Response:
        body = await request.json()
        if self.fail_with:
            status = self.fail_with.pop(0)
            self.rejected.append(status)
            return web.json_response({"error": {"code": "NotFound", "message": "x"}}, status=status)
        self.updated.append(
            Posted(
                conversation_id=request.match_info["conversation_id"],
                reply_to=request.match_info["activity_id"],
                activity=body,
            )
        )
        return web.json_response({"id": request.match_info["activity_id"]}, status=200)

    async def start(self) -> ConnectorStandIn:
        app = web.Application()
        app.router.add_post("/v3/conversations/{conversation_id}/activities", self._activities)
        app.router.add_post("/v3/conversations/{conversation_id}/activities/{activity_id}", self._activities)
        app.router.add_put("/v3/conversations/{conversation_id}/activities/{activity_id}", self._update)
        app.router.add_get("/v3/conversations/{conversation_id}/members/{member_id}", self._member)
        self.url = await _start(app, self)
        return self

    async def stop(self) -> None:
        if self.runner:
            await self.runner.cleanup()


async def _start(app: web.Application, holder: Any) -> str:
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    holder.runner = runner
    port = site._server.sockets[0].getsockname()[1]
    return f"http://127.0.0.1:{port}"


def all_actions(card: dict[str, Any]) -> list[dict[str, Any]]:
    """Every action on a card: its own row and the one-button rows in the body."""
    found = list(card.get("actions") or [])
    for element in card.get("body") or []:
        if element.get("type") == "ActionSet":
            found.extend(element["actions"])
    return found


def card_texts(card: dict[str, Any]) -> list[str]:
    """Every TextBlock text on a card, in order (containers and columns included)."""
    texts: list[str] = []

    def walk(elements: list[dict[str, Any]]) -> None:
        for element in elements:
            if element.get("type") == "TextBlock":
                texts.append(element["text"])
            walk(element.get("items") or [])
            for column in element.get("columns") or []:
                walk(column.get("items") or [])

    walk(card.get("body") or [])
    return texts


class NoWait:
    """A RetryPolicy sleep that records the delays instead of waiting them."""

    def __init__(self) -> None:
        self.delays: list[float] = []

    async def __call__(self, seconds: float) -> None:
        self.delays.append(seconds)


@dataclass
class BotServer:
    """The Teams route on its own aiohttp app, as `serve` mounts it."""

    core: Any
    settings: TeamsSettings = field(default_factory=TeamsSettings)
    senders: dict[str, Any] = field(default_factory=dict)
    sleeps: NoWait = field(default_factory=NoWait)
    runtime: TeamsRuntime | None = None
    runner: web.AppRunner | None = None
    url: str = ""
    session: aiohttp.ClientSession | None = None

    async def start(self) -> BotServer:
        app = web.Application()
        retry = RetryPolicy(sleep=self.sleeps, rng=random.Random(7))
        environ = {
            ENV_APP_ID: self.settings.app_id,
            ENV_APP_PASSWORD: self.settings.app_password,
            ENV_TENANT_ID: self.settings.tenant_id,
            ENV_OPENID_URL: self.settings.openid_metadata_url,
        }
        self.runtime = mount_teams(app, core=self.core, senders=self.senders, environ=environ, retry=retry)
        self.url = await _start(app, self)
        self.session = aiohttp.ClientSession()
        return self

    async def post(self, activity: dict[str, Any], *, headers: dict[str, str] | None = None) -> int:
        assert self.session is not None
        async with self.session.post(
            f"{self.url}/api/messages", json=copy.deepcopy(activity), headers=headers or {}
        ) as response:
            await response.read()
            return response.status

    async def stop(self) -> None:
        if self.session:
            await self.session.close()
        if self.runner:
            await self.runner.cleanup()
