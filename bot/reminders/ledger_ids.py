"""A wheel item's reminder in the ledger: its id, and whether a channel was already told it.

A reminder counted from a planned date (the leads, and the «referatet mangler» nudge after the meeting)
names that date in its id: `milestone:national-spring:2027:national|lead-14@2027-04-20|slack:C1`. When the
date moves, the reminders counted from the new date are owed anew (walk 10 X1: the 14-day lead for 11 March
stood for the one for 20 April, so the actors' only «forbereder seg» reminder came 4 days before). One for
the same date is never sent twice, and ids written before the date was in them still count for it (sent on
or after the day it falls for that date). A lead whose day for the new date had already passed when the date
moved is not sent late: the channel heard that lead for the old date, and the move was announced to it.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from datetime import date
from typing import Any

from bot.reminders.schedule import Occurrence

logger = logging.getLogger(__name__)

_COUNTED = ("lead", "minutes")
"""The occurrences counted from the planned date once it is set (`ItemSchedule.lead_day`, the nudge)."""


def reminder_id(*, ident: str, occurrence: Occurrence, where: str, planned: date | None) -> str:
    """The ledger id of an item's reminder to the channel `where` («slack:C1»)."""
    if planned is not None and occurrence.kind in _COUNTED:
        return f"{ident}|{occurrence.name}@{planned.isoformat()}|{where}"
    return f"{ident}|{occurrence.name}|{where}"


def told_already(
    ledger: Mapping[str, Mapping[str, Any]],
    *,
    ident: str,
    occurrence: Occurrence,
    where: str,
    planned: date | None,
    today: date,
) -> bool:
    """Whether the channel was told this reminder: under its id, or (counted from a planned date) under the
    id it had before the date was in it, or the same reminder for an earlier date when this one is late."""
    if reminder_id(ident=ident, occurrence=occurrence, where=where, planned=planned) in ledger:
        return True
    if planned is None or occurrence.kind not in _COUNTED:
        return False
    legacy = ledger.get(f"{ident}|{occurrence.name}|{where}")
    sent_at = legacy.get("sent_at") if legacy else None
    if isinstance(sent_at, str) and sent_at[:10] >= occurrence.day.isoformat():
        return True  # written before ids named the date, for this same date
    if occurrence.day >= today:
        return False  # due today for the date planned now: owed, whatever was told for another date
    other = (f"{ident}|{occurrence.name}@", f"|{where}")
    return legacy is not None or any(key.startswith(other[0]) and key.endswith(other[1]) for key in ledger)
