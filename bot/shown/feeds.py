"""The events of a calendar feed, as neutral data: deadlines as all-day events, planned meetings as timed
(or all-day) events, each with a stable UID, a SEQUENCE that grows with every recorded change of its item,
and an alarm from the item's shortest lead time (none for what is done or past, so subscribing does not ring
a year of old alarms). adapters/web/ics.py writes them as iCalendar.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, datetime

from bot.facts.kinds import is_dated
from bot.facts.responsible import who_answers
from bot.i18n import _
from bot.model.config import AppConfig
from bot.model.followups import open_for
from bot.model.followups_shown import meeting_label
from bot.model.progress import progress_of
from bot.model.wheel import Item, cycle_items, precondition_items, regional_milestones, tracked
from bot.shown.status_data import cell_of
from bot.shown.web_links import Feed
from bot.state.store import StateStore, item_partition

logger = logging.getLogger(__name__)

UID_DOMAIN = "samhandlingsbot"


@dataclass(frozen=True)
class FeedEvent:
    uid: str
    sequence: int
    summary: str
    description: str
    day: date | None
    """Set for an all-day event (a deadline, or a meeting planned without a time)."""
    start: datetime | None
    end: datetime | None
    """A timed event's end: its start where no end is known (a zero-length event, not busy time)."""
    location: str | None
    url: str | None
    alarm_days: int | None
    item: str
    """The item's ident, so tests and readers can match events to the wheel."""
    kind: str
    """`deadline`, `meeting` or `point` (a follow-up point's deadline)."""
    last_day: date | None = None
    """An all-day event over several days (a meeting «22.–23. april») ends with this day."""


def feed_title(config: AppConfig, feed: Feed) -> str:
    if feed.kind == "national" or feed.key is None:
        return _("Samhandlingsmodellen – nasjonalt årshjul")
    return _("Samhandlingsmodellen – {party}").format(party=config.party_name(feed.key))


def feed_items(config: AppConfig, *, feed: Feed, years: range) -> list[Item]:
    """What a feed holds. A region: its whole cycle with the national items. An actor: the national
    meetings, its own allocation letter, and in every region the meetings it prepares and the signing.
    The nation: the national items and every region's milestones."""
    items: list[Item] = []
    for year in years:
        if feed.kind == "region" and feed.key:
            items += cycle_items(config, year=year, region=feed.key)
            continue
        national = cycle_items(config, year=year, region=None)
        if feed.kind == "actor":
            national = [i for i in national if i.kind == "milestone" or i.actor in (None, feed.key)]
        items += national
        for region in config.parties.regions:
            own = regional_milestones(config, year=year, region=region.key)
            if feed.kind == "actor":
                own = [i for i in own if i.spec.prepare or i.spec.signed_by_parties]
            else:
                own += [i for i in precondition_items(config, year=year, region=region.key) if i.region]
            items += own
    return items


def _changes(state: StateStore, item: Item, cache: dict[str, dict[str, int]]) -> int:
    """How many recorded changes concern the item: the event's SEQUENCE, so a new date raises it."""
    partition = item_partition(item)
    counts = cache.get(partition)
    if counts is None:
        counts = {}
        for entry in state.history(partition):
            ident = entry.get("item")
            if isinstance(ident, str):
                counts[ident] = counts.get(ident, 0) + 1
        cache[partition] = counts
    return counts.get(item.ident, 0)


def feed_events(*, config: AppConfig, state: StateStore, feed: Feed, today: date) -> list[FeedEvent]:
    """Every event of the feed for last year, this year and next (the wheel people plan by)."""
    snapshot = state.snapshot()
    cache: dict[str, dict[str, int]] = {}
    events: list[FeedEvent] = []
    for item in feed_items(config, feed=feed, years=range(today.year - 1, today.year + 2)):
        progress = progress_of(config=config, state=snapshot, item=item)
        sequence = _changes(snapshot, item, cache)
        leads = config.leads_for(item.spec)
        alarm = None if progress.done else min((lead.days for lead in leads), default=None)
        where = f" – {config.party_short(item.region)}" if item.region and feed.kind != "region" else ""
        who = who_answers(config=config, item=item)
        cell = cell_of(config=config, state=snapshot, item=item, today=today)  # as the status page says it
        status = f"{cell.symbol} {cell.text}"
        window = f"{item.start:%d.%m.%Y}–{item.deadline:%d.%m.%Y}"
        description = _("{title}\nAnsvarlig: {who}\nVindu: {window}\nStatus: {status}").format(
            title=f"{item.title()}{where}", who=who, window=window, status=status
        )
        doc = snapshot.item_doc(item)
        events.append(
            FeedEvent(
                uid=f"{item.ident}:frist@{UID_DOMAIN}",
                sequence=sequence,
                summary=_mark(config, item=item, done=progress.done)
                + _("Frist: {title}").format(title=f"{item.title()}{where}"),
                description=description,
                day=item.deadline,
                start=None,
                end=None,
                location=None,
                url=None,
                alarm_days=alarm if item.deadline >= today else None,
                item=item.ident,
                kind="deadline",
            )
        )
        planned, has_time, last_day, planned_end = (
            progress.planned,
            progress.planned_has_time,
            progress.planned_last_day,
            progress.planned_end,
        )
        if planned is None and progress.done and progress.done_at is not None and is_dated(item):
            # Held (or treated) with no plan: on the day it was held, as the page and `status` say (walk 39 F9).
            planned, has_time, last_day, planned_end = progress.done_at, False, None, None
        if planned is not None:
            start = planned if planned.tzinfo else planned.replace(tzinfo=config.tz)
            # A meeting over several days is one all-day event from its first day to its last (only the first
            # day's start time is stored, so it is said in the text, not guessed as an end).
            timed = has_time and last_day is None
            begins = ""
            if last_day is not None and has_time:
                description += "\n" + _("Start: {time} første dag").format(time=f"{start.astimezone(config.tz):%H.%M}")
                # and in the title, which every calendar shows (the description is one click away, walk 24 F10)
                begins = " " + _("(start kl. {time})").format(time=f"{start.astimezone(config.tz):%H.%M}")
            end = start
            if timed and planned_end:  # the end typed with the date («kl 10–15»)
                local = start.astimezone(config.tz)
                end = local.replace(hour=int(planned_end[:2]), minute=int(planned_end[3:]))
            elif timed:
                # Only the start is stored: the event ends where it starts (RFC 5545 allows DTEND = DTSTART, and
                # calendars show it at its start; without DTEND khal and Google make it an all-day event),
                # never an invented two-hour block people book the afternoon against (walk 7 F19).
                description += "\n" + _("Slutt: ikke oppgitt")
            events.append(
                FeedEvent(
                    uid=f"{item.ident}:mote@{UID_DOMAIN}",
                    sequence=sequence,
                    summary=f"{'✓ ' if progress.done else ''}{item.title()}{where}{begins}",
                    description=description,
                    day=None if timed else start.date(),
                    start=start.astimezone(config.tz) if timed else None,
                    end=end.astimezone(config.tz) if timed else None,
                    location=_text(doc.get("place")),
                    url=_text(doc.get("link")),
                    alarm_days=alarm if start.date() >= today else None,
                    item=item.ident,
                    kind="meeting",
                    last_day=last_day,
                )
            )
    return events + _point_events(config=config, state=snapshot, feed=feed, today=today, cache=cache)


def _mark(config: AppConfig, *, item: Item, done: bool) -> str:
    """«✓ » for what is done, «– » for a deadline from before the bot followed the wheel (`tracking_start`),
    as the status page marks it, so an old deadline never reads as one the bot watched (walk 21 A8)."""
    if done:
        return "✓ "
    return "" if tracked(config, item) else "– "


def _point_events(
    *, config: AppConfig, state: StateStore, feed: Feed, today: date, cache: dict[str, dict[str, int]]
) -> list[FeedEvent]:
    """The feed's party's own open follow-up points with a deadline, as all-day events on that day (walk 21
    A8: an adviser's own dated tasks are what they want in their calendar); a closed point leaves the feed."""
    if feed.kind not in ("actor", "region") or feed.key is None:
        return []
    events: list[FeedEvent] = []
    for point in open_for(config=config, state=state, today=today, party=feed.key):
        if point.due is None:
            continue
        description = _("{meeting}\nAnsvarlig: {owner}\n«ferdig {id}» når det er gjort").format(
            meeting=meeting_label(point), owner=point.owner_name, id=point.id
        )
        events.append(
            FeedEvent(
                uid=f"{point.item.ident}:punkt-{point.id}@{UID_DOMAIN}",
                sequence=_changes(state, point.item, cache),
                summary=_("Oppfølgingspunkt: {text}").format(text=point.text)
                + (f" – {point.place}" if point.place and feed.kind != "region" else ""),
                description=description,
                day=point.due,
                start=None,
                end=None,
                location=None,
                url=None,
                alarm_days=None,
                item=point.item.ident,
                kind="point",
            )
        )
    return events


def _text(value: object) -> str | None:
    return value if isinstance(value, str) and value.strip() else None
