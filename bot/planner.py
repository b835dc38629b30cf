"""The reminder planner: for a moment in time, which reminders are due, and to which channels.

Each open item has a schedule of *occurrences*: one per lead time before its target (the planned date
once set, otherwise the deadline), then overdue ones (first working day after the deadline, then every
`overdue.every_days`). Every occurrence lands on a working day, moved to the working day before.

At a pass only the latest occurrence that has come is considered: after downtime the missed reminder that
still matters goes out marked as late, and older ones, superseded by it, never do. A reminder before a
target that has passed is stale. The ledger (written by `bot.reminders` after a post succeeded) makes each
reminder go out once, ever.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from bot.agreement import NO_TEXT_YET, current_version
from bot.config import AppConfig, Lead
from bot.identity import Binding, Directory
from bot.messages import Button, ChannelAddress, Reply, Visibility
from bot.progress import Progress, missing_for_signing, progress_of
from bot.replies import day_text, days_phrase, make_reply
from bot.signing import sign_button
from bot.state import StateStore, item_partition
from bot.wheel import Item, national_milestones, precondition_items, regional_milestones, responsible_party, tracked
from bot.workdays import is_working_day, on_or_after, on_or_before


@dataclass(frozen=True)
class Occurrence:
    name: str
    """`lead-42`, `overdue-0`: part of the ledger id."""
    day: date
    lead: Lead | None
    overdue: bool


@dataclass(frozen=True)
class DueReminder:
    id: str
    partition: str
    item: Item
    occurrence: Occurrence
    to: ChannelAddress
    reply: Reply
    late: bool


class Planner:
    def __init__(self, *, config: AppConfig, state: StateStore, directory: Directory) -> None:
        self.config = config
        self.state = state
        self.directory = directory
        self._items_cache: dict[tuple[int, int, int, str | None], tuple[AppConfig, tuple[Item, ...]]] = {}

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

    def occurrences(self, progress: Progress) -> list[Occurrence]:
        """The whole schedule of an open item, in time order."""
        item = progress.item
        target = progress.target
        schedule: list[Occurrence] = []
        for lead in self.config.leads_for(item.spec):
            day = on_or_before(target - timedelta(days=lead.days))
            schedule.append(Occurrence(name=f"lead-{lead.days}", day=day, lead=lead, overdue=False))
        overdue = self.config.reminders.overdue
        first = on_or_after(item.deadline + timedelta(days=1))
        for index in range(overdue.max_times):
            day = on_or_after(first + timedelta(days=index * overdue.every_days))
            schedule.append(Occurrence(name=f"overdue-{index}", day=day, lead=None, overdue=True))
        return sorted(schedule, key=lambda occurrence: occurrence.day)

    def due(self, *, now: datetime, region: str | None = None) -> list[DueReminder]:
        today = now.date()
        if not is_working_day(today):
            return []
        # A pass asks about ~300 items that share partitions, channel bindings and schedules, and writes
        # nothing while it plans: read each partition once, take the bindings once, and compute a schedule
        # once per (item kind, key, target, deadline) (the regions' items mostly share theirs).
        state = self.state.snapshot()
        bindings = self.directory.bindings()
        schedules: dict[tuple[str, str, date, date], list[Occurrence]] = {}
        due: list[DueReminder] = []
        for item in self.items(years=range(today.year - 1, today.year + 2), region=region):
            progress = progress_of(config=self.config, state=state, item=item)
            if progress.done:
                continue
            schedule_key = (item.kind, item.key, progress.target, item.deadline)
            schedule = schedules.get(schedule_key)
            if schedule is None:
                schedule = schedules[schedule_key] = self.occurrences(progress)
            came = [occurrence for occurrence in schedule if occurrence.day <= today]
            if not came:
                continue
            latest = came[-1]
            if not latest.overdue and progress.target < today:
                continue  # a reminder ahead of a date that has passed is stale
            partition = item_partition(item)
            ledger = state.ledger(partition)
            late = latest.day < today
            blockers = self._blockers(item, state=state)
            replies: dict[str, Reply] = {}  # a party's channels on several platforms get the same text
            for party, address in self.audience(progress, latest, bindings=bindings, blockers=blockers):
                reminder_id = f"{item.ident}|{latest.name}|{address.platform}:{address.channel_id}"
                if reminder_id in ledger:
                    continue  # sent before: no need to write its text
                reply = replies.get(party)
                if reply is None:
                    reply = replies[party] = self._reply(
                        progress, latest, party=party, today=today, late=late, blockers=blockers
                    )
                due.append(
                    DueReminder(
                        id=reminder_id,
                        partition=partition,
                        item=item,
                        occurrence=latest,
                        to=address,
                        reply=reply,
                        late=late,
                    )
                )
        return due

    def schedule(self, *, start: date, end: date, region: str | None = None) -> list[tuple[date, Item, Occurrence]]:
        """Every occurrence in a span from the current state (for `simulate`), working days only."""
        planned: list[tuple[date, Item, Occurrence]] = []
        state = self.state.snapshot()
        for item in self.items(years=range(start.year - 1, end.year + 2), region=region):
            progress = progress_of(config=self.config, state=state, item=item)
            if progress.done:
                continue
            for occurrence in self.occurrences(progress):
                if start <= occurrence.day <= end and (occurrence.overdue or occurrence.day <= progress.target):
                    planned.append((occurrence.day, item, occurrence))
        return sorted(planned, key=lambda entry: (entry[0], entry[1].ident))

    def audience(
        self,
        progress: Progress,
        occurrence: Occurrence,
        *,
        bindings: list[Binding] | None = None,
        blockers: list[Item] | None = None,
    ) -> list[tuple[str, ChannelAddress]]:
        """(party, channel) pairs that should hear of this occurrence.

        `bindings` and, for a signing, `blockers` may be passed in by a caller that already has them.
        """
        item = progress.item
        parties: list[str] = []
        if _is_signing(item):
            if blockers is None:
                blockers = missing_for_signing(config=self.config, state=self.state, signing=item)
            parties = (
                [responsible_party(self.config, blocker) for blocker in blockers]
                if blockers
                else list(progress.missing)
            )
        else:
            # Overdue: the one who must act; those who prepare heard it in the leads and cannot fix it.
            wanted = occurrence.lead.to if occurrence.lead else ("responsible",)
            if "responsible" in wanted:
                parties.append(responsible_party(self.config, item))
            if "prepare" in wanted and item.kind == "milestone" and "actors" in item.spec.prepare:
                parties += [actor.key for actor in self.config.enabled_actors]
        pairs: list[tuple[str, ChannelAddress]] = []
        for party in dict.fromkeys(parties):
            for address in self.directory.channels_of_party(party=party, region=item.region, bindings=bindings):
                if all(address != seen for _, seen in pairs):
                    pairs.append((party, address))
        return pairs

    def _blockers(self, item: Item, *, state: StateStore) -> list[Item] | None:
        """What still blocks a signing item (None for any other item)."""
        if not _is_signing(item):
            return None
        return missing_for_signing(config=self.config, state=state, signing=item)

    def _reply(
        self,
        progress: Progress,
        occurrence: Occurrence,
        *,
        party: str,
        today: date,
        late: bool,
        blockers: list[Item] | None = None,
    ) -> Reply:
        item = progress.item
        where = f" – {self.config.party_name(item.region)}" if item.region else ""  # actors hear of many regions
        title = f"{'Forsinket' if occurrence.overdue else 'Påminnelse'}: {item.title()}{where}"
        lead = f"Frist {day_text(item.deadline)} ({days_phrase(deadline=item.deadline, today=today)})."
        if progress.planned:
            lead = f"Planlagt {day_text(progress.planned.date())}. " + lead
        if occurrence.lead and occurrence.lead.note:
            lead += f" {occurrence.lead.note}"
        buttons: list[Button] = []
        if _is_signing(item):
            if blockers is None:
                blockers = missing_for_signing(config=self.config, state=self.state, signing=item)
            if blockers:
                lead += f" Før signering mangler: {'; '.join(b.title() for b in blockers)}."
            else:
                lead += f" {self.config.party_name(party)} har ikke signert ennå."
                version = current_version(self.state, region=item.region, year=item.year)
                if version is not None:
                    buttons.append(sign_button(self.config, item=item, party=party, version=version))
                else:
                    lead += f" {NO_TEXT_YET}"
        if late:
            lead += f" (Sendt for sent: skulle gått ut {day_text(occurrence.day)}.)"
        return make_reply(
            title=title,
            lead=lead,
            buttons=buttons,
            context=f"Ansvarlig: {self.config.party_name(responsible_party(self.config, item))} · skriv «neste» for alt som venter",
            visibility=Visibility.CHANNEL,
        )


def _is_signing(item: Item) -> bool:
    """A region's signing of its agreement: the parties sign it, and preconditions can block it."""
    return bool(item.kind == "milestone" and item.spec.signed_by_parties and item.region)
