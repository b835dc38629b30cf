"""`årshjul [år]`: the wheel month by month for one calendar year, from the configured windows."""

from __future__ import annotations

from datetime import date

from bot.context import Context
from bot.dates import MONTH_NAMES
from bot.messages import Outcome, Request, Section
from bot.replies import day_text, make_reply
from bot.wheel import Item, cycle_items
from handlers.common import context_region, read_args, reject_extra


def handle(request: Request, ctx: Context) -> Outcome:
    args = read_args(ctx, ctx.args.split(), want=("year", "region"))
    reject_extra(args.rest, example="årshjul 2027")
    year = args.year or ctx.now.date().year
    region = context_region(ctx, args.region)
    # A calendar year holds items of two cycles: agreement `year` and the autumn work on agreement year+1.
    items = [
        item
        for cycle in (year, year + 1)
        for item in cycle_items(ctx.config, year=cycle, region=region or ctx.config.parties.regions[0].key)
        if _placed(item).year == year and (item.actor is None or item.actor == ctx.config.enabled_actors[0].key)
    ]
    by_month: dict[int, list[str]] = {}
    for item in items:
        by_month.setdefault(_placed(item).month, []).append(_line(item))
    sections = [
        Section(title=MONTH_NAMES[month - 1].capitalize(), text="\n".join(lines))
        for month, lines in sorted(by_month.items())
    ]
    where = ctx.config.party_name(region) if region else "hver region"
    reply = make_reply(
        title=f"Årshjulet {year}",
        lead=f"Samhandlingsmodellens år for {where}, måned for måned. Tildelingsbrev gjelder hver aktør.",
        sections=sections,
        context="Fra app.yaml · samhandlingsmodellen (2017)",
    )
    return Outcome(reply=reply)


def _placed(item: Item) -> date:
    """Where an item sits on the wheel: its suggested month inside its window, otherwise its deadline.

    The draft of agreement A+1 is treated in December A (deadline January A+1): it belongs in year A.
    """
    month = item.spec.suggested_month if item.kind == "milestone" else None
    if month:
        for year in range(item.start.year, item.deadline.year + 1):
            first = date(year, month, 1)
            if item.start <= first <= item.deadline or (first.year, first.month) == (item.start.year, item.start.month):
                return max(first, item.start)
    return item.deadline


def _line(item: Item) -> str:
    """Items that belong to next year's agreement (its preconditions, its draft) say so."""
    suffix = f" (avtale {item.year})" if item.kind == "precondition" or item.year != _placed(item).year else ""
    return f"{item.spec.name}{suffix} – frist {day_text(item.deadline)}"
