"""Walk 37 F-C, through the real Teams SDK over HTTP on the real core: since walk 35 a card that told the
channel of a recorded change keeps itself when one of its buttons is clicked. The request to join is such a
card, but its «Slipp inn»/«Avslå» answer the card itself: the request stayed with both buttons live after the
coordinator let the person in (the answer posted below it, a second press «Allerede besvart»). The answer
takes the request's place again; the minutes' card still stays (tests/teams/test_walk35_clicks.py)."""

from __future__ import annotations

import pytest

from bot.messages import Request
from tests.driver import make_bot, oslo
from tests.teams.harness import BotServer, ConnectorStandIn, all_actions, card_texts
from tests.teams.test_walk35_clicks import _click, _say

KARI = "11111111-0000-0000-0000-000000000001"
EVA = "7c2d4e6f-0000-4000-8000-0000000e0a37"
CHANNEL = "19:agder@thread.tacv2"


@pytest.mark.parametrize(
    ("form", "let_in", "answered"), [("nb", "Slipp inn", "er med for"), ("nn", "Slepp inn", "er med for")]
)
def test_a_request_to_join_is_replaced_by_its_answer(run, form: str, let_in: str, answered: str) -> None:
    bot = make_bot(at=oslo(2026, 11, 19, 17, 0))
    assert bot.core.handle(Request(platform="teams", user_id=KARI, channel_id=CHANNEL, text=f"målform {form}")).reply.ok

    async def body() -> tuple[dict, list[str]]:  # type: ignore[type-arg]
        connector = await ConnectorStandIn().start()
        server = await BotServer(core=bot.core).start()
        try:
            url = connector.url
            assert await server.post(_say("bli med agder", channel=CHANNEL, user=EVA, activity_id="m1", url=url)) == 201
            asked = next(p.card for p in connector.accepted if p.card and "bli med" in " ".join(card_texts(p.card)))
            button = next(a for a in all_actions(asked) if a["title"] in ("Slipp inn", "Slepp inn"))
            assert "keep" not in button["data"]["samhandling"]
            click = _click(button, channel=CHANNEL, user=KARI, activity_id="f:let-in", url=url, on="request")
            assert await server.post(click) == 201
            assert [p.reply_to for p in connector.updated] == ["request"]
            updated = connector.updated[0].card or {}
            return updated, card_texts(updated)
        finally:
            await server.stop()
            await connector.stop()

    updated, texts = run(body())
    assert answered in " ".join(texts), texts
    assert not [a for a in all_actions(updated) if a["title"] in ("Slipp inn", "Slepp inn", "Avslå")]
