"""walk 20 F-o: a Teams channel has no reply only the asker sees (README, Teams «Bruk»), so `kvittering`,
`hvem` and `målform` there never say «bare du ser»: they say the channel sees it, and where to ask alone.
Slack's ephemeral reply, a Teams personal chat and the terminal still say «Bare du ser». And the receipt's
checksum, link and chain hash reach a Teams card whole: a wrapping TextBlock, not a FactSet value clipped at
the card's edge."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest

from adapters.teams.cards import render_card
from bot.messages import Request
from tests.driver import BotDriver, signing_open

KARI_TEAMS = "11111111-0000-0000-0000-000000000001"
AGDER_TEAMS = "19:agder@thread.tacv2"
FORMS = {  # målform, the receipt's note in a Teams channel, alone, `hvem`'s, `målform`'s
    "nb": (
        "Alle i kanalen ser kvitteringen. Skriv «kvittering» til boten i en personlig chat",
        "Bare du ser kvitteringen.",
        "Alle i kanalen ser svaret.",
        "Svar på det du spør om, kommer nå på bokmål.",
    ),
    "nn": (
        "Alle i kanalen ser kvitteringa. Skriv «kvittering» til boten i ein personleg chat",
        "Berre du ser kvitteringa.",
        "Alle i kanalen ser svaret.",
        "Svar på det du spør om, kjem no på nynorsk.",
    ),
}


def _signed() -> BotDriver:
    bot = signing_open(region="agder")
    for person in ("kari", "ola", "siri", "nils", "rita"):
        assert bot.say("signer agder 2027", as_=person).ok
    return bot


def _teams(bot: BotDriver, text: str, *, personal: bool = False) -> Any:
    request = Request(platform="teams", user_id=KARI_TEAMS, channel_id=AGDER_TEAMS, text=text)
    return bot.core.handle(replace(request, personal=personal) if personal else request).reply


def _nodes(card: dict[str, Any], kind: str) -> list[dict[str, Any]]:
    """Every element of `kind` in the card, however deep."""
    found: list[dict[str, Any]] = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            if node.get("type") == kind:
                found.append(node)
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(card)
    return found


@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_a_teams_channel_is_told_the_channel_sees_it(lang: str) -> None:
    in_channel, alone, who, form = FORMS[lang]
    bot = _signed()
    assert form in _teams(bot, f"målform {lang}").text
    assert in_channel in _teams(bot, "kvittering agder 2027").text
    assert alone not in _teams(bot, "kvittering agder 2027").text
    assert alone in _teams(bot, "kvittering agder 2027", personal=True).text
    assert who in _teams(bot, "hvem agder").text
    bot.say(f"målform {lang}", as_="kari")
    assert alone in bot.say("kvittering agder 2027", as_="kari").text  # the terminal: one person at it
    slack = Request(platform="slack", user_id="U0KARI", channel_id="C0AGDER", text="kvittering agder 2027")
    assert in_channel not in bot.core.handle(slack).reply.text


def test_the_receipts_checksum_and_hash_reach_the_card_whole() -> None:
    bot = _signed()
    reply = _teams(bot, "kvittering agder 2027")
    card = render_card(reply)
    long_values = [
        fact.value
        for section in reply.sections
        for fact in section.facts
        if any(len(word) > 32 for word in fact.value.split())
    ]
    assert any(len(value) >= 64 for value in long_values), long_values  # the SHA-256 at least
    blocks = [block["text"] for block in _nodes(card, "TextBlock")]
    for value in long_values:
        assert any(value in block.replace("\\", "") for block in blocks), (value, blocks)
    fact_values = [f["value"] for node in _nodes(card, "FactSet") for f in node["facts"]]
    assert not any(len(word) > 32 for value in fact_values for word in value.split()), fact_values
