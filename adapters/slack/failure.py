"""What a Slack reader hears when their command could not run: the core failed on it, or Slack could not
yet tell the bot who it is."""

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


def slack_unavailable_text() -> str:
    """What a person hears when Slack itself cannot tell the bot who it is yet (its Web API is down):
    nothing was run, so trying again later is safe. Bokmål: the person's written form is not known yet."""
    with using("nb"):
        return _("Slack svarer ikke akkurat nå, så kommandoen ble ikke utført. Prøv igjen om litt.")
