"""`plan <fra>–<til> [region]`: a regional coordinator sets the region's plan period (stored, wins over app.yaml).

The regional plan for knowledge, innovation and business development is the frame of the agreements; its
period changes every four years or so, and the coordinator knows it before the configuration does. The
rules are the action's (`bot.actions.plan.set_plan_period`).
"""

from __future__ import annotations

import logging
import re

from bot.actions.base import Acting
from bot.actions.plan import EXAMPLE, set_plan_period
from bot.context import Context
from bot.i18n import _
from bot.messages import Outcome, Request, Visibility
from bot.replies import make_reply
from bot.state import DomainError
from handlers.common import context_region, read_args, reject_extra

logger = logging.getLogger(__name__)


def handle(request: Request, ctx: Context) -> Outcome:
    text = " ".join(ctx.args.split())
    match = re.search(r"\b(\d{4})\s*(?:[-–—]|til)\s*(\d{4})\b", text)
    if match is None:
        raise DomainError(_("Skriv planperioden som to årstall, f.eks. «{example}».").format(example=EXAMPLE))
    rest = (text[: match.start()] + " " + text[match.end() :]).split()
    args = read_args(ctx, rest, want=("region",))
    reject_extra(args.rest, example=EXAMPLE)
    result = set_plan_period(
        Acting.of(ctx=ctx, request=request),
        region=context_region(ctx, args.region),
        first=int(match[1]),
        last=int(match[2]),
    )
    if not result.changed:
        lead = _("Planperioden er allerede {period}. Ingenting er endret.").format(period=result.period)
        return Outcome(reply=make_reply(title=_("Allerede registrert"), lead=lead))
    reply = make_reply(
        title=_("Planperiode {period}").format(period=result.period),
        lead=_("Regional plan for {party} gjelder nå {period}. Registrert av {name}.").format(
            party=ctx.config.party_name(result.region), period=result.period, name=ctx.caller.name
        ),
        visibility=Visibility.CHANNEL,
    )
    return Outcome(reply=reply)
