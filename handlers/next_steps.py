"""`neste`: the next open items for this channel's context, overdue ones first."""

from __future__ import annotations

from datetime import timedelta

from bot.context import Context
from bot.messages import Button, Outcome, Request, Section
from bot.progress import Progress
from bot.replies import make_reply
from bot.wheel import (
    Item,
    cycle_items,
    national_milestones,
    precondition_items,
    regional_milestones,
    tracked,
)
from handlers.common import read_args
from handlers.describe import describe, progress_list, sign_buttons

SHOW = 5
HORIZON = timedelta(days=200)
"""How far ahead `neste` looks for items whose window has not opened yet."""


def handle(request: Request, ctx: Context) -> Outcome:
    args = read_args(ctx, ctx.args.split(), want=("region", "party", "year"))
    region = args.region or ctx.channel.region
    actor = args.party if args.party and ctx.config.actor(args.party) else ctx.channel.actor
    if ctx.channel.kind == "unbound" and not (args.region or args.party):
        caller_party = ctx.caller.party
        if caller_party and ctx.config.region(caller_party):
            region = caller_party
        elif caller_party and ctx.config.actor(caller_party):
            actor = caller_party
    today = ctx.now.date()
    years = range(today.year - 1, today.year + 2)
    if actor:
        items = _actor_items(ctx, actor=actor, region=region, years=years)
        who = ctx.config.party_name(actor) + (f" i {ctx.config.party_name(region)}" if region else "")
    elif region:
        items = [item for year in years for item in cycle_items(ctx.config, year=year, region=region)]
        who = ctx.config.party_name(region)
    else:
        items = [item for year in years for item in national_milestones(ctx.config, year=year)]
        items += [item for year in years for item in precondition_items(ctx.config, year=year, region=None)]
        who = "hele landet"
    open_items = [
        progress
        for progress in progress_list(
            ctx,
            [item for item in items if item.start <= today + HORIZON and tracked(ctx.config, item)],
        )
        if not progress.done and progress.item.deadline >= today - timedelta(days=365)
    ]
    overdue = sorted(
        (p for p in open_items if p.item.deadline < today),
        key=lambda p: p.item.deadline,
    )
    upcoming = sorted(
        (p for p in open_items if p.item.deadline >= today),
        key=lambda p: (p.target, p.item.deadline),
    )
    chosen = overdue[:SHOW] + upcoming[: max(SHOW - len(overdue), 2)]
    if not chosen:
        reply = make_reply(
            title=f"Neste for {who}",
            lead="Alt er i rute: ingen åpne frister de neste månedene.",
        )
        return Outcome(reply=reply)
    sections: list[Section] = []
    buttons: list[Button] = []
    for progress in chosen:
        section = describe(config=ctx.config, state=ctx.state, progress=progress, today=today)
        if progress.item.deadline < today:
            section = Section(title=f"⚠ {section.title}", facts=section.facts, text=section.text)
        sections.append(section)
        buttons += _buttons_for(ctx, progress)
    lead = f"{len(overdue)} på overtid. " if overdue else ""
    if len(overdue) + len(upcoming) > len(chosen):
        lead += f"Viser {len(chosen)} av {len(overdue) + len(upcoming)} åpne. "
    lead += "Skriv «status» for hele året, eller «hjelp» for kommandoene."
    reply = make_reply(
        title=f"Neste for {who}",
        lead=lead,
        sections=sections,
        buttons=buttons[:5],
        context=f"Samhandlingsmodellen · per {today.strftime('%d.%m.%Y')}",
    )
    return Outcome(reply=reply)


def _actor_items(ctx: Context, *, actor: str, region: str | None, years: range) -> list[Item]:
    """An actor's view: its own allocation letter, the signings it owes, and the meetings it prepares."""
    regions = [region] if region else [r.key for r in ctx.config.parties.regions]
    items: list[Item] = []
    for year in years:
        items += [item for item in precondition_items(ctx.config, year=year, region=None) if item.actor == actor]
        items += [item for item in national_milestones(ctx.config, year=year) if "actors" in item.spec.prepare]
        for key in regions:
            for item in regional_milestones(ctx.config, year=year, region=key):
                if item.spec.signed_by_parties:
                    if actor not in ctx.state.signatures(region=key, year=year):
                        items.append(item)
                elif region and "actors" in item.spec.prepare:
                    items.append(item)
    return items


def _buttons_for(ctx: Context, progress: Progress) -> list[Button]:
    item = progress.item
    if not (item.kind == "milestone" and item.spec.signed_by_parties and progress.missing):
        return []
    mine = tuple(party for party in progress.missing if party == ctx.caller.party)
    return sign_buttons(ctx, item=item, parties=mine)
