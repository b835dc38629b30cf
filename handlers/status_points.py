"""The follow-up points a bare `status` shows where the channel has no region of its own: an actor's channel
(its party's open points, not only «Hvilken region?») and AU's national channel (beside the overview).

A cut list of points ends «… og N til (skriv «status»)» when the points are a national meeting's or of
several regions (`bot.model.followups_shown.rest_command`); this is where that leads, the channel's party's points
whole, in the one order every list of points has (walk 26 F4: `status` in IN's channel only asked «Hvilken
region?», and AU's overview had none of the eight it was told to find there).
"""

from __future__ import annotations

import logging
from dataclasses import replace

from bot.context import Context
from bot.i18n import _
from bot.messages import Button, Fact, Outcome, Section
from bot.model.followups import followed_by, may_close
from bot.model.followups_shown import SHOW, close_button, meeting_label, ordered, point_line, with_section
from bot.shown.replies import make_reply

logger = logging.getLogger(__name__)


def channel_party(ctx: Context) -> str | None:
    """The party whose points a bare `status` here lists: the actor's channel's, or AU's in the national one."""
    if ctx.channel.kind == "national":
        return ctx.config.parties.coordinator.key
    return ctx.channel.actor


def _whole(ctx: Context, *, party: str) -> tuple[Section, tuple[Button, ...]] | None:
    today = ctx.now.date()
    points = ordered(followed_by(config=ctx.config, state=ctx.state, today=today, party=party), today=today)
    if not points:
        return None
    facts = tuple(Fact(meeting_label(point), point_line(point, today=today)) for point in points)
    title = _("Åpne oppfølgingspunkter for {party}").format(party=ctx.config.party_name(party))
    closable = [point for point in points if may_close(ctx.config, point, parties=[party])]
    return Section(title=title, facts=facts), tuple(close_button(point) for point in closable[:SHOW])


def actor_status(ctx: Context) -> Outcome | None:
    """`status` in an actor's channel without a region: the actor's open points, with how to ask for a
    region's cycle; None where the actor has none (then «Hvilken region?» as before). In a personal chat
    (no channel's party) the caller's own actor, as `context_region` reads a county's (walk 41)."""
    party = ctx.channel.actor if ctx.channel.kind == "actor" else None
    if ctx.channel.kind == "unbound" and ctx.caller.party and ctx.config.actor(ctx.caller.party):
        party = ctx.caller.party
    found = _whole(ctx, party=party) if party else None
    if found is None or party is None:
        return None
    section, buttons = found
    lead = _("For en regions syklus: skriv f.eks. «{example}», eller «oversikt» for alle regionene.").format(
        example="status agder 2027"
    )
    reply = make_reply(
        title=_("Status {party}").format(party=ctx.config.party_name(party)),
        lead=lead,
        sections=[section],
        buttons=list(buttons),
        context=_("Samhandlingsmodellen · per {day}").format(day=ctx.now.date().strftime("%d.%m.%Y")),
    )
    return Outcome(reply=reply)


def with_channel_points(outcome: Outcome, ctx: Context) -> Outcome:
    """AU's national `status` (the overview) with the points AU follows listed whole below it."""
    party = channel_party(ctx)
    found = _whole(ctx, party=party) if party else None
    if found is None:
        return outcome
    section, buttons = found
    return replace(outcome, reply=with_section(outcome.reply, section, buttons=buttons))
