"""`årshjul [år] [region|nasjonal|varmekart]`: the wheel month by month for one calendar year, from the
configured windows, as text and as a picture (`Reply.picture`: the adapters draw and post it)."""

from __future__ import annotations

from dataclasses import replace

from bot.context import Context
from bot.dates.text import month_name
from bot.facts.item_state import item_state
from bot.facts.kinds import is_meeting
from bot.i18n import _, current
from bot.messages import Fact, ItemState, Outcome, Picture, Reply, Request, Section
from bot.model.progress import progress_of
from bot.model.wheel import Item, cycle_items
from bot.parsing import fold
from bot.shown.replies import day_text, days_text, make_reply
from bot.shown.states import STATE_LABELS, STATE_ORDER, STATE_SYMBOLS, State, state_of
from bot.shown.wheel_carried import carried, carried_earlier
from bot.shown.wheel_picture import group_mark, heat_map, in_year, legend_text, marked_day, month_in, placed
from handlers.common import NATION_WORDS, context_region, read_args, reject_extra


def handle(request: Request, ctx: Context) -> Outcome:
    # An actor or AU named («årshjul IN») reads as in its channel: the wheel of every region (walk 14b C2).
    args = read_args(ctx, ctx.args.split(), want=("year", "region", "party"))
    if args.party and not (ctx.config.actor(args.party) or args.party == ctx.config.parties.coordinator.key):
        reject_extra([args.party], example="årshjul 2027")
    views = {fold(word): word for word in args.rest}
    view = "heatmap" if views.keys() & HEATMAP_WORDS else "nation" if views.keys() & NATION_WORDS else None
    reject_extra([w for f, w in views.items() if f not in HEATMAP_WORDS | NATION_WORDS], example="årshjul 2027")
    year = args.year or ctx.now.date().year
    region = None if view or (args.party and not args.region) else context_region(ctx, args.region)
    # A calendar year holds items of two cycles: agreement `year` and the autumn work on agreement year+1.
    # One line per arc of the picture: a precondition's actors share one («Tildelingsbrev … 4/4»).
    # Last year's overdue items of this year's agreement open January, as the picture draws them (`carried`,
    # walk15b N3): one rule for both.
    groups: dict[tuple[str, int], list[Item]] = {}
    late: set[tuple[str, int]] = set()
    # Without a region, a regional item is every region's: its line counts their states, and it is carried
    # over when any region's is, as the picture's rings draw them (walk 20 F-b).
    everywhere = _across_regions(ctx, years=(year - 1, year, year + 1)) if region is None else {}
    for cycle in (year, year + 1):
        for item in cycle_items(ctx.config, year=cycle, region=region or ctx.config.parties.regions[0].key):
            dated = region is not None or not item.region
            shared = everywhere.get((item.key, item.year, item.actor), [item]) if not dated else [item]
            if any(
                carried(config=ctx.config, state=ctx.state, item=one, year=year, today=ctx.now.date()) for one in shared
            ):
                late.add((item.key, item.year))
            if in_year(item, year=year) or (item.key, item.year) in late:  # what the picture draws
                groups.setdefault((item.key, item.year), []).append(item)
    # and what earlier cycles left that a region's cycle still answers for, as `status` names it (walk 26 F1)
    for key in [region] if region else [spec.key for spec in ctx.config.parties.regions]:
        for item in carried_earlier(config=ctx.config, state=ctx.state, region=key, year=year, today=ctx.now.date()):
            if region is None and not item.region:
                continue
            late.add((item.key, item.year))
            group = groups.setdefault((item.key, item.year), [])
            group += [item] if region or not group else []
    by_month: dict[int, list[str]] = {}
    for key, group in groups.items():
        head = group[0]
        dated = region is not None or not head.region
        month = 1 if key in late else _month(ctx, group, year=year) if dated else month_in(head, year=year)
        regions = None if dated else everywhere.get((head.key, head.year, head.actor))
        line = _line(ctx, head, group=group if dated else None, regions=regions, year=year)
        by_month.setdefault(month, []).append(line)
    sections = [
        Section(title=month_name(month).capitalize(), text="\n".join(lines))
        for month, lines in sorted(by_month.items())
    ]
    where = ctx.config.party_name(region) if region else _("hver region")
    if view == "heatmap":
        heat = _heat_map_text(ctx, year=year, months=tuple(sections))
        return Outcome(reply=replace(heat, picture=_picture(ctx, year=year, region=region, view=view)))
    reply = make_reply(
        title=_("Årshjulet {year}").format(year=year),
        lead=_("Samhandlingsmodellens år for {where}, måned for måned. Tildelingsbrev gjelder hver aktør.").format(
            where=where
        )
        + f" {legend_text()}.",
        sections=sections,
        context=_("Fra app.yaml · samhandlingsmodellen (2017)"),
    )
    return Outcome(reply=replace(reply, picture=_picture(ctx, year=year, region=region, view=view)))


HEATMAP_WORDS = frozenset({"varmekart", "tabell", "kart"})


def _picture(ctx: Context, *, year: int, region: str | None, view: str | None) -> Picture:
    """The region's wheel; without a region (the national channel), every region as a ring."""
    if region is not None and view is None:
        params = {"view": "region", "region": region, "year": str(year)}
        name = f"arshjul-{region}-{year}"
        what = _("Årshjulet {year} for {party}").format(year=year, party=ctx.config.party_name(region))
    elif view == "heatmap":
        params = {"view": "heatmap", "year": str(year)}
        name, what = f"arshjul-varmekart-{year}", _("Årshjulet {year}, måned for måned per region").format(year=year)
    else:
        params = {"view": "nation", "year": str(year)}
        name, what = f"arshjul-alle-{year}", _("Årshjulet {year} for alle regioner").format(year=year)
    params["lang"] = current()  # the picture's labels in the reader's written form
    return Picture(params=params, name=name, alt=_("{what}, som bilde. Teksten over har det samme.").format(what=what))


def _heat_map_text(ctx: Context, *, year: int, months: tuple[Section, ...]) -> Reply:
    """`årshjul varmekart` as text: the picture's table, one line per region (the months that hold items,
    each with the worst state's symbol and how many), so the text says what the picture shows; then the
    wheel month by month, as every `årshjul` has it."""
    table = heat_map(config=ctx.config, state=ctx.state, year=year, today=ctx.now.date())
    facts = []
    for row, label in enumerate(table.rows):
        cells = [cell for cell in table.cells if cell.row == row and cell.state is not None]
        value = " · ".join(f"{month_name(c.col + 1)[:3]} {STATE_SYMBOLS[c.state]} {c.count}" for c in cells)
        facts.append(Fact(label, value or "–"))
    return make_reply(
        title=table.title,
        lead=f"{table.subtitle}. {legend_text()}.",
        sections=(Section(title=_("Per region"), facts=tuple(facts)), *months),
        context=_("Samhandlingsmodellen · per {day}").format(day=ctx.now.date().strftime("%d.%m.%Y")),
    )


def _across_regions(ctx: Context, *, years: tuple[int, ...]) -> dict[tuple[str, int, str | None], list[Item]]:
    """Each regional item of `years`' cycles, with the same item of every region."""
    found: dict[tuple[str, int, str | None], list[Item]] = {}
    for cycle in years:
        for spec in ctx.config.parties.regions:
            for item in cycle_items(ctx.config, year=cycle, region=spec.key):
                if item.region:
                    found.setdefault((item.key, item.year, item.actor), []).append(item)
    return found


def _regions_mark(ctx: Context, items: list[Item]) -> tuple[State, str]:
    """The worst state among the regions and how many stand in each state: «! … – regionene: på overtid 13,
    ferdig 2», so the national wheel's text says what its rings show (walk 20 F-b)."""
    today = ctx.now.date()
    states = [state_of(config=ctx.config, state=ctx.state, item=item, today=today)[0] for item in items]
    labels = [
        _("valgfritt, ikke på overtid")  # drawn open, said as every other surface says it (walk 23 #5)
        if shown == "open"
        and item_state(
            config=ctx.config, progress=progress_of(config=ctx.config, state=ctx.state, item=item), today=today
        )
        is ItemState.OPTIONAL_PAST
        else _(STATE_LABELS[shown]).lower()
        for shown, item in zip(states, items, strict=True)
    ]
    ordered = sorted(range(len(items)), key=lambda i: STATE_ORDER.index(states[i]))
    counts = ", ".join(f"{label} {labels.count(label)}" for label in dict.fromkeys(labels[i] for i in ordered))
    return min(states, key=STATE_ORDER.index), _("regionene: {counts}").format(counts=counts)


def _line(
    ctx: Context, item: Item, *, group: list[Item] | None, regions: list[Item] | None = None, year: int | None = None
) -> str:
    """Items that belong to next year's agreement (its preconditions, its draft) say so; a planned date is
    named before the deadline, as the picture marks it with its dot (walk 6 F10). `group`: the item is one
    place's (a region's wheel, or a national item), not «hver region»'s, so it has one state, shown with the
    picture's symbol and count (walk 14a F9), and its planned date is one date; `group` holds its actors'
    items too (one line for every allocation letter, as the picture's one arc). An earlier cycle's item
    carried into the wheel's `year` names its cycle, as the picture's label does («(2027)»)."""
    suffix = (
        " " + _("(avtale {year})").format(year=item.year)
        if item.kind == "precondition" or item.year != placed(item).year
        else f" ({item.year})"
        if year is not None and placed(item).year < year
        else ""
    )
    deadline = _("frist {day}").format(day=day_text(item.deadline))
    if group is None and regions:
        worst, counts = _regions_mark(ctx, regions)
        return f"{STATE_SYMBOLS[worst]} {item.spec.name}{suffix} – {deadline} – {counts}"
    if group is None:
        return f"{item.spec.name}{suffix} – {deadline}"
    worst, count, _share = group_mark(config=ctx.config, state=ctx.state, items=group, today=ctx.now.date())
    name = f"{STATE_SYMBOLS[worst]} {item.spec.name}{count}{suffix}"
    progress = progress_of(config=ctx.config, state=ctx.state, item=item)
    if (
        worst == "open"
        and len(group) == 1
        and item_state(config=ctx.config, progress=progress, today=ctx.now.date()) is ItemState.OPTIONAL_PAST
    ):
        return f"{name} – " + _("valgfritt, ikke på overtid") + f", {deadline}"  # as `status` says it
    if worst == "done" and len(group) > 1:  # the arc is done when its last item is: the fourth letter (walk 20 F-c)
        progress = max(
            (progress_of(config=ctx.config, state=ctx.state, item=one) for one in group),
            key=lambda one: one.done_at.timestamp() if one.done_at else 0.0,
        )
    if worst == "done" and progress.done_at is not None:  # done, not «planlagt» (walk 15 N3)
        days = days_text(progress.done_at.date(), progress.held_last_day)
        return f"{name} – " + _("ferdig {days}").format(days=days) + f", {deadline}"
    if progress.planned is not None:
        days = days_text(progress.planned.date(), progress.planned_last_day)
        # a planned day gone by with the deadline passed too is no plan any more: what is missing is said, as
        # `status` says it («møtet er over; referatet mangler»), not «planlagt 10. mai» in November (walk 35 F5)
        gone = progress.last_day is not None and progress.last_day < ctx.now.date()
        worst = "minutes_missing" if worst == "overdue" and gone else worst
        if worst == "minutes_missing" and is_meeting(item):  # the picture's own mark, as `status` says it (walk 15 N3)
            return f"{name} – " + _("møtet var {days}; referatet mangler").format(days=days) + f", {deadline}"
        if worst == "minutes_missing":  # a decision's day passed unrecorded (walk 20 F-h)
            return f"{name} – " + _("planlagt {days}; vedtaket mangler").format(days=days) + f", {deadline}"
        return f"{name} – " + _("planlagt {days}").format(days=days) + f", {deadline}"
    return f"{name} – {deadline}"


def _month(ctx: Context, group: list[Item], *, year: int) -> int:
    """The month a dated line stands under: that of the day the picture's dot marks (a meeting planned or held
    outside its suggested month, «møtet var 3. desember» under December), else the model's place."""
    today = ctx.now.date()
    states = [state_of(config=ctx.config, state=ctx.state, item=item, today=today) for item in group]
    day = marked_day(states, year=year)
    return day.month if day else month_in(group[0], year=year)
