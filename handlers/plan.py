"""`plan <fra>–<til> [region]`: a regional coordinator sets the region's plan period (stored, wins over app.yaml).

The regional plan for knowledge, innovation and business development is the frame of the agreements; its
period changes every four years or so, and the coordinator knows it before the configuration does.
"""

from __future__ import annotations

import logging
import re

from bot.context import Context
from bot.i18n import _
from bot.messages import Outcome, Request, Visibility
from bot.replies import make_reply
from bot.state import META, DomainError
from handlers.common import read_args, record, reject_extra, require_member, require_region

logger = logging.getLogger(__name__)

EXAMPLE = "plan 2028–2031"


def plan_period(ctx: Context, *, region: str) -> str | None:
    """The region's plan period: set with `plan` (stored), else app.yaml's `plan_period`."""
    stored = ctx.state.tables(META).get("plan_periods", {}).get(region)
    if stored:
        return str(stored["period"])
    spec = ctx.config.region(region)
    return spec.plan_period if spec else None


def handle(request: Request, ctx: Context) -> Outcome:
    text = " ".join(ctx.args.split())
    match = re.search(r"\b(\d{4})\s*(?:[-–—]|til)\s*(\d{4})\b", text)
    if match is None:
        raise DomainError(_("Skriv planperioden som to årstall, f.eks. «{example}».").format(example=EXAMPLE))
    first, last = int(match[1]), int(match[2])
    rest = (text[: match.start()] + " " + text[match.end() :]).split()
    args = read_args(ctx, rest, want=("region",))
    reject_extra(args.rest, example=EXAMPLE)
    if not (2000 <= first < last <= first + 12):
        raise DomainError(
            _("Perioden {first}–{last} ser feil ut: siste år må komme etter første. Skriv f.eks. «{example}».").format(
                first=first, last=last, example=EXAMPLE
            )
        )
    region = require_region(ctx, args.region, example=f"{EXAMPLE} agder")
    require_member(
        ctx, party=region, what=_("sette planperioden for {party}").format(party=ctx.config.party_name(region))
    )
    if ctx.caller.role != "coordinator":
        raise DomainError(_("Bare fylkeskommunens koordinatorer kan sette planperioden."))
    period = f"{first}–{last}"
    if plan_period(ctx, region=region) == period:
        reply = make_reply(
            title=_("Allerede registrert"),
            lead=_("Planperioden er allerede {period}. Ingenting er endret.").format(period=period),
        )
        return Outcome(reply=reply)
    entry = {"period": period, "by": ctx.caller.name, "at": ctx.now.isoformat()}
    record(
        ctx,
        request,
        partition=META,
        region=region,
        summary=lambda: _("Satte planperioden for {party} til {period}").format(
            party=ctx.config.party_name(region), period=period
        ),
        mutate=lambda tables: tables.setdefault("plan_periods", {}).__setitem__(region, entry),
    )
    reply = make_reply(
        title=_("Planperiode {period}").format(period=period),
        lead=_("Regional plan for {party} gjelder nå {period}. Registrert av {name}.").format(
            party=ctx.config.party_name(region), period=period, name=ctx.caller.name
        ),
        visibility=Visibility.CHANNEL,
    )
    return Outcome(reply=reply)
