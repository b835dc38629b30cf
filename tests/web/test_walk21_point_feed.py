"""Walk 21 A8: a party's calendar feed holds its own open follow-up points with a deadline, as all-day
events on that day (gone once closed), and marks the deadlines from before the bot followed the wheel
(«– Frist: …», as the status page marks them) instead of showing them as plain ones."""

from __future__ import annotations

from datetime import timedelta

from bot.model.wheel import tracked
from bot.shown.feeds import feed_items
from bot.shown.web_links import feed_by_name
from tests.walk21_steps import agders_autumn_points, point_id

from .harness import link_in
from .test_feeds import fetch_feed


async def test_an_actors_feed_has_its_own_points_and_marks_the_deadlines_before_the_bot() -> None:
    bot, minutes = agders_autumn_points(points="Tilsagn @IN innen 25. november; Kart @SIVA innen 25. november")
    ours, sivas = point_id(minutes, "Tilsagn"), point_id(minutes, "Kart")
    bot.set_time(2026, 11, 20, 9)
    link = link_in(bot.say("kalender", as_="ola", channel="in").text, "/kalender/in.ics")
    events = await fetch_feed(bot, link)
    (point,) = [event for uid, event in events.items() if ours in uid]
    assert point.summary.value == "Oppfølgingspunkt: Tilsagn – Agder", point.summary.value
    assert str(point.dtstart.value) == "2026-11-25" and point.dtend.value - point.dtstart.value == timedelta(days=1)
    assert f"ferdig {ours}" in point.description.value
    assert not any(sivas in uid for uid in events)  # Siva's point is in Siva's feed, not IN's

    config = bot.core.config
    feed = feed_by_name(config, "in")
    assert feed is not None
    before_the_bot = 0
    for item in feed_items(config, feed=feed, years=range(2025, 2028)):
        event = events.get(f"{item.ident}:frist@samhandlingsbot")
        if event is not None and not tracked(config, item):
            before_the_bot += 1
            assert event.summary.value.startswith("– Frist:"), event.summary.value
        elif event is not None and not event.summary.value.startswith("✓"):
            assert event.summary.value.startswith("Frist:"), event.summary.value
    assert before_the_bot, "the walk saw 2025 and 2026 deadlines from before tracking_start"

    assert bot.say(f"ferdig {ours}", as_="ola", channel="in").ok
    assert not any(ours in uid for uid in await fetch_feed(bot, link))  # closed: gone from the feed
