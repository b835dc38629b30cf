"""Reminders of follow-up points' due dates, in the owner's channels (walk 4, S1).

A point with a date («IN sender tall @IN innen 10. mai») is reminded on its own, not only as a rider on
whatever else a digest carries: once before the date (the default leads' last call, two days before) and
once on the first working day after it, «på overtid». Each goes out once, ever, in the digest of the day,
through the ledger of the partition that holds the minutes. Closed points, points without a date and
points whose owner is no party are not reminded; a reminder due before the point was recorded is not sent
late (the reply that recorded it said the date). Whose and overdue stay `bot.model.followups`'s.
"""

from __future__ import annotations

import logging
from datetime import date, timedelta

from bot.dates.workdays import on_or_after, on_or_before
from bot.i18n import _, using
from bot.messages import ChannelAddress, ItemState
from bot.model.config import AppConfig
from bot.model.followups import Followup, all_followups
from bot.model.followups_channels import keeper_channels, point_channels
from bot.model.followups_shown import close_button, meeting_label
from bot.model.identity import Binding, Directory
from bot.model.wheel import responsible_party
from bot.reminders.lines import DigestLine, SectionKey, in_week_of
from bot.reminders.planner import DueReminder
from bot.reminders.schedule import Occurrence, last_call
from bot.shown.replies import day_text, days_phrase
from bot.state.store import StateStore, item_partition
from bot.written_form import channel_form

logger = logging.getLogger(__name__)

DEFAULT_DAYS = 2
"""Days before the due date when the default leads name no last call."""


def point_schedule(point: Followup, *, config: AppConfig) -> list[Occurrence]:
    """A dated point's two reminders: the last call before its date, and the first working day after it."""
    assert point.due is not None
    off = config.reminders.days_off_set
    days = last_call(config.reminders.leads) or DEFAULT_DAYS
    return [
        Occurrence(
            name=f"point-{point.id}-lead", day=on_or_before(point.due - timedelta(days=days), days_off=off), kind="lead"
        ),
        Occurrence(
            name=f"point-{point.id}-overdue",
            day=on_or_after(point.due + timedelta(days=1), days_off=off),
            kind="overdue",
        ),
    ]


def due_points(
    *,
    config: AppConfig,
    state: StateStore,
    directory: Directory,
    bindings: list[Binding],
    today: date,
    region: str | None,
    preview: bool = False,
) -> list[DueReminder]:
    """Every point reminder due today and not in the ledger, one per (point, channel), in each channel's
    written form. A `preview` (the terminal's start, which posts nothing) never calls one late (walk 36 F1)."""
    due: list[DueReminder] = []
    regions = [region] if region else None
    for point in all_followups(config=config, state=state, today=today, regions=regions):
        if point.closed or point.due is None or point.owner_party is None:
            continue
        came = [o for o in point_schedule(point, config=config) if o.day <= today]
        if not came:
            continue
        latest = came[-1]
        late = latest.day < today and not preview
        if (latest.kind == "lead" and point.due < today) or _before_made(point, latest, today=today):
            continue  # a call before a date that has passed, or one from before the point was recorded
        partition = item_partition(point.item)
        ledger = state.ledger(partition)
        by_address = {binding.address: binding for binding in bindings}
        heard = [
            (address, point.owner_party)
            for address in point_channels(directory=directory, point=point, bindings=bindings)
        ]
        owners_told = [_reminder_id(point, latest, address) in ledger for address, _party in heard]
        # the meeting's keeper hears it go overdue, once, with the owner (walk 21 A3): not afterwards, so a
        # point whose owner heard it before keepers were told is not brought up late
        if latest.kind == "overdue" and not (owners_told and all(owners_told)):
            keeper = responsible_party(config, point.item) or ""
            heard += [
                (address, keeper)
                for address in keeper_channels(config=config, directory=directory, point=point, bindings=bindings)
            ]
        for address, party in heard:
            reminder_id = _reminder_id(point, latest, address)
            if reminder_id in ledger:
                continue
            binding = by_address[address]
            lang = channel_form(
                config=config,
                state=state,
                platform=address.platform,
                channel_id=address.channel_id,
                context=binding.context,
            )
            with using(lang):
                line = point_line(config=config, point=point, occurrence=latest, today=today, late=late)
            due.append(
                DueReminder(
                    id=reminder_id,
                    partition=partition,
                    item=point.item,
                    occurrence=latest,
                    to=address,
                    party=party,
                    channel=binding.context,
                    line=line,
                    late=late,
                    lang=lang,
                    point=point.id,
                    owner=point.person_owner,
                )
            )
    return due


def _reminder_id(point: Followup, occurrence: Occurrence, address: ChannelAddress) -> str:
    return f"{point.item.ident}|{occurrence.name}|{address.platform}:{address.channel_id}"


def _before_made(point: Followup, occurrence: Occurrence, *, today: date) -> bool:
    """A reminder from before the point was recorded, or from its own day once that day is over: the owner was
    told the point at once when it was recorded, and that day's pass may have run before it (walk 14a F3:
    «Sendt for sent: skulle gått ut 27. november» for a point written at 15:00 on 27 November)."""
    if point.made is None:
        return False
    return occurrence.day < point.made or (occurrence.day == point.made and occurrence.day < today)


def point_line(
    *, config: AppConfig, point: Followup, occurrence: Occurrence, today: date, late: bool = True
) -> DigestLine:
    """«Agder · Oppfølgingspunkt P5X6: «IN sender tall» (Innovasjon Norge) innen 10. mai 2027 (om 2 dager).
    Fra Regionalt dialogmøte vår 2027 – Agder; «ferdig P5X6» når det er gjort.»"""
    assert point.due is not None
    place = point.place or _("Nasjonalt")
    until = days_phrase(deadline=point.due, today=today)
    if occurrence.kind == "overdue":
        when = _("frist var {day} ({until})")
        section: SectionKey = "overdue"
        state = ItemState.OVERDUE
    else:
        when = _("innen {day} ({until})")
        section = "week" if in_week_of(point.due, today=today) else "coming"
        state = ItemState.DUE
    value = _("«{text}» ({owner}) {when}. Fra {meeting}; «ferdig {id}» når det er gjort.").format(
        text=point.text,
        owner=point.owner_shown,
        when=when.format(day=day_text(point.due), until=until),
        meeting=meeting_label(point),
        id=point.id,
    )
    if late and occurrence.day < today:
        value += " (" + _("Sendt for sent: skulle gått ut {day}.").format(day=day_text(occurrence.day)) + ")"
    return DigestLine(
        section=section,
        region=point.item.region,
        label=f"{place} · " + _("Oppfølgingspunkt {id}").format(id=point.id),
        value=value,
        button=close_button(point),
        state=state,
        order=(f"{place} · " + _("Oppfølgingspunkt {id}").format(id=point.due.isoformat()), point.position),
    )
