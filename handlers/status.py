"""`status [region] [år]`: the whole cycle of one region: every milestone, the preconditions, signatures."""

from __future__ import annotations

from bot.context import Context
from bot.messages import Fact, Outcome, Request, Section
from bot.progress import progress_of
from bot.replies import make_reply
from bot.wheel import cycle_items, signing_milestone, tracked
from handlers.common import milestone_for, pick_year, read_args, reject_extra, require_region
from handlers.describe import describe, sign_buttons


def handle(request: Request, ctx: Context) -> Outcome:
    args = read_args(ctx, ctx.args.split(), want=("region", "year"))
    reject_extra(args.rest, example="status agder 2027")
    region = require_region(ctx, args.region, example="status agder 2027")
    signing = signing_milestone(ctx.config)
    year = args.year or (
        pick_year(ctx, item_for=lambda y: milestone_for(ctx, key=signing.key, year=y, region=region))
        if signing
        else ctx.now.date().year
    )
    today = ctx.now.date()
    sections: list[Section] = []
    region_spec = ctx.config.region(region)
    if region_spec and region_spec.plan_period:
        sections.append(
            Section(
                title="Regional plan",
                facts=(Fact("Planperiode", region_spec.plan_period),),
            )
        )
    buttons = []
    done_count = 0
    items = cycle_items(ctx.config, year=year, region=region)
    for item in items:
        progress = progress_of(config=ctx.config, state=ctx.state, item=item)
        done_count += progress.done
        section = describe(config=ctx.config, state=ctx.state, progress=progress, today=today)
        if not tracked(ctx.config, item) and not progress.done:
            section = Section(title=section.title, text="Før Samhandlingsbot tok over: ikke fulgt opp her.")
        sections.append(section)
        if item.kind == "milestone" and item.spec.signed_by_parties and progress.missing:
            buttons += sign_buttons(ctx, item=item, parties=progress.missing)
    reply = make_reply(
        title=f"Status {ctx.config.party_name(region)} – syklus {year}",
        lead=f"{done_count} av {len(items)} punkter er ferdige. Syklus {year} er samarbeidsavtalen {year} og møtene i {year}.",
        sections=sections,
        buttons=buttons,
        context=f"Samhandlingsmodellen · per {today.strftime('%d.%m.%Y')}",
    )
    return Outcome(reply=reply)
