"""The reminder planner: for a moment in time, which reminders are due, and to which channels.

Each open item has a schedule of *occurrences*, every one on a working day (a day off moves it to the
working day before; `reminders.days_off` adds days such as 24 December):
- leads, counted back from what is known: the planned date once set, else the first day of the model's
  suggested month where the wheel has one, else the deadline;
- for a meeting whose planned date has passed without minutes: one nudge on the first working day after;
- overdue (not for `optional` milestones, nor for items marked not relevant): the first working day after
  the deadline in full, then folded into one line ("fortsatt forsinket") every `reminders.overdue.every_days`
  calendar days, on one grid shared by every item so they share one digest (the days whose ordinal is a
  multiple of `every_days`: with 7 or 14 these are Mondays, every week or every other week), each moved to
  the working day before when it is not a working day as the planner counts them (Norwegian public
  holidays, weekends and `reminders.days_off`).

At a pass only the latest occurrence that has come is considered: after downtime the missed reminder that
still matters goes out marked as late, and older ones, superseded by it, never do. A reminder before a
target that has passed is stale. The ledger (written by `bot.reminders` after a post succeeded) makes each
reminder go out once, ever. What one reminder says is a `DigestLine`; `bot.digest` puts a channel's lines
into one message.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Literal

from bot.agreement import NO_TEXT_YET, current_version
from bot.config import AppConfig, Lead
from bot.facts.item_state import DUE_DAYS, chases_lateness
from bot.facts.kinds import is_assignments, is_meeting, is_signing
from bot.i18n import DEFAULT_LANG, Lang, _, using
from bot.identity import Binding, ChannelContext, Directory
from bot.messages import Button, ChannelAddress
from bot.parsing import typed_name
from bot.progress import Progress, missing_for_signing, progress_of
from bot.replies import day_text, days_phrase
from bot.signing import sign_button
from bot.state import StateStore, item_partition
from bot.wheel import Item, national_milestones, precondition_items, regional_milestones, responsible_party, tracked
from bot.workdays import is_working_day, on_or_after, on_or_before
from bot.written_form import channel_form
from storage.base import StoreError

OccurrenceKind = Literal["lead", "minutes", "overdue", "still-overdue"]
SectionKey = Literal["overdue", "waiting", "week", "coming"]
SECTION_ORDER: tuple[SectionKey, ...] = ("overdue", "waiting", "week", "coming")


@dataclass(frozen=True)
class Occurrence:
    name: str
    """`lead-42`, `minutes`, `overdue-0`, `overdue-3`: part of the ledger id."""
    day: date
    kind: OccurrenceKind
    lead: Lead | None = None
    first: bool = False
    """The item's first reminder: its line names who takes part."""

    @property
    def overdue(self) -> bool:
        return self.kind in ("overdue", "still-overdue")


@dataclass(frozen=True)
class DigestLine:
    """One reminder as one line of a digest: what, which region, by when, who acts, the one action."""

    section: SectionKey
    region: str | None
    label: str
    """`Agder · Dialogmøte vår 2027`."""
    value: str
    """`møtet 22. april 2027 (om 14 dager). Agder kaller inn: «referat …»`."""
    button: Button | None = None

    @property
    def text(self) -> str:
        return f"{self.label}: {self.value}"


@dataclass(frozen=True)
class DueReminder:
    id: str
    partition: str
    item: Item
    occurrence: Occurrence
    to: ChannelAddress
    party: str
    """The party this channel hears the reminder as (who acts, or who prepares)."""
    channel: ChannelContext
    line: DigestLine
    late: bool
    lang: Lang = DEFAULT_LANG
    """The written form the channel reads (bot.written_form); `line` is in it."""


class Planner:
    def __init__(self, *, config: AppConfig, state: StateStore, directory: Directory) -> None:
        self.config = config
        self.state = state
        self.directory = directory
        self._items_cache: dict[tuple[int, int, int, str | None], tuple[AppConfig, tuple[Item, ...]]] = {}

    @property
    def days_off(self) -> frozenset[tuple[int, int]]:
        return self.config.reminders.days_off_set

    def is_reminder_day(self, day: date) -> bool:
        return is_working_day(day, days_off=self.days_off)

    def items(self, *, years: range, region: str | None = None) -> list[Item]:
        """Every item that can have reminders, each once (national ones are not repeated per region)."""
        # Items depend on the configuration alone, and every pass of a day asks for the same years.
        key = (years.start, years.stop, years.step, region)
        cached = self._items_cache.get(key)
        if cached is not None and cached[0] is self.config:
            return list(cached[1])
        items = self._build_items(years=years, region=region)
        if len(self._items_cache) >= 16:
            self._items_cache.clear()
        self._items_cache[key] = (self.config, tuple(items))
        return items

    def _build_items(self, *, years: range, region: str | None) -> list[Item]:
        items: list[Item] = []
        regions = [region] if region else [r.key for r in self.config.parties.regions]
        for year in years:
            items += national_milestones(self.config, year=year)
            items += precondition_items(self.config, year=year, region=None)
            for key in regions:
                items += regional_milestones(self.config, year=year, region=key)
                items += [item for item in precondition_items(self.config, year=year, region=key) if item.region]
        return [item for item in items if tracked(self.config, item)]

    def anchor(self, progress: Progress) -> tuple[date, Literal["planned", "suggested", "deadline"]]:
        """The day leads count back from: the planned date, the suggested month's first day, the deadline."""
        if progress.planned:
            return progress.planned.date(), "planned"
        suggested = suggested_day(progress.item)
        if suggested is not None:
            return suggested, "suggested"
        return progress.item.deadline, "deadline"

    def occurrences(self, progress: Progress) -> list[Occurrence]:
        """The whole schedule of an open item, in time order."""
        item = progress.item
        off = self.days_off
        anchor, _how = self.anchor(progress)
        schedule: list[Occurrence] = []
        leads = sorted(self.config.leads_for(item.spec), key=lambda lead: -lead.days)
        for index, lead in enumerate(leads):
            day = on_or_before(anchor - timedelta(days=lead.days), days_off=off)
            schedule.append(Occurrence(name=f"lead-{lead.days}", day=day, kind="lead", lead=lead, first=index == 0))
        first_overdue = on_or_after(item.deadline + timedelta(days=1), days_off=off)
        if progress.planned and is_meeting(item):
            nudge = on_or_after(progress.planned.date() + timedelta(days=1), days_off=off)
            if nudge < first_overdue:
                schedule.append(Occurrence(name="minutes", day=nudge, kind="minutes"))
        if chases_lateness(item) and not not_relevant(progress):
            overdue = self.config.reminders.overdue
            if overdue.max_times:
                schedule.append(Occurrence(name="overdue-0", day=first_overdue, kind="overdue"))
            schedule += self._still_overdue(first_overdue, every_days=overdue.every_days, times=overdue.max_times)
        return sorted(schedule, key=lambda occurrence: occurrence.day)

    def _still_overdue(self, first_overdue: date, *, every_days: int, times: int) -> list[Occurrence]:
        """The folded overdue reminders after the first: every `every_days` days on the shared grid (day
        ordinals that are multiples of it, so 7 is every Monday), a day off moving one to the working day
        before (Easter Monday's to the Wednesday before), never twice on one day nor on the first's."""
        off = self.days_off
        start = first_overdue + timedelta(days=1)
        grid = start + timedelta(days=-(start.toordinal() - 1) % every_days)
        occurrences: list[Occurrence] = []
        last = first_overdue
        while len(occurrences) < times - 1:
            day = on_or_before(grid, days_off=off)
            if day > last:
                occurrences.append(Occurrence(name=f"overdue-{len(occurrences) + 1}", day=day, kind="still-overdue"))
                last = day
            grid += timedelta(days=every_days)
        return occurrences

    def due(self, *, now: datetime, region: str | None = None, skip: frozenset[str] = frozenset()) -> list[DueReminder]:
        """Every reminder due at `now` and not in the ledger (nor in `skip`), one per (item, channel)."""
        today = now.date()
        if not self.is_reminder_day(today):
            return []
        # A pass asks about ~300 items that share partitions, channel bindings and schedules, and writes
        # nothing while it plans: read each partition once, take the bindings once, and compute a schedule
        # once per (item kind, key, target, deadline) (the regions' items mostly share theirs).
        state = self.state.snapshot()
        bindings = self.directory.bindings()
        schedules: dict[tuple[object, ...], list[Occurrence]] = {}
        channels: dict[tuple[str, str | None], list[ChannelAddress]] = {}
        due: list[DueReminder] = []
        for item in self.items(years=range(today.year - 1, today.year + 2), region=region):
            try:
                progress = progress_of(config=self.config, state=state, item=item)
            except StoreError:  # a damaged partition (noted on /healthz): its items wait, the others go out
                continue
            if progress.done or not_relevant(progress):
                continue
            schedule_key = (item.kind, item.key, progress.target, item.deadline, item.start, bool(progress.planned))
            schedule = schedules.get(schedule_key)
            if schedule is None:
                schedule = schedules[schedule_key] = self.occurrences(progress)
            came = [occurrence for occurrence in schedule if occurrence.day <= today]
            if not came:
                continue
            latest = came[-1]
            if latest.kind == "lead" and progress.target < today:
                continue  # a reminder ahead of a date that has passed is stale
            partition = item_partition(item)
            ledger = state.ledger(partition)
            late = latest.day < today
            first: bool | None = None  # nothing of this item sent before: its line names who takes part
            try:
                blockers = self._blockers(item, state=state)
            except StoreError:  # a damaged partition (noted on /healthz): this item waits
                continue
            lines: dict[tuple[str, Lang], DigestLine] = {}  # a party's channels in one form get the same line
            for party, binding in self.audience(
                progress, latest, bindings=bindings, blockers=blockers, channels=channels
            ):
                address = binding.address
                reminder_id = f"{item.ident}|{latest.name}|{address.platform}:{address.channel_id}"
                if reminder_id in ledger or reminder_id in skip:
                    continue  # sent before: no need to write its text
                lang = channel_form(
                    config=self.config,
                    state=state,
                    platform=address.platform,
                    channel_id=address.channel_id,
                    context=binding.context,
                )
                line = lines.get((party, lang))
                if line is None:
                    if first is None:
                        prefix = f"{item.ident}|"
                        first = not any(key.startswith(prefix) for key in ledger)
                    try:
                        with using(lang):
                            line = lines[(party, lang)] = self.line(
                                progress, latest, party=party, today=today, late=late, blockers=blockers, first=first
                            )
                    except StoreError:  # as above: the line cannot be written from a damaged partition
                        continue
                due.append(
                    DueReminder(
                        id=reminder_id,
                        partition=partition,
                        item=item,
                        occurrence=latest,
                        to=address,
                        party=party,
                        channel=binding.context,
                        line=line,
                        late=late,
                        lang=lang,
                    )
                )
        return due

    def audience(
        self,
        progress: Progress,
        occurrence: Occurrence,
        *,
        bindings: list[Binding] | None = None,
        blockers: list[Item] | None = None,
        channels: dict[tuple[str, str | None], list[ChannelAddress]] | None = None,
    ) -> list[tuple[str, Binding]]:
        """(party, channel) pairs that should hear of this occurrence.

        `bindings` and, for a signing, `blockers` may be passed in by a caller that already has them.
        """
        item = progress.item
        if bindings is None:
            bindings = self.directory.bindings()
        parties: list[str] = []
        if is_signing(item):
            if blockers is None:
                blockers = missing_for_signing(config=self.config, state=self.state, signing=item)
            parties = (
                [responsible_party(self.config, blocker) for blocker in blockers]
                if blockers
                else list(progress.missing)
            )
        else:
            # Overdue and minutes: the one who must act; those who prepare heard it in the leads.
            wanted = occurrence.lead.to if occurrence.lead else ("responsible",)
            if "responsible" in wanted:
                parties.append(responsible_party(self.config, item))
            if "prepare" in wanted and item.kind == "milestone" and "actors" in item.spec.prepare:
                parties += [actor.key for actor in self.config.enabled_actors]
        by_address = {binding.address: binding for binding in bindings}
        pairs: list[tuple[str, Binding]] = []
        seen: set[ChannelAddress] = set()
        for party in dict.fromkeys(parties):
            key = (party, item.region)
            found = channels.get(key) if channels is not None else None
            if found is None:
                found = self.directory.channels_of_party(party=party, region=item.region, bindings=bindings)
                if channels is not None:
                    channels[key] = found
            for address in found:
                if address not in seen:
                    seen.add(address)
                    pairs.append((party, by_address[address]))
        return pairs

    def _blockers(self, item: Item, *, state: StateStore) -> list[Item] | None:
        """What still blocks a signing item (None for any other item)."""
        if not is_signing(item):
            return None
        return missing_for_signing(config=self.config, state=state, signing=item)

    def line(
        self,
        progress: Progress,
        occurrence: Occurrence,
        *,
        party: str,
        today: date,
        late: bool,
        blockers: list[Item] | None = None,
        first: bool | None = None,
    ) -> DigestLine:
        """What one reminder says, as one line: computed once here, shown by every platform."""
        item = progress.item
        config = self.config
        region = config.party_short(item.region) if item.region else (item.actor or _("Nasjonalt"))
        who = config.party_short(responsible_party(config, item))
        label = f"{region} · {item_label(item).replace(f' {item.actor} (', ' (') if item.actor else item_label(item)}"
        button: Button | None = None
        region_of_line = item.region
        anchor, anchored_on = self.anchor(progress)
        # A fact others decide (the state budget is adopted by the Storting): AU only records it.
        decided_elsewhere = item.kind == "precondition" and item.spec.owner == "national"
        deadline, until = day_text(item.deadline), days_phrase(deadline=item.deadline, today=today)
        # By when.
        if occurrence.kind == "still-overdue":
            since = day_text(item.deadline + timedelta(days=1))
            when = (
                _("ikke registrert siden {day}") if decided_elsewhere else _("fortsatt forsinket siden {day}")
            ).format(day=since)
        elif occurrence.overdue:
            when = (_("ventet innen {day} ({until})") if decided_elsewhere else _("frist var {day} ({until})")).format(
                day=deadline, until=until
            )
        elif occurrence.kind == "minutes" and progress.planned:
            when = _("møtet var {day}").format(day=day_text(progress.planned.date()))
        elif anchored_on == "planned":
            when = _("møtet {day} ({until})").format(
                day=day_text(anchor), until=days_phrase(deadline=anchor, today=today)
            )
        elif anchored_on == "suggested":
            month = day_text(anchor).split(" ", 1)[1]
            when = _("foreslått i {month}, frist {day} ({until})").format(month=month, day=deadline, until=until)
        else:
            when = _("frist {day} ({until})").format(day=deadline, until=until)
        # Who acts, and the one action.
        where = f" {item.region}" if item.region else ""
        if is_signing(item):
            if blockers is None:
                blockers = missing_for_signing(config=config, state=self.state, signing=item)
            own = [b for b in blockers if responsible_party(config, b) == party]
            if blockers and party != item.region and own:
                # What a party outside the region can do is the same for every region waiting on it (IN's
                # allocation letter, the state budget): one line, the same for each region, shown once.
                first = own[0]
                command = (
                    _("forutsetning") + f" {first.key}" + (f" {first.actor}" if first.actor else "") + f" {first.year}"
                )
                label = _("Alle regioner · {item}").format(item=item_label(item))
                action = _("signeringen venter på {items}. {party} registrerer: «{command}»").format(
                    items="; ".join(item_label(b) for b in own), party=config.party_short(party), command=command
                )
                region_of_line: str | None = None
            elif blockers:
                action = _("før signering mangler: {items}. {party} sørger for sin del; se «{command}»").format(
                    items="; ".join(item_label(b) for b in blockers),
                    party=config.party_short(party),
                    command=f"status{where} {item.year}",
                )
            else:
                version = current_version(self.state, region=item.region, year=item.year)
                if version is not None:
                    button = sign_button(config, item=item, party=party, version=version)
                    action = _("{party} har ikke signert: «{command}»").format(
                        party=config.party_short(party), command=button.command
                    )
                else:
                    action = (
                        _("{party} har ikke signert.").format(party=config.party_short(party)) + " " + _(NO_TEXT_YET)
                    ).rstrip(".")
        elif item.kind == "precondition":
            command = _("forutsetning") + f" {item.key}" + (f" {item.actor}" if item.actor else "") + f" {item.year}"
            if decided_elsewhere:
                action = _("{who} registrerer det når det er vedtatt: «{command}»").format(who=who, command=command)
            else:
                action = _("{who} registrerer: «{command}»").format(who=who, command=command)
        elif is_assignments(item):
            # The same rule as the `oppdrag` command uses to find its milestone (bot.facts.kinds).
            action = _("{who}: «oppdrag <aktør> sendt» eller «oppdrag <aktør> ingen»").format(who=who)
        elif is_meeting(item):
            if occurrence.overdue and not progress.planned:
                action = _("{who} skriver referat hvis møtet er holdt: «{command}»").format(
                    who=who, command=f"referat {typed_name(item.spec)}{where} {item.year} …"
                )
            elif occurrence.kind == "minutes" or (progress.planned and progress.planned.date() < today):
                action = _("{who} skriver referat: «{command}»").format(
                    who=who, command=f"referat {typed_name(item.spec)}{where} {item.year} …"
                )
            elif party != responsible_party(config, item):
                action = _("{party} forbereder seg til møtet").format(party=config.party_short(party))
            elif progress.planned:
                action = _("{who} kaller inn").format(who=who)
            else:
                action = _("{who} setter dato: «{command}»").format(
                    who=who, command=f"dato {typed_name(item.spec)}{where} {item.year} " + _("<dato>")
                )
            if occurrence.lead and occurrence.lead.note and party == responsible_party(config, item):
                action += f". {occurrence.lead.note.rstrip('.')}"
        else:
            action = _("{who} registrerer vedtaket: «{command}»").format(
                who=who, command=f"referat {typed_name(item.spec)}{where} {item.year} …"
            )
        value = f"{when}. {action[:1].upper()}{action[1:]}."
        if (occurrence.first if first is None else first) and getattr(item.spec, "participants", ""):
            value += " " + _("Deltakere: {who}.").format(who=item.spec.participants)
        if late:
            value += " (" + _("Sendt for sent: skulle gått ut {day}.").format(day=day_text(occurrence.day)) + ")"
        section = _section(item, occurrence, progress=progress, today=today)
        if section == "overdue" and region_of_line is None and is_signing(item) and blockers:
            own = [b for b in blockers if responsible_party(config, b) == party]
            if own and all(b.kind == "precondition" and b.spec.owner == "national" for b in own):
                section = "waiting"  # waits on a decision others make (the state budget): not this party's delay
        return DigestLine(
            section=section,
            region=region_of_line,
            label=label,
            value=value,
            button=button,
        )

    def schedule(self, *, start: date, end: date, region: str | None = None) -> list[tuple[date, Item, Occurrence]]:
        """Every occurrence in a span from the current state, working days only."""
        planned: list[tuple[date, Item, Occurrence]] = []
        state = self.state.snapshot()
        for item in self.items(years=range(start.year - 1, end.year + 2), region=region):
            progress = progress_of(config=self.config, state=state, item=item)
            if progress.done or not_relevant(progress):
                continue
            for occurrence in self.occurrences(progress):
                if start <= occurrence.day <= end and (occurrence.kind != "lead" or occurrence.day <= progress.target):
                    planned.append((occurrence.day, item, occurrence))
        return sorted(planned, key=lambda entry: (entry[0], entry[1].ident))


def _section(item: Item, occurrence: Occurrence, *, progress: Progress, today: date) -> SectionKey:
    if occurrence.overdue:
        if item.kind == "precondition" and item.spec.owner == "national":
            return "waiting"
        return "overdue"
    if occurrence.kind == "minutes":
        return "week"
    return "week" if (progress.target - today).days <= DUE_DAYS else "coming"


def suggested_day(item: Item) -> date | None:
    """The first day of the model's suggested month inside the item's window (the window's first day if
    the month starts before it), or None where the wheel suggests no month."""
    month = getattr(item.spec, "suggested_month", None)
    if not month:
        return None
    for year in range(item.start.year, item.deadline.year + 1):
        first = date(year, month, 1)
        if (item.start.year, item.start.month) <= (year, month) <= (item.deadline.year, item.deadline.month):
            return max(first, item.start)
    return None


def item_label(item: Item) -> str:
    """What an item is, as a name of work to do rather than a done state ("Tildelingsbrev", not
    "Tildelingsbrev mottatt")."""
    name = item.spec.label or item.spec.name
    if item.kind == "precondition":
        who = f" {item.actor}" if item.actor else ""
        return _("{name}{who} (avtale {year})").format(name=name, who=who, year=item.year)
    return f"{name} {item.year}"


def not_relevant(progress: Progress) -> bool:
    """Marked not relevant this cycle (an optional milestone, `Progress.not_relevant`): no reminders at all."""
    return progress.not_relevant
