"""Since when an agreement could be signed: the moment the bot knew the last of what its signing waits for
(the budgets, the allocation letters, the political treatment, a text to sign).

A reminder that fell before then could not have been sent with what it says now: the parties that were told
nothing then (they could not sign) are told by the change that made it signable («Klar til signering», or the
window's opening), never later with «Sendt for sent», and the overdue rhythm counts from that moment
(`bot.reminders.signable`). The day a council met is not when the bot knew it: a treatment recorded on 8
February as held on 10 December made the agreement signable on 8 February, so the history says when.
"""

from __future__ import annotations

import logging
from datetime import datetime

from bot.agreement.versions import versions
from bot.model.config import AppConfig
from bot.model.progress import missing_for_signing, progress_of, signing_needs
from bot.model.wheel import Item
from bot.state.store import StateStore, item_partition
from storage.base import Document

logger = logging.getLogger(__name__)


def signable_since(*, config: AppConfig, state: StateStore, signing: Item) -> datetime | None:
    """When agreement `signing` became signable: the latest of when each of its needs was first recorded
    and when its first text was registered; None while something blocks it or no text is registered."""
    assert signing.region is not None
    if missing_for_signing(config=config, state=state, signing=signing):
        return None
    texts = versions(state, region=signing.region, year=signing.year)
    if not texts:
        return None
    moments = [_parsed(texts[0].at)]
    first_recorded: dict[str, dict[str, datetime]] = {}  # partition -> item ident -> its first history entry
    for need in signing_needs(config=config, signing=signing):
        partition = item_partition(need)
        if partition not in first_recorded:
            first_recorded[partition] = _first_entries(state, partition=partition)
        moment = first_recorded[partition].get(need.ident)
        moments.append(moment or progress_of(config=config, state=state, item=need).done_at)
    known = [moment for moment in moments if moment is not None]
    return max(known) if known else None


def _first_entries(state: StateStore, *, partition: str) -> dict[str, datetime]:
    """When each item in `partition` was first recorded done (kept, not replaced, by later minutes of the
    same item). Its planned day is no such entry: a political treatment dated in January and recorded on 4
    February made the agreement signable on 4 February (walk 11, F4)."""
    found: dict[str, datetime] = {}
    for entry in state.history(partition):
        ident, at = entry.get("item"), _parsed(entry.get("at"))
        if isinstance(ident, str) and at is not None and ident not in found and _records_done(entry):
            found[ident] = at
    return found


def _records_done(entry: Document) -> bool:
    """Whether a history entry made its item done (a date set or removed does not)."""
    for change in entry.get("changes") or ():
        before, after = change.get("before"), change.get("after")
        if isinstance(after, dict) and after.get("done") and not (isinstance(before, dict) and before.get("done")):
            return True
    return False


def _parsed(value: object) -> datetime | None:
    """A stored moment with its zone, or None (a hand-edited value never breaks a pass)."""
    if not isinstance(value, str):
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        logger.warning("ignoring a stored moment that is not an ISO time: %r", value)
        return None
    return moment if moment.tzinfo is not None else None
