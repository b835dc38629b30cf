"""An item's state today, decided once for every surface (`neste`, `status`, `oversikt`, the digests, the
weekly overview, the status pages, the calendar feeds and the wheel picture).

In order: not relevant (an optional item marked so), done, untracked (it predates the bot), overdue (past
its deadline, or past its planned day when it was dated after the deadline: `on_time_until`), planned (a date is set), not yet open (its window has not opened), due (its window is open and
the deadline at most `DUE_DAYS` away), open.

An optional item (the assignment agreements) is never overdue (README): past its deadline and not done it
is `ItemState.OPTIONAL_PAST` on every surface («valgfritt, ikke på overtid»: no ⚠, no «på overtid», nor
«Åpen, frist …» as if the deadline were ahead); its lateness is not chased (`chases_lateness`): no
overdue reminders, and a region is not behind on it (`bot.facts.behind.is_behind`). It is done once every
actor's answer is in (sent, or none this year) or when it is marked not relevant (walk 3, #3/#11).
"""

from __future__ import annotations

import logging
from datetime import date

from bot.facts.kinds import is_meeting
from bot.messages import ItemState
from bot.model.config import AppConfig
from bot.model.progress import Progress
from bot.model.wheel import Item, tracked

logger = logging.getLogger(__name__)

DUE_DAYS = 7
"""How near a deadline must be for an open item to be due (the digest's «Denne uken» is the calendar week,
`bot.reminders.lines.in_week_of`)."""


def minutes_missing(progress: Progress, *, today: date) -> bool:
    """A dated item whose (last) planned day has passed with nothing recorded: over, not «planned» as if still
    ahead. A meeting lacks its minutes (walk 7 F7: «møtet er over; referatet mangler»); a political treatment
    or an action plan planned for a day lacks its decision (walk 20 F-h: it read «Planlagt 16.12» on the
    page, in `status` and `oversikt` while the digest said the day had passed). Every surface reads this one
    fact and says it in the item's words (`bot.shown.states.over_text`)."""
    last_day = progress.last_day
    return not progress.done and not progress.not_relevant and last_day is not None and last_day < today


def on_time_until(progress: Progress) -> date:
    """The last day the item is on time: its deadline, or the (last) planned day of one dated past it (a date
    outside the window accepted with «bekreft»). Dated and announced, it is not behind, nor «AU kaller inn»,
    before that day has passed (walk 10 X2); the reminders, the overviews and every state read this."""
    last = progress.last_day
    return max(progress.item.deadline, last) if last else progress.item.deadline


def meeting_today(progress: Progress, *, today: date) -> bool:
    """A meeting whose (last) planned day is today, without minutes: said as today's, with the minutes to come
    once it is over (walk 8 m3: it read as any planned meeting). Decided by the day, as `neste` and `status`
    are the same all day (`bot.reply_cache`); from the next day it is `minutes_missing`."""
    return is_meeting(progress.item) and not progress.done and progress.last_day == today


def chases_lateness(item: Item) -> bool:
    """Whether the item's being overdue is chased (overdue reminders, a region behind): not for an optional
    milestone (the assignment agreements)."""
    return not (item.kind == "milestone" and item.spec.optional)


def item_state(*, config: AppConfig, progress: Progress, today: date) -> ItemState:
    """Where the item of `progress` stands on `today`."""
    item = progress.item
    if progress.not_relevant:
        return ItemState.NOT_RELEVANT
    if progress.done:
        return ItemState.DONE
    if not tracked(config, item):
        return ItemState.UNTRACKED
    if on_time_until(progress) < today:
        # Optional: answers may still come, but it is never overdue (README, walk 3 #3/#11).
        return ItemState.OVERDUE if chases_lateness(item) else ItemState.OPTIONAL_PAST
    if progress.planned:
        return ItemState.PLANNED
    if item.start > today:
        return ItemState.NOT_OPEN
    if (item.deadline - today).days <= DUE_DAYS:
        return ItemState.DUE
    return ItemState.OPEN


def is_overdue(*, config: AppConfig, progress: Progress, today: date) -> bool:
    """Past its deadline, not done (nor marked not relevant), and followed by the bot."""
    return item_state(config=config, progress=progress, today=today) is ItemState.OVERDUE
