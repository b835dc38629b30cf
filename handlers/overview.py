"""`oversikt [år]`: the national view for AU: every region against every milestone of one cycle."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from bot.actions.coordinators_only import regions_without_coordinator
from bot.actions.rules import require_readable_year
from bot.context import Context
from bot.facts.assignment_answers import answered_share
from bot.facts.behind import behind_text, earlier_behind_text, held_up_by_others
from bot.facts.item_state import item_state, minutes_missing
from bot.facts.kinds import is_signing
from bot.i18n import _, ngettext
from bot.messages import Button, Fact, ItemState, Outcome, Request, Section
from bot.model.config import Region
from bot.model.cycle import read_cycles
from bot.model.followups_status import count_text
from bot.model.progress import Progress, progress_of
from bot.model.wheel import Item, national_milestones, precondition_items, regional_milestones, tracked
from bot.shown.replies import day_text, make_reply
from bot.shown.states import over_short
from bot.shown.unheard import unheard_actors_now, unheard_text
from bot.state.store import DomainError
from handlers.common import read_args, reject_extra, take_page
from handlers.reach import unreachable_section

PAGE_REGIONS = 15
"""Regions per page: the 15 counties fit on one; with more (municipalities, partners) the rest follow on
«oversikt side 2» and on, so a reply stays within Slack's 50 blocks and a Teams card's size."""


def handle(request: Request, ctx: Context) -> Outcome:
    page, words = take_page(ctx.args.split())
    args = read_args(ctx, words, want=("year",))
    reject_extra(args.rest, example="oversikt 2027")
    today = ctx.now.date()
    if args.year is not None:
        require_readable_year(this_year=today.year, year=args.year, example=_("oversikt") + f" {today.year}")
    view = read_cycles(ctx.config, today=today)
    year = args.year or view.year
    all_regions = ctx.config.parties.regions
    pages = max(1, -(-len(all_regions) // PAGE_REGIONS))
    if page > pages:
        raise DomainError(
            ngettext(
                "Oversikten har bare {n} side. Skriv «{command}».",
                "Oversikten har bare {n} sider. Skriv «{command}».",
                pages,
            ).format(n=pages, command=_("oversikt") + f" side {pages}")
        )
    regions = all_regions[(page - 1) * PAGE_REGIONS : page * PAGE_REGIONS]
    shared = national_milestones(ctx.config, year=year) + precondition_items(ctx.config, year=year, region=None)
    sections = [
        Section(
            title=_("Nasjonalt"),
            facts=tuple(_fact(ctx, item, today) for item in shared),
        )
    ]
    complete = 0
    followed = 0
    shown = {region.key for region in regions}
    uncoordinated = set(regions_without_coordinator(config=ctx.config, state=ctx.state))
    for region in all_regions:  # the count of signed regions is over all of them, whatever the page
        items = regional_milestones(ctx.config, year=year, region=region.key)
        items += [item for item in precondition_items(ctx.config, year=year, region=region.key) if item.region]
        if any(is_signing(item) and _progress(ctx, item).done for item in items):
            complete += 1
        followed += any(is_signing(item) and tracked(ctx.config, item) for item in items)
        if region.key in shown:
            cells = [_fact(ctx, item, today) for item in items]
            if region.key in uncoordinated:  # nobody can record for it: said in its row (walk 18 F9)
                cells.append(_nobody_records(ctx, region=region.key))
            sections.append(Section(title=region.short, facts=tuple(cells)))
    if page > 1:
        sections = sections[1:]  # the national rows are on the first page
    if args.year is None and view.preparing:
        preparing = _preparing(ctx, year=view.preparing, today=today, regions=regions, national=page == 1)
        # Once the agreement being prepared is the work (December: `CycleView.leading`), it comes first,
        # under the national rows, not after every region's rows of the running cycle (walk 24 F7).
        if view.leading:
            sections.insert(1 if page == 1 else 0, preparing)
        else:
            sections.append(preparing)
    unreachable = unreachable_section(ctx) if page == 1 else None  # held reminders, said where AU looks
    if page == 1 and (unheard := unheard_actors_now(ctx.directory)):
        texts = (unheard_text(name=ctx.config.party_name(actor), code=actor) for actor in unheard)
        sections.append(
            Section(
                title=_("Aktører uten kanal"),
                facts=tuple(Fact(actor, text) for actor, text in zip(unheard, texts, strict=True)),
            )
        )
    if unreachable is not None:
        sections.append(unreachable)
    buttons: list[Button] = []
    more = ""
    if pages > 1:
        more = " " + _("Side {page} av {pages}.").format(page=page, pages=pages)
        if page < pages:
            more += " " + _("Resten: «{command}».").format(command=_("oversikt") + f" {year} side {page + 1}")
            buttons.append(
                Button(
                    label=_("Side {page}").format(page=page + 1),
                    command=f"oversikt {year} side {page + 1}",
                    primary=False,
                )
            )
    # The agreement being prepared is headlined with its own backlog, not last year's (walk 2, H); other
    # years get today's, labelled so (`_today_label`).
    # A page counts what its rows show: the cycle shown, with earlier cycles' backlog named apart (walk 4, M3).
    cycle = year if year == view.preparing and year != view.year else None
    earliest = year if year == view.year else None  # this cycle and the one prepared below it, not earlier ones
    behind = behind_text(config=ctx.config, state=ctx.state, today=today, cycle=cycle, earliest=earliest)
    if earliest is not None:
        earlier = earlier_behind_text(config=ctx.config, state=ctx.state, today=today, cycle=year)
        behind = f"{behind} {earlier}".strip()
    behind = f"{behind} {count_text(config=ctx.config, state=ctx.state, today=today)}".strip()  # issue 18
    behind = _today_label(behind, year=year, now=view.year, preparing=view.preparing)
    before = any(fact.value == "–" for section in sections for fact in section.facts)
    legacy = " · " + _("– fra før Samhandlingsbot tok over") if before else ""
    reply = make_reply(
        title=_("Oversikt – syklus {year}").format(year=year),
        lead=f"{_signed_text(complete=complete, followed=followed, year=year)} {behind} "
        + _("✓ ferdig · ⚠ på overtid · dato = planlagt (med «referat/vedtak mangler»: dagen er over){legacy}.").format(
            legacy=legacy
        )
        + more,
        sections=sections,
        buttons=buttons,
        context=_("Samhandlingsmodellen · per {day}").format(day=today.strftime("%d.%m.%Y")),
    )
    return Outcome(reply=reply)


def _today_label(behind: str, *, year: int, now: int, preparing: int | None) -> str:
    """Who is behind is today's fact: under another cycle's heading it is said to be today's, and a cycle
    that has not begun says so (`oversikt 2030` is most likely a slip of the year)."""
    if year in (now, preparing):
        return behind
    labelled = _("I dag (syklus {now}): {behind}").format(now=now, behind=behind)
    if year > (preparing or now):
        return _("Syklus {year} har ikke begynt ennå.").format(year=year) + " " + labelled
    return labelled


def _signed_text(*, complete: int, followed: int, year: int) -> str:
    """How many regions have signed; an agreement signed before the bot took over is not "0 av 15"."""
    if followed == 0 and complete == 0:  # nobody recorded its signing here: never said to be signed (walk 4, M7)
        return _("Avtalen {year} er fra før Samhandlingsbot tok over: ikke fulgt opp her.").format(year=year)
    total = max(followed, complete)
    return ngettext(
        "{n} av {total} region har signert avtalen {year}.",
        "{n} av {total} regioner har signert avtalen {year}.",
        total,
    ).format(n=complete, total=total, year=year)


def _preparing(ctx: Context, *, year: int, today: date, regions: Sequence[Region], national: bool) -> Section:
    """The next agreement's open items, one line per region of this page, below the current cycle."""
    facts: list[Fact] = []
    shared = national_milestones(ctx.config, year=year) + precondition_items(ctx.config, year=year, region=None)
    for name, items in [(_("Nasjonalt"), shared if national else [])] + [
        (
            region.short,
            regional_milestones(ctx.config, year=year, region=region.key)
            + [i for i in precondition_items(ctx.config, year=year, region=region.key) if i.region],
        )
        for region in regions
    ]:
        # What is done shows too (✓ and its day): what AU or a region just registered is seen here, not only
        # on `oversikt {year}`, while the rows above are the running cycle's (walk 24 F7).
        started = [i for i in items if i.start <= today or _progress(ctx, i).done]
        if started:
            facts.append(Fact(name, "; ".join(f"{_label(i)}: {_cell(ctx, i, today)}" for i in started)))
    text = None if facts else _("Ingenting åpent ennå.")
    title = _("Forberedelse av avtalen {year}").format(year=year)
    return Section(title=title, facts=tuple(facts), text=text)


def _label(item: Item) -> str:
    label = item.spec.label or item.spec.name
    return f"{label} {item.actor}" if item.actor else label


def _progress(ctx: Context, item: Item) -> Progress:
    return progress_of(config=ctx.config, state=ctx.state, item=item)


def _fact(ctx: Context, item: Item, today: date) -> Fact:
    """A cell: the item's state (`bot.facts.item_state`) as data, and in words and symbols."""
    progress = _progress(ctx, item)
    state = item_state(config=ctx.config, progress=progress, today=today)
    text = _cell_text(ctx, progress, state)
    if state is ItemState.PLANNED and minutes_missing(progress, today=today):  # over, not ahead (walk 15 N3)
        text += " · " + over_short(progress.item)
    return Fact(_label(item), text, state=state)


def _cell(ctx: Context, item: Item, today: date) -> str:
    return _fact(ctx, item, today).value


def _cell_text(ctx: Context, progress: Progress, state: ItemState) -> str:
    item = progress.item
    if state is ItemState.NOT_RELEVANT:
        return _("ikke aktuelt")
    if state is ItemState.DONE:
        return f"✓ {progress.done_at.strftime('%d.%m') if progress.done_at else ''}".strip()
    if state is ItemState.UNTRACKED:
        return "–"
    warn = "⚠ " if state is ItemState.OVERDUE else ""
    if is_signing(item):
        total = len(progress.missing) + len(ctx.state.signatures(region=item.region, year=item.year))
        signed = total - len(progress.missing)
        held = held_up_by_others(config=ctx.config, state=ctx.state, item=item) if warn else ""
        if held:  # not the region's delay: the same reading as the headline's (walk 9, W10)
            return warn + _("{signed}/{total} signert, venter på {what}").format(signed=signed, total=total, what=held)
        return warn + _("{signed}/{total} signert").format(signed=signed, total=total)
    if state is ItemState.OVERDUE:
        return warn + _("frist {day}").format(day=day_text(item.deadline))
    if progress.planned:  # both days of a meeting over two, as the page says them (walk 20 F-a)
        last = progress.planned_last_day
        return progress.planned.strftime("%d.%m") + (f"–{last:%d.%m}" if last else "")
    share = answered_share(config=ctx.config, state=ctx.state, item=item)  # an optional item: how far it is
    if state is ItemState.OPTIONAL_PAST:  # as `status` and the page say it: never «åpen» as if ahead
        words = _("valgfritt, ikke på overtid")
        return f"{share}, {words}" if share is not None else words
    return share if share is not None else _("åpen")


def _nobody_records(ctx: Context, *, region: str) -> Fact:
    """«Koordinator: ingen, så ingen kan registrere …»: a region nobody can record for until an administrator
    gives the role, told apart in AU's overview from one that is only late (walk 18 F9)."""
    return Fact(
        _("Koordinator"),
        _("ingen, så ingen kan registrere (en administrator gir rollen med «{command}»)").format(
            command=f"person @… {region} koordinator"
        ),
    )
