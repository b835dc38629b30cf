"""Teams while the store does not answer: the turn still reaches the core, which answers «prøv igjen»
(the conversation is remembered with the next message), instead of the SDK's bare error."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

from storage.base import StoreError
from tests.teams.harness import BotServer, ConnectorStandIn, card_texts, load_activity
from tests.teams.test_teams_real_core import _core


def _failing_while(store: Any, down: dict[str, bool]) -> None:
    for name in ("read", "read_versioned", "version", "update", "rows", "record_once"):
        real = getattr(store, name)

        def failing(*args: Any, _real: Callable[..., Any] = real, **kwargs: Any) -> Any:
            if down["on"]:
                raise StoreError("PostgreSQL (test) is not answering", kind="unavailable")
            return _real(*args, **kwargs)

        setattr(store, name, failing)


def test_a_teams_message_while_the_store_is_away_gets_try_again() -> None:
    core = _core()
    down = {"on": True}
    _failing_while(core.store, down)

    async def body() -> list[str]:
        connector = await ConnectorStandIn().start()
        server = await BotServer(core=core).start()
        try:
            ask = load_activity("channel_message_mention", service_url=connector.url)
            ask["text"] = "<at>Samhandling</at> status agder 2026"
            ask["conversation"]["id"] = "19:new@thread.tacv2"
            assert await server.post(ask) == 201
            down["on"] = False
            ask["id"] = "second"
            assert await server.post(ask) == 201  # back: answered, and the conversation remembered
            return [" ".join(card_texts(p.card)) for p in connector.accepted if p.card]
        finally:
            await server.stop()
            await connector.stop()

    first, second = asyncio.run(body())
    assert "Prøv igjen om litt" in first and "Lagringen svarer ikke" in first
    assert second.startswith("Status Agder fylkeskommune")
    assert "19:new@thread.tacv2" in core.store.read("teams/conversations")["references"]
