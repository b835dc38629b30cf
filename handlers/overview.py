"""`oversikt [år]`: the national view for AU: every region against every milestone of one cycle."""

from __future__ import annotations

from datetime import date

from bot.behind import behind_text
from bot.context import Context
from bot.cycle import read_cycles
from bot.i18n import _
from bot.messages import Fact, Outcome, Request, Section
from bot.progress import Progress, progress_of
from bot.replies import day_text, make_reply
from bot.wheel import Item, national_milestones, precondition_items, regional_milestones, tracked
from handlers.common import read_args, reject_extra


def handle(request: Request, ctx: Context) -> Outcome:
    args = read_args(ctx, ctx.args.split(), want=("year",))
    reject_extra(args.rest, example="oversikt 2027")
    today = ctx.now.date()
    view = read_cycles(ctx.config, today=today)
    year = args.year or view.year
    shared = national_milestones(ctx.config, year=year) + precondition_items(ctx.config, year=year, region=None)
    sections = [
        Section(
            title=_("Nasjonalt"),
            facts=tuple(Fact(_label(item), _cell(ctx, item, today)) for item in shared),
        )
    ]
    complete = 0
    for region in ctx.config.parties.regions:
        items = regional_milestones(ctx.config, year=year, region=region.key)
        items += [item for item in precondition_items(ctx.config, year=year, region=region.key) if item.region]
        cells = [Fact(_label(item), _cell(ctx, item, today)) for item in items]
        if any(item.spec.signed_by_parties and _progress(ctx, item).done for item in items if item.kind == "milestone"):
            complete += 1
        sections.append(Section(title=region.short, facts=tuple(cells)))
    if args.year is None and view.preparing:
        sections.append(_preparing(ctx, year=view.preparing, today=today))
    behind = behind_text(config=ctx.config, state=ctx.state, today=today)
    reply = make_reply(
        title=_("Oversikt – syklus {year}").format(year=year),
        lead=_("{n} av {total} regioner har signert avtalen {year}.").format(
            n=complete, total=len(ctx.config.parties.regions), year=year
        )
        + f" {behind} "
        + _("✓ ferdig · ⚠ på overtid · dato = planlagt."),
        sections=sections,
        context=_("Samhandlingsmodellen · per {day}").format(day=today.strftime("%d.%m.%Y")),
    )
    return Outcome(reply=reply)


def _preparing(ctx: Context, *, year: int, today: date) -> Section:
    """The next agreement's open items, one line per region, below the current cycle."""
    facts: list[Fact] = []
    shared = national_milestones(ctx.config, year=year) + precondition_items(ctx.config, year=year, region=None)
    for name, items in [(_("Nasjonalt"), shared)] + [
        (
            region.short,
            regional_milestones(ctx.config, year=year, region=region.key)
            + [i for i in precondition_items(ctx.config, year=year, region=region.key) if i.region],
        )
        for region in ctx.config.parties.regions
    ]:
        open_items = [i for i in items if i.start <= today and not _progress(ctx, i).done]
        if open_items:
            facts.append(Fact(name, "; ".join(f"{_label(i)}: {_cell(ctx, i, today)}" for i in open_items)))
    text = None if facts else _("Ingenting åpent ennå.")
    return Section(
        title=_("Forberedelse av avtalen {year} (åpne punkter)").format(year=year), facts=tuple(facts), text=text
    )


def _label(item: Item) -> str:
    label = item.spec.label or item.spec.name
    return f"{label} {item.actor}" if item.actor else label


def _progress(ctx: Context, item: Item) -> Progress:
    return progress_of(config=ctx.config, state=ctx.state, item=item)


def _cell(ctx: Context, item: Item, today: date) -> str:
    progress = _progress(ctx, item)
    if progress.not_relevant:
        return _("ikke aktuelt")
    if progress.done:
        return f"✓ {progress.done_at.strftime('%d.%m') if progress.done_at else ''}".strip()
    if item.kind == "milestone" and item.spec.signed_by_parties and item.region:
        total = len(progress.missing) + len(ctx.state.signatures(region=item.region, year=item.year))
        signed = total - len(progress.missing)
        prefix = "⚠ " if item.deadline < today and tracked(ctx.config, item) else ""
        return prefix + _("{signed}/{total} signert").format(signed=signed, total=total)
    if not tracked(ctx.config, item):
        return "–"
    if item.deadline < today:
        return "⚠ " + _("frist {day}").format(day=day_text(item.deadline))
    if progress.planned:
        return progress.planned.strftime("%d.%m")
    return _("åpen")
