"""Surfaces check (issue 18, fixz): «Til: <at>Aud Vik</at>» on a Teams card is a real mention. Microsoft's
«Mention support within Adaptive Cards»: the card's `msteams.entities` holds a `mention` whose `text` is the
`<at>…</at>` written in a TextBlock and whose `mentioned` has the person's Teams id and name. Every entity's
text must be in the card's body, also when a long card (a digest) is cut to the connector's limit: before,
the cut dropped the «Til:» block and kept the entity, so nobody was notified."""

from __future__ import annotations

import json
from types import MappingProxyType
from typing import Any

import pytest

from adapters.teams.activities import reply_activity
from adapters.teams.fit import BUDGET_BYTES, activity_bytes
from bot.messages import Mention, Reply

AUD = Mention(person="aud", name="Aud Vik", ids=MappingProxyType({"teams": "29:1aud"}))
KARI = Mention(person="kari", name="Kari Nordmann", ids=MappingProxyType({"teams": "29:1kari"}))
OLA = Mention(person="ola", name="Ola Berg")  # no Teams id known: his name, no entity


def _card(reply: Reply) -> dict[str, Any]:
    return reply_activity(reply, channel="msteams", origin="neste").attachments[0].content


def _mentions_hold(card: dict[str, Any]) -> list[dict[str, Any]]:
    body = json.dumps(card["body"], ensure_ascii=False)
    entities = card.get("msteams", {}).get("entities", [])
    for entity in entities:
        assert entity["type"] == "mention" and entity["text"] == f"<at>{entity['mentioned']['name']}</at>", entity
        assert entity["text"] in body, entity  # the tag is in a TextBlock of the card itself
    return entities


@pytest.mark.parametrize("lines", [3, 400])  # a short card, and one cut to the connector's limit
def test_every_mention_entity_has_its_text_in_the_card(lines: int) -> None:
    text = "\n\n".join(f"Linje {n}: Forberedelse av møtet " + "x" * 180 for n in range(lines))
    card = _card(Reply(title="Påminnelse", text=text, mentions=(AUD, KARI, OLA)))
    entities = _mentions_hold(card)
    assert [(e["mentioned"]["id"], e["mentioned"]["name"]) for e in entities] == [
        ("29:1aud", "Aud Vik"),
        ("29:1kari", "Kari Nordmann"),
    ]
    tail = [block["text"] for block in card["body"] if "Til:" in str(block.get("text", ""))]
    assert tail == ["Til: <at>Aud Vik</at>, <at>Kari Nordmann</at>, Ola Berg"], tail
    wrapper = {
        "type": "message",
        "attachments": [{"contentType": "application/vnd.microsoft.card.adaptive", "content": card}],
    }
    assert activity_bytes(wrapper) <= BUDGET_BYTES


def test_a_cut_card_says_it_was_cut_and_still_calls_on_people() -> None:
    text = "\n\n".join("Oppfølgingspunkt " + "y" * 300 for _ in range(300))
    card = _card(Reply(title="Påminnelse", text=text, mentions=(AUD,)))
    said = json.dumps(card["body"], ensure_ascii=False)
    assert "neste" in said  # the pointer to the whole text
    assert len(_mentions_hold(card)) == 1
