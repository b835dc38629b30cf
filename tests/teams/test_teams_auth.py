"""Unauthenticated Teams requests cost nothing: every malformed or unverifiable token is a 401 (never a
500 or a traceback), nothing reaches the core, and the signing keys come from a local OpenID stand-in
without blocking the event loop, also when that endpoint hangs."""

from __future__ import annotations

import asyncio
import logging
import time
from typing import Any

import jwt
import pytest

from adapters.teams.auth import CHANNEL_ISSUER
from adapters.teams.settings import TeamsSettings
from tests.teams.fake_core import FakeCore
from tests.teams.harness import BotServer, ConnectorStandIn, load_activity
from tests.teams.openid_standin import KID, OpenIdStandIn

APP_ID = "00000000-0000-0000-0000-0000000b0701"


def _forged(name: str, openid: OpenIdStandIn, service_url: str) -> str | None:
    now = int(time.time())
    good = {"iss": CHANNEL_ISSUER, "aud": APP_ID, "serviceurl": service_url, "exp": now + 3600}
    if name == "none":
        return None
    if name == "garbage":
        return "Bearer ~~~ not.a.token"
    if name == "alg none":
        return "Bearer " + jwt.encode(good, None, algorithm="none", headers={"kid": KID})
    if name == "HS256":
        return "Bearer " + jwt.encode(
            good, "a-shared-secret-that-is-long-enough-for-hs256", algorithm="HS256", headers={"kid": KID}
        )
    if name == "expired":
        return "Bearer " + openid.token(app_id=APP_ID, service_url=service_url, exp=now - 3600, nbf=now - 7200)
    if name == "wrong audience":
        return "Bearer " + openid.token(app_id="someone-else", service_url=service_url)
    if name == "unknown kid":
        return "Bearer " + openid.token(app_id=APP_ID, service_url=service_url, headers={"kid": "nobody"})
    if name == "no kid":
        return "Bearer " + openid.token(app_id=APP_ID, service_url=service_url, headers={})
    if name == "wrong issuer":
        return "Bearer " + openid.token(app_id=APP_ID, service_url=service_url, iss="https://evil.example")
    if name == "huge":
        return "Bearer " + "a" * 8100
    raise AssertionError(name)


MATRIX = [
    "none",
    "garbage",
    "alg none",
    "HS256",
    "expired",
    "wrong audience",
    "unknown kid",
    "no kid",
    "wrong issuer",
    "huge",
]


async def _servers(*, hang: bool = False) -> tuple[OpenIdStandIn, ConnectorStandIn, BotServer, FakeCore]:
    openid = await OpenIdStandIn(hang=hang).start()
    connector = await ConnectorStandIn().start()
    settings = TeamsSettings(app_id=APP_ID, app_password="s", tenant_id="t", openid_metadata_url=openid.metadata_url)
    core = FakeCore()
    server = await BotServer(core=core, settings=settings).start()
    return openid, connector, server, core


def test_the_refused_token_matrix_is_all_401_and_costs_one_key_fetch(run, caplog) -> None:
    caplog.set_level(logging.INFO)

    async def body() -> dict[str, Any]:
        openid, connector, server, core = await _servers()
        try:
            statuses = {}
            for name in MATRIX:
                activity = load_activity("channel_message_mention", service_url=connector.url)
                auth = _forged(name, openid, connector.url)
                statuses[name] = await server.post(activity, headers={"Authorization": auth} if auth else None)
            return {"statuses": statuses, "fetches": openid.metadata_requests, "core": core, "connector": connector}
        finally:
            await server.stop()
            await connector.stop()
            await openid.stop()

    result = run(body())
    assert result["statuses"] == dict.fromkeys(MATRIX, 401)
    assert result["fetches"] == 1  # unknown kids do not refetch on every request
    assert result["core"].requests == [] and result["connector"].accepted == []
    assert "Traceback" not in caplog.text and "a-shared-secret-that-is-long-enough-for-hs256" not in caplog.text
    refusals = [r for r in caplog.records if "refused POST /api/messages" in r.getMessage()]
    assert len(refusals) == len(MATRIX)


def test_a_token_signed_by_the_channel_passes_the_gate_and_the_sdk(run) -> None:
    async def body() -> tuple[int, int, list[Any]]:
        openid, connector, server, _core = await _servers()
        try:
            # A conversation update needs no reply (a reply would need a real AAD token for the bot).
            activity = load_activity("conversation_update_bot_added", service_url=connector.url)
            activity.pop("membersAdded", None)
            auth = "Bearer " + openid.token(app_id=APP_ID, service_url=connector.url)
            status = await server.post(activity, headers={"Authorization": auth})
            wrong_service = "Bearer " + openid.token(app_id=APP_ID, service_url="https://evil.example/")
            refused = await server.post(activity, headers={"Authorization": wrong_service})
            return status, refused, server.runtime.book.keys()
        finally:
            await server.stop()
            await connector.stop()
            await openid.stop()

    status, refused, remembered = run(body())
    assert status in (200, 201)
    assert refused == 401  # the SDK's own check (service URL claim) still runs, on our keys
    assert remembered  # the turn ran: the conversation was remembered


def test_a_hanging_key_endpoint_stalls_nothing_and_ends_in_401(run) -> None:
    async def body() -> tuple[int, int, int]:
        openid, connector, server, _core = await _servers(hang=True)
        assert server.runtime is not None and server.runtime.gate is not None
        server.runtime.gate.timeout = 0.5
        try:
            activity = load_activity("channel_message_mention", service_url=connector.url)
            auth = {"Authorization": "Bearer " + openid.token(app_id=APP_ID, service_url=connector.url)}
            waiting = asyncio.create_task(server.post(activity, headers=auth))
            await openid.requested.wait()
            # While the refresh hangs, the loop serves other requests (here: a refusal that needs no keys).
            assert not waiting.done()
            other = await server.post(activity)
            assert not waiting.done()
            return other, await waiting, openid.metadata_requests
        finally:
            await server.stop()
            await connector.stop()
            await openid.stop()

    other, waited, fetches = run(body())
    assert other == 401 and waited == 401 and fetches == 1


@pytest.mark.parametrize("raw", [b"{", b"[]", b'{"type": 5}', b"\xff\xfe"])
def test_an_authenticated_request_with_a_malformed_body_is_400(run, raw: bytes) -> None:
    async def body() -> int:
        openid, connector, server, _core = await _servers()
        try:
            assert server.session is not None
            auth = "Bearer " + openid.token(app_id=APP_ID, service_url=connector.url)
            async with server.session.post(
                f"{server.url}/api/messages",
                data=raw,
                headers={"Authorization": auth, "Content-Type": "application/json"},
            ) as response:
                return response.status
        finally:
            await server.stop()
            await connector.stop()
            await openid.stop()

    assert run(body()) == 400


HOSTILE = [
    {"type": "message"},
    {"conversation": "x"},
    {"text": 5},
    {"entities": "x"},
    {"entities": [{"type": "mention", "text": 5, "mentioned": "x"}]},
    {"value": {"samhandling": {"command": 5}}},
    {
        "value": {"samhandling": {"command": "signer IN agder 2026", "origin": "referat vår forfalsket"}},
        "replyToId": "1",
    },
    {"attachments": [{"contentType": "text/html", "content": 5}]},
    {"attachments": "x"},
    {"from": None},
    {"recipient": None},
    {"channelData": "x"},
    {"text": "<at>Samhandling</at> " + "a\n" * 50000},
]


@pytest.mark.parametrize("change", HOSTILE, ids=[str(n) for n in range(len(HOSTILE))])
def test_hostile_activities_never_get_a_500(run, change: dict[str, Any]) -> None:
    core = FakeCore()

    async def body() -> int:
        connector = await ConnectorStandIn().start()
        server = await BotServer(core=core).start()
        try:
            activity = dict(load_activity("channel_message_mention", service_url=connector.url), **change)
            return await server.post(activity)
        finally:
            await server.stop()
            await connector.stop()

    assert run(body()) in (200, 201, 400)
    # A forged "origin" naming a command that writes is never run to refresh a card.
    assert all(not r.text.startswith("referat") for r in core.requests)
