"""Who may sign whose place in an agreement, beside `bot.actions.signing`: one person, one party's place
(walk 28 F3, the rule in `bot.facts.signed_by`), and the organisation binding a signature was made through."""

from __future__ import annotations

import logging

from bot.actions.base import Acting
from bot.facts.signed_by import place_held
from bot.i18n import _
from bot.model.identity import Directory
from bot.state.store import DomainError

logger = logging.getLogger(__name__)


def require_one_place(acting: Acting, *, region: str, year: int, party: str) -> None:
    """One person holds one party's place in an agreement (`bot.facts.signed_by`): a person who signed it for
    another party (and was then moved, or their organisation rebound) is refused, naming that signature."""
    if acting.caller.key is None:
        return
    held = place_held(
        config=acting.config,
        state=acting.state,
        region=region,
        year=year,
        party=party,
        person=acting.caller.key,
        platform=acting.request.platform,
    )
    if held is None:
        return
    config = acting.config
    raise DomainError(
        _(
            "Du har signert samarbeidsavtalen {year} for {region} for {other}, og én person signerer for én part i "
            "en avtale. {party} signerer med en annen person; signaturen for {other} står til en ny avtaletekst "
            "ber partene signere igjen."
        ).format(
            year=year,
            region=config.party_short(region),
            other=config.party_name(held.party),
            party=config.party_name(party),
        )
    )


def through_organisation(acting: Acting) -> str | None:
    """The organisation binding a caller known through their organisation signs by (its key), so a later
    `koble organisasjon … bekreft` names the signatures it leaves behind."""
    if acting.caller.via != "organisation":
        return None
    request = acting.request
    bound = Directory(config=acting.config, state=acting.state).organisation_of(
        organisation=request.organisation, email_domain=request.email_domain
    )
    return bound.key if bound else None
