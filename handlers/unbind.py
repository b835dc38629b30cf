"""`koble organisasjon <id> fjern [bekreft]`: an admin removes an organisation binding (walk 28 F7), told in the
channel and to the party's own channels, as a new binding's people are."""

from __future__ import annotations

import logging

from bot.actions.base import Acting
from bot.actions.unbind import Unbound
from bot.actions.unbind import unbind_organisation as unbind
from bot.context import Context
from bot.i18n import _
from bot.messages import Outcome, Reply, Request, Visibility
from bot.model.identity import ROLE_NAMES, organisation_label
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
        "ikke lenger {role} for {party}. De kan be om å bli med med «bli med»."
    ).format(
        who=ctx.caller.name,
        organisation=organisation_label(gone.key),
        party=ctx.config.party_name(gone.party),
        role=_(ROLE_NAMES.get(gone.role, gone.role)),
    )
