"""A feed's events as an iCalendar file, written with the `icalendar` library (line folding, escaping and
the time-zone block are its business, not ours)."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import datetime, timedelta

from icalendar import Alarm, Calendar, Event, Timezone

from bot.feeds import FeedEvent

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
        calendar.add_component(Timezone.from_tzid(tz_name))
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
            event.add("dtend", item.end)
        elif item.day is not None:
            event.add("dtstart", item.day)
            event.add("dtend", item.day + timedelta(days=1))
            event.add("transp", "TRANSPARENT")
        if item.location:
            event.add("location", item.location)
        if item.url:
            event.add("url", item.url)
        event.add("categories", ["Samhandlingsmodellen", "Frist" if item.kind == "deadline" else "Møte"])
        if item.alarm_days:
            alarm = Alarm()
            alarm.add("action", "DISPLAY")
            alarm.add("description", item.summary)
            alarm.add("trigger", timedelta(days=-item.alarm_days))
            event.add_component(alarm)
        calendar.add_component(event)
    return calendar.to_ical()
