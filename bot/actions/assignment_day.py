"""`redate_assignment`: the day an assignment agreement was sent, given afterwards (walk 36 F6).

A coordinator who typed `oppdrag NFR sendt` on 2 February (today recorded, after the 31 January deadline) and
then the day it went (`oppdrag NFR sendt 28. januar`) was told «Allerede registrert» and the typed day was
dropped. Now it is asked once, as a precondition's day is (`bot/actions/precondition_day.py`); with `bekreft`
the typed day is the day it was sent, the first one is kept beside it (`recorded_at`), and `logg` shows it.
Who may do it and whether the day fits its window are `record_assignment`'s checks, made before this.
"""

from __future__ import annotations

import logging
from datetime import datetime

from bot.actions.base import Acting, record
from bot.i18n import _
from bot.model.order import confirm_word
from bot.model.wheel import Item
from bot.shown.replies import day_text
from bot.state.store import DomainError, item_doc_key
from storage.base import Tables

logger = logging.getLogger(__name__)

ACTION = "redate_assignment"


class _Changed(DomainError):
    """Raised inside the store's lock, so nothing is written, when another request changed the record first."""


def sent_at(answer: dict[str, object]) -> datetime | None:
    """When a recorded «sendt» says it was sent (None for an answer without a time)."""
    at = answer.get("at")
    return datetime.fromisoformat(at) if isinstance(at, str) and at else None


def redate_assignment(
    acting: Acting, *, item: Item, actor: str, was: datetime, happened: datetime, confirmed: bool
) -> None:
    """Ask first (`bekreft`), then record `happened` as the day the agreement to `actor` was sent."""
    what = _("Oppdragsavtalen {year} til {party}").format(year=item.year, party=acting.config.party_name(actor))
    if not confirmed:
        raise DomainError(
            _(
                "{what} er registrert som sendt {was}. Skal dagen den ble sendt endres til {day}? Skriv det samme "
                "med «{confirm}» til slutt."
            ).format(what=what, was=day_text(was.date()), day=day_text(happened.date()), confirm=confirm_word()),
            again=_("Endre dagen"),
        )

    def mutate(tables: Tables) -> None:
        sent = tables.setdefault("assignments", {})
        existing = sent.get(actor) or {}
        if existing.get("status") != "sent" or sent_at(existing) != was:
            raise _Changed(_("{item} ble endret av noen andre akkurat nå. Prøv igjen.").format(item=item.title()))
        sent[actor] = existing | {
            "at": happened.isoformat(),
            "recorded_at": existing.get("recorded_at") or existing["at"],
        }
        doc = tables.setdefault("milestones", {}).setdefault(item_doc_key(item), {})
        if doc.get("done") and not doc.get("not_relevant"):  # the item is done when the last answer came
            doc["done_at"] = max(str(one.get("at") or "") for one in sent.values())

    record(
        acting,
        action=ACTION,
        item=item,
        summary=lambda: _("Endret dagen oppdragsavtalen {year} til {party} ble sendt: {day} (var {was})").format(
            year=item.year,
            party=acting.config.party_name(actor),
            day=day_text(happened.date()),
            was=day_text(was.date()),
        ),
        mutate=mutate,
    )
    logger.info("assignment %s/%s re-dated", item_doc_key(item), actor)
