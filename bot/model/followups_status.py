"""Follow-up points as `status` and AU's `oversikt` say them: the one count and the one list per item, so
chat and the status page agree (walk 9 W3).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from bot.i18n import _, ngettext
from bot.model.config import AppConfig
from bot.model.followups import Followup, all_followups, followups_of, point_line
from bot.model.identity import binding_key
from bot.model.wheel import Item
from bot.state.store import META, StateStore


def count_text(*, config: AppConfig, state: StateStore, today: date) -> str:
    """AU's `oversikt`: how many follow-up points are open, and how many of them are overdue ("" for none)."""
    points = [point for point in all_followups(config=config, state=state, today=today) if not point.closed]
    if not points:
        return ""
    late = sum(point.overdue(today) for point in points)
    text = ngettext("{n} åpent oppfølgingspunkt", "{n} åpne oppfølgingspunkter", len(points)).format(n=len(points))
    return text + (" " + _("({n} på overtid)").format(n=late) if late else "") + "."


def status_lines(*, config: AppConfig, state: StateStore, item: Item, today: date) -> tuple[str, ...]:
    """The points of an item's minutes as `status` says them, closed ones ticked, one line each: chat joins
    them, the status page lists them (walk 9 W3: the page showed none while chat said two were overdue)."""
    points = followups_of(config=config, state=state, item=item)
    return tuple(point_line(point, today=today) for point in handed_on(config=config, state=state, points=points))


def handed_on(*, config: AppConfig, state: StateStore, points: list[Followup]) -> list[Followup]:
    """An open point whose owner has left the party is the party's now, as `ferdig` lists it for the party's
    members (`open_for`): its line names the party, with the person it was handed on from (walk 18 F3)."""
    shown: list[Followup] = []
    for point in points:
        party = point.owner_party
        if point.closed or not party or not _departed(config, state, owner=point.owner, party=party):
            shown.append(point)
            continue
        owner = _("{party}, overtatt etter {name}").format(party=config.party_name(party), name=point.owner_name)
        shown.append(replace(point, owner_name=owner))
    return shown


def _departed(config: AppConfig, state: StateStore, *, owner: str, party: str) -> bool:
    """Whether a point's owner (a person key) is no longer with `party`: their runtime bindings on any
    platform (stored under the platform's user id, `forlat` included) say so; app.yaml alone never does."""
    person = next((p for p in config.people if p.key == owner), None)
    keys = {binding_key(platform, user_id) for platform, user_id in person.ids.items()} if person else set()
    bound = [
        doc for key, doc in state.tables(META).get("people", {}).items() if key in keys or doc.get("person") == owner
    ]
    return bool(bound) and all(doc.get("party") != party for doc in bound)


def status_text(*, config: AppConfig, state: StateStore, item: Item, today: date) -> str | None:
    """The points of an item's minutes for `status`, closed ones ticked; None when there are none with ids."""
    return "; ".join(status_lines(config=config, state=state, item=item, today=today)) or None
