"""Walk15b N8: an announcement is one sentence, the reply's title and text alike; its Teams card says it
once."""

from __future__ import annotations

from tests.teams.harness import BotServer, ConnectorStandIn, card_texts, load_activity
from tests.teams.test_teams_real_core import _core


def test_an_announcement_card_says_its_sentence_once(run) -> None:
    """Walk15b N8: «IN har signert samarbeidsavtalen …» posted to the region's channel was the card's title
    and again its body."""
    core = _core()

    async def body() -> list[list[str]]:
        connector = await ConnectorStandIn().start()
        server = await BotServer(core=core).start()
        try:
            kari = load_activity("channel_message_mention", service_url=connector.url)
            kari["text"] = "<at>Samhandling</at> neste"  # the bot meets 19:agder, where the news goes
            assert await server.post(kari) == 201
            activity = load_activity("channel_message_mention", service_url=connector.url)
            activity["id"] = "ola-1"
            activity["from"] = {
                "id": "29:ola",
                "name": "Ola Berg",
                "aadObjectId": "11111111-0000-0000-0000-000000000003",
            }
            activity["conversation"] = dict(activity["conversation"], id="19:in@thread.tacv2;messageid=1")
            activity["text"] = "<at>Samhandling</at> signer agder 2026"
            assert await server.post(activity) == 201
            return [card_texts(p.card) for p in connector.accepted if p.card is not None]
        finally:
            await server.stop()
            await connector.stop()

    cards = run(body())
    announced = [texts for texts in cards if any("har signert" in t for t in texts)]
    assert announced, cards
    for texts in cards:
        assert len(texts) == len(set(texts)), texts
