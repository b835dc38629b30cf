"""A feed's events as an iCalendar file, written with the `icalendar` library (line folding, escaping and
the time-zone block are its business, not ours)."""

from __future__ import annotations

import calendar as monthly
import logging
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

from icalendar import Alarm, Calendar, Event, Timezone, TimezoneDaylight, TimezoneStandard

from bot.shown.feeds import FeedEvent

logger = logging.getLogger(__name__)

PRODID = "-//Samhandlingsbot//Årshjul//NB"


def render_ics(*, title: str, events: Sequence[FeedEvent], now: datetime, tz_name: str) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", title)
    calendar.add("x-wr-timezone", tz_name)
    calendar.add("refresh-interval", timedelta(hours=6), parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", "PT6H")
    if any(event.start is not None for event in events):
        calendar.add_component(vtimezone(tz_name, year=now.year))
    stamp = now.astimezone(tz=None) if now.tzinfo else now
    for item in events:
        event = Event()
        event.add("uid", item.uid)
        event.add("sequence", item.sequence)
        event.add("dtstamp", stamp)
        event.add("summary", item.summary)
        event.add("description", item.description)
        if item.start is not None and item.end is not None:
            event.add("dtstart", item.start)
            if item.end != item.start:
                event.add("dtend", item.end)
            else:  # no end known: no DTEND (RFC 5545 3.8.2.2 wants it later than DTSTART; without it the
                # event ends when it starts, 3.6.1: khal warned and made it an hour), and not busy time
                event.add("transp", "TRANSPARENT")
        elif item.day is not None:
            event.add("dtstart", item.day)
            event.add("dtend", (item.last_day or item.day) + timedelta(days=1))
            if item.kind != "meeting":  # a deadline is not busy time; a meeting's days are (walk 20 F-a)
                event.add("transp", "TRANSPARENT")
        if item.location:
            event.add("location", item.location)
        if item.url:
            event.add("url", item.url)
        event.add("categories", ["Samhandlingsmodellen", "Frist" if item.kind in ("deadline", "point") else "Møte"])
        if item.alarm_days:
            alarm = Alarm()
            alarm.add("action", "DISPLAY")
            alarm.add("description", item.summary)
            alarm.add("trigger", timedelta(days=-item.alarm_days))
            event.add_component(alarm)
        calendar.add_component(event)
    return calendar.to_ical()


@lru_cache(maxsize=8)
def vtimezone(tz_name: str, *, year: int) -> Timezone:
    """The zone as yearly rules (RRULE), from this year's offset changes: what Outlook and Google write
    themselves, and what every reader gets right (a long RDATE list is not read correctly everywhere)."""
    zone = ZoneInfo(tz_name)
    moment = datetime(year, 1, 1, tzinfo=UTC)
    offset = moment.astimezone(zone).utcoffset() or timedelta(0)
    changes: list[tuple[datetime, timedelta, timedelta, str]] = []
    while moment.year == year:
        moment += timedelta(hours=1)
        local = moment.astimezone(zone)
        now_offset = local.utcoffset() or timedelta(0)
        if now_offset != offset:
            changes.append(((moment + offset).replace(tzinfo=None), offset, now_offset, local.tzname() or ""))
            offset = now_offset
    timezone = Timezone()
    timezone.add("tzid", tz_name)
    if len(changes) != 2:
        standard = TimezoneStandard()
        standard.add("tzname", datetime(year, 1, 1, tzinfo=zone).tzname() or tz_name)
        standard.add("dtstart", datetime(1970, 1, 1))
        standard.add("tzoffsetfrom", offset)
        standard.add("tzoffsetto", offset)
        timezone.add_component(standard)
        return timezone
    for at, before, after, name in changes:
        part = TimezoneDaylight() if after > before else TimezoneStandard()
        part.add("tzname", name)
        last = monthly.monthrange(year, at.month)[1]
        week = -1 if at.day + 7 > last else (at.day - 1) // 7 + 1
        day = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")[at.weekday()]
        part.add("dtstart", _first(1970, at.month, week, at.weekday()).replace(hour=at.hour, minute=at.minute))
        part.add("tzoffsetfrom", before)
        part.add("tzoffsetto", after)
        part.add("rrule", {"freq": "yearly", "bymonth": at.month, "byday": f"{week}{day}"})
        timezone.add_component(part)
    return timezone


def _first(year: int, month: int, week: int, weekday: int) -> datetime:
    """The day a BYDAY rule (`-1SU`, `2SU`) falls on in `year`: the rule's first occurrence for DTSTART."""
    days = [d for d in range(1, monthly.monthrange(year, month)[1] + 1) if monthly.weekday(year, month, d) == weekday]
    return datetime(year, month, days[week if week < 0 else week - 1])
