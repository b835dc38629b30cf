"""Calendar feeds: the .ics parsed by a second, independent reader (vobject) and checked event by event
against the wheel; a changed date updates the same UID with a higher SEQUENCE; wrong tokens get 404."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import vobject

from bot.model.progress import progress_of
from bot.shown.feeds import feed_items
from bot.shown.web_links import feed_by_name
from tests.driver import BotDriver, make_bot, oslo, record_all_preconditions
from tests.helpers import assert_refused

from .harness import link_in, serving

OSLO = ZoneInfo("Europe/Oslo")


def events_by_uid(text: str) -> dict[str, object]:
    calendar = vobject.readOne(text)
    return {event.uid.value: event for event in calendar.vevent_list}


async def fetch_feed(bot: BotDriver, link: str) -> dict[str, object]:
    async with serving(bot.core) as server:
        answer = await server.get(link)
    assert answer.status == 200, answer.text
    assert answer.headers["Content-Type"].startswith("text/calendar")
    assert "no-store" in answer.headers["Cache-Control"]
    return events_by_uid(answer.text)


async def test_region_feed_matches_the_wheel_event_by_event() -> None:
    bot = make_bot(at=oslo(2027, 1, 12, 9))
    record_all_preconditions(bot, year=2027)
    assert bot.say("dato vår 22. april kl 10").ok
    before = bot.snapshot()
    reply = bot.say("kalender")
    assert reply.ok and bot.snapshot() == before  # giving out the address writes nothing
    events = await fetch_feed(bot, link_in(reply.text, "/kalender/agder.ics"))
    feed = feed_by_name(bot.core.config, "agder")
    assert feed is not None
    items = feed_items(bot.core.config, feed=feed, years=range(2026, 2029))
    # every deadline, the one planned meeting, and the treatment recorded with no plan on its day (walk 39 F9)
    assert len(events) == len(items) + 2
    for item in items:
        event = events[f"{item.ident}:frist@samhandlingsbot"]
        assert event.dtstart.value == item.deadline and not isinstance(event.dtstart.value, datetime)
        assert event.dtend.value == item.deadline + timedelta(days=1)
        assert item.title() in event.summary.value
        done = progress_of(config=bot.core.config, state=bot.core.state, item=item).done
        assert event.summary.value.startswith("✓ ") == done
        ringing = not done and item.deadline >= bot.clock.now().date()
        assert hasattr(event, "valarm") == ringing  # an alarm from the lead times; none once done or past
    meeting = events["milestone:regional-spring:2027:agder:mote@samhandlingsbot"]
    assert meeting.dtstart.value == datetime(2027, 4, 22, 10, tzinfo=OSLO)
    assert meeting.dtstart.value.utcoffset() == timedelta(hours=2)  # summer time in Oslo
    # Only the start is known: the event ends where it starts, not busy time, and says so; never an invented
    # two-hour block (walk 7 F19: the test asserted that block before).
    assert "dtend" not in meeting.contents and meeting.transp.value == "TRANSPARENT"  # ends as it starts
    assert "Slutt: ikke oppgitt" in meeting.description.value
    alarm = meeting.valarm
    assert alarm.trigger.value == timedelta(days=-2)  # the shortest lead time of app.yaml's defaults
    done = events["precondition:budsjett:2027:agder:frist@samhandlingsbot"]
    assert not hasattr(done, "valarm")  # nothing to remind of once done


async def test_a_changed_date_updates_the_same_uid_with_a_higher_sequence() -> None:
    bot = make_bot(at=oslo(2027, 1, 12, 9))
    assert bot.say("dato vår 22. april kl 10").ok
    link = link_in(bot.say("kalender").text, "/kalender/agder.ics")
    uid = "milestone:regional-spring:2027:agder:mote@samhandlingsbot"
    first = (await fetch_feed(bot, link))[uid]
    assert bot.say("dato vår 29. april kl 12").ok
    second = (await fetch_feed(bot, link))[uid]
    assert int(second.sequence.value) > int(first.sequence.value)
    assert second.dtstart.value == datetime(2027, 4, 29, 12, tzinfo=OSLO)
    deadline = "milestone:regional-spring:2027:agder:frist@samhandlingsbot"
    assert deadline in await fetch_feed(bot, link)


async def test_actor_and_national_feeds() -> None:
    bot = make_bot(at=oslo(2027, 1, 12, 9))
    actor = await fetch_feed(bot, link_in(bot.say("kalender", as_="ola", channel="in").text, "/kalender/in.ics"))
    assert "precondition:tildelingsbrev:2027:national:IN:frist@samhandlingsbot" in actor
    assert "precondition:tildelingsbrev:2027:national:SIVA:frist@samhandlingsbot" not in actor
    regions = {uid.split(":")[3] for uid in actor if uid.startswith("milestone:signing")}
    assert regions == {region.key for region in bot.core.config.parties.regions}  # all its regions
    national = bot.say("kalender", as_="aud", channel="nasjonal").text
    events = await fetch_feed(bot, link_in(national, "/kalender/nasjonal.ics"))
    assert "milestone:national-spring:2027:national:frist@samhandlingsbot" in events
    assert "precondition:budsjett:2027:vestland:frist@samhandlingsbot" in events


async def test_wrong_tokens_and_unknown_feeds_all_get_the_same_404() -> None:
    bot = make_bot(at=oslo(2027, 1, 12, 9))
    link = link_in(bot.say("kalender").text, "/kalender/agder.ics")
    token = link.split("token=")[1]
    other = link_in(bot.say("kalender", as_="per", channel="vestland").text, "/kalender/vestland.ics")
    async with serving(bot.core) as server:
        answers = [
            await server.get("/kalender/agder.ics"),
            await server.get("/kalender/agder.ics?token="),
            await server.get(
                f"/kalender/agder.ics?token={token[:-1]}{'y' if token.endswith('x') else 'x'}"
            ),  # never the token itself
            await server.get(f"/kalender/vestland.ics?token={token}"),  # a token opens its own feed only
            await server.get(f"/kalender/atlantis.ics?token={token}"),
            await server.get(f"/kalender/..%2Fmeta.ics?token={token}"),
        ]
        assert (await server.get(other)).status == 200
    assert {a.status for a in answers} == {404}
    assert len({a.body for a in answers}) == 1  # nothing tells a wrong token from a missing feed


async def test_admin_replaces_a_feed_link_and_the_old_one_stops_working() -> None:
    bot = make_bot(at=oslo(2027, 1, 12, 9))
    old = link_in(bot.say("kalender").text, "/kalender/agder.ics")
    vestland = link_in(bot.say("kalender", as_="per", channel="vestland").text, "/kalender/vestland.ics")
    assert_refused(bot, "kalender ny-lenke agder", contains="administrator")
    reply = bot.say("kalender ny-lenke agder", as_="admin", channel="agder")
    assert reply.ok
    new = link_in(reply.text, "/kalender/agder.ics")
    assert new != old and new == link_in(bot.say("kalender").text, "/kalender/agder.ics")
    async with serving(bot.core) as server:
        assert (await server.get(old)).status == 404
        assert (await server.get(new)).status == 200
        assert (await server.get(vestland)).status == 200  # the other feeds keep theirs
    assert "Ny hemmelig lenke" in bot.say("logg", as_="aud", channel="nasjonal").text
    assert token_free(bot.say("logg", as_="aud", channel="nasjonal").text, new)


def token_free(text: str, link: str) -> bool:
    return link.split("token=")[1] not in text


def test_kalender_refuses_what_it_does_not_know() -> None:
    bot = make_bot()
    assert_refused(bot, "kalender atlantis", contains="kalender")
    assert_refused(bot, "kalender agder vestland tull")
    assert_refused(bot, "kalender ny-lenke status atlantis", as_="admin", channel="agder")


def test_public_url_makes_links_absolute() -> None:
    bot = make_bot()
    bot.core.public_url = "https://samhandling.example.no"
    assert "https://samhandling.example.no/kalender/agder.ics?token=" in bot.say("kalender").text
    status = bot.say("status agder 2027").text
    assert "Statussiden: https://samhandling.example.no/status/agder?token=" in status


async def test_a_nynorsk_feed_says_the_meetings_end_is_not_given() -> None:
    # Walk 7 F19 in the other written form: Vestland's feed is in nynorsk.
    bot = make_bot(at=oslo(2027, 1, 12, 9))
    assert bot.say("dato vår 22. april kl 10", as_="per", channel="vestland").ok
    link = link_in(bot.say("kalender", as_="per", channel="vestland").text, "/kalender/vestland.ics")
    meeting = (await fetch_feed(bot, link))["milestone:regional-spring:2027:vestland:mote@samhandlingsbot"]
    assert "dtend" not in meeting.contents and meeting.dtstart.value == datetime(2027, 4, 22, 10, tzinfo=OSLO)
    assert "Slutt: ikkje oppgitt" in meeting.description.value


@pytest.mark.parametrize(
    ("person", "region", "kept"), [("kari", "agder", "slutt kl. 15.00"), ("per", "vestland", "slutt kl. 15.00")]
)
async def test_a_meetings_typed_end_is_the_feeds_end(person: str, region: str, kept: str) -> None:
    # Walk 7 F19: «kl 10–15» kept its end for the feed, not an invented two hours nor «slutten … lagres ikke».
    bot = make_bot(at=oslo(2027, 1, 12, 9))
    reply = bot.say("dato vår 22. april kl 10–15", as_=person, channel=region)
    assert reply.ok and kept in reply.text and "lagres ikke" not in reply.text and "ikkje lagra" not in reply.text
    link = link_in(bot.say("kalender", as_=person, channel=region).text, f"/kalender/{region}.ics")
    meeting = (await fetch_feed(bot, link))[f"milestone:regional-spring:2027:{region}:mote@samhandlingsbot"]
    assert meeting.dtstart.value == datetime(2027, 4, 22, 10, tzinfo=OSLO)
    assert meeting.dtend.value == datetime(2027, 4, 22, 15, tzinfo=OSLO)
    assert "Slutt: ikk" not in meeting.description.value and not hasattr(meeting, "transp")
    # Only the end changed: nothing moved, so no «nytt klokkeslett» to every channel.
    again = bot.say("dato vår 22. april kl 10–16", as_=person, channel=region)
    assert again.ok and "slutt kl. 16.00" in again.text and not bot.last.announcements
    meeting = (await fetch_feed(bot, link))[f"milestone:regional-spring:2027:{region}:mote@samhandlingsbot"]
    assert meeting.dtend.value == datetime(2027, 4, 22, 16, tzinfo=OSLO)
    # A new start drops the end typed for the old one: back to «not given».
    assert bot.say("dato vår 23. april kl 9", as_=person, channel=region).ok
    meeting = (await fetch_feed(bot, link))[f"milestone:regional-spring:2027:{region}:mote@samhandlingsbot"]
    assert "dtend" not in meeting.contents  # no end known: RFC 5545 3.6.1, it ends when it starts
