"""A person who left a party, or was removed from it, is told so when they try to write, not that they are
«not registered yet» (walk 18 F14): their binding keeps the party they left."""

from __future__ import annotations

import logging

from bot.actions.base import Acting
from bot.i18n import _
from bot.messages import Button
from bot.model.identity import binding_key
from bot.state.store import DomainError

logger = logging.getLogger(__name__)


def refuse_the_departed(acting: Acting) -> None:
    """Raise the refusal for someone no longer with the party their binding names as left; else nothing."""
    request = acting.request
    binding = acting.state.person_binding(key=binding_key(request.platform, request.user_id)) or {}
    left = binding.get("left")
    if binding.get("role") or not left:
        return
    party = str(left)
    name = acting.config.party_name(party)
    raise DomainError(
        _(
            "Du er ikke lenger med for {party}, så du kan lese alt («neste», «status», «årshjul», «logg»), men ikke "
            "registrere. Skriv «bli med {code}» for å be om å komme med igjen."
        ).format(party=name, code=party),
        buttons=(Button(label=_("Bli med for {party}").format(party=name), command=f"bli med {party}"),),
    )
