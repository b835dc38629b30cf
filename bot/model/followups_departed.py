"""A follow-up point whose owner has left the party is the party's now (walk 18 F3): read so wherever points
are read (`bot.model.followups.all_followups`, `followups_of`), so `status`, `neste`, the digests, the next
meeting's reminder and a point's own reminders all name the party that takes it over, with the person it was
handed on from, never the departed person alone; `ferdig` lists it for the party's members.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from typing import TYPE_CHECKING

from bot.model.identity import binding_key
from bot.state.store import META

if TYPE_CHECKING:
    from bot.model.config import AppConfig
    from bot.model.followups import Followup
    from bot.state.store import StateStore

logger = logging.getLogger(__name__)


def hand_on(*, config: AppConfig, state: StateStore, points: list[Followup]) -> list[Followup]:
    """`points`, each open one whose owner (a person) has left its party named as the party's, with the
    person it was handed on from (`Followup.owner_shown`: «Agder fylkeskommune, overtatt etter Kari
    Nordmann», in the reader's written form); the others as they are. One read of the people bound at
    runtime, and only when some open point is a person's."""
    persons = {
        point.owner for point in points if not point.closed and point.owner_party and point.owner != point.owner_party
    }
    if not persons:
        return points
    bound = state.tables(META).get("people", {})
    left: dict[tuple[str, str], bool] = {}
    shown: list[Followup] = []
    for point in points:
        party = point.owner_party
        if point.closed or not party or point.owner not in persons:
            shown.append(point)
            continue
        key = (point.owner, party)
        if key not in left:
            left[key] = _departed(config, bound, owner=point.owner, party=party)
        if not left[key]:
            shown.append(point)
            continue
        shown.append(replace(point, owner_name=config.party_name(party), handed_on_from=point.owner_name))
    return shown


def _departed(config: AppConfig, bound: dict, *, owner: str, party: str) -> bool:
    """Whether a point's owner (a person key) is no longer with `party`: their runtime bindings on any
    platform (stored under the platform's user id, `forlat` included) say so; app.yaml alone never does."""
    person = next((p for p in config.people if p.key == owner), None)
    keys = {binding_key(platform, user_id) for platform, user_id in person.ids.items()} if person else set()
    docs = [doc for key, doc in bound.items() if key in keys or doc.get("person") == owner]
    return bool(docs) and all(doc.get("party") != party for doc in docs)
