"""Which actors are done with their assignment agreements (sent, or none this year) and which are not:
the one function `status` (and any other surface) calls, so the answer is read in one place."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from bot.dates.text import format_short
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


def told_to_actor(
    *,
    config: AppConfig,
    state: StateStore,
    actor: str,
    regions: Sequence[tuple[str, int]],
    refusal: str | None = None,
) -> str:
    """What an actor's adviser asking `oppdrag` is told (walk 21 A1): each region's answer for that actor
    and who records it, instead of a question only a county council's coordinator may answer or a command
    the adviser may not run. `regions` are (region, year) pairs: the one named, or every region, whose
    unanswered ones are named together in one sentence per year. A `refusal` (who may record for the region,
    to someone who tried) comes first, instead of the closing sentence on who records them."""
    lines: list[str] = [refusal] if refusal else []
    waiting: dict[int, list[str]] = {}
    for region, year in regions:
        line = _line(config=config, state=state, actor=actor, region=region, year=year)
        if line is None and len(regions) > 1:
            waiting.setdefault(year, []).append(config.party_short(region))
        else:
            lines.append(line or _not_yet(config=config, actor=actor, region=region, year=year))
    for year, names in waiting.items():
        lines.append(
            _("Ikke registrert ennå for oppdragsavtalen {year} til {actor}: {regions}.").format(
                year=year, actor=config.party_name(actor), regions=", ".join(names)
            )
        )
    lines.append(_("Alt om en region: «status {region}».").format(region=regions[0][0]))
    if not refusal:
        lines.append(
            _(
                "Oppdragsavtalene registreres av fylkeskommunens koordinatorer, hver for sin region; stemmer noe "
                "ikke, si fra til dem."
            )
        )
    return " ".join(lines)


def _not_yet(*, config: AppConfig, actor: str, region: str, year: int) -> str:
    return _("{region} har ikke registrert oppdragsavtalen {year} til {actor} ennå.").format(
        region=config.party_short(region), actor=config.party_name(actor), year=year
    )


def _line(*, config: AppConfig, state: StateStore, actor: str, region: str, year: int) -> str | None:
    answer = state.assignments(region=region, year=year).get(actor) or {}
    names = {"region": config.party_short(region), "actor": config.party_name(actor), "year": year}
    when = _when(answer)
    if answer.get("status") == "sent":
        return _("{region} har registrert oppdragsavtalen {year} til {actor} som sendt{when}.").format(
            **names, when=when
        )
    if answer.get("status") == "none":
        return _("{region} har registrert at {actor} ikke får oppdragsavtale i {year}{when}.").format(
            **names, when=when
        )
    return None


def _when(answer: dict[str, str]) -> str:
    """« (5. januar 2027, Kari Nordmann)»: when and by whom an answer was recorded, where the store has it."""
    at, by = answer.get("at"), answer.get("by")
    parts = [format_short(datetime.fromisoformat(at).date())] if at else []
    return f" ({', '.join([*parts, by] if by else parts)})" if parts or by else ""
