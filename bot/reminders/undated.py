"""When a meeting with no date is reminded between its summons and its next lead (walk 5, N8).

AU's national meetings suggest no month: the summons «i god tid» (§4.1) counts back from the window's
opening (20 August for 1 October) and the next lead from the deadline (16 November), so AU heard nothing
for the whole window while the regions' meetings, which follow the national ones, waited on its date. When
a meeting's window opens after its summons, the responsible hears it on the window's first working day and
then on the digests' shared fortnightly grid (the «fortsatt forsinket» days, so it rides in a digest that
goes out anyway), while the meeting has no date, up to half that rhythm before the next lead. A meeting whose
window opens before its summons (the regions', with a suggested month) has its leads close together and
gets none of these.

A meeting with a suggested month (the regions' dialogue meetings: April, November) is told in that month
that it still has no date: on its first working day and on the first working day from the 15th, once each
(walk 36 F12). Before, its leads fell 42 and 14 days before the month and the last call two days before
the deadline, so the coordinator heard nothing through the very month the model names.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from bot.dates.workdays import DaysOff, on_or_after, on_or_before
from bot.model.wheel import Item

if TYPE_CHECKING:
    from bot.reminders.schedule import Occurrence

logger = logging.getLogger(__name__)

UNDATED = "undated-"
"""The ledger name of these reminders: `undated-2027-10-01`, by the day each is due."""


def undated_days(item: Item, *, lead_days: list[date], days_off: DaysOff, every_days: int) -> list[date]:
    """The working days an undated meeting is reminded between its first lead and the next (in time order
    `lead_days`): none unless its window opens between them."""
    if len(lead_days) < 2:
        return []
    first, following = lead_days[0], lead_days[1]
    opening = on_or_after(item.start, days_off=days_off)
    if not first < opening < following:
        return []
    room = timedelta(days=max(1, every_days // 2))
    candidates = [opening]
    grid = opening + timedelta(days=-(opening.toordinal() - 1) % every_days)  # the grid of bot/reminders/planner
    while grid < following:
        candidates.append(on_or_before(grid, days_off=days_off))
        grid += timedelta(days=every_days)
    days: list[date] = []
    last = first
    for day in candidates:
        if day - last >= room and following - day >= room:
            days.append(day)
            last = day
    return days


def month_days(month_start: date | None, *, lead_days: list[date], days_off: DaysOff) -> list[date]:
    """The working days an undated meeting is told, in its suggested month (`month_start`, None: the wheel
    suggests none), that it has no date yet: the month's first working day and mid-month, each only
    when no lead falls that day and the last lead (the last call before the deadline) is still to come."""
    if month_start is None or not lead_days:
        return []
    last_call = max(lead_days)
    middle = max(month_start, month_start.replace(day=15))
    days: list[date] = []
    for wanted in (month_start, middle):
        day = on_or_after(wanted, days_off=days_off)
        if day.month == month_start.month and day < last_call and day not in lead_days and day not in days:
            days.append(day)
    return days


def lead_before_undated(latest: Occurrence, came: list[Occurrence]) -> Occurrence | None:
    """The lead before an undated reminder (`latest`), whose other parties it does not speak to: an undated
    reminder goes to the one responsible only, so it never takes the place of a lead the actors who prepare
    were owed and not yet told (passes that began after it). None when `latest` is no undated reminder."""
    if not latest.name.startswith(UNDATED):
        return None
    return next((o for o in reversed(came) if o.kind == "lead" and not o.name.startswith(UNDATED)), None)


def summons_first(
    latest: Occurrence, came: list[Occurrence], *, ledger: Mapping[str, Mapping[str, Any]], ident: str, where: str
) -> Occurrence | None:
    """What a channel is told now (None: nothing). An undated reminder never takes the place of the summons
    «i god tid» not yet told there (passes that began after it, a channel whose post failed): the summons
    goes, late, and says so; and a summons told on or after an undated reminder's day stands for it, so the
    channel does not hear the meeting twice in a row."""
    if not latest.name.startswith(UNDATED):
        return latest
    summons = next((occurrence for occurrence in came if occurrence.first), None)
    if summons is None:
        return latest
    told = ledger.get(f"{ident}|{summons.name}|{where}")
    if told is None:
        return summons
    sent_at = told.get("sent_at")
    if isinstance(sent_at, str) and sent_at[:10] >= latest.day.isoformat():
        return None
    return latest
