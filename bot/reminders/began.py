"""When the bot began keeping state: no reminder due before then was «Sendt for sent» (walk 33 F4).

A reminder is marked late («Sendt for sent: skulle gått ut …») when it could have gone on its day and was
missed: a process down for days, a pass that failed. A bot adopted mid-cycle could not have sent anything
before it existed, so its first digests say what is due or overdue plainly, as any reminder on its day
would, without apologising for days before its installation. A reminder's day counts from the time the
day's pass runs (app.yaml `reminders.cron`, 09:00): a bot first used at 09:30 on 15 February did not miss
that morning's reminders either. The first pass records the moment once (bookkeeping, no history): the
earliest entry of any history in the store, or that pass's own time for an empty store. Until then (a
store no pass has run on: `simulate`, a preview) it is worked out the same way.
"""

from __future__ import annotations

import logging
from datetime import date, datetime, time

from bot.state.store import StateStore
from storage.base import StoreError

logger = logging.getLogger(__name__)

PARTITION = "reminders/began"
"""Bookkeeping: one row, when the store began (ISO time), written once by the first pass."""
_TABLE = "began"
_KEY = "store"


def began_at(state: StateStore, *, now: datetime) -> datetime:
    """When the bot began keeping this store's state: recorded, else worked out from the histories."""
    row = state.store.rows(PARTITION, table=_TABLE).get(_KEY)
    if row is not None:
        try:
            return datetime.fromisoformat(str(row.get("at", "")))
        except ValueError:
            logger.error("the recorded start of the store cannot be read: %r", row.get("at"))
    return _earliest_kept(state, now=now)[0]


def note_began(state: StateStore, *, now: datetime, cron: str) -> None:
    """Record when the store began, once (a pass calls it first; a second caller writes nothing). A pass
    running late in its day (a retry at 09:00:02, a scheduler started at noon) is that day's pass: a
    reminder of its day that it fails to post is sent late, with the mark, on a later pass."""
    if state.store.rows(PARTITION, table=_TABLE).get(_KEY) is not None:
        return
    today = datetime.combine(now.date(), pass_time(cron), tzinfo=now.tzinfo)
    earliest, whole = _earliest_kept(state, now=now)
    if not whole:  # a damaged partition's history may be older: record once it is mended, not a later start
        return
    at = min(earliest, today, now)
    if state.store.record_once(partition=PARTITION, table=_TABLE, key=_KEY, doc={"at": at.isoformat()}):
        logger.info("the store's start recorded: %s", at.isoformat())


def missed(day: date, *, began: datetime, cron: str) -> bool:
    """Whether the bot existed when `day`'s pass would run (`cron`'s time of day): only then can a
    reminder of that day have been missed and be sent late with the mark."""
    return began <= datetime.combine(day, pass_time(cron), tzinfo=began.tzinfo)


def pass_time(cron: str) -> time:
    """The time of day a cron line «M H * * D» runs the pass (midnight where it names no one time)."""
    fields = cron.split()
    if len(fields) >= 2 and fields[0].isdigit() and fields[1].isdigit():
        return time(int(fields[1]) % 24, int(fields[0]) % 60)
    return time(0, 0)


def _earliest_kept(state: StateStore, *, now: datetime) -> tuple[datetime, bool]:
    """The time of the store's earliest history entry, or `now` when none is older, and whether every
    partition could be read. A damaged partition (named on /healthz and refused for its own region's
    commands) is passed over here: it must not stop the other regions' reminders or the start-up."""
    earliest, whole = now, True
    for name in state.store.partitions():
        try:
            first = state.history(name)[:1]
        except StoreError:
            whole = False
            continue
        for entry in first:
            try:
                at = datetime.fromisoformat(str(entry.get("at", "")))
            except ValueError:
                continue
            if at.tzinfo is not None:
                earliest = min(earliest, at)
    return earliest, whole
