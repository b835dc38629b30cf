"""Telling the owners of new follow-up points at once (walk 11 F2): a point recorded in minutes is news for
its owner, announced in the channels that hear its points for the meeting's region (the one rule,
`bot.model.followups_channels.point_channels`), in each channel's written form, with a «Ferdig» button
each, through the outbox as every announcement. Without it an owner heard of a point only when a digest
happened to go to its channel, or days before its deadline; an undated one never."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import replace
from datetime import date, datetime

from bot.context import Context
from bot.i18n import _, ngettext
from bot.messages import Announcement, ChannelAddress, Reply, Request, Visibility
from bot.model.followups import Followup, followups_of
from bot.model.followups_channels import point_channels
from bot.model.followups_replaced import Redated, redated_text
from bot.model.followups_shown import close_button, meeting_label
from bot.model.wheel import Item
from bot.reminders.notify import owner_mentions
from bot.shown.replies import day_text, make_reply
from handlers.announce import announce_to
from handlers.date_moved import lead_channels  # one rule for who hears a meeting's leads

logger = logging.getLogger(__name__)


def new_point_announcements(
    ctx: Context, *, request: Request, item: Item, new: Iterable[str]
) -> tuple[Announcement, ...]:
    """One message to each channel that hears an owner's points, listing all of that owner's new points (the
    request's own channel has the reply); replaced minutes tell only the points they added."""
    wanted = set(new)
    by_owner: dict[str, list[Followup]] = {}
    for point in followups_of(config=ctx.config, state=ctx.state, item=item):
        if point.id in wanted and not point.closed and point.owner_party:
            by_owner.setdefault(point.owner_party, []).append(point)
    announcements: list[Announcement] = []
    for points in by_owner.values():
        addresses: list[ChannelAddress] = point_channels(directory=ctx.directory, point=points[0])

        def reply(points: list[Followup] = points) -> Reply:  # built once per written form
            told = _told(points, today=ctx.now.date())
            owners = [point.person_owner for point in points if point.person_owner is not None]
            return replace(told, mentions=owner_mentions(config=ctx.config, state=ctx.state, owners=owners))

        announcements += announce_to(ctx, request=request, addresses=addresses, reply=reply)
    return tuple(announcements)


def redated_announcements(
    ctx: Context, *, request: Request, item: Item, redated: Iterable[Redated]
) -> tuple[Announcement, ...]:
    """Replaced minutes that only moved a point's deadline tell its owner the new one (walk 12 N3), in the
    channels that hear its points, not «fjernet» and «nytt» for one task."""
    changed = {point.id: point for point in redated}
    by_owner: dict[str, list[tuple[Followup, Redated]]] = {}
    for point in followups_of(config=ctx.config, state=ctx.state, item=item):
        if point.id in changed and not point.closed and point.owner_party:
            by_owner.setdefault(point.owner_party, []).append((point, changed[point.id]))
    announcements: list[Announcement] = []
    for pairs in by_owner.values():
        addresses = point_channels(directory=ctx.directory, point=pairs[0][0])

        def reply(pairs: list[tuple[Followup, Redated]] = pairs) -> Reply:  # built once per written form
            return make_reply(
                title=_("Ny frist for oppfølgingspunkt"),
                lead=_("{name} erstattet referatet fra {meeting}: {points}").format(
                    name=ctx.caller.name,
                    meeting=meeting_label(pairs[0][0]),
                    points=" ".join(f"{point.text}: {redated_text(change)}" for point, change in pairs),
                ),
                buttons=[close_button(point) for point, _change in pairs],
                visibility=Visibility.CHANNEL,
            )

        announcements += announce_to(ctx, request=request, addresses=addresses, reply=reply)
    return tuple(announcements)


def _told(points: list[Followup], *, today: date) -> Reply:
    """«Nytt oppfølgingspunkt fra <møte> – <region>: <tekst> [ID] (innen …)», all of one owner's at once; a
    point already past its day when recorded says «på overtid», as the recorder's reply does (walk 17 F-c):
    no separate overdue notice follows for it, so this is where its owner learns it is late."""
    lines = "; ".join(f"{point.text} [{point.id}]" + _details(point, today=today) for point in points)
    return make_reply(
        title=ngettext("Nytt oppfølgingspunkt", "Nye oppfølgingspunkter", len(points)),
        lead=ngettext(
            "Nytt oppfølgingspunkt fra {meeting}: {points}",
            "Nye oppfølgingspunkter fra {meeting}: {points}",
            len(points),
        ).format(meeting=meeting_label(points[0]), points=lines),
        buttons=[close_button(point) for point in points],
        visibility=Visibility.CHANNEL,
    )


def _details(point: Followup, *, today: date) -> str:
    """« (innen 19. november 2027)», « (innen 19. november 2027, på overtid)», or nothing for an undated point
    of the party; a person's point names them first, as its reminder does: « (Anne Li, innen 4. desember 2026)»
    (walk 41: the party's channel did not learn whose it was)."""
    details = [point.person_owner[1]] if point.person_owner else []
    if point.due:
        details.append(_("innen {day}").format(day=day_text(point.due)))
        if point.overdue(today):
            details.append(_("på overtid"))
    return f" ({', '.join(details)})" if details else ""


def held_before_plan_announcements(
    ctx: Context, *, request: Request, item: Item, planned: datetime | None, held: datetime | None
) -> tuple[Announcement, ...]:
    """A meeting recorded as held before the day it was planned for (the plan moved to the held day): the
    channels that heard the planned day in its leads are told it is off, as a moved date is told (walk 24
    F12: the actors kept 4 May in their calendars while the minutes said 5 February). The request's own
    channel has the reply."""
    if planned is None or held is None:
        return ()
    where = ctx.config.party_short(item.region) if item.region else _("Nasjonalt")

    def reply() -> Reply:  # built once per written form
        return make_reply(
            title=_("{where} · {item} er holdt").format(where=where, item=item.title()),
            lead=_(
                "{where} · {item} ble holdt {held}, før den planlagte dagen {planned}. Registrert av {name}."
            ).format(
                where=where,
                item=item.title(),
                held=day_text(held.date()),
                planned=day_text(planned.date()),
                name=ctx.caller.name,
            ),
            visibility=Visibility.CHANNEL,
        )

    return announce_to(ctx, request=request, addresses=lead_channels(ctx, item=item), reply=reply)
