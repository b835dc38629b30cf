"""Which channels hear a follow-up point: decided once (`point_channels`), for its listing in a digest
(`digest_points`) and for its own due and overdue reminders (`bot.reminders.point_due`), so an actor with a
general channel and a channel for one region hears a point of that region in one place (walk 9 W6)."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from datetime import date

from bot.messages import ChannelAddress
from bot.model.config import AppConfig
from bot.model.followups import Followup, all_followups
from bot.model.identity import Binding, Directory
from bot.model.wheel import Item, responsible_party
from bot.state.store import StateStore

logger = logging.getLogger(__name__)


def point_channels(
    *, directory: Directory, point: Followup, bindings: list[Binding] | None = None
) -> list[ChannelAddress]:
    """The channels that hear a point on its owner's behalf: the owner party's channels for the region whose
    meeting decided it (an actor's «IN i Agder» where it has one, else its general channel), as for the
    region's other reminders. Its listing in a digest and its due and overdue reminders both ask here, so
    they reach the same channel (walk 9 W6: listed in IN's general channel, reminded only in «IN i Agder»)."""
    if point.owner_party is None:
        return []
    return directory.channels_of_party(party=point.owner_party, region=point.item.region, bindings=bindings)


def keeper_channels(
    *, config: AppConfig, directory: Directory, point: Followup, bindings: list[Binding] | None = None
) -> list[ChannelAddress]:
    """The channels of the party that keeps the meeting a point came from (the region for its own meetings,
    AU for the national ones), when another party owns the point: they handed the work out and follow it,
    so they hear when it goes overdue and when it is closed (walk 21 A3); none when the keeper owns it (its
    own channels hear it already, `point_channels`)."""
    keeper = responsible_party(config, point.item)
    if not keeper or keeper == point.owner_party:
        return []
    owners = set(point_channels(directory=directory, point=point, bindings=bindings))
    found = directory.channels_of_party(party=keeper, region=point.item.region, bindings=bindings)
    return [address for address in found if address not in owners]


def digest_points(
    *,
    config: AppConfig,
    state: StateStore,
    today: date,
    to: ChannelAddress,
    parties: Iterable[str],
    meetings: Iterable[Item],
) -> list[Followup]:
    """A digest's points: the open ones its channel's parties own and that this channel hears
    (`point_channels`), and those from earlier meetings of the places whose next meeting it reminds of (a
    meeting's reminder brings the last one's points)."""
    owners = set(parties)
    places = {item.region for item in meetings if item.kind == "milestone" and item.spec.kind == "meeting"}
    directory = Directory(config=config, state=state)
    bindings = directory.bindings() if owners else []
    return [
        point
        for point in all_followups(config=config, state=state, today=today)
        if not point.closed
        and (
            point.item.region in places
            or (
                point.owner_party in owners
                and to in point_channels(directory=directory, point=point, bindings=bindings)
            )
        )
    ]
