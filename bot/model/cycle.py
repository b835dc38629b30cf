"""The one rule for which cycle a command means, shared by every command and the planner.

Reading: without a typed year the calendar year's cycle is shown all year (its agreement and its meetings);
from the day the next agreement's preparation opens (the earliest window start among cycle Y+1's items),
that cycle's open items are shown as their own section below it, never instead of it.

Writing: without a typed year an item of the cycle whose window for it is open today is meant. After its
deadline an item still unfinished stays the one meant until the same item's next window opens (a
coordinator writing `oppdrag IN sendt` on 20 January means this year's agreement; the political treatment
recorded late in February is still the one for this year's agreement), but no longer once the next
agreement's preparation has opened after its deadline. A finished item stays meant for a
short while after its deadline, so a second `signer` answers about the agreement just completed. Where no
cycle fits, the caller is asked for the year instead of guessing.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from bot.memo import per_config
from bot.model.config import AppConfig
from bot.model.wheel import Item, tracked

logger = logging.getLogger(__name__)

DONE_GRACE = timedelta(days=45)
"""How long after its deadline a finished item is still the one a command means (to answer "already done")."""


@dataclass(frozen=True)
class CycleView:
    """What a read without a typed year shows: the calendar year's cycle, and the next one once it opens."""

    year: int
    preparing: int | None
    leading: int | None = None
    """The cycle a whole-country overview opens on: `preparing` once its first deadline's month has come
    (`preparation_leads_from`), else None (the calendar year's, `year`)."""


@per_config(maxsize=64)
def preparation_opens(config: AppConfig, *, year: int) -> date:
    """The first day any item of cycle `year` opens: the start of that agreement's preparation (from the
    configuration alone, so worked out once per year: every `neste` asks it twice)."""
    starts: list[date] = []
    for milestone in config.milestones:
        starts.append(milestone.window.resolve(year)[0])
    for precondition in config.preconditions:
        starts.append(precondition.window.resolve(year)[0])
    return min(starts)


@per_config(maxsize=64)
def preparation_leads_from(config: AppConfig, *, year: int) -> date:
    """The first day of the month in which the first item of agreement `year` falls due (its action plan, 15
    December): from then the agreement being prepared is the work (the model, §3.2: the autumn's meetings of
    the running cycle are held in October and November, then the draft is treated, the budgets adopted and
    the agreement signed in January), so AU's `oversikt` opens on it (walk 24 F7)."""
    deadlines = [spec.window.resolve(year)[1] for spec in (*config.milestones, *config.preconditions)]
    return min(deadlines).replace(day=1)


def read_cycles(config: AppConfig, *, today: date) -> CycleView:
    """The cycles a read shows today: the calendar year's, plus the next one from when it opens."""
    year = today.year
    preparing = year + 1 if today >= preparation_opens(config, year=year + 1) else None
    leading = preparing if preparing and today >= preparation_leads_from(config, year=preparing) else None
    return CycleView(year=year, preparing=preparing, leading=leading)


def earliest_counted(config: AppConfig, *, today: date) -> int:
    """The oldest cycle whose unfinished items still count as open today: the one before the calendar year's
    until the next agreement's preparation opens, then the calendar year's. From 1 September 2027 an unheld
    autumn meeting of 2026 is history (`oversikt 2026`, `status <region> 2026`): the agreement it prepared is
    signed or chased on its own, and the next autumn's meeting is the one to hold (walk 2, H). The one rule
    for AU's «på etterskudd» (`bot.facts.behind`) and a region's «Ikke fullført fra tidligere sykluser»
    (`bot.facts.earlier_open`), which gave two answers for the same meeting (walk 29 F2)."""
    view = read_cycles(config, today=today)
    return view.year if view.preparing else view.year - 1


def latest_counted(config: AppConfig, *, today: date) -> int:
    """The latest cycle anything is shown or chased for today: the calendar year's, and the next agreement's
    from the day its preparation opens (`read_cycles`), never before. One rule for `neste`
    (`handlers.next_window.may_show`), `status` (its section below the year's), the digests
    (`bot.reminders.planner`) and `counted_years` (walk 39: Agder's `neste` in June 2027 listed the 2028 action
    plan and treatment under «Ellers», months before September, when the model starts that agreement's work)."""
    view = read_cycles(config, today=today)
    return view.preparing or view.year


def counted_years(config: AppConfig, *, today: date) -> range:
    """The cycles whose unfinished items count as behind today: from `earliest_counted` to the agreement being
    prepared (or the calendar year's). AU's «på etterskudd» per region (`bot.facts.behind`) and the weekly
    overview's «Forsinket nasjonalt» read it alike, so an unheld national meeting leaves both on the day the
    next agreement's preparation opens (the overview kept a year of its own before)."""
    return range(earliest_counted(config, today=today), latest_counted(config, today=today) + 1)


def write_cycle(
    config: AppConfig,
    *,
    today: date,
    item_for: Callable[[int], Item],
    done: Callable[[Item], bool],
) -> int | None:
    """The cycle a write without a typed year goes to, or None when the caller must name the year.

    In order: the cycle whose window for the item is open today; else the oldest tracked cycle whose item
    is overdue and unfinished, until the same item's next window opens; else a cycle whose item was
    finished at most DONE_GRACE ago.
    """
    years = range(today.year - 2, today.year + 2)
    items = {year: item_for(year) for year in years}
    open_now = [year for year, item in items.items() if item.start <= today <= item.deadline]
    if open_now:
        return open_now[0]
    for year, item in items.items():
        successor = items.get(year + 1) or item_for(year + 1)
        overdue = item.deadline < today < _grace_end(config, item=item, successor=successor)
        if overdue and tracked(config, item) and not done(item):
            return year
    recent = [
        year
        for year, item in items.items()
        if item.deadline < today <= item.deadline + DONE_GRACE and done(item) and tracked(config, item)
    ]
    return recent[-1] if recent else None


def _grace_end(config: AppConfig, *, item: Item, successor: Item) -> date:
    """Until when an overdue, unfinished item is still the one meant: until the same item's next window
    opens, or the next agreement's preparation opens after its deadline, whichever comes first."""
    return _grace_end_from(config, item=item, successor_start=successor.start)


def _grace_end_from(config: AppConfig, *, item: Item, successor_start: date) -> date:
    openings = [preparation_opens(config, year=item.deadline.year + k) for k in range(3)]
    later = [day for day in openings if day > item.deadline]
    return min([successor_start, *later])


def superseded(config: AppConfig, *, item: Item, today: date) -> bool:
    """Past its deadline and no longer the one a write without a year means (`write_cycle`): the same item's
    next window, or the next agreement's preparation, has opened since. Unfinished, it is history to name
    with its year, not something to do now (`neste` in February 2028 offered the spring meeting of 2027,
    while «dato vår …» went to 2028)."""
    if item.deadline >= today:
        return False
    successor_start = item.spec.window.resolve(item.year + 1)[0]
    return today >= _grace_end_from(config, item=item, successor_start=successor_start)


def still_followed(item: Item, *, today: date) -> bool:
    """Whether an unfinished item is still followed at all: an item of last, this or a coming cycle, the
    years the reminder passes (`bot.reminders.planner`), AU's overview and the weekly digest count. `neste`
    drops nothing they still count: the agreement 2027 unsigned on 1 February 2028 (366 days after its
    deadline) stays, named with its year once superseded (walk 3, #8)."""
    return item.year >= today.year - 1


def next_opening(*, today: date, item_for: Callable[[int], Item]) -> int:
    """The cycle whose window for the item opens next (for planning ahead, e.g. a meeting's date)."""
    for year in range(today.year - 1, today.year + 3):
        if item_for(year).deadline >= today:
            return year
    return today.year
