"""Walk 20 F-o, issue 18's last note: `kvittering` asked in a Teams channel was posted in the thread, where
everyone reads it, while Slack shows it to the asker alone. Where the person has a chat of their own with the
bot, the receipt now goes there (saying «Bare du ser kvitteringen») and the thread is told where it went;
without one it stays in the thread, saying that the channel sees it and how to read it alone."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from tests.driver import text_command
from tests.teams.harness import BotServer, ConnectorStandIn, load_activity
from tests.teams.test_teams_surfaces import KARI, make

PERSONAL_CHAT = "a:1Zp0example-personal-chat-per"


def _texts(posted: Any) -> str:
    return json.dumps(posted.activity, ensure_ascii=False)


async def _scenario(*, with_own_chat: bool) -> list[Any]:
    core = make(at=datetime(2026, 1, 12, 9, 0), setup=(("kari", text_command(year=2026)),))
    connector = await ConnectorStandIn().start()
    server = await BotServer(core=core).start()
    try:
        if with_own_chat:  # Kari once wrote to the bot in her own chat: its reference is kept
            hello = load_activity("personal_message", service_url=connector.url)
            hello.update(text="hjelp", id="own-1")
            hello["from"] = dict(hello["from"], aadObjectId=KARI)
            assert await server.post(hello) in (200, 201)
        before = len(connector.accepted)
        asked = load_activity("channel_message_mention", service_url=connector.url)
        asked.update(text="<at>Samhandling</at> kvittering agder 2026", id="channel-1")
        assert await server.post(asked) in (200, 201)
        return connector.accepted[before:]
    finally:
        await server.stop()
        await connector.stop()


def test_a_receipt_asked_in_a_channel_goes_to_the_persons_own_chat(run) -> None:
    posts = run(_scenario(with_own_chat=True))
    own = [post for post in posts if post.conversation_id.startswith(PERSONAL_CHAT)]
    thread = [post for post in posts if post.conversation_id.startswith("19:agder@thread.tacv2")]
    assert len(own) == 1 and len(thread) == 1, [post.conversation_id for post in posts]
    receipt = _texts(own[0])
    assert "Kvittering" in receipt and "Bare du ser kvitteringen" in receipt and "SHA-256" in receipt, receipt
    note = _texts(thread[0])
    assert "sendt til deg i din personlige chat med boten" in note and "SHA-256" not in note, note


def test_without_a_chat_of_their_own_the_receipt_stays_in_the_thread_and_says_so(run) -> None:
    posts = run(_scenario(with_own_chat=False))
    assert len(posts) == 1 and posts[0].conversation_id.startswith("19:agder@thread.tacv2"), posts
    shown = _texts(posts[0])
    assert "Alle i kanalen ser kvitteringen" in shown and "SHA-256" in shown, shown
