"""Issue 18 «Surfaces»: the calendar feeds as RFC 5545 (a real client, khal 0.14, reads them in
tests/web/test_feed_khal.py), over a lived autumn: a meeting with an end, one without (no DTEND: it ends when it
starts, 3.6.1; a DTEND equal to DTSTART is not allowed, 3.8.2.2, and khal made it an hour), one over two days
(all-day, DTEND the day after its last, exclusive), and a removed date (the event gone from the feed, the
deadline kept; never a second event or a STATUS:CANCELLED for some and not others)."""

from __future__ import annotations

from datetime import date, datetime

from tests.driver import make_bot, oslo

from .harness import link_in
from .test_feeds import fetch_feed

FEEDS = (("kari", "agder"), ("per", "vestland"), ("aud", "nasjonal"), ("ola", "in"))


async def test_every_feed_event_is_one_rfc_5545_and_khal_read_as_meant() -> None:
    bot = make_bot(at=oslo(2026, 9, 7, 10))
    for who, text in (
        ("aud", "dato høstmøte 5. november kl 10-15"),
        ("kari", "dato høst 19. november kl 10"),
        ("per", "dato haust 26.-27. november"),
        ("kari", "dato vår 22. april 2027 kl 12"),
    ):
        assert bot.say(text, as_=who).ok, text
    links = {region: link_in(bot.say("kalender", as_=who).text, f"/kalender/{region}.ics") for who, region in FEEDS}
    before = {region: await fetch_feed(bot, link) for region, link in links.items()}
    assert bot.say("dato vår 2027 avlyst bekreft", as_="kari").ok
    after = {region: await fetch_feed(bot, link) for region, link in links.items()}

    for feed in (*before.values(), *after.values()):
        for uid, event in feed.items():
            contents = event.contents  # type: ignore[attr-defined]
            assert "status" not in contents or contents["status"][0].value != "CANCELLED", uid
            if "dtend" not in contents:
                assert isinstance(event.dtstart.value, datetime), uid  # type: ignore[attr-defined]
                continue
            start, end = event.dtstart.value, event.dtend.value  # type: ignore[attr-defined]
            assert type(start) is type(end) and end > start, uid

    def meeting(feed: str, key: str) -> object:
        return before[feed][f"milestone:{key}:2026:{feed}:mote@samhandlingsbot"]

    national = before["nasjonal"]["milestone:national-autumn:2026:national:mote@samhandlingsbot"]
    assert (national.dtstart.value.hour, national.dtend.value.hour) == (10, 15)  # type: ignore[attr-defined]
    no_end = meeting("agder", "regional-autumn")
    assert "dtend" not in no_end.contents and no_end.transp.value == "TRANSPARENT"  # type: ignore[attr-defined]
    span = meeting("vestland", "regional-autumn")
    assert (span.dtstart.value, span.dtend.value) == (date(2026, 11, 26), date(2026, 11, 28))  # type: ignore[attr-defined]
    removed = "milestone:regional-spring:2027:agder:mote@samhandlingsbot"
    assert removed in before["agder"] and removed not in after["agder"]
    assert set(before["agder"]) - set(after["agder"]) == {removed}  # the deadline and the rest stay
