"""Who a reminder calls on: the people known for a party in the role that acts for it, minus those who
turned mentions off for themselves (`varsel av`).

People come from app.yaml and from runtime `person` bindings (the ``meta`` partition, table ``people``,
keyed ``platform:user_id``); a person's ids on several platforms are merged under their person key, so a
Slack digest mentions `<@U…>` and a Teams digest the same person's Teams id. The choice
(`varsel av`/`varsel på`) is kept in ``meta`` table ``notify``, keyed by person.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from types import MappingProxyType

from bot.messages import Mention
from bot.model.config import AppConfig
from bot.model.identity import Directory
from bot.model.met import PARTITION as MET_PARTITION
from bot.model.met import TABLE as MET_TABLE
from bot.state.store import META, StateStore

logger = logging.getLogger(__name__)

NOTIFY_TABLE = "notify"

ACTING_ROLE = {"region": "coordinator", "actor": "adviser", "coordinator": "au_member"}
"""The role that acts for each kind of party: a region's coordinator, an actor's adviser, AU's members."""


def party_kind(config: AppConfig, party: str) -> str:
    if party == config.parties.coordinator.key:
        return "coordinator"
    return "region" if config.region(party) else "actor"


def mentions_for(*, config: AppConfig, state: StateStore, parties: Iterable[str]) -> tuple[Mention, ...]:
    """The people to mention for `parties`, in the parties' order, each once, without those who opted out.

    A party with nobody in its acting role falls back to everyone known for that party. People known only
    through their organisation (a bound tenant, workspace or domain: `bot.model.met`) are the party's as
    `owner_mentions` reads them (walk 41: a party whose people were all met so got no «Til:» line).
    """
    people = known_people(config=config, state=state)
    muted = muted_people(state=state)
    found: dict[str, Mention] = {}
    wanted = list(dict.fromkeys(parties))
    met = _met_members(config=config, state=state, people=people) if wanted else []
    for party in wanted:
        members = [person for person in [*people.values(), *met] if person["party"] == party]
        role = ACTING_ROLE[party_kind(config, party)]
        acting = [person for person in members if person["role"] == role] or members
        for person in acting:
            if person["key"] in muted or person["key"] in found:
                continue
            found[person["key"]] = Mention(
                person=person["key"], name=person["name"], ids=MappingProxyType(dict(person["ids"]))
            )
    return tuple(found.values())


def owner_mentions(*, config: AppConfig, state: StateStore, owners: Iterable[tuple[str, str]]) -> tuple[Mention, ...]:
    """The people who own the points a reminder is about, each once, without those who opted out: a person
    registered (app.yaml, `person`) by their ids, one known only through their organisation by the ids they
    were met with (`bot.model.met`), so a point's owner is called on, not only their party's acting people
    (walk 41: Anne's point reminded Ola, IN's registered adviser, and never Anne)."""
    people = known_people(config=config, state=state)
    muted = muted_people(state=state)
    met: dict[str, dict[str, str]] | None = None
    found: dict[str, Mention] = {}
    for key, name in owners:
        if key in muted or key in found:
            continue
        if key in people:
            ids = dict(people[key]["ids"])  # type: ignore[call-overload]
        else:
            if met is None:
                met = _met_ids(state)
            ids = met.get(key, {})
        if ids:
            found[key] = Mention(person=key, name=name, ids=MappingProxyType(ids))
    return tuple(found.values())


def _met_ids(state: StateStore) -> dict[str, dict[str, str]]:
    """user id -> {platform: user id} of the people met through their organisation."""
    ids: dict[str, dict[str, str]] = {}
    for row in state.tables(MET_PARTITION).get(MET_TABLE, {}):
        platform, _sep, user_id = str(row).partition(":")
        if user_id:
            ids.setdefault(user_id, {})[platform] = user_id
    return ids


def _met_members(
    *, config: AppConfig, state: StateStore, people: dict[str, dict[str, object]]
) -> list[dict[str, object]]:
    """The people met through an organisation bound to a party, as `known_people` entries (their party and role
    the binding's), leaving out anyone `people` already knows by the same id."""
    directory: Directory | None = None
    ids = {(platform, user_id) for person in people.values() for platform, user_id in dict(person["ids"]).items()}  # type: ignore[call-overload]
    members: dict[str, dict[str, object]] = {}
    for row, doc in state.tables(MET_PARTITION).get(MET_TABLE, {}).items():
        platform, _sep, user_id = str(row).partition(":")
        if not user_id or not isinstance(doc, dict) or (platform, user_id) in ids:
            continue
        directory = directory or Directory(config=config, state=state)
        bound = directory.organisation_of(organisation=doc.get("organisation"), email_domain=doc.get("email_domain"))
        if bound is None:
            continue
        entry = members.setdefault(
            user_id, {"key": user_id, "name": doc.get("name") or user_id, "party": bound.party, "role": bound.role}
        )
        entry.setdefault("ids", {})[platform] = user_id  # type: ignore[index]
    return list(members.values())


def known_people(*, config: AppConfig, state: StateStore) -> dict[str, dict[str, object]]:
    """person key -> {key, name, party, role, ids}: app.yaml's people, then runtime bindings (which win)."""
    people: dict[str, dict[str, object]] = {}
    for person in config.people:
        people[person.key] = {
            "key": person.key,
            "name": person.name,
            "party": person.party,
            "role": person.role,
            "ids": dict(person.ids),
        }
    for binding, doc in state.tables(META).get("people", {}).items():
        platform, _, user_id = binding.partition(":")
        key = str(doc.get("person") or user_id)
        entry = people.setdefault(key, {"key": key, "name": doc.get("name") or user_id, "ids": {}})
        entry["party"] = doc.get("party")
        entry["role"] = doc.get("role")
        ids = entry["ids"]
        assert isinstance(ids, dict)
        ids[platform] = user_id
    return people


def muted_people(*, state: StateStore) -> set[str]:
    """Person keys that said `varsel av`."""
    return {key for key, doc in state.tables(META).get(NOTIFY_TABLE, {}).items() if doc.get("mentions") is False}
