"""Walk 34 F2 (the rest): through a Slack outage of minutes (every call answered 5xx, or no connection, past a
call's retries) /healthz said «ok» while every reminder waited. It now says «degraded» naming Slack and what it
met, and «ok» again once a call goes through; a refusal of one channel or a rate limit is no outage. Driven as
the server runs: the real Slack SDK against the stand-in Web API over HTTP on 127.0.0.1, /healthz over HTTP."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import aiohttp
import pytest
from aiohttp import web

from adapters.server import SENDERS, build_app
from adapters.slack.sender import RetryPolicy, SlackSender
from bot.delivery.sending import SendFailed, SendHeld
from bot.messages import Reply

from .fake_core import FakeCore
from .harness import slack_env
from .standin import SERVER_ERROR, Answer, SlackStandIn

REMINDER = Reply(title="Påminnelse: vårmøtet", text="Regionalt vårmøte om 14 dager.", context="Agder · 2027")


@asynccontextmanager
async def served() -> AsyncIterator[tuple[SlackSender, SlackStandIn, str]]:
    standin = await SlackStandIn().start()
    app = build_app(
        core=FakeCore(), environ=slack_env(standin), mounts=("adapters.slack:mount_slack",), scheduler=False
    )
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    sender = app[SENDERS]["slack"]
    assert isinstance(sender, SlackSender)
    sender.poster.policy = RetryPolicy(max_attempts=3, base_delay=0.01)
    try:
        yield sender, standin, f"http://127.0.0.1:{port}/healthz"
    finally:
        await runner.cleanup()
        await standin.stop()


async def _health(url: str) -> dict[str, object]:
    async with aiohttp.ClientSession() as session, session.get(url) as answer:
        return dict(await answer.json())


@pytest.mark.parametrize(
    ("failure", "reason"),
    [
        (SERVER_ERROR, "HTTP 500"),
        (Answer(status=503), "HTTP 503"),
        (Answer(error="service_unavailable"), "HTTP 200 service_unavailable"),
    ],
)
async def test_an_outage_is_named_on_healthz_until_a_call_goes_through(
    failure: Answer, reason: str, caplog: pytest.LogCaptureFixture
) -> None:
    async with served() as (slack, standin, healthz):
        assert (await _health(healthz))["status"] == "ok"
        standin.script("chat.postMessage", *[failure] * 20)
        for key in ("d-agder", "d-vestland"):
            with pytest.raises(SendFailed):  # kept: the next pass tries again (looked up first)
                await slack.send(channel_id="C0AGDER", reply=REMINDER, key=key)
        down = await _health(healthz)
        assert down["status"] == "degraded"
        assert isinstance(down["outage"], dict) and set(down["outage"]) == {"slack"}
        assert str(down["outage"]["slack"]).startswith(reason) and "chat.postMessage" in down["outage"]["slack"]
        said = [r for r in caplog.records if "does not answer" in r.getMessage()]
        assert len(said) == 1 and said[0].levelno == logging.ERROR  # once, not per post
        standin._script["chat.postMessage"].clear()
        await slack.send(channel_id="C0AGDER", reply=REMINDER, key="d-agder", maybe_posted=True)
        up = await _health(healthz)
        assert up["status"] == "ok" and "outage" not in up
        assert any("answers again" in r.getMessage() for r in caplog.records)


@pytest.mark.parametrize("answer", [Answer(error="not_in_channel"), Answer(status=429, retry_after=100000)])
async def test_one_channel_refused_or_a_long_rate_limit_is_no_outage(answer: Answer) -> None:
    async with served() as (slack, standin, healthz):
        standin.script("chat.postMessage", answer)
        with pytest.raises(SendFailed):
            await slack.send(channel_id="C0AGDER", reply=REMINDER, key="d-one")
        assert "outage" not in await _health(healthz)


async def test_a_held_rate_limit_is_named_on_healthz_until_a_call_goes_through() -> None:
    """Walk 40: a 429 with a long Retry-After holds every post (`SendHeld`) and now shows on /healthz too."""
    async with served() as (slack, standin, healthz):
        standin.script("chat.postMessage", Answer(status=429, retry_after=100000))
        with pytest.raises(SendHeld):
            await slack.send(channel_id="C0AGDER", reply=REMINDER, key="d-one")
        held = await _health(healthz)
        await slack.send(channel_id="C0AGDER", reply=REMINDER, key="d-two")
        lifted = await _health(healthz)
    assert held["status"] == "degraded" and isinstance(held["rate_limited"], dict), held
    assert set(held["rate_limited"]) == {"slack"} and "outage" not in held, held
    assert lifted["status"] == "ok" and "rate_limited" not in lifted, lifted
