"""A Teams display name is whatever its owner wrote (walk 40): «Eve» with a right-to-left override, blank
lines and 300 characters asked to join over HTTP, and the admins' announcement began with it as it came,
its line reversed by the override and pushed apart by the blank lines. The name is now shown on one line,
without control characters, at most 80 characters, in the reply and every announcement alike."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from tests.slack.harness import real_core
from tests.teams.harness import BotServer, ConnectorStandIn, card_texts, load_activity
from tests.teams.test_teams_delivery_states import NATIONAL, _added

NAME = "Eve\u202e tnemeerga eht dengis\n\n*ALLE* " + "y" * 300


def test_a_display_name_of_junk_is_shown_on_one_short_clean_line(run, tmp_path: Path) -> None:
    async def body() -> list[str]:
        with real_core(tmp_path, at=datetime(2027, 3, 3, 10)) as core:
            connector = await ConnectorStandIn().start()
            server = await BotServer(core=core).start()
            try:
                await server.post(_added(NATIONAL, service_url=connector.url))  # the admins' channel
                activity = load_activity("channel_message_mention", service_url=connector.url)
                activity.update(text="<at>Samhandling</at> bli med IN", attachments=[])
                activity["from"] = dict(activity["from"], id="29:eve", name=NAME, aadObjectId="eve-0000")
                assert await server.post(activity) < 300
                return [  # what people read (the envelope's `recipient` keeps the name Teams gave)
                    " ".join(card_texts(posted.card) if posted.card else [str(posted.activity.get("text"))])
                    for posted in connector.accepted
                ]
            finally:
                await server.stop()
                await connector.stop()

    posted = run(body())
    assert any("Eve tnemeerga eht dengis \\*ALLE\\* yyy" in post for post in posted), posted
    for post in posted:
        assert "\u202e" not in post and "y" * 100 not in post
