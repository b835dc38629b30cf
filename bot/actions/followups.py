"""`close_followup`: a follow-up point from the minutes is done (`ferdig <id>`, or its button).

The owner closes it (a member of the owning party, or the person named), or the coordinators of the
meeting it came from (who keep the list). Closing twice is harmless: the first closing is the result.
"""

from __future__ import annotations

import dataclasses
import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass

from bot.actions.base import Acting, record
from bot.actions.rules import require_known
from bot.i18n import _
from bot.messages import Button
from bot.model.followups import Followup, find, may_close
from bot.model.followups_closable import closable_points
from bot.model.followups_recorded import ID_LENGTH
from bot.model.followups_replaced import RemovedPoint, removed_point
from bot.model.followups_shown import SHOW, close_button, rest_command
from bot.model.wheel import responsible_party
from bot.state.store import DomainError, item_doc_key
from storage.base import Tables

logger = logging.getLogger(__name__)

ACTION = "close_followup"


@dataclass(frozen=True)
class FollowupClosed:
    point: Followup


@dataclass(frozen=True)
class FollowupAlreadyClosed:
    point: Followup


@dataclass(frozen=True)
class FollowupRemoved:
    """No minutes hold the point: replaced minutes left it out (an old «Ferdig» button). Nothing changes;
    the handler says what happened and where the minutes are read."""

    removed: RemovedPoint


def _which_point(acting: Acting) -> str:
    """«Hvilket oppfølgingspunkt?» with the ids the asker may close (walk 8 N5: never a made-up id that typed
    is not found): their own open points, and those of the meetings their party keeps (walk 14a F6), or that
    they have none."""
    closable = closable_points(config=acting.config, state=acting.state, caller=acting.caller, today=acting.now.date())
    first = closable.first
    if first is None:
        return _("Hvilket oppfølgingspunkt? Du har ingen åpne oppfølgingspunkter; id-ene står i «status».")
    # «Dine åpne» is the whole of the caller's own; the others of their meetings are cut with how many more
    # and where they are listed (walk 26 F4: two of seven left out without a word)
    listed = closable.kept[: max(0, SHOW - len(closable.own))] or closable.kept[:1]
    rest = list(closable.kept[len(listed) :])
    more = " " + _("… og {n} til (skriv «{command}»).").format(n=len(rest), command=rest_command(rest)) if rest else ""
    kept = (
        _("Åpne fra møtene dere har ansvar for, som du også kan lukke: {points}.").format(points=_listed(listed)) + more
        if closable.kept
        else ""
    )
    if not closable.own:
        return (
            _("Hvilket oppfølgingspunkt? Du har ingen egne åpne oppfølgingspunkter.")
            + f" {kept} "
            + _("Skriv f.eks. «ferdig {id}».").format(id=first.id)
        )
    return " ".join(
        part
        for part in (
            _("Hvilket oppfølgingspunkt? Dine åpne: {points}. Skriv f.eks. «ferdig {id}».").format(
                points=_listed(closable.own), id=first.id
            ),
            kept,
        )
        if part
    )


def _only_point(acting: Acting) -> tuple[Button, ...]:
    """The one open point the asker may close, as the button `neste` offers for it (walk 22 N5: bare `ferdig`
    with one open point listed it without one); none when there are several to choose from, or none."""
    closable = closable_points(config=acting.config, state=acting.state, caller=acting.caller, today=acting.now.date())
    points = closable.own + closable.kept
    return (close_button(points[0]),) if len(points) == 1 else ()


def _listed(points: tuple[Followup, ...]) -> str:
    return "; ".join(f"[{point.id}] {point.text}" for point in points)


class _Closed(Exception):
    """Raised inside the store's lock when someone closed it between our read and the write."""


def close_followup(acting: Acting, *, point_id: str) -> FollowupClosed | FollowupAlreadyClosed | FollowupRemoved:
    config = acting.config
    if not re.fullmatch(rf"[A-Za-z0-9]{{{ID_LENGTH}}}", point_id.strip()):  # not an id: never echoed back
        raise DomainError(_which_point(acting), buttons=_only_point(acting))
    today = acting.now.date()
    found = find(config=config, state=acting.state, today=today, point_id=point_id)
    if not found and (removed := removed_point(config=config, state=acting.state, today=today, point_id=point_id)):
        return FollowupRemoved(removed=removed)
    if not found:
        raise DomainError(
            _("Jeg finner ikke oppfølgingspunktet «{id}». Id-ene står i «neste» og «status».").format(
                id=point_id.strip().upper()
            )
        )
    if len(found) > 1:  # two points with the same id in different places: never guess
        places = ", ".join(point.item.title() for point in found)
        raise DomainError(
            _("«{id}» finnes flere steder ({places}), så jeg lukker ingen av dem; si fra til en administrator.").format(
                id=point_id, places=places
            )
        )
    point = found[0]
    _require_may_close(acting, point=point)
    if point.closed:
        return FollowupAlreadyClosed(point=point)

    def mutate(tables: Tables) -> None:
        doc = tables.setdefault("milestones", {}).setdefault(item_doc_key(point.item), {})
        for stored in (doc.get("outcome") or {}).get("followups") or ():
            if stored.get("id") == point.id:
                if stored.get("closed_at"):
                    raise _Closed
                stored["closed_at"] = acting.now.isoformat()
                stored["closed_by"] = acting.caller.name

    try:
        record(
            acting,
            action=ACTION,
            item=point.item,
            summary=lambda: _("Oppfølgingspunkt {id} er ferdig: {text}").format(id=point.id, text=point.text),
            mutate=mutate,
        )
    except _Closed:
        return FollowupAlreadyClosed(point=point)
    return FollowupClosed(point=point)


@dataclass(frozen=True)
class FollowupRefused:
    """One id of several that was not closed, with why (the refusal a single `ferdig <id>` gives)."""

    point_id: str
    reason: str


FollowupResult = FollowupClosed | FollowupAlreadyClosed | FollowupRemoved | FollowupRefused


def close_followups(acting: Acting, *, point_ids: Sequence[str]) -> tuple[FollowupResult, ...]:
    """`ferdig <id> <id> …` (walk 21 A9): each id as a single `ferdig <id>` would take it, one recorded write
    each, and a result for every id, so none is dropped without a word. Each write has its own request id
    (the request's, with the point's), so a retried command records each point once and a second point of
    the same cycle is not taken for a repeat of the first."""
    results: list[FollowupResult] = []
    for point_id in dict.fromkeys(pid.strip().upper() for pid in point_ids if pid.strip()):
        request = acting.request
        one = dataclasses.replace(
            acting,
            request=dataclasses.replace(request, request_id=f"{request.request_id}/{point_id}")
            if request.request_id
            else request,
        )
        try:
            results.append(close_followup(one, point_id=point_id))
        except DomainError as refused:
            results.append(FollowupRefused(point_id=point_id, reason=str(refused)))
    return tuple(results)


def _require_may_close(acting: Acting, *, point: Followup) -> None:
    require_known(acting)  # the one rule for who may record anything, with its «bli med» way in
    caller = acting.caller
    if may_close(acting.config, point, parties=[caller.party] if caller.party else [], person=caller.key):
        return
    keeper = acting.config.party_name(responsible_party(acting.config, point.item))
    owner = point.owner_name
    if point.owner_party and point.owner != point.owner_party:  # a person's point: her party may close it too
        owner = f"{acting.config.party_name(point.owner_party)} ({point.owner_name})"  # walk 38 F4
    if keeper == owner:  # the owner keeps the meeting: named once (walk 24 F3)
        raise DomainError(_("Bare {owner} kan lukke oppfølgingspunktet {id}.").format(owner=keeper, id=point.id))
    raise DomainError(
        _("Bare {owner} eller {keeper} kan lukke oppfølgingspunktet {id}.").format(
            owner=owner, keeper=keeper, id=point.id
        )
    )
