"""Fixbf 6: a Teams outage (the connector answering 5xx, or not at all, past a call's retries) was not marked on
/healthz the way a Slack outage is (`adapters.platform_outage`). Now both platforms alike: «degraded» naming
Teams and what it met, and «ok» again once a call goes through; a refusal of one post (403) is no outage."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import pytest

from adapters.health import health_report
from bot.delivery.sending import SendFailed, SendHeld
from bot.messages import Reply
from bot.state.integrity import HistoryCheck
from tests.teams.fake_core import FakeCore
from tests.teams.harness import BotServer, ConnectorStandIn, load_activity

REMINDER = Reply(title="Påminnelse", text="Regionalt vårmøte om 14 dager.")
CHANNEL = "19:nasjonal@thread.tacv2"


def _report(core: FakeCore) -> dict[str, object]:
    return health_report(core=core, history=HistoryCheck(), senders={})[0]


@asynccontextmanager
async def _served(core: FakeCore) -> AsyncIterator[tuple[BotServer, ConnectorStandIn]]:
    """The Teams server on `core` with the bot added to `CHANNEL`, and the connector stand-in it posts to."""
    connector = await ConnectorStandIn().start()
    server = await BotServer(core=core).start()
    assert server.runtime is not None
    try:
        await server.post(load_activity("conversation_update_bot_added", service_url=connector.url))
        yield server, connector
    finally:
        await server.stop()
        await connector.stop()


def test_a_connector_outage_is_named_on_healthz_until_a_post_goes_through(run) -> None:
    core = FakeCore()

    async def body() -> list[dict[str, object]]:
        async with _served(core) as (server, connector):
            assert server.runtime is not None
            seen = [_report(core)]
            connector.fail_with = [403]  # one channel's refusal: no outage
            with pytest.raises(SendFailed):
                await server.runtime.sender.send(channel_id=CHANNEL, reply=REMINDER)
            seen.append(_report(core))
            connector.fail_with = [503] * server.runtime.retry.attempts
            with pytest.raises(SendFailed):
                await server.runtime.sender.send(channel_id=CHANNEL, reply=REMINDER)
            seen.append(_report(core))
            await server.runtime.sender.send(channel_id=CHANNEL, reply=REMINDER)
            seen.append(_report(core))
            return seen

    first, refused, down, up = run(body())
    assert first["status"] == "ok" and refused["status"] == "ok" and "outage" not in refused, refused
    assert down["status"] == "degraded" and set(down["outage"]) == {"teams"}, down  # type: ignore[arg-type]
    assert "503" in down["outage"]["teams"], down  # type: ignore[index]
    assert up["status"] == "ok" and "outage" not in up, up


def test_a_held_rate_limit_is_named_on_healthz_until_a_post_goes_through(run) -> None:
    """Walk 40: a 429 past the retries holds every post (`SendHeld`) and now shows on /healthz as well."""
    core = FakeCore()

    async def body() -> list[dict[str, object]]:
        async with _served(core) as (server, connector):
            assert server.runtime is not None
            connector.fail_with = [429] * server.runtime.retry.attempts
            with pytest.raises(SendHeld):
                await server.runtime.sender.send(channel_id=CHANNEL, reply=REMINDER)
            held = _report(core)
            await server.runtime.sender.send(channel_id=CHANNEL, reply=REMINDER)
            return [held, _report(core)]

    held, lifted = run(body())
    assert held["status"] == "degraded" and set(held["rate_limited"]) == {"teams"}, held  # type: ignore[arg-type]
    assert "429" in held["rate_limited"]["teams"] and "outage" not in held, held  # type: ignore[index]
    assert lifted["status"] == "ok" and "rate_limited" not in lifted, lifted
