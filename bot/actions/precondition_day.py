"""`redate`: the day a recorded precondition happened, given afterwards (walk 13 W7).

A coordinator who first typed the short form (`forutsetning budsjett`, today recorded) and then the day it
happened (`forutsetning budsjett vedtatt 15. desember`) is asked once; with `bekreft` the typed day becomes
the day it was done, the day it was first typed is kept beside it (`recorded_at`), and `logg` shows the change.
Who may do it and whether the day can be right are `record_precondition`'s checks, made before this.
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

ACTION = "redate_precondition"


class _Changed(DomainError):
    """Raised inside the store's lock, so nothing is written, when another request changed the record first."""


def redate(acting: Acting, *, item: Item, was: datetime, happened: datetime, confirmed: bool) -> None:
    """Ask first (`bekreft`), then record `happened` as the day `item` was done in place of `was`."""
    if not confirmed:
        raise DomainError(
            _(
                "{item} er registrert som skjedd {was}. Skal dagen det skjedde endres til {day}? Skriv det samme "
                "med «{confirm}» til slutt."
            ).format(
                item=item.title(), was=day_text(was.date()), day=day_text(happened.date()), confirm=confirm_word()
            ),
            again=_("Endre dagen"),  # the line with `bekreft` as a button (walk 14a F13)
        )

    def mutate(tables: Tables) -> None:
        preconditions = tables.setdefault("preconditions", {})
        existing = preconditions.get(item_doc_key(item)) or {}
        if not existing.get("done") or datetime.fromisoformat(existing.get("done_at") or "") != was:
            raise _Changed(_("{item} ble endret av noen andre akkurat nå. Prøv igjen.").format(item=item.title()))
        preconditions[item_doc_key(item)] = existing | {
            "done_at": happened.isoformat(),
            "recorded_at": existing.get("recorded_at") or existing["done_at"],
        }

    record(
        acting,
        action=ACTION,
        item=item,
        summary=lambda: _("Endret dagen {item} skjedde: {day} (var {was})").format(
            item=item.title(), day=day_text(happened.date()), was=day_text(was.date())
        ),
        mutate=mutate,
    )
    logger.info("precondition %s re-dated", item_doc_key(item))
