"""Which actors are done with their assignment agreements (sent, or none this year) and which are not:
the one function `status` (and any other surface) calls, so the answer is read in one place."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from bot.i18n import _
from bot.messages import Fact
from bot.model.config import AppConfig
from bot.model.wheel import Item
from bot.state.store import StateStore

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class AssignmentAnswers:
    sent: tuple[str, ...]
    none: tuple[str, ...]
    open: tuple[str, ...]
    """Enabled actors without an answer yet."""


def assignment_answers(*, config: AppConfig, state: StateStore, region: str, year: int) -> AssignmentAnswers:
    answers = state.assignments(region=region, year=year)
    actors = [actor.key for actor in config.enabled_actors]
    status = {actor: (answers.get(actor) or {}).get("status") for actor in actors}
    return AssignmentAnswers(
        sent=tuple(a for a in actors if status[a] == "sent"),
        none=tuple(a for a in actors if status[a] == "none"),
        open=tuple(a for a in actors if status[a] not in ("sent", "none")),
    )


def answered_share(*, config: AppConfig, state: StateStore, item: Item) -> str | None:
    """«2/4 avklart»: how far a region's assignment agreements have come (sent, or none this year, per
    actor), for a surface with room for one cell (`oversikt`); None for any other item."""
    if item.kind != "milestone" or item.spec.kind != "assignments" or item.region is None:
        return None
    answers = assignment_answers(config=config, state=state, region=item.region, year=item.year)
    done = len(answers.sent) + len(answers.none)
    return _("{done}/{total} avklart").format(done=done, total=done + len(answers.open))


def answers_fact(*, config: AppConfig, state: StateStore, item: Item) -> Fact | None:
    """«Sendt: IN, SIVA · Ingen i år: NFR · Ikke avklart: RFF» for a region's assignment agreements item;
    None for any other item or before any answer."""
    if item.kind != "milestone" or item.spec.kind != "assignments" or item.region is None:
        return None
    answers = assignment_answers(config=config, state=state, region=item.region, year=item.year)
    if not (answers.sent or answers.none):
        return None
    parts = [
        f"{label}: {', '.join(map(config.party_short, actors))}"
        for label, actors in (
            (_("Sendt"), answers.sent),
            (_("Ingen i år"), answers.none),
            (_("Ikke avklart"), answers.open),
        )
        if actors
    ]
    return Fact(_("Aktørene"), " · ".join(parts))
