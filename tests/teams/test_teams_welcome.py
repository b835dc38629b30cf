"""The greeting when the bot is added (issue 18, «Surfaces»): the placeholder in «koble region <navn>» is
written so Teams shows it, in the card and in its fallback text (which Teams reads as markdown too), in a
channel, in a personal chat and in nynorsk. Over HTTP through the real SDK, on the real core."""

from __future__ import annotations

import json
from typing import Any

import pytest

from bot.core import Core
from tests.teams.harness import BotServer, ConnectorStandIn, load_activity
from tests.teams.test_teams_surfaces import make


def _welcome(run, core: Core, *, personal: bool = False) -> dict[str, Any]:
    async def body() -> dict[str, Any]:
        connector = await ConnectorStandIn().start()
        server = await BotServer(core=core).start()
        try:
            activity = load_activity("conversation_update_bot_added", service_url=connector.url)
            if personal:
                activity["conversation"] = {"conversationType": "personal", "id": "a:1Zp0example-personal-chat"}
                activity["channelData"] = {"tenant": activity["channelData"]["tenant"]}
            assert await server.post(activity) in (200, 201)
            (posted,) = connector.accepted
            assert posted.card is not None
            return posted.card
        finally:
            await server.stop()
            await connector.stop()

    return run(body())


@pytest.mark.parametrize("personal", [False, True])
def test_the_welcome_card_shows_the_placeholder(run, personal: bool) -> None:
    card = _welcome(run, make(), personal=personal)
    body = json.dumps(card["body"], ensure_ascii=False)
    assert "koble region &lt;navn&gt;" in body, body
    assert "<navn>" not in body
    assert "koble region &lt;navn&gt;" in card["fallbackText"] and "<" not in card["fallbackText"]


def test_the_nynorsk_welcome_card_shows_the_placeholder(run, monkeypatch: pytest.MonkeyPatch) -> None:
    core = make()
    monkeypatch.setattr(core, "channel_lang", lambda *, platform, channel_id: "nn")
    card = _welcome(run, core)
    body = json.dumps(card["body"], ensure_ascii=False)
    assert "Eg held årshjulet" in body
    assert "&lt;namn&gt;" in body and "<namn>" not in body
    assert "<" not in card["fallbackText"]
