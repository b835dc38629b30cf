"""A channel the bot cannot post to is a known state (issue 21 leftovers): marked and said once, its digest
held instead of planned and refused every pass, shown on `oversikt` and /healthz, and cleared when the
channel can be reached again (a Teams conversation reference arrives, a post gets through)."""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass, field

import pytest

from bot.delivery import targets
from bot.delivery.sending import Undeliverable
from bot.messages import Reply
from bot.reminders.ledger import PARTITION as INTENTS
from bot.reminders.passes import PassReport, run_pass
from tests.driver import BotDriver, make_bot, oslo
from tests.helpers import FakeSender, make_config, senders_for

AGDER_TEAMS = "19:agder@thread.tacv2"


@dataclass
class Refusing(FakeSender):
    """A sender for which some channels cannot be reached: `gone` maps a channel to the refusal."""

    gone: dict[str, str] = field(default_factory=dict)
    tried: list[str] = field(default_factory=list)

    async def send(self, *, channel_id: str, reply: Reply, key: str | None = None, maybe_posted: bool = False) -> None:
        self.tried.append(channel_id)
        if channel_id in self.gone:
            raise Undeliverable(self.gone[channel_id])
        await super().send(channel_id=channel_id, reply=reply, key=key, maybe_posted=maybe_posted)


def _due_bot() -> BotDriver:
    """15 January 2027, 09:00: a signing reminder is due in Agder's channels, Teams' among them."""
    bot = make_bot(at=oslo(2027, 1, 14, 9), config=make_config(regions=("agder", "vestland")))
    bot.say("forutsetning statsbudsjett 2027", as_="aud")
    bot.say("forutsetning budsjett 2027", as_="kari")
    for person in ("ola", "siri", "nils"):
        bot.say("forutsetning tildelingsbrev 2027", as_=person)
    bot.set_time(2027, 1, 15, 9)
    return bot


def _senders(bot: BotDriver, *, teams_gone: str, slack_gone: str = "") -> dict[str, FakeSender]:
    senders = senders_for(bot)
    senders["teams"] = Refusing(platform="teams", bot=bot, looks_up=False, gone={AGDER_TEAMS: teams_gone})
    if slack_gone:
        senders["slack"] = Refusing(platform="slack", bot=bot, gone={"C0AGDER": slack_gone})
    return senders


def _run(bot: BotDriver, senders: dict[str, FakeSender]) -> PassReport:
    return asyncio.run(run_pass(core=bot.core, senders=senders))


def _teams_posts(senders: dict[str, FakeSender]) -> list[str]:
    return [channel for _, channel, _ in senders["teams"].posts if channel == AGDER_TEAMS]


NO_REFERENCE = f"no Teams conversation reference for {AGDER_TEAMS}; add the bot there"


def test_a_teams_channel_without_a_reference_is_said_once_and_not_planned_again_each_pass(
    caplog: pytest.LogCaptureFixture,
) -> None:
    bot = _due_bot()
    senders = _senders(bot, teams_gone=NO_REFERENCE)
    with caplog.at_level(logging.DEBUG):
        first = _run(bot, senders)
        assert first.sent and senders["teams"].tried.count(AGDER_TEAMS) == 1  # type: ignore[attr-defined]
        for hour in (10, 11, 12):  # the passes of the same day: nothing tried, nothing written, nothing said
            bot.set_time(2027, 1, 15, hour)
            again = _run(bot, senders)
            assert again.held and not again.failed
    assert senders["teams"].tried.count(AGDER_TEAMS) == 1  # type: ignore[attr-defined]
    intents = bot.tables(INTENTS).get("posting", {})
    assert all(doc.get("channel") != AGDER_TEAMS for doc in intents.values())
    said = [r for r in caplog.records if r.levelno >= logging.WARNING and AGDER_TEAMS in r.getMessage()]
    assert len(said) == 1 and "cannot be reached" in said[0].getMessage()
    # Where an admin looks: /healthz and `oversikt`, with what to do, in Norwegian.
    assert any(AGDER_TEAMS in line and "cannot be reached" in line for line in bot.core.unreachable())
    overview = bot.say("oversikt", as_="admin")
    assert "Kanaler boten ikke når" in overview.text
    assert f"Teams-kanal {AGDER_TEAMS} (Agder fylkeskommune)" in overview.text
    assert "boten er ikke lagt til der" in overview.text and "Legg boten til" in overview.text


def test_a_conversation_reference_arriving_clears_the_mark_and_the_held_digest_goes_next_pass() -> None:
    bot = _due_bot()
    senders = _senders(bot, teams_gone=NO_REFERENCE)
    _run(bot, senders)
    assert not _teams_posts(senders)
    # The bot is added to the channel: the Teams adapter tells the core (CorePort.reachable).
    senders["teams"].gone.clear()  # type: ignore[attr-defined]
    bot.core.reachable(platform="teams", channel_id=AGDER_TEAMS)
    assert not bot.core.unreachable() and not targets.known(bot.core.state)
    bot.set_time(2027, 1, 15, 10)
    report = _run(bot, senders)
    assert _teams_posts(senders) == [AGDER_TEAMS] and report.sent
    assert "Kanaler boten ikke når" not in bot.say("oversikt", as_="admin").text


def test_a_slack_channel_without_the_bot_is_tried_again_once_a_day_and_cleared_by_a_post_that_goes() -> None:
    bot = _due_bot()
    senders = _senders(bot, teams_gone=NO_REFERENCE, slack_gone="chat.postMessage: not_in_channel")
    _run(bot, senders)
    assert senders["slack"].tried.count("C0AGDER") == 1  # type: ignore[attr-defined]
    overview = bot.say("oversikt", as_="admin").text
    assert "Slack-kanal C0AGDER" in overview and "Inviter boten dit" in overview
    bot.set_time(2027, 1, 15, 15)
    _run(bot, senders)
    assert senders["slack"].tried.count("C0AGDER") == 1  # type: ignore[attr-defined]
    senders["slack"].gone.clear()  # type: ignore[attr-defined]  # someone invited the bot
    bot.set_time(2027, 1, 18, 9)  # the next working day's pass tries it again, and it goes
    _run(bot, senders)
    assert "C0AGDER" in [channel for _, channel, _ in senders["slack"].posts]
    assert [mark.to.channel_id for mark in targets.known(bot.core.state)] == [AGDER_TEAMS]


@pytest.mark.parametrize(
    ("error", "kind"),
    [
        (NO_REFERENCE, targets.NO_REFERENCE),
        ("chat.postMessage: not_in_channel", targets.NOT_IN_CHANNEL),
        ("chat.postMessage: is_archived", targets.ARCHIVED),
        ("chat.postMessage: channel_not_found", targets.GONE),
        (f"Teams post to {AGDER_TEAMS} refused for good: connector answered 404", targets.GONE),
        (f"Teams post to {AGDER_TEAMS} refused for good: connector answered 403", targets.FORBIDDEN),
        ("something else", targets.UNKNOWN),
    ],
)
def test_each_refusal_is_told_in_words_an_admin_can_act_on(error: str, kind: str) -> None:
    assert targets.kind_of(error) == kind
    mark = targets.Unreachable(
        to=targets.ChannelAddress(platform="teams", channel_id=AGDER_TEAMS),
        kind=kind,
        error=error,
        since="",
        checked="",
    )
    text = targets.reason_text(mark)
    assert text and "{" not in text


def test_an_announcement_to_a_marked_channel_that_gets_through_clears_the_mark() -> None:
    bot = _due_bot()
    senders = _senders(bot, teams_gone=NO_REFERENCE)
    _run(bot, senders)
    assert targets.known(bot.core.state)
    senders["teams"].gone.clear()  # type: ignore[attr-defined]
    from bot.messages import Announcement, ChannelAddress, Outcome

    outcome = Outcome(
        reply=Reply(title="x", text="x"),
        announcements=(
            Announcement(to=ChannelAddress(platform="teams", channel_id=AGDER_TEAMS), reply=Reply(title="t", text="t")),
        ),
    )
    asyncio.run(bot.core.deliver(outcome, senders=senders))
    assert _teams_posts(senders) == [AGDER_TEAMS]
    assert not targets.known(bot.core.state)
