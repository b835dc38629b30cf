"""Telling the owners of follow-up points that replaced minutes left out (walk 5, N3): their task is no
longer asked of them, and they should hear it where they were told of it, not find it gone."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from typing import Any

from bot.context import Context
from bot.i18n import _
from bot.messages import Announcement, ChannelAddress, Reply, Request, Visibility
from bot.model.followups_replaced import dropped_line
from bot.model.wheel import Item, region_title
from bot.shown.replies import make_reply
from handlers.announce import announce_to
from handlers.minutes_read import read_command

logger = logging.getLogger(__name__)


def dropped_announcements(
    ctx: Context, *, request: Request, item: Item, dropped: Iterable[dict[str, Any]]
) -> tuple[Announcement, ...]:
    """One message to each owner's channels (the request's own channel has the reply) naming their points."""
    by_party: dict[str, list[dict[str, Any]]] = {}
    for point in dropped:
        party = point.get("owner_party")
        if isinstance(party, str) and party:  # an owner whose party is unknown has no channel to tell
            by_party.setdefault(party, []).append(point)
    announcements: list[Announcement] = []
    told: set[ChannelAddress] = set()
    for party, points in by_party.items():
        addresses = [
            address
            for address in ctx.directory.channels_of_party(party=party, region=item.region)
            if address not in told
        ]
        told.update(addresses)

        def reply(points: list[dict[str, Any]] = points) -> Reply:  # built once per written form
            return make_reply(
                title=_("Oppfølgingspunkt fjernet: {item}").format(item=region_title(ctx.config, item)),
                lead=_(
                    "{name} erstattet referatet, og disse oppfølgingspunktene er ikke med lenger: {points}. "
                    "Det forrige referatet finnes i «logg» og vises med «{command}»."
                ).format(
                    name=ctx.caller.name,
                    points="; ".join(dropped_line(point) for point in points),
                    command=read_command(item, earlier=True),
                ),
                visibility=Visibility.CHANNEL,
            )

        announcements += announce_to(ctx, request=request, addresses=addresses, reply=reply)
    return tuple(announcements)
