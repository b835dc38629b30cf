"""Which of a signing's reminders are still owed once the agreement became signable late (`bot.facts.signable`).

A reminder is sent late («Sendt for sent») only when it could have gone on its day with what it says now. One
that fell while the agreement could not be signed went to the region and whoever held it up, saying what it
waited on; the parties that could not sign heard nothing, rightly. When the last precondition comes after
that day, the change itself tells every party «Klar til signering» (before the window: the window's opening
does), so the reminder it overtook is owed to no one afterwards, and after the deadline the «fortsatt
forsinket» rhythm counts from that moment, as it counts from a first overdue notice (walk 9, W8).
"""

from __future__ import annotations

from datetime import date

from bot.reminders.schedule import Occurrence, fold_gap


def owed_once_signable(*, occurrence: Occurrence, since: date, deadline: date, today: date, every_days: int) -> bool:
    """Whether a signing's `occurrence` is still owed, the agreement signable since the day `since`: not one
    that came on an earlier day than today and no later than `since` (the change told it), nor, when it became
    signable after its deadline, a «fortsatt forsinket» line sooner after `since` than after a first notice."""
    if occurrence.day < today and occurrence.day <= since:
        return False
    if occurrence.kind == "still-overdue" and since > deadline:
        return occurrence.day >= since + fold_gap(every_days)
    return True
