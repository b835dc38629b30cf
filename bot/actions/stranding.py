"""The question before someone leaves a party (`forlat`, or an admin removing them) that it strands: its
only registered person, or its last coordinator. Asked alike whoever removes the person (walk 18 F2)."""

from __future__ import annotations

import logging

from bot.actions.base import Acting
from bot.i18n import _
from bot.model.identity import Caller, Directory
from bot.model.order import confirm_word
from bot.reminders.notify import known_people
from bot.state.store import DomainError

logger = logging.getLogger(__name__)


def ask_before_stranding(
    acting: Acting,
    *,
    party: str,
    leaving: Caller,
    by_admin: bool,
    name: str,
    confirmed: bool,
    roles: tuple[str, ...],
) -> bool:
    """Ask first (unless `confirmed`) when the person leaving is the party's only registered person or its
    last one in `roles` (its coordinators; AU: its members); True when they are that last one (the handler
    then tells the admins)."""
    party_name = acting.config.party_name(party)
    others = [
        person
        for person in known_people(config=acting.config, state=acting.state).values()
        if person["party"] == party and person["role"] and person["key"] != leaving.key
    ]
    command = f"forlat {party} {confirm_word()}"
    if by_admin:
        command = " ".join([*acting.request.text.split(), confirm_word()])
    if not others and not confirmed:
        lead = (
            _("{name} er den eneste som er registrert for {party}.")
            if by_admin
            else _("Du er den eneste som er registrert for {party}.")
        )
        rest = (
            _("Uten {name} må en administrator slippe noen inn igjen.")
            if by_admin
            else _("Uten deg må en administrator slippe noen inn igjen.")
        )
        _ask(
            lead,
            rest + " " + _("Skriv «{command}» for å gå likevel."),
            by_admin=by_admin,
            words={"name": name, "party": party_name, "command": command},
        )
    last = _last(acting, party=party, leaving=leaving, others=others, roles=roles)
    if last and not confirmed:
        lead = (
            _("{name} er den siste koordinatoren for {party}.")
            if by_admin
            else _("Du er den siste koordinatoren for {party}.")
        )
        rest = _(
            "Uten en koordinator kan ingen sette datoer, skrive referat eller signere for {party} før en "
            "administrator registrerer en ny. Skriv «{command}» for å gå likevel; administratorene får beskjed."
        )
        _ask(lead, rest, by_admin=by_admin, words={"name": name, "party": party_name, "command": command})
    return last


def _ask(lead: str, rest: str, *, by_admin: bool, words: dict[str, str]) -> None:
    """Raise the question, with a «Fjern likevel» button for an admin (who typed a longer line)."""
    raise DomainError(f"{lead.format(**words)} {rest.format(**words)}", again=_("Fjern likevel") if by_admin else None)


def _last(
    acting: Acting, *, party: str, leaving: Caller, others: list[dict[str, object]], roles: tuple[str, ...]
) -> bool:
    """Whether the person leaving is the last of the party who answers for it, counting an organisation
    bound in such a role: leaving then strands the party until an admin acts (walk 7 F11)."""
    if leaving.role not in roles or any(person["role"] in roles for person in others):
        return False
    organisations = Directory(config=acting.config, state=acting.state).organisations(party=party)
    return not any(bound.role in roles for bound in organisations)
