"""`unset_date`: a planned meeting date taken back («dato høst avlyst»), and which cycle a date change
without a day means.

A meeting called off (snow, a budget crisis) must stop its «møtet 26. november» leads and its calendar entry;
without its date the item is reminded by its deadline again, as before it was dated. A meeting already held
keeps its day: that is what happened, not a plan.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, datetime

from bot.actions.base import Acting, record
from bot.actions.rules import milestone_for, pick_year, require_coordinator, require_near_year
from bot.i18n import _
from bot.model.cycle import next_opening
from bot.model.progress import progress_of
from bot.model.wheel import Item, done_word
from bot.shown.replies import day_text, planned_text
from bot.state.store import DomainError, item_doc_key
from storage.base import Tables

logger = logging.getLogger(__name__)

ACTION = "unset_date"
EXAMPLE = "dato høst avlyst"


@dataclass(frozen=True, kw_only=True)
class PlannedWas:
    """A planned date as it was before a change took it back, in the words every surface uses for it."""

    was: datetime
    was_has_time: bool
    was_last_day: date | None

    @property
    def shown(self) -> str:
        return planned_text(self.was, has_time=self.was_has_time, last_day=self.was_last_day)


@dataclass(frozen=True, kw_only=True)
class DateRemoved(PlannedWas):
    """The planned date was taken back (`confirmed`), or would be (`confirmed` False: nothing written yet)."""

    item: Item
    confirmed: bool


@dataclass(frozen=True, kw_only=True)
class TakenBack(PlannedWas):
    """The date a meeting had when it was taken back, and the day it was (walk 12, N2): the channels were told
    «ingen dato», so the next date set is news to them, announced like a move."""

    on: date


FIELD = "taken_back"
"""The milestone document's field that keeps the date taken back until a new one is set."""


def taken_back(doc: dict[str, object]) -> TakenBack | None:
    """The date taken back from a milestone's stored document, None when none was (or a new one was set)."""
    kept = doc.get(FIELD)
    if not isinstance(kept, dict):
        return None
    try:
        last = kept.get("last_day")
        return TakenBack(
            was=datetime.fromisoformat(str(kept["was"])),
            was_has_time=bool(kept.get("has_time")),
            was_last_day=date.fromisoformat(str(last)) if last else None,
            on=date.fromisoformat(str(kept["on"])),
        )
    except (KeyError, ValueError):
        logger.warning("a milestone's %s could not be read; ignored", FIELD)
        return None


def planned_item(acting: Acting, *, key: str, region: str | None, year: int | None) -> Item:
    """The cycle a `dato` without a day means («dato høst avlyst», «dato høst kl 13»): the typed year's, else
    the one the write rule means (`pick_year`) or the next to open, whichever has a date planned and not held;
    else the write rule's."""
    if year is not None:
        require_near_year(acting, year, example=EXAMPLE)
        return milestone_for(acting.config, key=key, year=year, region=region)

    def item_for(cycle: int) -> Item:
        return milestone_for(acting.config, key=key, year=cycle, region=region)

    meant = item_for(pick_year(acting, item_for=item_for))
    for item in (meant, item_for(next_opening(today=acting.now.date(), item_for=item_for))):
        progress = progress_of(config=acting.config, state=acting.state, item=item)
        if progress.planned is not None and not progress.done:
            return item
    return meant


def remove_date(acting: Acting, *, key: str, region: str | None, year: int | None, confirmed: bool) -> DateRemoved:
    """Take back the planned date of `key` (in `region`, national when None): asked first (`confirmed` False
    returns what would go, writing nothing). Refused when no date is planned or the meeting is held."""
    item = planned_item(acting, key=key, region=region, year=year)
    require_coordinator(acting, item=item)
    progress = progress_of(config=acting.config, state=acting.state, item=item)
    if progress.done and not progress.not_relevant and progress.done_at is not None:
        raise DomainError(
            _("{item} er registrert som {done} {day}; den dagen kan ikke fjernes. Ingenting er endret.").format(
                item=item.title(), done=done_word(item), day=day_text(progress.done_at.date())
            )
        )
    if progress.planned is None:
        raise DomainError(_("{item} har ingen planlagt dato. Ingenting er endret.").format(item=item.title()))
    removed = DateRemoved(
        item=item,
        was=progress.planned,
        was_has_time=progress.planned_has_time,
        was_last_day=progress.planned_last_day,
        confirmed=confirmed,
    )
    if not confirmed:
        return removed

    def mutate(tables: Tables) -> None:
        doc = tables.setdefault("milestones", {}).setdefault(item_doc_key(item), {})
        for field in ("planned", "planned_has_time", "planned_last_day"):
            doc.pop(field, None)
        doc[FIELD] = {
            "was": removed.was.isoformat(),
            "has_time": removed.was_has_time,
            "last_day": removed.was_last_day.isoformat() if removed.was_last_day else None,
            "on": acting.now.date().isoformat(),
        }

    record(
        acting,
        action=ACTION,
        item=item,
        summary=lambda: _("Fjernet datoen for {item} (var {when})").format(item=item.title(), when=removed.shown),
        mutate=mutate,
    )
    return removed
