"""When an item's reminders fall: its schedule of *occurrences* (`ItemSchedule`, which the planner is).

Each open item has a schedule of *occurrences*, every one on a working day (a day off moves it to the
working day before; `reminders.days_off` adds days such as 24 December):
- leads, counted back from what is known: the planned date once set, else the first day of the model's
  suggested month where the wheel has one (the shortest lead, the last call, from the deadline), else the
  deadline; a lead with `before: opens` (the summons,
  «Kall inn i god tid») counts back from when the item may first happen (its suggested month or the day
  its window opens), and a political body's `agenda_days` move every lead earlier by its agenda's time;
- for a meeting with no date: in its suggested month, on the month's first working day and mid-month
  (`bot.reminders.undated.month_days`), and inside a window that opens after the summons, fortnightly;
- for a meeting whose planned date has passed without minutes: one nudge on the first working day after;
- a signing: on the first working day of its window to every party, when it is ready by then («klar til
  signering fra i dag»); before it can be signed to the region and the owners of what blocks it, then to
  the parties that have not signed, and once late to the region (with whoever holds it up);
- overdue (not for `optional` milestones, nor for items marked not relevant): the first working day after
  the deadline in full (also when the day before is a grid day below: a notice a day late read as a
  second deadline, walk 3 #15), then folded into one line ("fortsatt forsinket") every `reminders.overdue.every_days`
  calendar days (the first of them at least half that after the first notice), on one grid shared by every
  item so they share one digest (the days whose ordinal is a
  multiple of `every_days`: with 7 or 14 these are Mondays, every week or every other week), each moved to
  the working day before when it is not a working day as the planner counts them (Norwegian public
  holidays, weekends and `reminders.days_off`); after `max_times` an item still open keeps a slower rhythm
  (`2 × every_days`) until a year after the deadline (walk 6 F15) or until `neste` names it as history.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from bot.dates.workdays import on_or_after, on_or_before
from bot.facts.item_state import chases_lateness, on_time_until
from bot.facts.kinds import is_meeting, is_signing
from bot.facts.owed import UNSIGNED_FOLLOWED
from bot.model.config import AppConfig, Lead
from bot.model.progress import Progress
from bot.model.wheel import Item
from bot.reminders.lines import AnchorKind
from bot.reminders.undated import UNDATED, month_days, undated_days

OccurrenceKind = Literal["opens", "lead", "minutes", "overdue", "still-overdue"]


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


class ItemSchedule:
    """The schedule of an open item under a configuration: the planner is one (`bot.reminders.planner`)."""

    config: AppConfig

    @property
    def days_off(self) -> frozenset[tuple[int, int]]:
        return self.config.reminders.days_off_set

    def anchor(self, progress: Progress) -> tuple[date, AnchorKind]:
        """The day leads count back from: the planned date, the suggested month's first day, the deadline."""
        if progress.planned:
            return progress.planned.date(), "planned"
        suggested = suggested_day(progress.item)
        if suggested is not None:
            return suggested, "suggested"
        return progress.item.deadline, "deadline"

    def lead_day(self, progress: Progress, lead: Lead) -> date:
        """The working day a lead falls on: counted back from the planned date once set, else from what the
        lead counts from (`Lead.before`: the anchor, or when the item may first happen), and earlier by a
        political body's agenda (`agenda_days`: its papers go out that long before it meets)."""
        item = progress.item
        anchor, _how = self.anchor(progress)
        if not progress.planned and lead.before == "opens":
            anchor = opens(item)
        elif not progress.planned and lead.days == last_call(self.config.leads_for(item.spec)):
            # Without a date the last lead is the last call before the deadline, not before the suggested
            # month: a political treatment due 31 December was last told on 27 November (walk 4, M2).
            anchor = item.deadline
        agenda = getattr(item.spec, "agenda_days", 0)
        return on_or_before(anchor - timedelta(days=lead.days + agenda), days_off=self.days_off)

    def occurrences(self, progress: Progress) -> list[Occurrence]:
        """The whole schedule of an open item, in time order."""
        item = progress.item
        off = self.days_off
        schedule: list[Occurrence] = []
        leads = sorted(
            ((self.lead_day(progress, lead), lead) for lead in self.config.leads_for(item.spec)),
            key=lambda pair: (pair[0], -pair[1].days),
        )
        for index, (day, lead) in enumerate(leads):
            schedule.append(Occurrence(name=f"lead-{lead.days}", day=day, kind="lead", lead=lead, first=index == 0))
        if is_meeting(item) and not progress.planned:
            every = self.config.reminders.overdue.every_days  # the digests' fortnightly grid
            lead_days = [day for day, _lead in leads]
            undated = undated_days(item, lead_days=lead_days, days_off=off, every_days=every)
            undated += month_days(suggested_day(item), lead_days=lead_days, days_off=off)
            for day in sorted(set(undated)):
                schedule.append(Occurrence(name=f"{UNDATED}{day.isoformat()}", day=day, kind="lead"))
        if is_signing(item):
            # The window's first working day: an agreement ready in December is told then, not first on 17
            # January with half the window gone (walk 4, S5); one still blocked hears what it waits on.
            schedule.append(Occurrence(name="opens", day=on_or_after(item.start, days_off=off), kind="opens"))
        # Dated past its deadline (accepted with «bekreft»), an item is late only after its planned day (X2).
        dated_late = on_time_until(progress) > item.deadline
        first_overdue = on_or_after(on_time_until(progress) + timedelta(days=1), days_off=off)
        if progress.planned:
            # After the meeting's last day: a meeting over two days is not told «skriv referat» on its second.
            # A decision (the action plan, the political treatment) planned for a day is told alike that it
            # was planned then and how to record it (walk 10 X11), not only «frist var …» after its deadline.
            nudge = on_or_after((progress.last_day or progress.planned.date()) + timedelta(days=1), days_off=off)
            if nudge < first_overdue or dated_late:
                schedule.append(Occurrence(name="minutes", day=nudge, kind="minutes"))
        if chases_lateness(item) and not not_relevant(progress):
            overdue = self.config.reminders.overdue
            # The first notice is the first working day after the deadline, always (README), also when the
            # day before was the shared «fortsatt forsinket» day: walk 2's F12 moved a Monday deadline's
            # notice to Wednesday, a day after `neste` already said «1 dag på overtid» (walk 3, #15). A
            # meeting dated late hears «møtet var …; skriver referat» that day instead.
            if overdue.max_times and not dated_late:
                schedule.append(Occurrence(name="overdue-0", day=first_overdue, kind="overdue"))
            still = self._still_overdue(first_overdue, every_days=overdue.every_days, times=overdue.max_times)
            schedule += still
            if overdue.max_times:
                after = still[-1].day if still else first_overdue
                schedule += self._slower(after, item=item, every_days=overdue.every_days, numbered=len(still) + 1)
        return sorted(schedule, key=lambda occurrence: occurrence.day)

    def _slower(self, after: date, *, item: Item, every_days: int, numbered: int) -> list[Occurrence]:
        """After `overdue.max_times`, an item still open keeps a slower rhythm: a folded line every `2 ×
        every_days` days on the same grid (so it still shares the digest), until a year after the deadline,
        when the next agreement is due (walk 6 F15, walk 7 F4), or until `neste` names it only as history
        (the planner leaves it then, `bot.facts.owed.left_behind`). `neste` lists an overdue item as long as
        that, so the digests never fall silent on what it still shows (fixbf 1: the spring dialogue meeting
        listed after 13 September 2027 with no reminder since)."""
        off = self.days_off
        rhythm = 2 * every_days
        grid = after + timedelta(days=every_days)
        grid += timedelta(days=-(grid.toordinal() - 1) % rhythm)
        end = item.deadline + UNSIGNED_FOLLOWED
        occurrences: list[Occurrence] = []
        while grid <= end:
            day = on_or_before(grid, days_off=off)
            if day > after and (not occurrences or day > occurrences[-1].day):
                name = f"overdue-{numbered + len(occurrences)}"
                occurrences.append(Occurrence(name=name, day=day, kind="still-overdue"))
            grid += timedelta(days=rhythm)
        return occurrences

    def _still_overdue(self, first_overdue: date, *, every_days: int, times: int) -> list[Occurrence]:
        """The folded overdue reminders after the first: every `every_days` days on the shared grid (day
        ordinals that are multiples of it, so 7 is every Monday), a day off moving one to the working day
        before (Easter Monday's to the Wednesday before), never twice on one day nor on the first's.

        The first folded line falls on the grid day nearest `every_days` after the first notice (at least
        half of `every_days` after it): a first notice on a Wednesday is not «fortsatt forsinket» the next
        Monday, five days on, which read as the bot repeating itself (issue 18)."""
        off = self.days_off
        start = first_overdue + fold_gap(every_days)
        grid = start + timedelta(days=-(start.toordinal() - 1) % every_days)
        occurrences: list[Occurrence] = []
        last = start - timedelta(days=1)  # a grid day moved back by a day off stays clear of the first too
        while len(occurrences) < times - 1:
            day = on_or_before(grid, days_off=off)
            if day > last:
                occurrences.append(Occurrence(name=f"overdue-{len(occurrences) + 1}", day=day, kind="still-overdue"))
                last = day
            grid += timedelta(days=every_days)
        return occurrences


def fold_gap(every_days: int) -> timedelta:
    """How long after a first overdue notice the first «fortsatt forsinket» line may fall: at least half of
    `every_days`, so the nearest grid day to `every_days` after it, never the next Monday."""
    return timedelta(days=max(1, (every_days + 1) // 2))


def made_due_by_change(progress: Progress, occurrence: Occurrence) -> bool:
    """A reminder counted from the planned date whose day came on or before the day that date was set: the
    change made it due (a meeting moved closer after the morning pass), so no pass missed it and it is not
    «Sendt for sent» (README; walk 7 F21). Overdue notices count from the deadline, never from a date."""
    if progress.planned is None or progress.planned_set is None or occurrence.overdue:
        return False
    return occurrence.day <= progress.planned_set.date()


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


def last_call(leads: tuple[Lead, ...]) -> int | None:
    """The days of the shortest lead that counts from the anchor (None if none does): without a planned
    date it counts back from the deadline, so an item dated by no one is reminded just before it is late."""
    counted = [lead.days for lead in leads if lead.before == "anchor"]
    return min(counted) if len(counted) > 1 else None


def opens(item: Item) -> date:
    """The first day the item may happen: its suggested month's first day where the wheel suggests one,
    else the day its window opens."""
    return suggested_day(item) or item.start


def not_relevant(progress: Progress) -> bool:
    """Marked not relevant this cycle (an optional milestone, `Progress.not_relevant`): no reminders at all."""
    return progress.not_relevant
