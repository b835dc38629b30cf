"""The "Signer for <part>" action, the same in replies, announcements and reminders."""

from __future__ import annotations

from bot.config import AppConfig
from bot.messages import Button
from bot.wheel import Item


def sign_button(config: AppConfig, *, item: Item, party: str) -> Button:
    """A click runs `signer <part> <region> <år>` as the person who clicked, with the command's own rules."""
    assert item.region is not None
    where = "" if party == item.region else f" i {config.party_short(item.region)}"
    return Button(
        label=f"Signer for {config.party_short(party)}",
        command=f"signer {party} {item.region} {item.year}",
        confirm=f"Signere samarbeidsavtalen {item.year} for {config.party_name(party)}{where}?",
    )
