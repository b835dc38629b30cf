"""An enabled actor with no channel: its reminders (the allocation letter above all) reach nobody, which
`check-config` warns of from app.yaml and AU's `oversikt` says with the channels bound at runtime (walk 18
F5), in the same words."""

from __future__ import annotations

import logging

from bot.i18n import _
from bot.model.identity import Directory

logger = logging.getLogger(__name__)


def unheard_text(*, name: str, code: str) -> str:
    """«Regionale forskningsfond (RFF) har ingen kanal: …», and how to connect one."""
    return _(
        "{name} ({code}) har ingen kanal: påminnelsene til {code} når ingen. Skriv «koble aktør {code}» i "
        "kanalen deres."
    ).format(name=name, code=code)


def unheard_actors_now(directory: Directory) -> list[str]:
    """The enabled actors with no channel, app.yaml's or bound at runtime, on any platform."""
    bindings = directory.bindings()
    return [
        actor.key
        for actor in directory.config.enabled_actors
        if not directory.channels_of_party(party=actor.key, bindings=bindings)
    ]
