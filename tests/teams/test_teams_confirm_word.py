"""Walk 31 F4: the Teams card's confirm button behind «Signer for …» is the channel's written form's confirm word,
«Bekreft» in bokmål and «Stadfest» in nynorsk, as the typed command's (`… stadfest`) is."""

from __future__ import annotations

from typing import Any

import pytest

from adapters.teams.cards import render_card
from tests.driver import signing_open


def _confirm_buttons(card: dict[str, Any]) -> list[tuple[str, str]]:
    """(ShowCard title, its submit's title) for every button that asks first."""
    found = []
    for action in card.get("actions", []):
        if action["type"] == "Action.ShowCard":
            found.extend((action["title"], inner["title"]) for inner in action["card"]["actions"])
    return found


@pytest.mark.parametrize(("region", "as_", "word"), [("agder", "kari", "Bekreft"), ("vestland", "per", "Stadfest")])
def test_the_sign_button_confirms_in_the_channels_written_form(region: str, as_: str, word: str) -> None:
    bot = signing_open(region=region)
    reply = bot.say("neste", as_=as_)
    buttons = _confirm_buttons(render_card(reply))
    assert any(title.startswith("Signer") for title, _ in buttons), buttons
    assert all(confirm == word for _, confirm in buttons), buttons
