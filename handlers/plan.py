"""`plan <fra>–<til> [region]`: a regional coordinator sets the region's plan period (stored, wins over app.yaml).

The regional plan for knowledge, innovation and business development is the frame of the agreements; its
period changes every four years or so, and the coordinator knows it before the configuration does. The
rules are the action's (`bot.actions.plan.set_plan_period`).
"""

from __future__ import annotations

import logging
import re

from bot.actions.base import Acting
from bot.actions.plan import EXAMPLE, replaced_text, set_plan_period
from bot.context import Context
from bot.i18n import _
from bot.messages import Outcome, Request, Visibility
from bot.model.order import split_confirm
from bot.shown.replies import make_reply
from bot.state.store import DomainError
from handlers.common import context_region, read_args, reject_extra

logger = logging.getLogger(__name__)


def handle(request: Request, ctx: Context) -> Outcome:
    text = " ".join(ctx.args.split())
    match = re.search(r"\b(\d{4})\s*(?:[-–—]|til)\s*(\d{4})\b", text)
    if match is None:
        raise DomainError(_("Skriv planperioden som to årstall, f.eks. «{example}».").format(example=EXAMPLE))
    rest, confirmed = split_confirm((text[: match.start()] + " " + text[match.end() :]).split())
    args = read_args(ctx, rest, want=("region",))
    reject_extra(args.rest, example=EXAMPLE)
    result = set_plan_period(
        Acting.of(ctx=ctx, request=request),
        region=context_region(ctx, args.region),
        first=int(match[1]),
        last=int(match[2]),
        confirmed=confirmed,
    )
    if not result.changed:
        lead = _("Planperioden er allerede {period}. Ingenting er endret.").format(period=result.period)
        return Outcome(reply=make_reply(title=_("Allerede registrert"), lead=lead))
    party = ctx.config.party_name(result.region)
    first = result.period.split("–", 1)[0]
    if int(first) > ctx.now.year:  # set ahead: from when, and what frames this year meanwhile
        lead = _("Regional plan for {party} gjelder {period}, fra syklus {first}.").format(
            party=party, period=result.period, first=first
        )
        if result.meanwhile:
            lead += " " + _("Til da gjelder {period}.").format(period=result.meanwhile)
    else:
        lead = _("Regional plan for {party} gjelder nå {period}.").format(party=party, period=result.period)
    if result.replaced:
        lead += " " + _("Erstatter {what}.").format(what=replaced_text(result.replaced))
    reply = make_reply(
        title=_("Planperiode {period}").format(period=result.period),
        lead=lead + " " + _("Registrert av {name}.").format(name=ctx.caller.name),
        visibility=Visibility.CHANNEL,
    )
    return Outcome(reply=reply)
