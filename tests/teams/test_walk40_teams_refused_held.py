"""The Bot Framework connector answering 401 (the bot's app credentials refused: a rotated secret), 429 or
503 past the retries, over real HTTP (walk 40): no channel's fault, so an announcement waits without
counting a try (`SendHeld`), as a revoked Slack token's does, instead of being given up after five tries; a
403 stays «gone for good», a 400 a failed try."""

from __future__ import annotations

import pytest

from bot.delivery.sending import SendFailed, SendHeld, Undeliverable
from bot.messages import Reply
from tests.teams.test_teams_delivery_states import AGDER, _teams
from tests.teams.test_teams_real_core import _core


@pytest.mark.parametrize(
    ("status", "raised"), [(401, SendHeld), (429, SendHeld), (503, SendHeld), (403, Undeliverable), (400, SendFailed)]
)
def test_a_refused_bot_is_held_and_a_removed_bot_is_gone(run, status: int, raised: type[Exception]) -> None:
    async def body() -> type[Exception]:
        async with _teams(_core(), AGDER) as (connector, server):
            connector.fail_with = [status] * 10
            assert server.runtime is not None
            try:
                await server.runtime.sender.send(channel_id=AGDER, reply=Reply(title="Test", text="Test"))
            except Exception as error:  # the kind is what is tested
                return type(error)
            return type(None)

    assert run(body()) is raised
