"""What an organisation binding tells beyond the admin's channel: `koble organisasjon <id> fjern [bekreft]`
removes one (walk 28 F7), told to the party's own channels; a new binding answers the open `bli med` requests
it settles, to each person where they asked (walk 28 F5)."""

from __future__ import annotations

import logging
from dataclasses import replace

from bot.actions.base import Acting
from bot.actions.membership import JoinRequest
from bot.actions.unbind import Unbound
from bot.actions.unbind import unbind_organisation as unbind
from bot.context import Context
from bot.i18n import _
from bot.messages import Announcement, ChannelAddress, Mention, Outcome, Reply, Request, Visibility
from bot.model.identity import ROLE_NAMES, OrganisationBinding, organisation_label
from bot.shown.replies import make_reply
from handlers.announce import announce_to

logger = logging.getLogger(__name__)


def unbind_organisation(request: Request, ctx: Context, *, typed: str, confirmed: bool) -> Outcome:
    gone = unbind(Acting.of(ctx=ctx, request=request), typed=typed, confirmed=confirmed)
    reply = make_reply(title=_("Koblingen er fjernet"), lead=_lead(ctx, gone), visibility=Visibility.CHANNEL)

    def told() -> Reply:
        return make_reply(title=_("Koblingen er fjernet"), lead=_lead(ctx, gone), visibility=Visibility.CHANNEL)

    addresses = ctx.directory.channels_of_party(party=gone.party)
    return Outcome(reply=reply, announcements=announce_to(ctx, request=request, addresses=addresses, reply=told))


def _lead(ctx: Context, gone: Unbound) -> str:
    return _(
        "{who} fjernet koblingen av {organisation} til {party}: de som bare var kjent gjennom organisasjonen, er "
        "ikke lenger {role} for {party}. De kan be om å komme med igjen: «bli med {code}»."
    ).format(
        who=ctx.caller.name,
        code=gone.party,
        organisation=organisation_label(gone.key),
        party=ctx.config.party_name(gone.party),
        role=_(ROLE_NAMES.get(gone.role, gone.role)),
    )


def told_settled(
    ctx: Context, *, chosen: OrganisationBinding, settled: tuple[JoinRequest, ...]
) -> tuple[Announcement, ...]:
    """Each person whose open request the binding settled hears it where they asked, with the party they
    got when it is not the one they asked for."""
    told: list[Announcement] = []
    for found in settled:
        values = {
            "who": ctx.caller.name,
            "role": _(ROLE_NAMES.get(chosen.role, chosen.role)),
            "party": ctx.config.party_name(chosen.party),
            "asked": ctx.config.party_name(found.party),
        }
        lead = _("{who} koblet organisasjonen din til {party}: du er nå {role} for {party}.").format(**values)
        if found.party != chosen.party:
            lead += " " + _("Du ba om å bli med for {asked}; den forespørselen er avsluttet.").format(**values)
        person = Mention(person=found.user_id, name=found.name, ids={found.platform: found.user_id})
        message = replace(
            make_reply(title=_("Du er med for {party}").format(**values), lead=lead, visibility=Visibility.CHANNEL),
            mentions=(person,),
        )
        told.append(Announcement(to=ChannelAddress(platform=found.platform, channel_id=found.channel), reply=message))
    return tuple(told)
