"""The reminder Sender and the retry rules, against the stand-in Web API."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import pytest
from slack_sdk.web.async_client import AsyncWebClient

from adapters.refused_credentials import RefusedCredentials
from adapters.slack.sender import RetryPolicy, SlackPoster, SlackSender
from bot.delivery.sending import SendTimedOut, Undeliverable
from bot.messages import Reply
from bot.reminders.passes import SendFailed

from .fake_core import FakeCore
from .harness import BOT_TOKEN, RecordingSleep, running
from .standin import DROPPED, RATE_LIMITED, SERVER_ERROR, Answer, SlackStandIn

REMINDER = Reply(title="Påminnelse: vårmøtet", text="Regionalt vårmøte om 14 dager.", context="Agder · 2027")


@asynccontextmanager
async def sender() -> AsyncIterator[tuple[SlackSender, SlackStandIn, RecordingSleep]]:
    standin = await SlackStandIn().start()
    sleep = RecordingSleep()
    client = AsyncWebClient(token=BOT_TOKEN, base_url=standin.api_url, retry_handlers=[])
    poster = SlackPoster(client=client, policy=RetryPolicy(max_attempts=4, base_delay=1.0), sleep=sleep)
    try:
        yield SlackSender(poster=poster), standin, sleep
    finally:
        await poster.close()
        await standin.stop()


async def test_sender_posts_block_kit_once() -> None:
    async with sender() as (slack, standin, sleep):
        await slack.send(channel_id="C0AGDER", reply=REMINDER)
    (post,) = standin.calls_to("chat.postMessage")
    assert post.body["channel"] == "C0AGDER"
    assert post.body["blocks"][0]["text"]["text"] == "Påminnelse: vårmøtet"
    assert sleep.waits == []


async def test_every_call_shares_one_http_session_and_connection() -> None:
    """Without a shared session `AsyncWebClient` opens (in production: a TLS handshake) and closes a
    connection for every call; the poster gives its client one session for the process's life."""
    async with sender() as (slack, standin, _sleep):
        for n in range(75):
            await slack.send(channel_id=f"C0{n}", reply=REMINDER)
        await slack.poster.client.auth_test()  # the client's own methods share it too
        assert slack.poster.client.session is slack.poster._http()
    assert len(standin.calls_to("chat.postMessage")) == 75
    assert len(standin.connections) == 1


async def test_rate_limit_waits_retry_after_then_posts() -> None:
    async with sender() as (slack, standin, sleep):
        standin.script("chat.postMessage", RATE_LIMITED)
        await slack.send(channel_id="C0AGDER", reply=REMINDER)
    assert len(standin.calls_to("chat.postMessage")) == 2
    assert sleep.waits == [7.0]


@pytest.mark.parametrize("failure", [SERVER_ERROR, DROPPED, Answer(error="service_unavailable")])
async def test_server_errors_and_broken_connections_are_retried_with_backoff(failure: Answer) -> None:
    async with sender() as (slack, standin, sleep):
        standin.script("chat.postMessage", failure, failure)
        await slack.send(channel_id="C0AGDER", reply=REMINDER)
    assert len(standin.calls_to("chat.postMessage")) == 3
    assert sleep.waits == [1.0, 2.0]


async def test_retries_are_bounded_then_send_failed() -> None:
    async with sender() as (slack, standin, sleep):
        standin.script("chat.postMessage", *[SERVER_ERROR] * 10)
        with pytest.raises(SendFailed) as failed:
            await slack.send(channel_id="C0AGDER", reply=REMINDER)
    assert len(standin.calls_to("chat.postMessage")) == 4
    assert sleep.waits == [1.0, 2.0, 4.0]
    assert BOT_TOKEN not in str(failed.value)


async def test_permanent_errors_fail_at_once() -> None:
    async with sender() as (slack, standin, sleep):
        standin.script("chat.postMessage", Answer(error="channel_not_found"))
        with pytest.raises(SendFailed, match="channel_not_found"):
            await slack.send(channel_id="C0GONE", reply=REMINDER)
    assert len(standin.calls_to("chat.postMessage")) == 1 and sleep.waits == []


async def test_a_very_long_retry_after_is_left_to_the_next_pass() -> None:
    async with sender() as (slack, standin, sleep):
        standin.script("chat.postMessage", Answer(status=429, retry_after=3600))
        with pytest.raises(SendFailed):
            await slack.send(channel_id="C0AGDER", reply=REMINDER)
    assert sleep.waits == []


async def test_click_answer_through_a_rate_limited_response_url_still_arrives_once() -> None:
    core = FakeCore()
    async with running(core) as h:
        h.standin.script("response_url:click1", RATE_LIMITED)
        await h.click("signer agder agder 2027")
        await h.settle()
        answers = h.standin.calls_to("response_url:click1")
        waits = h.sleep.waits
    # one refused by the rate limit, then the in-place update and the channel's copy, each once
    assert [a.body["replace_original"] for a in answers] == [True, True, False] and waits == [7.0]
    assert len(core.recorded) == 1


@asynccontextmanager
async def impatient_sender(*, timeout: int = 1) -> AsyncIterator[tuple[SlackSender, SlackStandIn]]:
    """A sender whose client gives up after `timeout` s (a slow Slack, scaled down from 40 s to seconds)."""
    standin = await SlackStandIn().start()
    client = AsyncWebClient(token=BOT_TOKEN, base_url=standin.api_url, retry_handlers=[], timeout=timeout)
    poster = SlackPoster(client=client, policy=RetryPolicy(max_attempts=4, base_delay=0.01))
    try:
        yield SlackSender(poster=poster), standin
    finally:
        await poster.close()
        await standin.stop()


async def test_a_post_answered_too_late_is_looked_up_and_not_sent_again() -> None:
    """chat.postMessage has no idempotency key: a timeout is not retried like a refusal (it went out twice,
    in two runs of two); the post is found by the key in its metadata."""
    async with impatient_sender() as (slack, standin):
        standin.script("chat.postMessage", Answer(delay=2.5))
        await slack.send(channel_id="C0AGDER", reply=REMINDER, key="d-20270201-abc")
        posts = standin.calls_to("chat.postMessage")
        looked = standin.calls_to("conversations.history")
    assert len(posts) == 1 and posts[0].body["metadata"]["event_payload"] == {"key": "d-20270201-abc"}
    assert len(looked) == 1 and looked[0].body["include_all_metadata"] in (True, "true", "1")


async def test_a_lost_post_is_left_uncertain_then_looked_up_before_it_is_tried_again() -> None:
    async with impatient_sender() as (slack, standin):
        standin.script("chat.postMessage", Answer(delay=2.5, lost=True))
        with pytest.raises(SendTimedOut):
            await slack.send(channel_id="C0AGDER", reply=REMINDER, key="k-1")
        assert len(standin.calls_to("chat.postMessage")) == 1  # not repeated blindly
        await slack.send(channel_id="C0AGDER", reply=REMINDER, key="k-1", maybe_posted=True)  # not there: posted
        await slack.send(channel_id="C0AGDER", reply=REMINDER, key="k-1", maybe_posted=True)  # there: not again
        assert len(standin.calls_to("chat.postMessage")) == 2
        assert len(standin.history["C0AGDER"]) == 1


async def test_a_connection_cut_after_slack_took_the_post_is_looked_up_not_posted_again() -> None:
    """A reset once the request went out (walk 34 F1: the digest was posted twice): the post is found by its key."""
    async with sender() as (slack, standin, _sleep):
        standin.script("chat.postMessage", Answer(drop=True, taken=True))
        await slack.send(channel_id="C0AGDER", reply=REMINDER, key="d-20261102-cut")
        assert len(standin.calls_to("chat.postMessage")) == 1
        assert len(standin.calls_to("conversations.history")) == 1
    assert len(standin.history["C0AGDER"]) == 1


async def test_a_connection_cut_before_slack_took_the_post_is_left_uncertain_then_posted_once() -> None:
    async with sender() as (slack, standin, _sleep):
        standin.script("chat.postMessage", DROPPED)
        with pytest.raises(SendTimedOut):
            await slack.send(channel_id="C0AGDER", reply=REMINDER, key="d-20261102-lost")
        assert len(standin.calls_to("chat.postMessage")) == 1  # not repeated blindly
        await slack.send(channel_id="C0AGDER", reply=REMINDER, key="d-20261102-lost", maybe_posted=True)
        await slack.send(channel_id="C0AGDER", reply=REMINDER, key="d-20261102-lost", maybe_posted=True)
    assert len(standin.history["C0AGDER"]) == 1


@pytest.mark.parametrize("status", [500, 502, 504])
async def test_a_gateway_error_after_slack_took_the_post_is_looked_up_before_the_retry(status: int) -> None:
    """A 5xx page from a gateway once Slack had taken the post (walk 34: posted twice): found, not sent again."""
    async with sender() as (slack, standin, _sleep):
        standin.script("chat.postMessage", Answer(status=status, taken=True))
        await slack.send(channel_id="C0AGDER", reply=REMINDER, key="d-20261102-gw")
        assert len(standin.calls_to("chat.postMessage")) == 1
    assert len(standin.history["C0AGDER"]) == 1


async def test_server_errors_with_a_key_are_retried_then_left_uncertain_never_given_up_as_unposted() -> None:
    """Every try answered 500: the post is tried again within the pass (each after a look-up), and then left
    to be looked up before it is sent again (SendTimedOut), since any try may have been taken."""
    async with sender() as (slack, standin, sleep):
        standin.script("chat.postMessage", SERVER_ERROR, SERVER_ERROR)
        await slack.send(channel_id="C0AGDER", reply=REMINDER, key="d-20261102-500")
        assert len(standin.calls_to("chat.postMessage")) == 3 and sleep.waits == [1.0, 2.0]
        standin.script("chat.postMessage", *[SERVER_ERROR] * 10)
        with pytest.raises(SendTimedOut):
            await slack.send(channel_id="C0VESTLAND", reply=REMINDER, key="d-20261102-down")
    assert len(standin.history["C0AGDER"]) == 1 and not standin.history["C0VESTLAND"]


async def test_an_answer_that_is_not_slacks_is_looked_up_not_called_a_refusal() -> None:
    async with sender() as (slack, standin, _sleep):
        standin.script("chat.postMessage", Answer(error=""))  # {"ok": false} with no error: a proxy's answer
        with pytest.raises(SendTimedOut):
            await slack.send(channel_id="C0AGDER", reply=REMINDER, key="d-odd")
        await slack.send(channel_id="C0AGDER", reply=REMINDER, key="d-odd", maybe_posted=True)
    assert len(standin.history["C0AGDER"]) == 1


async def test_a_refused_connection_is_retried_at_once() -> None:
    """Nothing reached Slack, so trying again cannot post twice."""
    standin = await SlackStandIn().start()
    port = standin.api_url.split(":")[2].split("/")[0]
    await standin.stop()
    sleep = RecordingSleep()
    client = AsyncWebClient(token=BOT_TOKEN, base_url=f"http://127.0.0.1:{port}/api/", retry_handlers=[])
    poster = SlackPoster(client=client, policy=RetryPolicy(max_attempts=3, base_delay=1.0), sleep=sleep)
    try:
        with pytest.raises(SendFailed, match="after 3 attempts"):
            await SlackSender(poster=poster).send(channel_id="C0AGDER", reply=REMINDER, key="d-refused")
    finally:
        await poster.close()
    assert sleep.waits == [1.0, 2.0]


async def test_a_channel_that_does_not_exist_is_undeliverable_at_once() -> None:
    async with sender() as (slack, standin, _sleep):
        standin.script("chat.postMessage", Answer(error="channel_not_found"))
        with pytest.raises(Undeliverable, match="channel_not_found"):
            await slack.send(channel_id="C0GONE", reply=REMINDER, key="k-2")
    assert len(standin.calls_to("chat.postMessage")) == 1


async def test_a_call_accepted_again_clears_the_refusal() -> None:
    refused = RefusedCredentials()
    standin = await SlackStandIn().start()
    client = AsyncWebClient(token=BOT_TOKEN, base_url=standin.api_url, retry_handlers=[])
    poster = SlackPoster(client=client, policy=RetryPolicy(max_attempts=2), sleep=RecordingSleep(), refused=refused)
    slack = SlackSender(poster=poster)
    try:
        for error in ("invalid_auth", "missing_scope"):
            standin.script("chat.postMessage", Answer(error=error))
            with pytest.raises(SendFailed, match=error):
                await slack.send(channel_id="C0AGDER", reply=REMINDER, key=f"d-{error}")
            assert refused.current() == {"slack": f"{error} on chat.postMessage"}
        await slack.send(channel_id="C0AGDER", reply=REMINDER, key="d-ok")
        assert refused.current() == {}
        standin.script("chat.postMessage", Answer(error="channel_not_found"))  # one channel's, not the token's
        with pytest.raises(SendFailed):
            await slack.send(channel_id="C0GONE", reply=REMINDER, key="d-gone")
        assert refused.current() == {}
    finally:
        await poster.close()
        await standin.stop()
