"""The reminder planner: for a moment in time, which reminders are due, and to which channels.

Each open item's schedule, when its reminders fall, is `bot.reminders.schedule`.

At a pass only the latest occurrence that has come is considered: after downtime the missed reminder that
still matters goes out marked as late, and older ones, superseded by it, never do. A reminder before a
target that has passed is stale. The ledger (written by `bot.reminders.passes` after a post succeeded) makes each
reminder go out once, ever. What one reminder says is a `DigestLine` (`bot.reminders.lines`); `bot.reminders.digest` puts a channel's lines
into one message.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

from bot.agreement.versions import voided_signed_by
from bot.clock import OSLO
from bot.dates.workdays import is_working_day, on_or_after, on_or_before
from bot.facts.kinds import is_signing
from bot.facts.owed import left_behind, still_owed
from bot.facts.signable import signable_since
from bot.i18n import DEFAULT_LANG, Lang, using
from bot.messages import ChannelAddress
from bot.model.config import AppConfig
from bot.model.cycle import earliest_counted, latest_counted
from bot.model.identity import Binding, ChannelContext, Directory
from bot.model.progress import Progress, missing_for_signing, progress_of
from bot.model.wheel import (
    Item,
    national_milestones,
    precondition_items,
    regional_milestones,
    tracked,
)
from bot.reminders.audience import ItemAudience
from bot.reminders.began import began_at, missed
from bot.reminders.folding import first_notice_on, fold, relined_by
from bot.reminders.ledger_ids import reminder_id as ledger_id
from bot.reminders.ledger_ids import told_already
from bot.reminders.lines import DigestLine, digest_line
from bot.reminders.schedule import Occurrence, made_due_by_change, not_relevant
from bot.reminders.signable import owed_once_signable
from bot.reminders.undated import lead_before_undated, summons_first
from bot.state.store import StateStore, item_partition
from bot.written_form import channel_form
from storage.base import StoreError


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
    point: str | None = None
    """The follow-up point this reminds of (`bot.reminders.point_due`), or None for an item of the wheel."""
    owner: tuple[str, str] | None = None
    """(key, name) of the person who owns that point, where a person does (not their party): the digest
    mentions them beside the party's acting people (`bot.reminders.notify.owner_mentions`)."""


class Planner(ItemAudience):
    def __init__(self, *, config: AppConfig, state: StateStore, directory: Directory) -> None:
        self.config = config
        self.state = state
        self.directory = directory
        self._items_cache: dict[tuple[int, int, int, str | None], tuple[AppConfig, tuple[Item, ...]]] = {}
        self._by_address: tuple[list[Binding], dict[ChannelAddress, Binding]] | None = None

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

    def due(
        self, *, now: datetime, region: str | None = None, skip: frozenset[str] = frozenset(), preview: bool = False
    ) -> list[DueReminder]:
        """Every reminder due at `now` and not in the ledger (nor in `skip`), one per (item, channel). A
        `preview` (the terminal's, nothing is posted) never says a line was «Sendt for sent» (walk 16 F8)."""
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
        tomorrow = on_or_after(today + timedelta(days=1), days_off=self.days_off)
        fresh_tomorrow: set[ChannelAddress] = set()  # channels that get a first overdue notice tomorrow
        context: dict[str, tuple[Progress, list[Item] | None]] = {}
        blocked: dict[str, list[Item] | None] = {}  # each signing's blockers read once a pass
        earliest = earliest_counted(self.config, today=today)
        last_cycle = latest_counted(self.config, today=today)  # the next agreement's from when it opens, as `neste`
        began: datetime | None = None  # when the store began (`bot.reminders.began`), read when first needed
        for item in self.items(years=range(today.year - 1, today.year + 2), region=region):
            if item.year > last_cycle or (item.year < earliest and not still_owed(item, today=today)):
                # History from the day the next agreement's preparation opens (`earliest_counted`), as in
                # `neste`, `status` and `oversikt`: a first pass after downtime does not chase it again.
                continue
            try:
                progress = progress_of(config=self.config, state=state, item=item)
            except StoreError:  # a damaged partition (noted on /healthz): its items wait, the others go out
                continue
            if progress.done or not_relevant(progress):
                continue
            schedule_key = (
                item.kind,
                item.key,
                progress.target,
                progress.last_day,
                item.deadline,
                item.start,
                bool(progress.planned),
            )
            schedule = schedules.get(schedule_key)
            if schedule is None:
                schedule = schedules[schedule_key] = self.occurrences(progress)
            if (notice := first_notice_on(schedule, day=tomorrow)) is not None:
                try:
                    blocking = self._blockers(item, state=state, seen=blocked)
                except StoreError:  # a damaged partition (noted on /healthz): this item waits
                    continue
                heard = self.audience(progress, notice, bindings=bindings, blockers=blocking, channels=channels)
                fresh_tomorrow.update(binding.address for _party, binding in heard)
            came = [occurrence for occurrence in schedule if occurrence.day <= today]
            if not came:
                continue
            latest = came[-1]
            if left_behind(self.config, item=item, today=today):
                continue  # history that day: `neste` offers it no more (walk 37 F-J; held over or late too)
            if latest.kind == "lead" and progress.target < today:
                continue  # a reminder ahead of a date that has passed is stale
            if latest.kind == "opens" and (latest.day < today or self._blockers(item, state=state)):
                # Told on the day only, and only when it can be signed: ready later, the change that made it
                # so announced «Klar til signering»; blocked, the leads say what it waits on.
                continue
            partition = item_partition(item)
            ledger = state.ledger(partition)
            # Parties whose signature a new text voided had signed when an earlier lead fell due (walk 5, N6).
            signed_then = (
                voided_signed_by(state, region=item.region or "", year=item.year, day=latest.day)
                if latest.day < today and is_signing(item)
                else set()
            )
            first: bool | None = None  # nothing of this item sent before: its line names who takes part
            owed: bool | None = None  # worked out for the first channel not yet told (it reads the history)
            try:
                blockers = self._blockers(item, state=state, seen=blocked)
            except StoreError:  # a damaged partition (noted on /healthz): this item waits
                continue
            context[item.ident] = (progress, blockers)
            lines: dict[tuple[str, Lang, str], DigestLine] = {}  # a party's channels in one form get the same line
            heard = [
                (party, binding, latest)
                for party, binding in self.audience(
                    progress, latest, bindings=bindings, blockers=blockers, channels=channels
                )
            ]
            if (prior := lead_before_undated(latest, came)) is not None:
                addressed = {binding.address for _party, binding, _occurrence in heard}
                heard += [
                    (party, binding, prior)
                    for party, binding in self.audience(
                        progress, prior, bindings=bindings, blockers=blockers, channels=channels
                    )
                    if binding.address not in addressed
                ]
            for party, binding, occurrence in heard:
                address = binding.address
                where = f"{address.platform}:{address.channel_id}"
                told = summons_first(occurrence, came, ledger=ledger, ident=item.ident, where=where)
                if told is None:
                    continue  # its summons went out late on or after this reminder's day
                planned = progress.planned.date() if progress.planned else None
                reminder_id = ledger_id(ident=item.ident, occurrence=told, where=where, planned=planned)
                late = told.day < today and not made_due_by_change(progress, told)
                if late and began is None:  # read once, only when a reminder is behind its day
                    began = began_at(state, now=now)
                cron = self.config.reminders.cron  # none missed before the bot existed (walk 33 F4):
                late = late and began is not None and missed(told.day, began=began, cron=cron)
                if reminder_id in skip or told_already(
                    ledger, ident=item.ident, occurrence=told, where=where, planned=planned, today=today
                ):
                    continue  # sent before: no need to write its text
                if owed is None:
                    owed = self._owed(item, latest, blockers=blockers, state=state, today=today)
                if not owed:
                    break  # overtaken by the change that made the agreement signable
                lang = channel_form(
                    config=self.config,
                    state=state,
                    platform=address.platform,
                    channel_id=address.channel_id,
                    context=binding.context,
                )
                party_late = late and party not in signed_then
                line = lines.get((party, lang, told.name))
                if line is None:
                    if first is None:
                        prefix = f"{item.ident}|"
                        first = not any(key.startswith(prefix) for key in ledger)
                    try:
                        with using(lang):
                            line = lines[(party, lang, told.name)] = digest_line(
                                config=self.config,
                                state=self.state,
                                progress=progress,
                                occurrence=told,
                                anchor=self.anchor(progress),
                                party=party,
                                today=today,
                                late=party_late,
                                blockers=blockers,
                                first=first,
                            )
                    except StoreError:  # as above: the line cannot be written from a damaged partition
                        continue
                due.append(
                    DueReminder(
                        id=reminder_id,
                        partition=partition,
                        item=item,
                        occurrence=told,
                        to=address,
                        party=party,
                        channel=binding.context,
                        line=line,
                        late=party_late,
                        lang=lang,
                    )
                )
        from bot.reminders.point_due import due_points  # follow-up points' dates (walk 4, S1); built on these types

        points = due_points(
            config=self.config,
            state=state,
            directory=self.directory,
            bindings=bindings,
            today=today,
            region=region,
            preview=preview,
        )
        due = due + [reminder for reminder in points if reminder.id not in skip]
        previous = on_or_before(today - timedelta(days=1), days_off=self.days_off)
        relined = relined_by(self, context=context, today=today)
        folded = fold(due, today=today, previous=previous, fresh_tomorrow=fresh_tomorrow, relined=relined)
        if not preview:
            return folded
        return [
            replace(r, late=False, line=relined(replace(r, late=False))) if r.late and r.item.ident in context else r
            for r in folded
        ]

    def _owed(
        self, item: Item, occurrence: Occurrence, *, blockers: list[Item] | None, state: StateStore, today: date
    ) -> bool:
        """Whether `occurrence` is still owed to the channels not told it: a signing made signable after it
        fell was told by that change (`bot.reminders.signable`); any other reminder is owed."""
        if not is_signing(item) or blockers:
            return True
        since = signable_since(config=self.config, state=state, signing=item)
        if since is None:
            return True
        return owed_once_signable(
            occurrence=occurrence,
            since=since.astimezone(OSLO).date(),
            deadline=item.deadline,
            today=today,
            every_days=self.config.reminders.overdue.every_days,
        )

    def _blockers(
        self, item: Item, *, state: StateStore, seen: dict[str, list[Item] | None] | None = None
    ) -> list[Item] | None:
        """What still blocks a signing item (None for any other item); `seen` keeps what a pass found."""
        if not is_signing(item):
            return None
        if seen is not None and item.ident in seen:
            return seen[item.ident]
        found = missing_for_signing(config=self.config, state=state, signing=item)
        if seen is not None:
            seen[item.ident] = found
        return found

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
