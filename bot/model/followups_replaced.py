"""What replacing a meeting's minutes does to its follow-up points (walk 5, N3).

A coordinator who re-pastes minutes to fix a typo expects the points typed again to stay the points they were
(same id, due date, closed or not), and expects nobody's task to vanish unseen. So a point typed again the
same (its words and owner) carries over whole, and the open points the new text leaves out are the ones that
go: the `bekreft` question names them with their owners, and once confirmed their owners' channels are told
(handlers/minutes_dropped.py). The earlier minutes, points and all, stay in the history (`logg`).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from bot.i18n import _
from bot.memo import IdentityMemo
from bot.model.config import AppConfig
from bot.model.followups import stored_cycles, typed_point
from bot.model.wheel import Item, milestone_item
from bot.state.store import StateStore
from storage.base import Document, StoreError

logger = logging.getLogger(__name__)

_ASKED: IdentityMemo[bool] = IdentityMemo(maxsize=1024)
"""Whom this process has asked whether the open points that replaced minutes leave out may go (walk 7 F2)."""


def ask_once(
    *, config: AppConfig, person: tuple[str, str], item: str, points: Iterable[Document], ambiguous: bool
) -> bool:
    """Whether the question on dropping these points must be asked now. A `bekreft` that also answers another
    question (the model's order) does not answer this one unseen: the first time, the question is asked
    and remembered, and the same command with `bekreft` then goes through. Remembered per process and
    configuration: another replica, or a restart, asks again, which loses nothing."""
    extra = (person, item, tuple(sorted(str(point.get("id")) for point in points)))
    if _ASKED.get(config, extra):
        return False
    _ASKED.put(config, True, extra)
    return ambiguous


def carry_over(new: Iterable[Document], *, old: Iterable[Document]) -> list[Document]:
    """The new points, each typed again the same as an earlier one taking that one's stored fields (id, due
    date, made, closed): a replacement that repeats a point does not make it a new task."""
    unused = [dict(point) for point in old if isinstance(point, dict) and point.get("id")]
    carried: list[Document] = []
    for point in new:
        match = next((earlier for earlier in unused if typed_point(earlier) == typed_point(point)), None)
        if match is None:
            carried.append(dict(point))
            continue
        unused.remove(match)
        carried.append(match)
    return carried


def dropped_open(new: Iterable[Document], *, old: Iterable[Document]) -> list[Document]:
    """The earlier open points (with an id, not closed) that the new text does not type again."""
    typed_again = [typed_point(point) for point in new]
    dropped: list[Document] = []
    for point in old:
        if not isinstance(point, dict) or not point.get("id") or point.get("closed_at"):
            continue
        if typed_point(point) in typed_again:
            typed_again.remove(typed_point(point))
            continue
        dropped.append(point)
    return dropped


def dropped_line(point: Document) -> str:
    """«[KRPJ] Agder sender innspill (Agder)»: a dropped point as the question and the owners read it."""
    owner = point.get("owner_name") or point.get("owner") or "?"
    return f"[{point.get('id')}] {point.get('text', '')} ({owner})"


def dropped_question(points: list[Document]) -> str:
    """What the `bekreft` question adds when open points would go."""
    return _(
        "Disse åpne oppfølgingspunktene er ikke med i den nye teksten og fjernes: {points}. De ansvarlige får beskjed."
    ).format(points="; ".join(dropped_line(point) for point in points))


@dataclass(frozen=True)
class RemovedPoint:
    """A point that replaced minutes left out: what it said, whose it was, when and by whom it went."""

    id: str
    text: str
    owner_name: str
    item: Item
    on: date | None
    by: str


def removed_point(*, config: AppConfig, state: StateStore, today: date, point_id: str) -> RemovedPoint | None:
    """The point `point_id` as the history last held it before replaced minutes removed it, or None when no
    minutes ever held it. An old «Ferdig» button for it is then answered with what happened, not as a typo
    (walk 9 W9). Read only when no stored point has the id, so its cost is that of a refusal."""
    wanted = point_id.strip().upper()
    found: RemovedPoint | None = None
    for year, region, partition in stored_cycles(config=config, state=state, today=today):
        try:
            entries = state.history(partition)
        except StoreError:  # a damaged partition is noted on /healthz; the others still answer
            continue
        for entry in entries:
            for change in entry.get("changes") or ():
                point = _dropped(change, wanted=wanted) if isinstance(change, dict) else None
                spec = config.milestone(str(change.get("key"))) if point is not None else None
                if point is None or spec is None:
                    continue
                found = RemovedPoint(
                    id=wanted,
                    text=str(point.get("text", "")),
                    owner_name=str(point.get("owner_name") or point.get("owner") or ""),
                    item=milestone_item(config, milestone=spec, year=year, region=region),
                    on=_on(entry.get("at")),
                    by=str(entry.get("name") or ""),
                )
    return found


def _dropped(change: Document, *, wanted: str) -> Document | None:
    """The point with id `wanted` that this change of a meeting's record took out of its minutes."""
    if change.get("table") != "milestones":
        return None
    before, after = (_points(change.get(side)) for side in ("before", "after"))
    if wanted in after:
        return None
    return before.get(wanted)


def _points(doc: object) -> dict[str, Document]:
    outcome = doc.get("outcome") if isinstance(doc, dict) else None
    points = outcome.get("followups") if isinstance(outcome, dict) else None
    return {str(point["id"]).upper(): point for point in points or () if isinstance(point, dict) and point.get("id")}


def _on(value: object) -> date | None:
    try:
        return datetime.fromisoformat(value).date() if isinstance(value, str) else None
    except ValueError:
        return None
