"""A reminder pass posts to many channels at once, paces posts within one channel, and still records each
reminder once."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field

import pytest

import bot.delivery.pacing
from bot.messages import Announcement, ChannelAddress, Outcome, Reply
from bot.reminders.passes import SendFailed, deliver_announcements, run_pass
from bot.shown.replies import make_reply
from tests.driver import make_bot, oslo
from tests.helpers import senders_for


@dataclass
class SlowSender:
    """Yields to the event loop inside each post, as a network call does, and counts posts in flight."""

    platform: str
    posts: list[str] = field(default_factory=list)
    looks_up: bool = True
    in_flight: int = 0
    most_in_flight: int = 0

    async def send(self, *, channel_id: str, reply: Reply, key: str | None = None, maybe_posted: bool = False) -> None:
        self.in_flight += 1
        self.most_in_flight = max(self.most_in_flight, self.in_flight)
        for _ in range(3):
            await asyncio.sleep(0)  # a yield, not a wait: the other channels' posts run meanwhile
        self.in_flight -= 1
        self.posts.append(channel_id)


def test_channels_are_posted_to_at_once_and_each_reminder_is_recorded_once() -> None:
    bot = make_bot(at=oslo(2027, 1, 12, 9))
    senders = {platform: SlowSender(platform=platform) for platform in ("terminal", "slack", "teams")}
    first = asyncio.run(run_pass(core=bot.core, senders=senders))
    slack = senders["slack"]
    assert first.messages >= 3 and slack.most_in_flight > 1
    assert len(slack.posts) == len(set(slack.posts))  # one digest per channel
    assert len(first.ids) == len(set(first.ids)) and first.sent == len(first.ids)
    again = asyncio.run(run_pass(core=bot.core, senders=senders))
    assert again.sent == 0 and again.messages == 0


def test_posts_to_one_channel_in_a_pass_are_paced(monkeypatch: pytest.MonkeyPatch) -> None:
    pauses: list[float] = []

    async def no_wait(seconds: float) -> None:
        pauses.append(seconds)

    monkeypatch.setattr(bot.delivery.pacing, "_sleep", no_wait)
    driver = make_bot(at=oslo(2027, 1, 12, 9))
    senders = senders_for(driver)
    senders["slack"].fail = {"C0AGDER"}
    reply = make_reply(title="Signert for Agder fylkeskommune", lead="Agder har signert.")
    outcome = Outcome(reply=reply, announcements=(Announcement(to=ChannelAddress("slack", "C0AGDER"), reply=reply),))
    asyncio.run(deliver_announcements(outcome, senders=senders, core=driver.core))
    senders["slack"].fail = set()
    report = asyncio.run(run_pass(core=driver.core, senders=senders))
    agder = [channel for _, channel, _ in senders["slack"].posts if channel == "C0AGDER"]
    assert len(agder) == 2 and report.messages >= 1  # the announcement again, then the digest
    assert len(pauses) == 1 and 0 < pauses[0] <= bot.delivery.pacing.PACE_SECONDS["slack"]


def test_a_failed_channel_holds_up_no_other() -> None:
    driver = make_bot(at=oslo(2027, 1, 12, 9))
    senders = senders_for(driver)
    senders["slack"].fail = {"C0AGDER"}
    report = asyncio.run(run_pass(core=driver.core, senders=senders))
    posted = {channel for _, channel, _ in senders["slack"].posts}
    assert "C0AGDER" not in posted and len(posted) >= 2 and report.failed >= 1
    assert issubclass(SendFailed, Exception)


def test_an_unexpected_error_stops_every_channel_before_the_lease_is_given_back() -> None:
    class Broken(SlowSender):
        async def send(
            self, *, channel_id: str, reply: Reply, key: str | None = None, maybe_posted: bool = False
        ) -> None:
            await super().send(channel_id=channel_id, reply=reply)
            if len(self.posts) == 1:
                raise RuntimeError("boom")

    driver = make_bot(at=oslo(2027, 1, 12, 9))
    senders = {"terminal": SlowSender(platform="terminal"), "slack": Broken(platform="slack")}
    senders["teams"] = SlowSender(platform="teams")
    with pytest.raises(RuntimeError, match="boom"):
        asyncio.run(run_pass(core=driver.core, senders=senders))
    assert senders["slack"].in_flight == 0 and senders["teams"].in_flight == 0  # nothing still posting
    again = asyncio.run(run_pass(core=driver.core, senders=senders))
    assert again.sent > 0  # what was not recorded is due again
