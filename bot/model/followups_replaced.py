"""What replacing a meeting's minutes does to its follow-up points (walk 5, N3).

A coordinator who re-pastes minutes to fix a typo expects the points typed again to stay the points they were
(same id, due date, closed or not), and expects nobody's task to vanish unseen. So a point typed again the
same (its words and owner) carries over whole, one typed with other deadline words only keeps its id and
has its due date read again (walk 12 N3: `redated`, said and told), and the open points the new text leaves out are the ones that
go: the `bekreft` question names them with their owners, and once confirmed their owners' channels are told
(handlers/minutes_dropped.py). The earlier minutes, points and all, stay in the history (`logg`).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from difflib import SequenceMatcher

from bot.i18n import _
from bot.memo import IdentityMemo
from bot.model.config import AppConfig
from bot.model.followups import stored_cycles
from bot.model.followups_recorded import due_from, typed_point
from bot.model.wheel import Item, milestone_item
from bot.shown.replies import day_text
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


def carry_over(new: Iterable[Document], *, old: Iterable[Document], now: datetime) -> list[Document]:
    """The new points, each typed again as an earlier one taking that one's stored fields (id, made,
    closed): a replacement that repeats a point does not make it a new task. Typed the same, it keeps its
    due date too; typed with other deadline words only (walk 12 N3), its deadline is read again by `stamp`."""
    carried: list[Document] = []
    for point, earlier in zip(new, _matches(new, old=old, now=now), strict=True):
        if earlier is None:
            carried.append(dict(point))
        elif typed_point(earlier) == typed_point(point):
            carried.append(dict(earlier))
        else:
            kept = {k: v for k, v in earlier.items() if k not in _DUE_FIELDS}
            carried.append({**kept, "text": point.get("text")})
    return carried


def dropped_open(new: Iterable[Document], *, old: Iterable[Document], now: datetime) -> list[Document]:
    """The earlier open points (with an id, not closed) that the new text does not type again, not even
    with other deadline words."""
    kept = {id(earlier) for earlier in _matches(new, old=old, now=now) if earlier is not None}
    return [point for point in _with_ids(old) if id(point) not in kept and not point.get("closed_at")]


@dataclass(frozen=True)
class Redated:
    """A point kept by replaced minutes whose deadline words changed: its due date then and now."""

    id: str
    text: str
    owner_party: str | None
    was: date | None
    now: date | None


def redated(new: Iterable[Document], *, old: Iterable[Document]) -> list[Redated]:
    """The stored points (stamped) whose due date differs from the one the same id had before."""
    before = {str(point["id"]): point for point in _with_ids(old)}
    found: list[Redated] = []
    for point in new:
        earlier = before.get(str(point.get("id")))
        if earlier is None or earlier.get("due") == point.get("due") or point.get("closed_at"):
            continue
        found.append(
            Redated(
                id=str(point["id"]),
                text=str(point.get("text", "")),
                owner_party=point.get("owner_party"),
                was=_day(earlier.get("due")),
                now=_day(point.get("due")),
            )
        )
    return found


def redated_text(point: Redated) -> str:
    """«Fristen for [HUSQ] er endret fra 10. desember 2026 til 11. desember 2026.», and the cases with none."""
    if point.was is None and point.now is not None:
        return _("Fristen for [{id}] er satt til {now}.").format(id=point.id, now=day_text(point.now))
    if point.now is None and point.was is not None:
        return _("Fristen for [{id}] er fjernet (var {was}).").format(id=point.id, was=day_text(point.was))
    return _("Fristen for [{id}] er endret fra {was} til {now}.").format(
        id=point.id, was=day_text(point.was) if point.was else "", now=day_text(point.now) if point.now else ""
    )


_DUE_FIELDS = ("due", "due_typed", "due_unread", "typed")


def _with_ids(points: Iterable[Document]) -> list[Document]:
    return [point for point in points if isinstance(point, dict) and point.get("id")]


def _matches(new: Iterable[Document], *, old: Iterable[Document], now: datetime) -> list[Document | None]:
    """For each new point, the earlier point it is (or None): first one typed the same, then one with the
    same words and owner once the deadline words are set aside («notat @IN innen 10. desember» is
    «notat @IN innen 11. desember»). Each earlier point is taken once."""
    new = list(new)
    unused = _with_ids(old)
    found: list[Document | None] = [None] * len(new)
    for same in (typed_point, lambda point: _undated(point, now=now)):
        for index, point in enumerate(new):
            if found[index] is not None:
                continue
            match = next((earlier for earlier in unused if same(earlier) == same(point)), None)
            if match is not None:
                unused.remove(match)
                found[index] = match
    return found


def _undated(point: Document, *, now: datetime) -> dict:
    """A point as typed with its deadline words taken out: its words and owner."""
    typed = typed_point(point)
    read = due_from(str(typed["text"] or ""), now=now)
    return {**typed, "text": read[1] if read else typed["text"]}


def _day(value: object) -> date | None:
    try:
        return date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None


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
    successor: str | None = None
    """The id of the point the same replacement added for the same owner with words like these (walk 12
    N3), so the old button can say which one to close instead; None when there is none."""


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
                    successor=_successor(change, point=point),
                )
    return found


SIMILAR = 0.6
"""How alike (difflib's ratio of the words) a new point of the same owner must be to be named as the one
that took a removed point's place."""


def _successor(change: Document, *, point: Document) -> str | None:
    before, after = (_points(change.get(side)) for side in ("before", "after"))
    words = str(point.get("text", "")).casefold()
    alike = [
        (SequenceMatcher(None, words, str(new.get("text", "")).casefold()).ratio(), new_id)
        for new_id, new in after.items()
        if new_id not in before and new.get("owner") == point.get("owner")
    ]
    best = max(alike, default=None)
    return best[1] if best is not None and best[0] >= SIMILAR else None


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
