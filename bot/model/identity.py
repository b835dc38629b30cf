"""Who is speaking and where: people and channels from app.yaml plus the bindings made at runtime.

Runtime bindings (`koble …`, `person …`, `bli med`) live in the ``meta`` partition and win over app.yaml.
A person is known by their own binding first (runtime, then app.yaml), then by their organisation
(`koble organisasjon`: a Teams tenant, a Slack team or an e-mail domain bound to a party), so the few
hundred people of twenty organisations need one binding per organisation, not one per person.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType
from typing import Literal

from bot.i18n import N_
from bot.memo import IdentityMemo
from bot.messages import ChannelAddress
from bot.model.config import AppConfig
from bot.model.met import MetPeople
from bot.parsing import fold
from bot.state.store import META, StateStore
from storage.base import Document

ChannelKind = Literal["region", "actor", "national", "unbound"]
Via = Literal["config", "person", "organisation", "none"]
"""How a person is known: app.yaml, their own runtime binding (`person`, `bli med`), their organisation."""

ORGANISATIONS = "organisations"
ROLE_NAMES = {
    "coordinator": N_("koordinator"),
    "adviser": N_("rådgiver"),
    "au_member": N_("AU-medlem"),
    "admin": N_("administrator"),
}
"""How a role is named to people (`hvem`, `person`, and what a move takes away)."""
"""The `meta` table of organisation bindings: `organisation_key` -> {party, role}."""

_GUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
_TEAM = re.compile(r"^[TE][A-Z0-9]{6,}$")
_DOMAIN = re.compile(r"^(?=.{4,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$")


@lru_cache(maxsize=1024)
def organisation_key(ident: str) -> str | None:
    """The one key an organisation is bound and looked up by, from what an admin types or an adapter
    reads: a Teams tenant id (a GUID) -> ``tenant:<guid>``, a Slack team or Enterprise Grid id (``T…``,
    ``E…``) -> ``team:<id>``, an e-mail domain (``@in.no`` or ``in.no``) -> ``domain:<domain>``; None for
    anything else, so a typo never binds a stranger's organisation. Kept per text: every Slack request
    names its team (three patterns tried on each)."""
    word = ident.strip()
    if _GUID.match(word.lower()):
        return f"tenant:{word.lower()}"
    if _TEAM.match(word):
        return f"team:{word}"
    domain = word.lower().removeprefix("@")
    if _DOMAIN.match(domain):
        return f"domain:{domain}"
    return None


ORGANISATION_KINDS = {"tenant": "Teams", "team": "Slack", "domain": "e-post"}
"""How a reader is told an organisation key's kind: «Slack T0ABC», «Teams <tenant-id>», «e-post siva.no»."""


def organisation_label(key: str) -> str:
    """An organisation key as people read it (`hvem`, `logg`), never the internal «team:» prefix."""
    kind, _sep, ident = key.partition(":")
    return f"{ORGANISATION_KINDS.get(kind, kind)} {ident}" if ident else key


@dataclass(frozen=True)
class Caller:
    key: str | None
    name: str
    party: str | None
    role: str | None
    via: Via = "none"

    @property
    def known(self) -> bool:
        return self.role is not None


@dataclass(frozen=True)
class OrganisationBinding:
    """An organisation bound to a party: everyone from it is the party's member, with `role`."""

    key: str
    """`organisation_key`: ``tenant:…``, ``team:…`` or ``domain:…``."""
    party: str
    role: str = "adviser"
    """Adviser by default: reads and records for the party; a coordinator only when an admin says so."""

    def as_doc(self) -> dict[str, str]:
        return {"party": self.party, "role": self.role}


@dataclass(frozen=True)
class Member:
    """A person known for a party in person (`hvem`)."""

    name: str
    role: str
    address: str
    """``platform:user_id``."""
    via: Via


@dataclass(frozen=True)
class ChannelContext:
    kind: ChannelKind
    region: str | None = None
    actor: str | None = None


def own_actor_here(*, config: AppConfig, caller: Caller, channel: ChannelContext) -> str | None:
    """The actor a bare read means for this caller in a region's channel: their own, when they are an actor's
    member speaking in a region's (shared) channel (walk 28 F1: IN's adviser asking `neste` in Agder's shared
    channel was given Agder's list, and `hvem` there answered for IN: one rule for both). None elsewhere: the
    channel's party is meant."""
    if channel.region is None or channel.actor is not None or not caller.party:
        return None
    return caller.party if config.actor(caller.party) is not None else None


@dataclass(frozen=True)
class Binding:
    address: ChannelAddress
    context: ChannelContext


def binding_key(platform: str, ident: str) -> str:
    return f"{platform}:{ident}"


class Directory:
    def __init__(self, *, config: AppConfig, state: StateStore, met: MetPeople | None = None) -> None:
        self.config = config
        self.state = state
        self.met = met
        """The organisations of people met (`bot.model.met`): a person asked about by id alone (a mention) is
        known through the organisation they spoke from."""

    def caller(
        self,
        *,
        platform: str,
        user_id: str,
        user_name: str | None = None,
        organisation: str | None = None,
        email_domain: str | None = None,
        remembered: bool = True,
    ) -> Caller:
        """The person's own binding (runtime, then app.yaml), else their organisation's, else unknown. A
        runtime binding without a role (the person left with `forlat`, or an admin removed them) also
        overrides the organisation: they are unknown until they join again. `remembered`: with no organisation
        given, the one the person was last met with (`bot.model.met`, for a mention); False for the asker, whose
        own request says it."""
        runtime = self.state.doc(META, "people", binding_key(platform, user_id))
        if runtime:
            return Caller(
                key=runtime.get("person") or user_id,
                name=_shown_name(stored=runtime.get("name"), user_name=user_name, user_id=user_id),
                party=runtime.get("party"),
                role=runtime.get("role"),
                via="person" if runtime.get("role") else "none",
            )
        person = self.config.person_with_id(platform, user_id)
        if person is not None:
            # `person` binds one platform id; the same person of app.yaml is the same on every platform, so
            # `hvem`, Slack, Teams and the terminal agree on their party (walk 7 F1).
            moved = self.moved(person=person.key)
            if moved is not None:
                return Caller(
                    key=person.key,
                    name=_shown_name(stored=moved.get("name"), user_name=user_name, user_id=user_id),
                    party=moved.get("party"),
                    role=moved.get("role"),
                    via="person" if moved.get("role") else "none",
                )
            return Caller(key=person.key, name=person.name, party=person.party, role=person.role, via="config")
        if remembered and organisation is None and email_domain is None and self.met is not None:
            organisation, email_domain, met_name = self.met.of(platform=platform, user_id=user_id)
            user_name = user_name or met_name
        bound = self.organisation_of(organisation=organisation, email_domain=email_domain)
        if bound is not None:
            return Caller(
                key=user_id, name=user_name or user_id, party=bound.party, role=bound.role, via="organisation"
            )
        return Caller(key=None, name=user_name or user_id, party=None, role=None)

    def moved(self, *, person: str) -> Document | None:
        """A runtime binding of an app.yaml person made on any platform (`person`, `forlat`), else None."""
        for doc in self.state.tables(META).get("people", {}).values():
            if doc.get("person") == person:
                return doc
        return None

    def registered(self, *, platform: str) -> Iterator[tuple[str, str]]:
        """(user id, whole name) of each person `person … <navn>` registered on `platform` who has a role, so a
        name typed in full («@Mari Lunde») finds them as app.yaml's names do (walk 15 N1)."""
        for key, doc in sorted(self.state.tables(META).get("people", {}).items()):
            where, _, user_id = key.partition(":")
            if where == platform and doc.get("role") and doc.get("name"):
                yield user_id, str(doc["name"])

    def organisation_of(
        self, *, organisation: str | None, email_domain: str | None = None
    ) -> OrganisationBinding | None:
        """The binding of a person's organisation: their tenant or team first, then their e-mail domain."""
        for ident in (organisation, email_domain):
            key = organisation_key(ident) if ident else None
            doc = self.state.doc(META, ORGANISATIONS, key) if key else None
            if key and doc and doc.get("party") and doc.get("role"):
                return OrganisationBinding(key=key, party=str(doc["party"]), role=str(doc["role"]))
        return None

    def organisations(self, *, party: str | None = None) -> list[OrganisationBinding]:
        """Every organisation bound (to `party`, when given), in key order."""
        found = [
            OrganisationBinding(key=key, party=str(doc.get("party")), role=str(doc.get("role")))
            for key, doc in sorted(self.state.tables(META).get(ORGANISATIONS, {}).items())
            if doc.get("party") and doc.get("role")
        ]
        return [b for b in found if party is None or b.party == party]

    def people_named(self, *, name: str) -> dict[str, tuple[str, str | None]]:
        """Known people whose name is `name` (case and accents aside): key -> (name, party). A Teams
        @mention may carry only the person's Teams id and display name (walk15b N5); the name is then what
        the bot can match, and only a single match is used by the caller."""
        wanted = _folded(name)
        found: dict[str, tuple[str, str | None]] = {}
        for person in self.config.people:
            if _folded(person.name) == wanted and self.moved(person=person.key) is None:
                found[person.key] = (person.name, person.party)
        for key, doc in self.state.tables(META).get("people", {}).items():
            person_key = str(doc.get("person") or key.partition(":")[2])
            if doc.get("role") and _folded(str(doc.get("name") or "")) == wanted:
                found[person_key] = (str(doc["name"]), doc.get("party"))
        return found

    def people_of(self, *, party: str) -> list[Member]:
        """Who is known for `party` in person: app.yaml's people and the runtime bindings (which win). An admin
        is nobody's member, even one registered with a party before admins had none (walk 18 F15)."""
        found: dict[str, Member] = {}
        for person in self.config.people:
            if person.party == party and person.role != "admin":
                where = ", ".join(binding_key(p, i) for p, i in person.ids.items()) or person.key
                found[person.key] = Member(name=person.name, role=person.role or "", address=where, via="config")
        for key, doc in sorted(self.state.tables(META).get("people", {}).items()):
            person_key = str(doc.get("person") or key.partition(":")[2])
            if doc.get("party") == party and doc.get("role") and doc.get("role") != "admin":
                name = str(doc.get("name") or person_key)
                found[person_key] = Member(name=name, role=str(doc["role"]), address=key, via="person")
            else:
                found.pop(person_key, None)  # bound elsewhere at runtime, or left
        return sorted(found.values(), key=lambda m: (m.name.casefold(), m.address))

    def bindings(self) -> list[Binding]:
        """Every bound channel on every platform; a runtime binding replaces app.yaml's for that channel."""
        return list(self.kept_bindings())

    def kept_bindings(self) -> tuple[Binding, ...]:
        """`bindings()` as the one tuple kept for the runtime `channels` table and configuration it was made
        from: a new tuple exactly when either changed, so what follows from the bindings alone may be kept
        by its identity (a moved date's lead channels, `handlers.date_moved`)."""
        runtime = self.state.tables(META).get("channels") or None
        kept = _BINDINGS.get(self.config if runtime is None else runtime)
        if kept is not None and kept[0] is self.config:
            return kept[1]
        found = tuple(self._bindings(runtime or {}))
        _BINDINGS.put(self.config if runtime is None else runtime, (self.config, found))
        return found

    def contexts(self) -> Mapping[ChannelAddress, ChannelContext]:
        """Each bound channel's context by its address, what `channel` says of it (a runtime binding over
        app.yaml's), kept with the bindings tuple: an announcement to a moved date's ~11 channels asked
        `channel` for each of them, on every write (issue 21). A channel not in it is unbound."""
        kept = self.kept_bindings()
        found = _CONTEXTS.get(kept)
        if found is None:
            found = _CONTEXTS.put(kept, MappingProxyType({binding.address: binding.context for binding in kept}))
        return found

    def _bindings(self, runtime: dict[str, Document]) -> Iterator[Binding]:
        merged: dict[str, Binding] = {}
        for channel in self.config.channels:
            context = _context(region=channel.region, actor=channel.actor, national=channel.national)
            merged[binding_key(channel.platform, channel.id)] = Binding(
                address=ChannelAddress(platform=channel.platform, channel_id=channel.id),
                context=context,
            )
        for key, doc in runtime.items():
            platform, _, channel_id = key.partition(":")
            merged[key] = Binding(
                address=ChannelAddress(platform=platform, channel_id=channel_id),
                context=_context(
                    region=doc.get("region"),
                    actor=doc.get("actor"),
                    national=doc.get("national", False),
                ),
            )
        return iter(merged.values())

    def channel(self, *, platform: str, channel_id: str) -> ChannelContext:
        runtime = self.state.doc(META, "channels", binding_key(platform, channel_id))
        if runtime:
            return _context(
                region=runtime.get("region"),
                actor=runtime.get("actor"),
                national=runtime.get("national", False),
            )
        channel = self.config.channel_with_id(platform, channel_id)
        if channel is not None:
            return _context(region=channel.region, actor=channel.actor, national=channel.national)
        return ChannelContext(kind="unbound")

    def channels_of_party(
        self, *, party: str, region: str | None = None, bindings: list[Binding] | None = None
    ) -> list[ChannelAddress]:
        """Where to reach a party: a region's channels; the coordinator (AU) in the national channels; an
        actor, on each platform, in its channels for that region if it has any there, otherwise in its
        general channels (a local Slack channel must not silence the actor's Teams channel).

        `bindings`: `self.bindings()` taken once by a caller that asks for many parties (a reminder pass).
        """
        if bindings is None:
            bindings = self.bindings()
        if party == self.config.parties.coordinator.key:
            return [b.address for b in bindings if b.context.kind == "national"]
        if self.config.region(party):
            return [b.address for b in bindings if b.context.kind == "region" and b.context.region == party]
        actor_channels = [b for b in bindings if b.context.kind == "actor" and b.context.actor == party]
        found: list[ChannelAddress] = []
        for platform in dict.fromkeys(b.address.platform for b in actor_channels):
            here = [b for b in actor_channels if b.address.platform == platform]
            local = [b.address for b in here if region is not None and b.context.region == region]
            found += local or [b.address for b in here if b.context.region is None]
        return found


_BINDINGS: IdentityMemo[tuple[AppConfig, tuple[Binding, ...]]] = IdentityMemo(maxsize=64)
"""Every binding, kept by the runtime `channels` table it was made from (a stored table, never changed
once handed out; the configuration alone when there is none) with the configuration: a signature's
announcements ask for five parties' channels, each of them from every binding (issue 21)."""

_CONTEXTS: IdentityMemo[Mapping[ChannelAddress, ChannelContext]] = IdentityMemo(maxsize=64)
"""`Directory.contexts`, kept by the bindings tuple it was made from."""


def _context(*, region: str | None, actor: str | None, national: bool) -> ChannelContext:
    if national:
        return ChannelContext(kind="national")
    if actor:
        return ChannelContext(kind="actor", region=region, actor=actor)
    if region:
        return ChannelContext(kind="region", region=region)
    return ChannelContext(kind="unbound")


def terminal_seat(
    *, config: AppConfig, platform: str, person: str | None, channel: str | None
) -> tuple[str, str] | None:
    """Who a terminal chat speaks as and where (user id, channel id) on `platform`: `person` a key or an
    id from app.yaml, else the first regional coordinator (a demonstration); `channel` an id, else the
    channel of that person's party, else the national one. None when there is no coordinator to show."""
    if person is None:
        demo = next((p for p in config.people if p.role == "coordinator" and p.party and config.region(p.party)), None)
        if demo is None:
            return None
        person = demo.key
    known = next((p for p in config.people if p.key == person or p.ids.get(platform) == person), None)
    user_id = known.ids.get(platform, known.key) if known else person
    if channel is None:
        party = known.party if known else None
        channel = next(
            (c.id for c in config.channels if c.platform == platform and party in (c.region, c.actor) and party),
            next((c.id for c in config.channels if c.platform == platform and c.national), "nasjonal"),
        )
    return user_id, channel


def _folded(name: str) -> str:
    """A person's name compared as people type it: case, accents and spacing aside."""
    return " ".join(fold(name).split())


def _shown_name(*, stored: str | None, user_name: str | None, user_id: str) -> str:
    """A person's name as the receipt and `logg` show it: the stored one, unless it is only the raw id
    (they joined from a request that carried no name), then the platform's user name; the id last."""
    if stored and stored != user_id:
        return stored
    return user_name or stored or user_id
