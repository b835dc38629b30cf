"""Walk 27 F10: a modal whose private_metadata is not ours (not JSON, a list, no command or channel) is
refused in the modal («Skjemaet er ugyldig; åpne det på nytt»), not answered with the help text posted as
an ephemeral to channel ""; the core runs nothing."""

from __future__ import annotations

import json

import pytest

from .fake_core import FakeCore
from .harness import fixture, running


@pytest.mark.parametrize(
    "meta", ["not json", "[1, 2]", json.dumps({"channel": "C0AGDER"}), json.dumps({"command": "neste"})]
)
async def test_a_form_with_foreign_metadata_is_refused_in_the_modal(meta: str) -> None:
    core = FakeCore()
    async with running(core) as h:
        payload = fixture("view_submission")
        payload["view"]["private_metadata"] = meta
        answer = await h.interact(payload)
        await h.settle()
        posted = h.standin.calls_to("chat.postEphemeral") + h.standin.calls_to("chat.postMessage")
    assert answer.status == 200
    body = answer.json()
    assert body["response_action"] in ("errors", "update")
    assert "Skjemaet er ugyldig; åpne det på nytt." in json.dumps(body, ensure_ascii=False)
    assert posted == [] and core.requests == []
