"""Walk15b N4: a person who edits a message to the bot (Teams `messageUpdate`, eventType «editMessage») to
fix a typo is told, in their written form, that edits are not read and to send the command again; nothing
changes. Teams sends edits to bots through this activity (the SDK's `on_teams_message_edit`)."""

from __future__ import annotations

from datetime import datetime

import pytest

from adapters.compose import make_core
from bot.clock import FixedClock
from bot.model.config import load_config
from storage.memory import MemoryStore
from tests.teams.harness import BotServer, ConnectorStandIn, load_activity
from tests.teams.test_teams_real_core import APP_YAML

CASES = {
    "nb": ("channel_message_mention", "<at>Samhandling</at> dato høst 12. november kl 10", "Jeg leser ikke endrede"),
    "nn": ("personal_message", "dato høst 12. november kl 10", "Eg les ikkje endra"),
}


@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_an_edited_message_is_answered_not_read(run, lang: str) -> None:
    fixture, text, words = CASES[lang]
    core = make_core(
        config=load_config(str(APP_YAML)), store=MemoryStore(), clock=FixedClock(datetime(2026, 9, 14, 10, 0))
    )
    before = {name: core.store.read(name) for name in core.store.partitions("")}

    async def body() -> list[str]:
        connector = await ConnectorStandIn().start()
        server = await BotServer(core=core).start()
        try:
            activity = load_activity(fixture, service_url=connector.url)
            activity["type"] = "messageUpdate"
            activity["text"] = text
            activity["channelData"] = dict(activity.get("channelData") or {}, eventType="editMessage")
            assert await server.post(activity) in (200, 201)
            return [posted.activity.get("text") or "" for posted in connector.accepted]
        finally:
            await server.stop()
            await connector.stop()

    posted = run(body())
    assert len(posted) == 1 and words in posted[0], posted
    assert {name: core.store.read(name) for name in core.store.partitions("")} == before
