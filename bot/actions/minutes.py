"""`record_minutes`: a meeting's outcome (summary, link, decisions, follow-up points), which marks it held.

Only after its window opens, by its coordinators, and in the model's order (after its planned date and the
meeting it follows) unless confirmed; a confirmed write out of order is marked so. A replaced outcome is
said so in the history.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from bot.actions.base import Acting, record
from bot.actions.ready import ready_regions, signing_years_unblocked_by
from bot.actions.rules import require_coordinator, write_item
from bot.i18n import _, using
from bot.order import mark, record_breaches, refuse, summary_note
from bot.parsing import typed_name
from bot.progress import progress_of
from bot.replies import day_text
from bot.state import DomainError, item_doc_key
from bot.wheel import Item, done_word
from storage.base import Tables

logger = logging.getLogger(__name__)

ACTION = "record_minutes"

MeetingOutcome = dict[str, Any]
"""{"summary": str, "link": str | None, "decisions": [str], "followups": [{"text", "owner", "owner_name"}]}"""


@dataclass(frozen=True)
class MinutesRecorded:
    item: Item
    outcome: MeetingOutcome
    replaced: bool
    """An earlier outcome was there and is replaced."""
    note: str | None
    """The order rule the confirmed write broke, stored with the item."""
    newly_ready: tuple[tuple[int, tuple[str, ...]], ...]
    """(agreement year, regions) this outcome made ready to sign."""


@dataclass(frozen=True)
class MinutesWanted:
    """Nothing written yet: the item is right and may be recorded, but no outcome was given (ask with a form)."""

    item: Item


def minutes_item(acting: Acting, *, key: str, region: str | None, year: int | None) -> Item:
    """The item meant: the typed year, else the one rule for writes (bot/cycle.py), else ask for the year."""
    spec = acting.config.milestone(key)
    example = f"referat {typed_name(spec) if spec else key} {acting.now.date().year} …"
    return write_item(acting, key=key, region=region, typed=year, example=example)


def record_minutes(
    acting: Acting,
    *,
    key: str,
    region: str | None,
    year: int | None,
    confirmed: bool,
    outcome: Callable[[], MeetingOutcome | None],
) -> MinutesRecorded | MinutesWanted:
    """`outcome` is read only after the rules allow the write, so a refusal comes before any complaint
    about the text; None asks for the outcome (`MinutesWanted`)."""
    config, state = acting.config, acting.state
    spec = config.milestone(key)
    assert spec is not None
    if spec.kind == "assignments":
        raise DomainError(_("Oppdragsavtalene har ikke referat. Skriv «oppdrag IN sendt» eller «oppdrag SIVA ingen»."))
    item = minutes_item(acting, key=key, region=region, year=year)
    if item.start > acting.now.date():
        raise DomainError(
            _(
                "{item} kan ikke ha vært {done} ennå: vinduet åpner {day}. "
                "Sett datoen med «dato» nå, og skriv referatet etterpå."
            ).format(item=item.title(), done=done_word(item), day=day_text(item.start))
        )
    require_coordinator(acting, item=item)
    breaches = record_breaches(config=config, state=state, item=item, now=acting.now)
    if breaches and not confirmed:
        raise refuse(item=item, breaches=breaches)
    with using("nb"):  # stored with the item and in the history, in bokmål like the history
        note = mark(record_breaches(config=config, state=state, item=item, now=acting.now))
    given = outcome()
    if given is None:
        return MinutesWanted(item=item)
    progress = progress_of(config=config, state=state, item=item)
    held = progress.planned if progress.planned and progress.planned <= acting.now else acting.now

    def mutate(tables: Tables) -> None:
        doc = tables.setdefault("milestones", {}).setdefault(item_doc_key(item), {})
        doc.update({"done": True, "done_at": held.isoformat(), "outcome": given})
        doc.pop("outside_order", None)
        if note:
            doc["outside_order"] = note

    replaced = bool(progress.outcome)
    regions = [region] if region else []
    unblocks = signing_years_unblocked_by(config=config, item=item) if region else []
    ready_before = {
        y: ready_regions(config=config, state=state, year=y, regions=regions, today=acting.now.date()) for y in unblocks
    }
    record(
        acting,
        action=ACTION,
        item=item,
        summary=lambda: (
            _("Registrerte referat for {item}").format(item=item.title())
            + (" " + _("(erstatter forrige referat)") if replaced else "")
            + summary_note(note)
        ),
        mutate=mutate,
    )
    newly_ready = tuple(
        (y, tuple(ready_regions(config=config, state=state, year=y, regions=regions, today=acting.now.date())))
        for y in unblocks
        if not ready_before[y]
    )
    return MinutesRecorded(item=item, outcome=given, replaced=replaced, note=note, newly_ready=newly_ready)
