"""Socket Mode: apps.connections.open hands out the stand-in's ws:// address; envelopes come over it."""

from __future__ import annotations

from .fake_core import FakeCore
from .harness import APP_TOKEN, fixture, running


async def test_slash_command_and_click_over_socket_mode() -> None:
    core = FakeCore()
    async with running(core, socket_mode=True) as h:
        (opened,) = h.standin.calls_to("apps.connections.open")
        assert opened.headers["Authorization"] == f"Bearer {APP_TOKEN}"
        no_http = await h.post("{}", content_type="application/json")  # no HTTP route in Socket Mode

        command = {**fixture("slash_command"), "text": "neste"}
        ack = await h.standin.send_envelope(
            {"envelope_id": "env-1", "type": "slash_commands", "accepts_response_payload": True, "payload": command}
        )
        click = fixture("block_actions")
        click["response_url"] = h.standin.response_url("socket-click")
        click_ack = await h.standin.send_envelope(
            {"envelope_id": "env-2", "type": "interactive", "accepts_response_payload": True, "payload": click}
        )
        await h.settle()
        responded = h.standin.calls_to("response_url:socket-click")

    assert no_http.status == 404
    assert ack["payload"]["response_type"] == "ephemeral"
    assert ack["payload"]["blocks"][0]["text"]["text"] == "Neste for Agder"
    assert click_ack == {"envelope_id": "env-2"}
    assert [r.text for r in core.requests] == ["neste", "signer agder agder 2027"]
    assert [r.body["replace_original"] for r in responded] == [True, False]
    assert responded[1].body["response_type"] == "in_channel"
