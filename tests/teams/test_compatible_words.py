"""Fullwidth command words in Teams (walk 40): «ｓｔａｔｕｓ　ａｇｄｅｒ» from a phone keyboard or IME was
«Ukjent kommando»; it is read in its plain forms (NFKC) where a request is parsed."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from tests.slack.harness import real_core
from tests.teams.harness import BotServer, ConnectorStandIn, card_texts, load_activity


def test_a_fullwidth_command_is_read(run, tmp_path: Path) -> None:
    async def body() -> str:
        with real_core(tmp_path, at=datetime(2027, 3, 3, 10)) as core:
            connector = await ConnectorStandIn().start()
            server = await BotServer(core=core).start()
            try:
                activity = load_activity("channel_message_mention", service_url=connector.url)
                activity.update(text="<at>Samhandling</at> ｓｔａｔｕｓ　ａｇｄｅｒ", attachments=[])
                assert await server.post(activity) < 300
                return " ".join(
                    " ".join(card_texts(p.card)) if p.card else str(p.activity.get("text")) for p in connector.accepted
                )
            finally:
                await server.stop()
                await connector.stop()

    said = run(body())
    assert "Ukjent kommando" not in said and "Agder" in said, said
