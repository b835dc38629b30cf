"""`neste`: what comes next here, and first what the caller's own party can act on now.

Order: the caller's own actions whose time has come (its signature where an agreement is ready, its
allocation letter, its meetings and decisions), then what is overdue, then what comes next. Every item names
its region; actors and AU see them grouped by region. AU hears plainly how many regions are behind and on
what, so "Alt er i rute" is never said while an agreement is overdue.
"""

from __future__ import annotations

from datetime import date, timedelta

from bot.actions.coordinators_only import no_coordinator_note
from bot.actions.rules import acts_for
from bot.context import Context
from bot.facts.behind import behind_text, due_soon_by_region, overdue_by_region
from bot.facts.earlier_open import earlier_items, region_scopes
from bot.facts.item_state import chases_lateness, is_overdue
from bot.facts.kinds import is_signing
from bot.facts.owed import left_behind, still_owed
from bot.i18n import N_, _, ngettext
from bot.messages import Button, Outcome, Request, Section
from bot.model.cycle import earliest_counted, read_cycles, still_followed
from bot.model.followups import callers_closable, callers_points
from bot.model.followups_shown import point_pages, with_followups
from bot.model.identity import own_actor_here
from bot.model.progress import Progress
from bot.model.wheel import responsible_party, tracked
from bot.pointers import asks_next_week
from bot.shown.earlier_open import earlier_points
from bot.shown.plan_period import plan_period_reminder
from bot.shown.replies import heading, make_reply
from handlers.announce import callers_own
from handlers.common import context_region, read_args, reject_extra, take_page
from handlers.describe import describe, progress_list, sign_buttons
from handlers.next_acting import can_act, stale_text
from handlers.next_opening import opening_text
from handlers.next_pages import (
    more_text,
    onward_text,
    page_command,
    pages_of,
    past_end_text,
    points_page,
    rest_page_text,
    rest_text,
)
from handlers.next_waiting import waiting_in_season, waiting_text
from handlers.next_week import week_text
from handlers.next_window import HORIZON, actor_items, national_window, region_window

SHOW = 5
NEAR = timedelta(days=150)
"""What is coming within this (a season) is still shown when overdue items fill the list."""


def handle(request: Request, ctx: Context) -> Outcome:
    page, words = take_page(ctx.args.split())
    args = read_args(ctx, words, want=("region", "party", "year"))
    # «neste side x», «neste side 0», a stray word: said, as `logg` and `oversikt` say it, never a reply whose
    # page button carries the word back («neste side x side 2»)
    reject_extra([word for word in args.rest if not asks_next_week([word])], example=N_("neste side 2"))
    region = args.region or ctx.channel.region
    actor = args.party if args.party and ctx.config.actor(args.party) else ctx.channel.actor
    if ctx.channel.kind == "unbound" and not (args.region or args.party):
        caller_party = ctx.caller.party
        if caller_party and ctx.config.region(caller_party):
            region = caller_party
        elif caller_party and ctx.config.actor(caller_party):
            actor = caller_party
    elif not (args.region or args.party):  # an actor's member in a region's shared channel: their own actor there
        actor = own_actor_here(config=ctx.config, caller=ctx.caller, channel=ctx.channel) or actor
    today = ctx.now.date()
    if actor:
        items = actor_items(ctx, actor=actor, region=region, today=today)
        who = ctx.config.party_name(actor) + (
            " " + _("i {region}").format(region=ctx.config.party_name(region)) if region else ""
        )
    elif region:
        items = list(region_window(ctx.config, region=region, today=today))
        who = ctx.config.party_name(region)
    else:
        items = list(national_window(ctx.config, today=today))
        who = _("hele landet")
    earliest = earliest_counted(ctx.config, today=today)
    open_items = [
        progress
        for progress in progress_list(
            ctx,
            [item for item in items if item.start <= today + HORIZON and tracked(ctx.config, item)],
        )
        if not progress.done
        and still_followed(progress.item, today=today)
        and not (progress.item.deadline < today and not chases_lateness(progress.item))  # late, not chased: hidden
        # a cycle no longer counted is history (`earliest_counted`, walk 29 F2), bar a signature still owed
        and (progress.item.year >= earliest or still_owed(progress.item, today=today))
    ]
    spans_regions = region is None
    # What earlier cycles left unfinished is one fact (bot.facts.earlier_open), the items `status` and the page
    # name under the same heading, for each region the list spans and the nation: named in one line with
    # their year, not offered as «Du kan gjøre nå» beside this year's (issue 18). The caller's own item stays
    # something to do while a write without a year still means it, and its own late signature as long as the
    # digests name it (bot.facts.owed, walk 14b F11).
    this_cycle = read_cycles(ctx.config, today=today).year
    # A region's list names the whole fact, as its `status` does (walk 29 F8; what the asker acts on as its
    # item, below); a list spanning regions (an actor's, AU's) names what it moved out of its items.
    scoped = region is not None and actor is None
    scopes = (
        region_scopes(region)
        if scoped and region
        else {None} | {p.item.region for p in open_items if p.item.year < this_cycle}
    )
    earlier = earlier_items(config=ctx.config, state=ctx.state, regions=scopes, year=this_cycle, today=today)
    earlier_ids = {item.ident for item in earlier}
    hidden = [
        p
        for p in open_items
        if p.item.ident in earlier_ids
        and not (can_act(ctx, p, today) and not left_behind(ctx.config, item=p.item, today=today))
    ]
    stale = progress_list(ctx, list(earlier)) if scoped else hidden
    stale_points = (
        earlier_points(config=ctx.config, state=ctx.state, region=region, year=this_cycle, today=today)
        if scoped and region
        else []
    )
    stale_ids = {id(p) for p in hidden}
    open_items = [p for p in open_items if id(p) not in stale_ids]
    # An actor's view is the actor's: a county coordinator asking `neste nfr` sees NFR's list, not their
    # own «Du kan gjøre nå» under NFR's heading (walk 2, M).
    other_subject = actor is not None and ctx.caller.party != actor
    mine = sorted(
        (p for p in open_items if not other_subject and can_act(ctx, p, today)),
        # a signing whose window is open first; before it opens (its text to register in December) it stands by
        # its deadline, after the action plan due next week (walk 43: «kan signeres fra 1. januar» listed first)
        key=lambda p: (not (is_signing(p.item) and p.item.start <= today), *_order(ctx, p, spans_regions)),
    )
    mine_ids = {id(p) for p in mine}  # by identity: comparing Progress records field by field is costly
    # An earlier item the caller still acts on stands among «Du kan gjøre nå» with its deadline and what to
    # type: named there once, not also in the earlier cycles' line (walk 32 F6).
    acted_on = {p.item.ident for p in mine}
    stale = [p for p in stale if p.item.ident not in acted_on]
    points = callers_points(ctx, today=today)  # the asker's own: with their own work, before «Ellers» (walk 14b F3)
    if args.region and args.region != ctx.caller.party:  # another region's list: its meetings' points (walk 36 F7)
        points = [point for point in points if point.item.region == args.region]
    # so is an earlier meeting's point the asker's list shows, with its «Ferdig» (walk 35 F8, walk 37)
    listed = {point.id for point in points}
    stale_points = [point for point in stale_points if point.id not in listed]
    others = [p for p in open_items if id(p) not in mine_ids]
    blocked: list[Progress] = []
    opening = ""
    if actor and region is None:  # other regions' blocked signings: nothing the actor can do about them
        blocked = waiting_in_season(ctx, others, today=today)
        opening = opening_text(ctx, others, today=today)  # ready, window not open (walk 17 F-d)
        others = [p for p in others if not is_signing(p.item)]
    late_ids = {id(p) for p in open_items if _overdue(ctx, p, today)}
    reader = actor or region
    overdue = sorted(
        (p for p in others if id(p) in late_ids),
        key=lambda p: (not _own(ctx, p, party=reader), *_order(ctx, p, spans_regions)),
    )
    upcoming = sorted(
        (p for p in others if id(p) not in late_ids),
        key=lambda p: (not (_own(ctx, p, party=reader) and p.item.start <= today), p.target, p.item.deadline),
    )
    first_others = overdue[:SHOW] + _upcoming_shown(upcoming, room=SHOW - len(overdue), today=today)
    first_ids = {id(p) for p in first_others}
    rest = [p for p in overdue + upcoming if id(p) not in first_ids]
    asked = page
    chosen_mine, chosen, page, own_pages, pages = pages_of(mine=mine, rest=rest, page=page)
    if pages < asked <= point_pages(points):  # the asker's points go on past the items' pages (walk 26 F4)
        return Outcome(reply=points_page(ctx, points, who=who, page=asked, words=words))
    all_pages, more_points = max(pages, point_pages(points)), lambda n: page_command(words=words, page=n)
    week_lead = (
        week_text(open_items, today=today, config=ctx.config, spans_regions=spans_regions) + " "
        if asks_next_week(args.rest)
        else ""
    )
    chosen = first_others if page == 1 else chosen
    au = ctx.channel.kind == "national" or ctx.caller.party == ctx.config.parties.coordinator.key
    national_lead = behind_text(config=ctx.config, state=ctx.state, today=today) + " " if au and not region else ""
    if not chosen and not chosen_mine:
        behind = au and not region and _regions_to_watch(ctx, today=today)
        if behind:
            quiet = _("Skriv «oversikt» for detaljene.")
        elif blocked:  # nothing for this actor to do, but not "all on track": agreements wait on others
            quiet = _("Ingenting venter på {who} nå.").format(who=who) + " " + waiting_text(ctx, blocked, today=today)
        else:
            quiet = _("Alt er i rute: ingen åpne frister de neste månedene.")
        lead = week_lead + national_lead + quiet + (" " + opening if opening else "")
        lead += " " + stale_text(ctx, stale, stale_points, spans_regions=spans_regions) if stale or stale_points else ""
        lead += " " + _plan_period_text(ctx, region=region, actor=actor, today=today)
        quiet_reply = make_reply(title=_("Neste for {who}").format(who=who), lead=lead.strip())
        return Outcome(
            reply=with_followups(
                quiet_reply, points, today=today, closable=callers_closable(ctx), page=page, more_command=more_points
            )
        )
    sections: list[Section] = []
    buttons: list[Button] = []
    # A region's adviser reads what its coordinators do, not «du kan», and where the region has none, who
    # gives the role (walk 18 F9: five things «you can do now», each refused).
    own = ctx.caller.party or ""
    adviser = bool(ctx.config.region(own)) and not acts_for(ctx.config, role=ctx.caller.role, party=own)
    if chosen_mine:
        mine_heading = _("Koordinatorene gjør nå for {party}") if adviser else _("Du kan gjøre nå for {party}")
        sections.append(heading(mine_heading.format(party=ctx.config.party_name(own))))
        for progress in chosen_mine:
            sections.append(_section(ctx, progress, today=today, spans_regions=spans_regions))
            buttons += _buttons_for(ctx, progress)
    others_at: int | None = None
    if chosen:
        if chosen_mine:
            others_at = len(sections)
            sections.append(heading(_("Ellers")))
        for progress in chosen:
            sections.append(_section(ctx, progress, today=today, spans_regions=spans_regions))
            buttons += _buttons_for(ctx, progress)
    lead = national_lead + (
        stale_text(ctx, stale, stale_points, spans_regions=spans_regions) + " " if stale or stale_points else ""
    )
    lead = week_lead + lead
    lead += _plan_period_text(ctx, region=region, actor=actor, today=today)
    lead += past_end_text(asked=asked, pages=all_pages) + " " if asked > all_pages else ""
    if mine and adviser:
        lead += _("{n} ting koordinatorene gjør nå.").format(n=len(mine)) + " "
        lead += (no_coordinator_note(config=ctx.config, state=ctx.state, region=own) + " ").lstrip()
    elif mine:
        lead += _("{n} ting du kan gjøre nå.").format(n=len(mine)) + " "
    if own_pages > 1 and page <= own_pages:
        more, next_page = more_text(words=words, page=page, pages=own_pages, total=len(mine))
        lead += more + " "
        buttons += [next_page] if next_page else []
    if 1 < page == own_pages and rest:  # the own items end here; the others follow on the pages after
        onward, onward_button = onward_text(words=words, first_rest_page=own_pages + 1)
        lead += onward + " "
        buttons.append(onward_button)
    if page > own_pages:
        more, next_page = rest_page_text(
            words=words,
            page=page,
            own_pages=own_pages,
            pages=pages,
            before=len(first_others),
            total=len(overdue) + len(upcoming),
        )
        lead += more + " "
        buttons += [next_page] if next_page else []
    late = sum(id(p) in late_ids for p in mine) + len(overdue)
    lead += _("{n} på overtid.").format(n=late) + " " if late else ""
    if blocked and mine:  # the actor's own work first: others' agreements in a word (walk 14b C6)
        lead += ngettext(
            "{n} avtale til venter på andre (skriv «oversikt»).",
            "{n} avtaler til venter på andre (skriv «oversikt»).",
            len(blocked),
        ).format(n=len(blocked))
        lead += " "
    elif blocked:  # said once: the last line names «oversikt» where no region is the channel's
        lead += waiting_text(ctx, blocked, today=today, hint=bool(context_region(ctx, None))) + " "
    lead += opening + " " if opening else ""
    if page == 1 and rest:
        more, rest_button = rest_text(
            words=words, shown=len(chosen), total=len(overdue) + len(upcoming), first_rest_page=own_pages + 1
        )
        lead += more + " "
        buttons.append(rest_button)
    lead += (
        _("Skriv «status» for hele året, eller «hjelp» for kommandoene.")
        if context_region(ctx, None)
        else _("Skriv «oversikt» for alle regionene, eller «hjelp» for kommandoene.")
    )
    reply = make_reply(
        title=_("Neste for {who}").format(who=who),
        lead=lead,
        sections=sections,
        buttons=list(dict.fromkeys(buttons)),  # one per line listed: a cut list says so (`more_text`)
        context=_("Samhandlingsmodellen · per {day}").format(day=today.strftime("%d.%m.%Y")),
    )
    closable = callers_closable(ctx)
    return Outcome(
        reply=with_followups(
            reply, points, today=today, closable=closable, at=others_at, page=page, more_command=more_points
        )
    )


def _plan_period_text(ctx: Context, *, region: str | None, actor: str | None, today: date) -> str:
    """A region's own `neste` says when its plan period has run out for a cycle it reads (this year's, and
    the next once its preparation opens), with the command that sets the next one; "" otherwise."""
    if region is None or actor is not None:
        return ""
    view = read_cycles(ctx.config, today=today)
    for year in (view.year, view.preparing):
        said = year and plan_period_reminder(config=ctx.config, state=ctx.state, region=region, year=year)
        if isinstance(said, str):
            return said + " "
    return ""


def _own(ctx: Context, progress: Progress, *, party: str | None) -> bool:
    """Whether an item is the reader's own (its region's, or the party answers for it): kept first when the
    list is cut, so a region's overdue signing is never dropped for another party's letter."""
    item = progress.item
    return party is not None and (item.region == party or responsible_party(ctx.config, item) == party)


def _upcoming_shown(upcoming: list[Progress], *, room: int, today: date) -> list[Progress]:
    """What is coming, in the room the overdue items leave; at least the first two when they fall due
    (by their target) within `NEAR`, never a meeting most of a year away beside overdue work (the farthest go first)."""
    return [p for i, p in enumerate(upcoming) if i < room or (i < 2 and p.target <= today + NEAR)]


def _section(ctx: Context, progress: Progress, *, today: date, spans_regions: bool) -> Section:
    return describe(
        config=ctx.config,
        state=ctx.state,
        progress=progress,
        today=today,
        with_region=spans_regions,
    )


def _order(ctx: Context, progress: Progress, spans_regions: bool) -> tuple[int, date]:
    """Grouped by region when the list spans regions (national items first, the regions in the one order of
    `AppConfig.region_rank`), then by deadline."""
    region = ctx.config.region_rank(progress.item.region) if spans_regions else -1
    return (region, progress.item.deadline)


def _overdue(ctx: Context, progress: Progress, today: date) -> bool:
    """The one rule (bot.facts.item_state), not asked of the many items whose deadline is ahead."""
    return progress.item.deadline < today and is_overdue(config=ctx.config, progress=progress, today=today)


def _regions_to_watch(ctx: Context, *, today: date) -> bool:
    """Whether a region is behind or has something falling due within the week (bot.facts.behind)."""
    state, config = ctx.state, ctx.config
    return bool(
        overdue_by_region(config=config, state=state, today=today)
        or due_soon_by_region(config=config, state=state, today=today)
    )


def _buttons_for(ctx: Context, progress: Progress) -> list[Button]:
    item = progress.item
    if not (is_signing(item) and progress.missing):
        return []
    return sign_buttons(ctx, item=item, parties=callers_own(ctx, item=item, missing=tuple(progress.missing)))
