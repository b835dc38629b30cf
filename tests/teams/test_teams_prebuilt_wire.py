"""The card reply posted as pre-built JSON (adapters/teams/prebuilt.py) is the very JSON the SDK's own
``turn_context.send_activity`` posts: the same turn, once through each path, compared as the connector
stand-in received it, for a plain read, a status card with buttons, a help card and a form."""

from __future__ import annotations

import itertools
import types
from datetime import datetime
from typing import Any

import pytest
from botbuilder.schema import (
    Activity,
    ActivityTypes,
    Attachment,
    ChannelAccount,
    ConversationAccount,
    Mention,
)

import adapters.teams.app as teams_app
import adapters.teams.cards as teams_cards
from adapters.teams.prebuilt import activity_json, send_prebuilt
from tests.teams.harness import BotServer, ConnectorStandIn, all_actions, load_activity
from tests.teams.test_teams_real_core import _core

COMMANDS = ["neste", "status agder 2026", "hjelp", "referat politisk agder 2026 bekreft"]  # replaces: asks first
# Per's personal chat carries no Agder «Signer» buttons (walk 5, N5: only his own party's); a date that has
# passed asks with a «Lagre likevel» button there, so both paths still post a card with buttons.
COMMANDS.append("dato vår 10. januar kl 10")


async def _sdk_path(turn_context: Any, activity: Any) -> Any:
    return await turn_context.send_activity(activity)


def _posted(run, monkeypatch: pytest.MonkeyPatch, *, text: str, personal: bool, sdk: bool) -> dict[str, Any]:
    counter = itertools.count()
    # Submit ids are random per card; the same sequence for both paths makes the cards comparable.
    fake_uuid = types.SimpleNamespace(uuid4=lambda: types.SimpleNamespace(hex=f"id{next(counter)}"))
    monkeypatch.setattr(teams_cards, "uuid", fake_uuid)
    monkeypatch.setattr(teams_app, "send_prebuilt", _sdk_path if sdk else send_prebuilt)
    core = _core()

    async def body() -> dict[str, Any]:
        connector = await ConnectorStandIn().start()
        server = await BotServer(core=core).start()
        try:
            ask = load_activity(
                "personal_message" if personal else "channel_message_mention", service_url=connector.url
            )
            ask["text"] = text if personal else f"<at>Samhandling</at> {text}"
            assert await server.post(ask) == 201
            assert len(connector.accepted) == 1
            posted = connector.accepted[0]
            # Each run has its own stand-in port; the rest must match byte for byte.
            assert posted.activity.pop("serviceUrl") == connector.url
            return {"conversation": posted.conversation_id, "reply_to": posted.reply_to, "activity": posted.activity}
        finally:
            await server.stop()
            await connector.stop()

    return run(body())


@pytest.mark.parametrize("personal", [False, True], ids=["channel", "personal"])
def test_card_replies_post_the_same_json_as_the_sdk(run, monkeypatch: pytest.MonkeyPatch, personal: bool) -> None:
    kinds: set[str] = set()
    for text in COMMANDS:
        before = _posted(run, monkeypatch, text=text, personal=personal, sdk=True)
        after = _posted(run, monkeypatch, text=text, personal=personal, sdk=False)
        assert after == before, text
        card = after["activity"]["attachments"][0]["content"]
        if all_actions(card):
            kinds.add("buttons")
        if any(str(element.get("type", "")).startswith("Input.") for element in card["body"]):
            kinds.add("form")
    # The form is asked for in a region channel (a personal chat answers the same command otherwise).
    assert "buttons" in kinds and (personal or "form" in kinds)


def _variety() -> list[Activity]:
    account = ChannelAccount(id="29:kari", name="Kari Nordmann", aad_object_id="a-1", role="user")
    conversation = ConversationAccount(
        is_group=True, conversation_type="channel", id="19:agder@thread.tacv2;messageid=1", tenant_id="t"
    )
    card = {"type": "AdaptiveCard", "body": [{"type": "TextBlock", "text": "Å ø æ", "wrap": True}], "n": 3}
    return [
        Activity(type=ActivityTypes.message, text="hei", text_format="plain"),
        Activity(
            type="message",
            summary="Neste",
            from_property=account,
            recipient=ChannelAccount(id="28:bot", name="Samhandling"),
            conversation=conversation,
            reply_to_id="1",
            input_hint="acceptingInput",
            attachments=[Attachment(content_type="application/vnd.microsoft.card.adaptive", content=card)],
            entities=[Mention(mentioned=account, text="<at>Kari</at>", type="mention")],
            channel_data={"notification": {"alert": True}, "list": [1, "a", {"b": None}]},
        ),
        # Values msrest turns into something else than themselves: the slow path, same result.
        Activity(type="message", channel_data={"when": datetime(2026, 1, 12, 9, 0)}, value=[None, 1.5]),
        Activity(type="message", timestamp=datetime(2026, 1, 12, 9, 0), local_timezone="Europe/Oslo"),
    ]


@pytest.mark.parametrize("index", range(4))
def test_activity_json_matches_msrest(index: int) -> None:
    activity = _variety()[index]
    assert activity_json(activity) == activity.serialize()
