"""Real Bolt over HTTP on 127.0.0.1, with a fake core: the adapter's own mechanics."""

from __future__ import annotations

import json
import logging
import time

import pytest

from bot.messages import Delivery
from bot.pipeline.repeats import Deliveries

from .fake_core import FakeCore, RecordingSender
from .harness import BOT_TOKEN, SIGNING_SECRET, fixture, running
from .standin import SERVER_ERROR


async def test_read_only_command_is_answered_in_the_ack_to_the_asker_alone() -> None:
    core = FakeCore()
    async with running(core) as h:
        answer = await h.slash("neste")
        await h.settle()
    body = answer.json()
    assert answer.status == 200
    assert body["response_type"] == "ephemeral"
    assert body["blocks"][0]["text"]["text"] == "Neste for Agder"
    assert body["blocks"][-1]["type"] == "context"
    request = core.requests[0]
    assert (request.platform, request.user_id, request.channel_id, request.text) == (
        "slack",
        "U0KARI",
        "C0AGDER",
        "neste",
    )
    assert request.user_name == "kari"
    assert not h.standin.calls_to("chat.postMessage")


async def test_recorded_change_shows_in_channel_and_is_announced_on_every_platform() -> None:
    core = FakeCore()
    teams = RecordingSender("teams")
    async with running(core, extra_senders={"teams": teams}) as h:
        answer = await h.slash("signer agder agder 2027")
        await h.settle()
        posts = h.standin.calls_to("chat.postMessage")
    assert answer.json()["response_type"] == "in_channel"
    # the asker's channel already shows the reply; the national channel gets the announcement
    assert [p.body["channel"] for p in posts] == ["C0NASJONAL"]
    assert posts[0].headers["Authorization"] == f"Bearer {BOT_TOKEN}"
    assert posts[0].body["blocks"][0]["type"] == "header"
    assert [channel for channel, _ in teams.sent] == ["19:nasjonal@thread.tacv2"]


async def test_user_mentions_reach_the_core_as_neutral_tokens() -> None:
    core = FakeCore()
    async with running(core) as h:
        await h.slash("person <@U0PER|per> vestland koordinator")
    assert core.requests[0].text == "person <@U0PER> vestland koordinator"
    assert [(m.user_id, m.display) for m in core.requests[0].mentions] == [("U0PER", "per")]


@pytest.mark.parametrize(
    "tamper",
    ["forged", "stale", "unsigned", "wrong-secret"],
)
async def test_bad_signatures_are_refused_and_change_nothing(tamper: str) -> None:
    core = FakeCore()
    async with running(core) as h:
        body = h.slash_body("signer agder agder 2027")
        content_type = "application/x-www-form-urlencoded"
        if tamper == "forged":
            answer = await h.post(body, content_type=content_type, headers={"X-Slack-Signature": "v0=" + "0" * 64})
        elif tamper == "stale":
            answer = await h.post(body, content_type=content_type, timestamp=int(time.time()) - 6 * 60)
        elif tamper == "unsigned":
            answer = await h.post(body, content_type=content_type, signed=False)
        else:
            answer = await h.post(body, content_type=content_type, secret="not-" + SIGNING_SECRET)
        await h.settle()
    assert answer.status == 401
    assert core.requests == [] and core.recorded == []
    assert not h.standin.calls_to("chat.postMessage")


async def test_button_click_runs_the_command_as_the_clicker_and_double_click_records_once() -> None:
    core = FakeCore()
    async with running(core) as h:
        first = await h.click("signer agder agder 2027", user="U0KARI")
        second = await h.click("signer agder agder 2027", user="U0KARI")  # same message, same button
        await h.settle()
        responses = [c for c in h.standin.calls if c.method.startswith("response_url:")]
        posts = h.standin.calls_to("chat.postMessage")
    assert (first.status, second.status) == (200, 200)
    assert len(core.recorded) == 1
    request = core.recorded[0]
    assert (request.user_id, request.text) == ("U0KARI", "signer agder agder 2027")
    assert request.request_id and request.request_id.startswith("slack:action:C0AGDER:1767000000.000100")
    # the clicked (ephemeral) message is updated in place, and the channel is told once
    assert [r.body["replace_original"] for r in responses] == [True, False]
    assert "✅ Registrert – <@U0KARI>" in str(responses[0].body["blocks"])
    assert "actions" not in [b["type"] for b in responses[0].body["blocks"]]
    assert responses[1].body["response_type"] == "in_channel"
    assert [p.body["channel"] for p in posts] == ["C0NASJONAL"]


async def test_buttons_render_with_confirm_dialog_in_the_ack() -> None:
    async with running(FakeCore()) as h:
        answer = await h.slash("knapp")
    button = answer.json()["blocks"][-1]["elements"][0]
    assert button["value"] == "signer agder agder 2027"
    assert button["confirm"]["text"]["text"] == "Signere avtalen 2027?"


async def test_form_opens_a_modal_and_submission_records_with_fields() -> None:
    core = FakeCore()
    async with running(core) as h:
        answer = await h.slash("referat regional-spring", trigger="trig-42")
        opened = await h.standin.wait_for("views.open")
        view = opened[0].body["view"]
        submitted = await h.submit("referat regional-spring", {"summary": "Gjennomgått.", "link": ""})
        await h.settle()
        ephemeral_or_public = h.standin.calls_to("chat.postMessage")
    assert answer.status == 200 and answer.text == ""
    assert opened[0].body["trigger_id"] == "trig-42.referat regional-spring"
    assert json.loads(view["private_metadata"]) == {
        "channel": "C0AGDER",
        "command": "referat regional-spring",
        "user": "U0KARI",
    }
    assert submitted.status == 200 and submitted.text == ""  # an empty ack closes the modal
    request = core.recorded[0]
    assert (request.text, dict(request.fields)) == ("referat regional-spring", {"summary": "Gjennomgått."})
    # the recorded minutes are posted in the channel they were asked from, and announced nationally
    assert sorted(p.body["channel"] for p in ephemeral_or_public) == ["C0AGDER", "C0NASJONAL"]


async def test_refused_submission_keeps_the_modal_and_its_inputs_and_can_be_resubmitted() -> None:
    core = FakeCore()
    async with running(core) as h:
        refused = await h.submit("referat regional-spring", {"summary": "nekt"})
        accepted = await h.submit("referat regional-spring", {"summary": "Nå med innhold."})
        await h.settle()
    # response_action: errors keeps the open modal (and what was typed); the message sits under an input
    assert refused.json() == {"response_action": "errors", "errors": {"summary": "Referatet mangler."}}
    assert accepted.text == "" and len(core.recorded) == 1


async def test_event_retries_are_answered_once() -> None:
    core = FakeCore()
    async with running(core) as h:
        payload = fixture("event_app_mention")
        payload["event"]["text"] = "<@U0SAMBOT> neste"
        first = await h.event(payload)
        retry = await h.event(payload, retry_num=1)
        await h.settle()
        ephemerals = h.standin.calls_to("chat.postEphemeral")
    assert (first.status, retry.status) == (200, 200)
    assert len(core.requests) == 1 and core.requests[0].text == "neste"
    assert len(ephemerals) == 1
    assert (ephemerals[0].body["channel"], ephemerals[0].body["user"]) == ("C0VESTLAND", "U0PER")


async def test_the_adapter_leaves_redelivery_to_the_core() -> None:
    """The one check is the pipeline's (`bot.pipeline.repeats`): with a core that forgets every delivery at
    once, a retried event reaches it twice, so the adapter keeps no memory of its own."""
    core = FakeCore()
    core.deliveries = Deliveries(remember=0)
    async with running(core) as h:
        payload = fixture("event_app_mention")
        payload["event"]["text"] = "<@U0SAMBOT> neste"
        await h.event(payload)
        await h.event(payload, retry_num=1)
        await h.settle()
    assert [r.text for r in core.requests] == ["neste", "neste"]
    assert {r.delivery for r in core.requests} == {Delivery(id="slack:event:" + payload["event_id"])}


async def test_url_verification_and_healthz() -> None:
    async with running(FakeCore()) as h:
        challenge = await h.post(json.dumps(fixture("url_verification")), content_type="application/json")
        health = await h.get("/healthz")
    assert challenge.json()["challenge"] == fixture("url_verification")["challenge"]
    assert health.status == 200 and health.json() == {"status": "ok", "platforms": ["slack"]}


async def test_a_core_crash_is_a_polite_reply_and_secrets_never_leak(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    async with running(FakeCore()) as h:
        answer = await h.slash("feil")
        h.standin.script("chat.postMessage", SERVER_ERROR)
        await h.slash("signer agder agder 2027")
        await h.settle()
        health = await h.get("/healthz")
    assert answer.status == 200 and answer.json()["blocks"][0]["text"]["text"].startswith("⚠️")
    everything = caplog.text + answer.text + health.text
    assert BOT_TOKEN not in everything and SIGNING_SECRET not in everything


async def test_a_click_that_recorded_nothing_can_be_clicked_again() -> None:
    core = FakeCore()
    async with running(core) as h:
        await h.click("neste")
        await h.click("neste")
        await h.settle()
        answers = [c for c in h.standin.calls if c.method.startswith("response_url:")]
    assert [r.text for r in core.requests] == ["neste", "neste"]
    assert [a.body["response_type"] for a in answers] == ["ephemeral", "ephemeral"]


async def test_a_click_without_response_url_updates_the_message_with_chat_update() -> None:
    core = FakeCore()
    message = {
        "type": "message",
        "ts": "1767000000.000100",
        "text": "Klar til signering",
        "blocks": [
            {"type": "header", "text": {"type": "plain_text", "text": "Klar til signering"}},
            {
                "type": "actions",
                "elements": [
                    {
                        "type": "button",
                        "action_id": "samhandling_btn_0",
                        "value": "signer agder agder 2027",
                        "style": "primary",
                        "text": {"type": "plain_text", "text": "Signer for Agder"},
                    },
                    {
                        "type": "button",
                        "action_id": "samhandling_btn_1",
                        "value": "signer IN agder 2027",
                        "text": {"type": "plain_text", "text": "Signer for IN"},
                    },
                ],
            },
        ],
    }
    async with running(core) as h:
        await h.click("signer agder agder 2027", message=message, with_response_url=False)
        await h.settle()
        (update,) = h.standin.calls_to("chat.update")
        posts = h.standin.calls_to("chat.postMessage")
    assert (update.body["channel"], update.body["ts"]) == ("C0AGDER", "1767000000.000100")
    buttons = [e for b in update.body["blocks"] if b["type"] == "actions" for e in b["elements"]]
    assert [(e["text"]["text"], e.get("style")) for e in buttons] == [("Signer for IN", "primary")]
    assert "✅ Registrert – <@U0KARI>" in str(update.body["blocks"])
    assert [p.body["channel"] for p in posts] == ["C0NASJONAL"]  # no second top-level message in C0AGDER
