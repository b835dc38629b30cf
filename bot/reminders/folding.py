"""Overdue reminders folded into one digest rather than two on consecutive working days (issue 18).

The «fortsatt forsinket» lines fall on a grid shared by every item (Mondays with `every_days: 7`), and an
item's first overdue notice on the first working day after its deadline (README: always that day). A
deadline on the grid day (31 January 2028 is a Monday) then gave a channel a digest of its still-overdue
items on Monday and one with the new overdue item on Tuesday. So a channel's still-overdue lines of a day
wait for the next working day when a first notice comes to that channel then, and go out with it, not
marked as sent late: one digest, not two in a row.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from bot.i18n import using
from bot.messages import ChannelAddress
from bot.model.progress import Progress
from bot.model.wheel import Item
from bot.reminders.lines import DigestLine, digest_line

if TYPE_CHECKING:
    from bot.reminders.planner import DueReminder, Planner
    from bot.reminders.schedule import Occurrence

logger = logging.getLogger(__name__)

FIRST_NOTICE = "overdue-0"


def first_notice_on(schedule: Iterable[Occurrence], *, day: date) -> Occurrence | None:
    """The item's first overdue notice when it falls on `day`."""
    return next((o for o in schedule if o.name == FIRST_NOTICE and o.day == day), None)


def fold(
    due: list[DueReminder],
    *,
    today: date,
    previous: date,
    fresh_tomorrow: set[ChannelAddress],
    relined: Callable[[DueReminder], DigestLine],
) -> list[DueReminder]:
    """`due` with today's still-overdue lines held back where a first notice comes to their channel on the
    next working day (`fresh_tomorrow`), and yesterday's held ones going out with today's first notice as
    on time (`relined` words a reminder's line again, not late)."""
    fresh_today = {r.to for r in due if r.occurrence.name == FIRST_NOTICE and r.occurrence.day == today}
    folded: list[DueReminder] = []
    for reminder in due:
        occurrence = reminder.occurrence
        if occurrence.kind == "still-overdue" and occurrence.day == today and reminder.to in fresh_tomorrow:
            continue  # held for tomorrow's digest, with the new overdue item
        if occurrence.kind == "still-overdue" and occurrence.day == previous and reminder.to in fresh_today:
            reminder = replace(reminder, late=False, line=relined(replace(reminder, late=False)))
        folded.append(reminder)
    return folded


def relined_by(
    planner: Planner, *, context: dict[str, tuple[Progress, list[Item] | None]], today: date
) -> Callable[[DueReminder], DigestLine]:
    """A reminder's line worded again from the item's progress and blockers the pass read (`context`)."""

    def relined(reminder: DueReminder) -> DigestLine:
        progress, blockers = context[reminder.item.ident]
        with using(reminder.lang):
            return digest_line(
                config=planner.config,
                state=planner.state,
                progress=progress,
                occurrence=reminder.occurrence,
                anchor=planner.anchor(progress),
                party=reminder.party,
                today=today,
                late=reminder.late,
                blockers=blockers,
                first=False,
            )

    return relined
