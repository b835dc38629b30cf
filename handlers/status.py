"""`status [region] [år]`: the whole cycle of one region: every milestone, the preconditions, signatures.

Without a year: the calendar year's cycle all year (bot/model/cycle.py); once the next agreement's preparation
has opened, its open items follow in their own section, never instead.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from bot.actions.plan import region_plan_period
from bot.actions.rules import require_readable_year
from bot.context import Context
from bot.facts.kinds import is_signing
from bot.i18n import _, ngettext
from bot.messages import Button, Fact, Outcome, Request, Section
from bot.model.cycle import read_cycles
from bot.model.progress import Progress, progress_of
from bot.model.wheel import cycle_items, tracked
from bot.parsing import fold
from bot.shown.earlier_open import earlier_open_lines
from bot.shown.plan_period import no_plan_period, upcoming_plan_period
from bot.shown.replies import make_reply
from bot.shown.status_data import open_items
from bot.state.store import DomainError
from handlers import overview
from handlers.announce import signable_here
from handlers.common import NATION_WORDS, context_region, read_args, reject_extra, require_region
from handlers.describe import describe, sign_buttons
from handlers.links import with_status_link
from handlers.status_points import actor_status, with_channel_points


def handle_any(request: Request, ctx: Context) -> Outcome:
    """`status` as declared: a region's cycle, or, asked for the whole country (`status nasjonal`, or `status`
    in the national channel, which has no region), AU's national view (`oversikt`), never «Hvilken region?»
    where the bot itself suggests `status`."""
    words = ctx.args.split()
    rest = [word for word in words if fold(word) not in NATION_WORDS]
    national = len(rest) < len(words)
    if not national and ctx.channel.kind == "national":
        named = read_args(ctx, rest, want=("region", "year"))
        if named.region is None and named.rest and all(word in named.rest.near for word in named.rest):
            reject_extra(named.rest, example="status agder 2027")  # «status agdr»: «Mente du «Agder»?» (N5)
        national = context_region(ctx, named.region) is None
    if national:
        outcome = _NATIONAL(request, replace(ctx, args=" ".join(rest)))
        # in AU's channel, the points AU follows below the overview: where «skriv «status»» leads (walk 26 F4)
        return with_channel_points(outcome, ctx) if ctx.channel.kind == "national" and outcome.reply.ok else outcome
    return _REGIONAL(request, ctx)


def handle(request: Request, ctx: Context) -> Outcome:
    args = read_args(ctx, ctx.args.split(), want=("region", "year"))
    reject_extra(args.rest, example="status agder 2027")
    if context_region(ctx, args.region) is None:
        if args.year is None and (points := actor_status(ctx)):  # an actor's channel: its points (walk 26 F4)
            return points
        raise DomainError(
            _("Hvilken region? Skriv f.eks. «{example}», eller «oversikt» for alle regionene på en gang.").format(
                example="status agder 2027"
            )
        )
    region = require_region(ctx, args.region, example="status agder 2027")
    today = ctx.now.date()
    if args.year is not None:
        require_readable_year(this_year=today.year, year=args.year, example=f"status {today.year}")
    view = read_cycles(ctx.config, today=today)
    year = args.year or view.year
    sections: list[Section] = []
    period = region_plan_period(config=ctx.config, state=ctx.state, region=region, year=year)
    plan_facts = (
        Fact(
            _("Planperiode"),
            period if period else no_plan_period(config=ctx.config, state=ctx.state, region=region, year=year),
        ),
    )
    # The next agreement is prepared within the next period once one is set ahead: shown beside, never instead.
    upcoming_period = upcoming_plan_period(config=ctx.config, state=ctx.state, region=region, year=year, today=today)
    if args.year is None and upcoming_period:
        plan_facts += (Fact(_("Neste planperiode"), upcoming_period),)
    sections.append(Section(title=_("Regional plan"), facts=plan_facts))
    earlier = earlier_open_lines(config=ctx.config, state=ctx.state, region=region, year=year, today=today)
    if earlier:  # what earlier cycles left open, as `neste` and the digests name it (walk 19 F4)
        sections.append(Section(title=_("Ikke fullført fra tidligere sykluser"), text="\n".join(earlier)))
    buttons: list[Button] = []
    items = cycle_items(ctx.config, year=year, region=region)
    progresses = [progress_of(config=ctx.config, state=ctx.state, item=item) for item in items]
    # Items that predate the bot and were never recorded: one line naming them, not one section each, and
    # left out of the count (they are neither done nor behind; the bot never followed them).
    before = [p for p in progresses if not tracked(ctx.config, p.item) and not p.done]
    followed = [p for p in progresses if p not in before]
    if before:
        names = ", ".join(p.item.title() for p in before)
        sections.append(
            Section(title=_("Før Samhandlingsbot tok over"), text=_("Ikke fulgt opp her: {names}.").format(names=names))
        )
    for progress in followed:
        sections.append(_section(ctx, progress, today=today))
    for progress in progresses:
        buttons += _buttons(ctx, progress, platform=request.platform)
    done_count = sum(progress.done for progress in followed)
    lead = ngettext("{done} av {n} punkt er ferdige", "{done} av {n} punkter er ferdige", len(followed)).format(
        done=done_count, n=len(followed)
    )
    lead += (
        " "
        + ngettext(
            "({n} punkt fra før Samhandlingsbot tok over).",
            "({n} punkter fra før Samhandlingsbot tok over).",
            len(before),
        ).format(n=len(before))
        + " "
        if before
        else ". "
    )
    lead += _("Syklus {year} er samarbeidsavtalen {year} og møtene i {year}.").format(year=year)
    if args.year is None and view.preparing:
        upcoming = open_items(config=ctx.config, state=ctx.state, year=view.preparing, region=region, today=today)
        if upcoming:
            sections.append(
                Section(
                    title=_("Forberedelse av avtalen {year}").format(year=view.preparing),
                    text=_("Åpne punkter for syklus {year} (skriv «status {year}» for hele).").format(
                        year=view.preparing
                    ),
                )
            )
            for progress in upcoming:
                sections.append(_section(ctx, progress, today=today))
                buttons += _buttons(ctx, progress, platform=request.platform)
            lead += " " + _("Under: det som er åpent for avtalen {year}.").format(year=view.preparing)
    reply = make_reply(
        title=_("Status {party} – syklus {year}").format(party=ctx.config.party_name(region), year=year),
        lead=lead,
        sections=sections,
        buttons=buttons,
        context=_("Samhandlingsmodellen · per {day}").format(day=today.strftime("%d.%m.%Y")),
    )
    return Outcome(reply=reply)


def _section(ctx: Context, progress: Progress, *, today: date) -> Section:
    return describe(config=ctx.config, state=ctx.state, progress=progress, today=today, full=True)


def _buttons(ctx: Context, progress: Progress, *, platform: str) -> list[Button]:
    item = progress.item
    if is_signing(item) and progress.missing and item.region:
        mine = signable_here(ctx, item=item, missing=tuple(progress.missing), platform=platform)
        return sign_buttons(ctx, item=item, parties=mine)
    return []


_REGIONAL = with_status_link(handle, page="region")
_NATIONAL = with_status_link(overview.handle, page="national")
