"""walk 20 F-j: the Teams failure text is in the channel's written form (it was always bokmål), and the card's
stamp writes the time as everything else does («kl. 09.30», tests/teams/test_teams_real_core.py)."""

from __future__ import annotations

import asyncio
from types import SimpleNamespace
from typing import Any

import pytest
from botbuilder.schema import Activity, ConversationAccount

from adapters.teams.app import TeamsRuntime
from bot.messages import Request
from tests.driver import make_bot, oslo

ADMIN_TEAMS = "11111111-0000-0000-0000-000000000009"


@pytest.mark.parametrize(
    ("region", "expected"),
    [
        ("vestland", "Orsak, noko gjekk gale. Prøv igjen om litt."),
        ("agder", "Beklager, noe gikk galt. Prøv igjen om litt."),
    ],
)
def test_the_failure_text_is_in_the_channels_written_form(region: str, expected: str) -> None:
    bot = make_bot(at=oslo(2027, 1, 5, 9, 30))
    channel = "19:ny@thread.tacv2"
    bind = Request(platform="teams", user_id=ADMIN_TEAMS, channel_id=channel, text=f"koble region {region}")
    assert bot.core.handle(bind).reply.ok
    sent: list[Any] = []

    async def send_activity(activity: Any) -> None:
        sent.append(activity)

    turn = SimpleNamespace(activity=Activity(conversation=ConversationAccount(id=channel)), send_activity=send_activity)
    asyncio.run(TeamsRuntime._on_turn_error(SimpleNamespace(core=bot.core), turn, RuntimeError("boom")))  # type: ignore[arg-type]
    assert sent == [expected]
