"""AU's weekly overview, on the first working day of the week in the national channel: regions behind,
the signings held up by others only (not the region's delay), what is overdue nationally (its meetings and
the actors' allocation letters), and who has not signed this year's agreement.

It rides in the national channel's digest of that day (one message per channel per pass), with its own
ledger id per ISO week and channel so it goes out once.
"""

from __future__ import annotations

import hashlib
from datetime import date, timedelta

from bot.agreement.versions import current_version
from bot.dates.text import format_short
from bot.facts.behind import due_soon_text, is_behind, overdue_by_region, waiting_by_region, waits_on_others
from bot.facts.item_state import DUE_DAYS, item_state
from bot.facts.kinds import is_signing
from bot.i18n import _, current, using
from bot.messages import ChannelAddress, Fact, ItemState, Section
from bot.model.config import AppConfig, Region
from bot.model.cycle import counted_years
from bot.model.progress import blockers_text, progress_of
from bot.model.wheel import (
    Item,
    national_milestones,
    precondition_items,
    regional_milestones,
    signing_milestone,
    tracked,
)
from bot.reminders.lines import item_label
from bot.reminders.schedule import not_relevant
from bot.reminders.weekly_changes import changed_only, item_key, line_keys, said_items, said_lines, said_text
from bot.state.store import StateStore, national_partition

QUIET_DAYS = 7
"""More days than this since the last overview posted: the next one says since when it counts."""

LONG_GAP_DAYS = 28
"""More days than this since the channel's last overview: the next one is the whole list again, not only what
changed; after months a line that is as it was (an agreement still waiting for a signature) is the news AU needs
(walk 31, F6)."""


def overview_id(*, today: date) -> tuple[str, str]:
    """(ledger partition, id prefix) of this week's overview."""
    year, week, _weekday = today.isocalendar()
    return national_partition(today.year), f"overview:{year}-W{week:02d}"


def weekly_overview(
    *, config: AppConfig, state: StateStore, today: date, address: ChannelAddress | None = None
) -> tuple[tuple[Section, ...], str]:
    """The overview's sections, empty when there is nothing to report, and what it says (`said`, kept in the
    ledger with the post). When it says what the last overview said, one line says so and what is still open
    (`unchanged`): the same overview every Monday into July taught AU to skip it, and none at all read as
    «nothing behind» (walk 9, W4).

    Unchanged means the same content as last week's post, compared with what that post said (walk 11, F5): a
    week with a political treatment, a «Klar til signering», signatures or a new section is news, and so is
    a region catching up (the list AU reads is shorter). Compared with the last one `address` received (any
    national channel's without one); after quiet weeks only what changed since then is shown
    (`bot.reminders.weekly_changes`)."""
    snapshot = state.snapshot()
    sections = _sections(config=config, state=snapshot, today=today)
    if current() == "nb":
        bokmal = sections
    else:  # what it says is compared in one written form, so a channel switching form is not news
        with using("nb"):
            bokmal = _sections(config=config, state=snapshot, today=today)
    keys = line_keys(bokmal)
    named_now = [item_key(item) for item in _named(config, snapshot, today=today)]
    said = said_text(fingerprint(bokmal), keys, items=named_now)
    last = last_posted(state=snapshot, today=today, address=address)
    if sections and last is not None and last[0] == said:
        due = due_this_week(config=config, state=snapshot, today=today)
        # Nothing new and nothing falling due: a post every Monday saying so taught AU to skip it (issue 18).
        quiet = (today - last[1]).days > QUIET_DAYS
        return ((unchanged(sections, due=due, day=last[1] if quiet else None),), said) if due else ((), said)
    done = (
        done_since(config=config, state=snapshot, today=today, last=last, named_now=frozenset(named_now))
        if last is not None
        else ()
    )
    if sections and last is not None and (today - last[1]).days > QUIET_DAYS:
        before = said_lines(last[0])
        if before is None or (today - last[1]).days > LONG_GAP_DAYS:  # kept before the lines were, or long ago
            return (since(day=last[1]), *done, *sections), said
        shown, rest = changed_only(sections, keys=keys, before=before)
        return (since(day=last[1], rest=rest), *done, *shown), said
    return ((*sections, *done) if sections else sections), said


def done_since(
    *, config: AppConfig, state: StateStore, today: date, last: tuple[str, date], named_now: frozenset[str]
) -> tuple[Section, ...]:
    """What the last overview (`last`: what it said and its day) named as behind, waiting or unsigned and is
    done now, per region: the lines it leaves only drop out of the lists, so the week's good news (an agreement
    signed by all, a region caught up) was counted as «borte», never said (walk 29, F1). And what it named that
    is not done but no longer counted (`named_now`: today's keys), an earlier cycle's item turned history: its
    line only shrank, read as a region catching up (walk 29, F2). Empty for an overview from before the items
    were kept."""
    named = said_items(last[0])
    if not named:
        return ()
    done: list[Fact] = []
    dropped: dict[str, list[str]] = {}  # what left the overview unfinished -> the regions
    for region in config.parties.regions:
        before = [
            item
            for year in range(today.year - 2, today.year + 2)
            for item in _region_items(config, year=year, region=region.key)
            if item_key(item) in named
        ]
        finished = [item for item in before if _finished(config, state, item)]
        if finished:
            done.append(Fact(label=region.short, value=", ".join(item_label(item) for item in finished)))
        if gone := [item for item in before if item not in finished and item_key(item) not in named_now]:
            what = "; ".join(
                _("{item} (se «oversikt {year}»)").format(item=item_label(item), year=item.year) for item in gone
            )
            dropped.setdefault(what, []).append(region.short)
    day = format_short(last[1])
    sections = []
    if done:
        title = _("Ferdig siden forrige ukeoversikt ({day})").format(day=day)
        sections.append(Section(title=title, facts=tuple(done), state=ItemState.DONE))
    if dropped:
        title = _("Ikke ferdig, men ikke lenger med i ukeoversikten (siden {day})").format(day=day)
        facts = tuple(Fact(label=", ".join(regions), value=what) for what, regions in dropped.items())
        sections.append(Section(title=title, facts=facts))
    return tuple(sections)


def _named(config: AppConfig, state: StateStore, *, today: date) -> list[Item]:
    """The regions' items the overview names today: behind, waiting on others, or not signed."""
    overdue = overdue_by_region(config=config, state=state, today=today)
    waiting = waiting_by_region(config=config, state=state, today=today)
    named = [item for items in overdue.values() for item in items]
    named += [item for held in waiting.values() for item, _what in held]
    named += [signing for _region, signing, _missing in _unsigned_signings(config, state, today=today)]
    return sorted({item.ident: item for item in named}.values(), key=lambda item: item.ident)


def _region_items(config: AppConfig, *, year: int, region: str) -> list[Item]:
    items = regional_milestones(config, year=year, region=region)
    return items + [item for item in precondition_items(config, year=year, region=region) if item.region]


def _finished(config: AppConfig, state: StateStore, item: Item) -> bool:
    progress = progress_of(config=config, state=state, item=item)
    return progress.done and not not_relevant(progress)


def fingerprint(sections: tuple[Section, ...]) -> str:
    """What an overview says, as a short digest: the same sections give the same value."""
    text = "\n".join(
        f"{section.title}|{section.state}|" + "|".join(f"{fact.label}={fact.value}" for fact in section.facts)
        for section in sections
    )
    return hashlib.sha256(text.encode()).hexdigest()[:24]


def unchanged(sections: tuple[Section, ...], *, due: str, day: date | None = None) -> Section:
    """The week's overview when nothing is new but something falls due this week: one line naming what is
    still open, what falls due, and where to read it. `day`: the last overview's, when it was not last week's
    (walk 29, F3: «ingen endringer siden forrige ukeoversikt» after 19 quiet weeks read as «since last week»)."""
    still = ", ".join(section.title for section in sections)
    facts = (Fact(label=_("Fortsatt"), value=_("{still}. Skriv «oversikt» for hele bildet.").format(still=still)),)
    title = (
        _("Ukeoversikt: ingen endringer siden forrige ukeoversikt ({day})").format(day=format_short(day))
        if day
        else _("Ukeoversikt: ingen endringer siden forrige ukeoversikt")
    )
    return Section(title=title, facts=(*facts, Fact(label=_("Frist denne uken"), value=due)))


def since(*, day: date, rest: str = "") -> Section:
    """The first overview after weeks without one: what follows is what changed since the last one posted,
    and `rest` says what is as before (`bot.reminders.weekly_changes.changed_only`)."""
    quiet = _("Uker uten endringer og uten frister får ingen ukeoversikt.")
    return Section(
        title=_("Ukeoversikt: endret siden forrige ukeoversikt ({day})").format(day=format_short(day)),
        text=f"{rest} {quiet}" if rest else quiet,
    )


def due_this_week(*, config: AppConfig, state: StateStore, today: date) -> str:
    """What falls due within the week and is not done, in words: the regions' items (`due_soon_text`, as AU's
    `neste` says it) and the national ones (AU's meetings, the actors' allocation letters); "" when none."""
    until = today + timedelta(days=DUE_DAYS)
    national = [
        item
        for year in (today.year, today.year + 1)
        for item in (*national_milestones(config, year=year), *precondition_items(config, year=year, region=None))
        if (item.region is None)
        and today <= item.deadline <= until
        and tracked(config, item)
        and item_state(config=config, progress=progress_of(config=config, state=state, item=item), today=today)
        in (ItemState.DUE, ItemState.PLANNED)
    ]
    parts = [due_soon_text(config=config, state=state, today=today)]
    if national:
        parts.append(_("Nasjonalt: {what}.").format(what=blockers_text(national)))
    return " ".join(part for part in parts if part)


def last_posted(*, state: StateStore, today: date, address: ChannelAddress | None = None) -> tuple[str, date] | None:
    """What the last weekly overview posted before `today` said (`said_text`, to `address`, or to any national
    channel without one) and the day it went out, from the ledger; None before the first (or one posted
    before the ledger kept it). A week that posted none leaves no entry, so the next one is compared with the
    last one read."""
    to = f"|{address.platform}:{address.channel_id}" if address else ""
    entries = [
        entry
        for year in (today.year - 1, today.year)
        for key, entry in state.ledger(national_partition(year)).items()
        if key.startswith("overview:") and key.endswith(to) and str(entry.get("sent_at", ""))[:10] < today.isoformat()
    ]
    if not entries:
        return None
    last = max(entries, key=lambda entry: str(entry.get("sent_at", "")))
    return (str(last["said"]), date.fromisoformat(str(last["sent_at"])[:10])) if last.get("said") else None


def _sections(*, config: AppConfig, state: StateStore, today: date) -> tuple[Section, ...]:
    """What the overview says on `today`."""
    snapshot = state
    sections: list[Section] = []
    behind: dict[str, list[str]] = {}  # what is late -> the regions it is late in (the same gaps on one line)
    # The same rule as AU's `neste` and `oversikt` (bot/facts/behind.py): the next agreement's items that fall due
    # in the autumn (its action plan, political treatment, county budget) count from their deadline too.
    waiting: dict[str, list[str]] = {}  # a signing held up by others only -> the regions (not behind on it)
    for region_key, held in waiting_by_region(config=config, state=snapshot, today=today).items():
        for item, what in held:
            label = _("{item} venter på {what}").format(item=item_label(item), what=what)
            waiting.setdefault(label, []).append(config.party_short(region_key))
    overdue = overdue_by_region(config=config, state=snapshot, today=today)
    for region in config.parties.regions:
        late: list[str] = []
        for item in overdue.get(region.key, []):
            held_up = waits_on_others(config=config, state=snapshot, signing=item) if is_signing(item) else ""
            if held_up and current_version(snapshot, region=region.key, year=item.year) is None:
                late.append(
                    _("{item} (avtaleteksten er ikke registrert; venter også på {what})").format(
                        item=item_label(item), what=held_up
                    )
                )
            elif held_up:
                late.append(_("{item} (venter også på {what})").format(item=item_label(item), what=held_up))
            else:
                late.append(item_label(item))
        if late:
            behind.setdefault("; ".join(late), []).append(region.short)
    if behind:
        count = sum(len(regions) for regions in behind.values())
        facts = tuple(Fact(label=", ".join(regions), value=late) for late, regions in behind.items())
        sections.append(
            Section(title=_("Regioner på etterskudd ({n})").format(n=count), facts=facts, state=ItemState.OVERDUE)
        )
    if waiting:
        count = sum(len(regions) for regions in waiting.values())
        facts = tuple(Fact(label=", ".join(regions), value=what) for what, regions in waiting.items())
        sections.append(Section(title=_("Signering venter på andre ({n})").format(n=count), facts=facts))
    # The cycles counted as behind are the regions' (`counted_years`): last cycle's unheld meeting is history
    # here on the day `neste`, `status` and `oversikt` make it so (1 September), not a year after its deadline.
    years = counted_years(config, today=today)
    national = [
        Fact(label=_("Nasjonalt"), value=item_label(item))
        for year in years
        for item in national_milestones(config, year=year)
        if is_behind(config=config, state=snapshot, item=item, today=today)
    ]
    # The actors' allocation letters are national too (every region's agreement waits on them).
    letters = [
        item
        for year in years
        for item in precondition_items(config, year=year, region=None)
        if item.actor and is_behind(config=config, state=snapshot, item=item, today=today)
    ]
    if letters:
        national.append(Fact(label=_("Nasjonalt"), value=blockers_text(letters)))
    if national:
        sections.append(Section(title=_("Forsinket nasjonalt"), facts=tuple(national), state=ItemState.OVERDUE))
    unsigned = _unsigned(config, snapshot, today=today)
    if unsigned:
        sections.append(Section(title=_("Ikke signert"), facts=tuple(unsigned)))
    return tuple(sections)


def _unsigned(config: AppConfig, state: StateStore, *, today: date) -> list[Fact]:
    """Per agreement year whose signing window has opened: the regions and the parties missing, regions
    with the same missing parties on one line (a whole country that has not started is one line)."""
    facts: list[Fact] = []
    for year in (today.year, today.year + 1):
        groups: dict[tuple[str, ...], list[str]] = {}
        for region, signing, missing in _unsigned_signings(config, state, today=today):
            if signing.year == year:
                groups.setdefault(missing, []).append(region.short)
        for missing, regions in groups.items():
            who = ", ".join(missing)
            facts.append(
                Fact(
                    label=_("Avtale {year}: {regions}").format(year=year, regions=", ".join(regions)),
                    value=_("mangler {who}").format(who=who),
                )
            )
    return facts


def _unsigned_signings(
    config: AppConfig, state: StateStore, *, today: date
) -> list[tuple[Region, Item, tuple[str, ...]]]:
    """Each region's signing whose window has opened (this year's and next) and that is not signed by all,
    with the parties missing (the county council as «fylkeskommunen»)."""
    spec = signing_milestone(config)
    if spec is None:
        return []
    found: list[tuple[Region, Item, tuple[str, ...]]] = []
    for year in (today.year, today.year + 1):
        for region in config.parties.regions:
            item = regional_milestones(config, year=year, region=region.key)
            signing = next((i for i in item if i.key == spec.key and is_signing(i)), None)
            if signing is None or signing.start > today or not tracked(config, signing):
                continue
            progress = progress_of(config=config, state=state, item=signing)
            if progress.done or not_relevant(progress) or not progress.missing:
                continue
            missing = tuple(
                _("fylkeskommunen") if party == region.key else config.party_prose(party) for party in progress.missing
            )
            found.append((region, signing, missing))
    return found
