"""The reply a Slack reader gets when the core itself failed on their request."""

from __future__ import annotations

from bot.i18n import _, using
from bot.messages import Reply


def failure_reply(lang: str = "nb") -> Reply:
    """What the reader sees when the core itself failed: in their written form when the core could still
    tell it, else bokmål."""
    with using("nn" if lang == "nn" else "nb"):
        return Reply(
            title=_("Noe gikk galt"),
            text=_("Beklager, kommandoen kunne ikke utføres nå. Prøv igjen om litt, eller si fra til administrator."),
            ok=False,
            lang=lang,
        )
