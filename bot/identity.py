"""Who is speaking and where: people and channels from app.yaml plus the bindings made at runtime.

Runtime bindings (`koble …`, `person …`) live in the ``meta`` partition and win over app.yaml.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from bot.config import AppConfig
from bot.messages import ChannelAddress
from bot.state import META, StateStore

ChannelKind = Literal["region", "actor", "national", "unbound"]


@dataclass(frozen=True)
class Caller:
    key: str | None
    name: str
    party: str | None
    role: str | None

    @property
    def known(self) -> bool:
        return self.role is not None


@dataclass(frozen=True)
class ChannelContext:
    kind: ChannelKind
    region: str | None = None
    actor: str | None = None


@dataclass(frozen=True)
class Binding:
    address: ChannelAddress
    context: ChannelContext


def binding_key(platform: str, ident: str) -> str:
    return f"{platform}:{ident}"


class Directory:
    def __init__(self, *, config: AppConfig, state: StateStore) -> None:
        self.config = config
        self.state = state

    def caller(self, *, platform: str, user_id: str, user_name: str | None = None) -> Caller:
        runtime = self.state.doc(META, "people", binding_key(platform, user_id))
        if runtime:
            return Caller(
                key=runtime.get("person") or user_id,
                name=runtime.get("name") or user_name or user_id,
                party=runtime.get("party"),
                role=runtime.get("role"),
            )
        person = self.config.person_with_id(platform, user_id)
        if person is not None:
            return Caller(key=person.key, name=person.name, party=person.party, role=person.role)
        return Caller(key=None, name=user_name or user_id, party=None, role=None)

    def bindings(self) -> list[Binding]:
        """Every bound channel on every platform; a runtime binding replaces app.yaml's for that channel."""
        merged: dict[str, Binding] = {}
        for channel in self.config.channels:
            context = _context(region=channel.region, actor=channel.actor, national=channel.national)
            merged[binding_key(channel.platform, channel.id)] = Binding(
                address=ChannelAddress(platform=channel.platform, channel_id=channel.id),
                context=context,
            )
        for key, doc in self.state.tables(META).get("channels", {}).items():
            platform, _, channel_id = key.partition(":")
            merged[key] = Binding(
                address=ChannelAddress(platform=platform, channel_id=channel_id),
                context=_context(
                    region=doc.get("region"),
                    actor=doc.get("actor"),
                    national=doc.get("national", False),
                ),
            )
        return list(merged.values())

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
