"""`unbind_organisation`: an admin removes an organisation binding (walk 28 F7: a binding pasted with the wrong
id could only be moved to another party, handing the same rights there). Asked first, since everyone known
only through it becomes unknown; signatures they made stand (`bot.facts.signed_by`)."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from bot.actions.base import Acting, record
from bot.actions.rules import require_admin
from bot.facts.signed_by import signatures_text, signed_through
from bot.i18n import _
from bot.model.identity import ORGANISATIONS, ROLE_NAMES, organisation_key, organisation_label
from bot.model.order import confirm_word
from bot.parsing import shown
from bot.state.store import META, DomainError
from storage.base import Tables

logger = logging.getLogger(__name__)

UNBIND_ORGANISATION = "unbind_organisation"


@dataclass(frozen=True)
class Unbound:
    key: str
    party: str
    role: str


def unbind_organisation(acting: Acting, *, typed: str, confirmed: bool) -> Unbound:
    """Remove the binding of the organisation `typed` (a tenant id, Slack team id or e-mail domain)."""
    require_admin(acting)
    config = acting.config
    key = organisation_key(typed)
    now = acting.state.doc(META, ORGANISATIONS, key) if key else None
    if not key or not now or not now.get("party"):
        raise DomainError(
            _("«{organisation}» er ikke koblet til noen part. Ingenting er endret.").format(organisation=shown(typed))
        )
    gone = Unbound(key=key, party=str(now["party"]), role=str(now.get("role") or "adviser"))
    values = {
        "organisation": organisation_label(key),
        "role": _(ROLE_NAMES.get(gone.role, gone.role)),
        "party": config.party_name(gone.party),
    }
    if not confirmed:
        left = signed_through(config=config, state=acting.state, at=acting.now, organisation=key, party=gone.party)
        raise DomainError(
            _(
                "Alle fra {organisation} er {role} for {party}. Fjernes koblingen, blir de som bare er kjent "
                "gjennom organisasjonen, ukjente: de kan lese og be om å bli med."
            ).format(**values)
            + signatures_text(config, left)
            + " "
            + _("Skriv det samme med «{confirm}» til slutt for å fjerne koblingen. Ingenting er endret.").format(
                confirm=confirm_word()
            ),
            again=_("Fjern"),
        )

    def mutate(tables: Tables) -> None:
        tables.get(ORGANISATIONS, {}).pop(key, None)

    record(
        acting,
        action=UNBIND_ORGANISATION,
        partition=META,
        summary=lambda: _("Fjernet koblingen av {organisation} til {party} som {role}").format(
            organisation=organisation_label(key),
            party=config.party_name(gone.party),
            role=_(ROLE_NAMES.get(gone.role, gone.role)),
        ),
        mutate=mutate,
        region=gone.party if config.region(gone.party) else None,
    )
    return gone
