"""Walk 5, N13: a meeting over several days («22.-23. april») keeps its last day: the «skriv referat» nudge
comes after it, the calendar feed spans it, and `status`/`neste` say it is over once it is."""

from __future__ import annotations

from datetime import date

import pytest

from adapters.web.ics import render_ics
from bot.shown.web_links import feed_by_name, token_of
from tests.driver import make_bot, oslo
from tests.test_model_timing import days_saying, posted

CASES = [  # who, home channel, the echo of the last day, «møtet var …» in the nudge, the note once it is over
    ("kari", "agder", "– fredag 23. april 2027", "møtet var 22.–23. april 2027", "møtet er over; referatet mangler"),
    ("per", "vestland", "– fredag 23. april 2027", "møtet var 22.–23. april 2027", "møtet er over; referatet manglar"),
]


@pytest.mark.parametrize(("as_", "channel", "echo", "was", "over"), CASES)
def test_the_minutes_nudge_comes_after_the_last_day(as_: str, channel: str, echo: str, was: str, over: str) -> None:
    bot = make_bot(at=oslo(2027, 3, 1, 10))
    bot.say("dato vårmøte 10. mars kl 10", as_="aud")
    reply = bot.say("dato vår 22.-23. april kl 10", as_=as_)
    assert echo in reply.text and "lagres ikke" not in reply.text and "vert ikkje lagra" not in reply.text, reply.text
    bot.say("referat vårmøte Holdt.", as_="aud")  # the national meeting it follows is held
    posts = posted(bot, channel, start=date(2027, 4, 19), end=date(2027, 4, 30))
    assert days_saying(posts, was) == [date(2027, 4, 26)], posts  # Monday after Friday 23 April, not the 23rd
    bot.clock.set(oslo(2027, 4, 26, 10))
    assert over in bot.say("status", as_=as_).text


def test_a_one_day_meeting_is_still_nudged_the_day_after() -> None:
    bot = make_bot(at=oslo(2027, 3, 1, 10))
    bot.say("dato vår 22. april kl 10", as_="kari")
    posts = posted(bot, "agder", start=date(2027, 4, 19), end=date(2027, 4, 30))
    assert days_saying(posts, "møtet var 22. april 2027") == [date(2027, 4, 23)]


def test_retyping_one_day_drops_the_span_and_says_what_it_replaced() -> None:
    bot = make_bot(at=oslo(2027, 3, 1, 10))
    bot.say("dato vår 22.-23. april kl 10", as_="kari")
    again = bot.say("dato vår 22.-23. april kl 10", as_="kari")
    assert again.title == "Allerede registrert", again.text
    reply = bot.say("dato vår 22. april kl 10", as_="kari")
    assert "Erstatter torsdag 22. april 2027 kl. 10.00 – fredag 23. april 2027" in reply.text, reply.text


def test_the_feed_shows_the_meeting_from_its_first_day_to_its_last() -> None:
    bot = make_bot(at=oslo(2027, 3, 1, 10))
    bot.say("dato vår 22.-23. april kl 10", as_="kari")
    feed = feed_by_name(bot.core.config, "agder")
    assert feed is not None
    view = bot.core.calendar(feed="agder", token=token_of(bot.core.state, feed.link_id, environ={}), environ={})
    assert view is not None
    ics = render_ics(title="t", events=view.events, now=bot.clock.now(), tz_name=view.tz_name).decode()
    meeting = next(
        block
        for block in ics.split("BEGIN:VEVENT")
        if "Regionalt dialogmøte vår 2027" in block and "Frist" not in block
    )
    assert "DTSTART;VALUE=DATE:20270422" in meeting and "DTEND;VALUE=DATE:20270424" in meeting, meeting
    assert "Start: 10.00" in meeting.replace("\r\n ", "")


@pytest.mark.parametrize(("as_", "channel"), [("kari", "agder"), ("per", "vestland")])
def test_the_leads_before_a_two_day_meeting_name_both_days(as_: str, channel: str) -> None:
    """Walk 12 m3: «møtet 22.–23. april 2027 (om 14 dager)», as `status` names it, not the first day only."""
    bot = make_bot(at=oslo(2027, 3, 1, 10))
    bot.say("dato vårmøte 10. mars kl 10", as_="aud")
    assert bot.say("dato vår 22.-23. april kl 10", as_=as_).ok
    posts = posted(bot, channel, start=date(2027, 4, 1), end=date(2027, 4, 21))
    leads = days_saying(posts, "møtet 22.–23. april 2027 (om")
    assert date(2027, 4, 8) in leads, posts
    assert not days_saying(posts, "møtet 22. april 2027"), posts
