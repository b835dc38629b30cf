"""A `hjelp` example fitted to its reader (walk 24 F11): typed as shown, it should run for them. A coordinator
reads its own region where the example names another («referat vis høst vestland 2026» for Per), an actor
its own code where another's stands («signer SIVA agder 2027» for Siri); what only the actors do (their
signatures and allocation letters) is marked «(for aktørene)» for everyone else."""

from __future__ import annotations

import logging

from bot.context import Context
from bot.i18n import _

logger = logging.getLogger(__name__)


ABOUT_AN_ACTOR = frozenset({"oppdrag", "kalender", "hvem"})
"""Commands whose actor code names what they are about, not who types them: a coordinator runs «oppdrag IN
sendt» (only a coordinator does), «kalender IN» and «hvem IN» as shown, so they are not «(for aktørene)»
(walk 36 F5)."""


def shown_example(ctx: Context, *, command: str, example: str) -> str:
    """«`example`» (of `command`, its name as declared) with the reader's own region or actor in place of
    another's, or marked as the actors'."""
    config, party = ctx.config, ctx.caller.party
    if party is None:  # admins and newcomers read the examples as written, quoted as everyone's (walk 43)
        return f"«{example}»"
    actors = {actor.key.lower() for actor in config.enabled_actors}
    regions = {region.key.lower() for region in config.parties.regions}
    own_region = config.region(party) is not None
    words = example.split(" ")
    for_actors = False
    for index, word in enumerate(words):
        if word.lower() in actors and word.lower() != party.lower():
            if own_region and command in ABOUT_AN_ACTOR:
                continue
            if own_region:
                for_actors = True
            elif config.actor(party) is not None:
                words[index] = party
        elif own_region and word.lower() in regions and word.lower() != party.lower():
            words[index] = party
    if own_region and len(words) > 1 and command == "forutsetning":  # whose precondition: the model says
        spec = config.precondition(words[1])
        for_actors = for_actors or (spec is not None and spec.owner == "actor")
    shown = f"«{' '.join(words)}»"
    return shown + (" " + _("(for aktørene)") if for_actors else "")
