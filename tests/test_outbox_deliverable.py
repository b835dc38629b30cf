"""The outbox keeps only what can still be delivered, and says once what cannot (issue 21).

A Teams channel the bot was never added to has no stored conversation reference, so no process can post
there (`bot.delivery.targets.why_not`, the one rule): an announcement to it is not kept as a row, the
channel is said once (one warning line, a mark on /healthz and `oversikt`), and a pass plans no digest for
it. Once the reference arrives, the next announcement is kept and posted, and the next pass posts the
channel's reminders. What can be delivered is never lost on the way."""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path

import pytest

from bot.delivery import targets
from bot.delivery.outbox import PENDING, pending
from bot.reminders.ledger import PARTITION as INTENTS
from bot.reminders.passes import PassReport, run_pass
from storage.tinydb_store import TinyDBStore
from tests.driver import BotDriver, make_bot, oslo, store_references
from tests.helpers import FakeSender
from tests.test_delivery import AT, _posted, _ready, _senders

AGDER_TEAMS = "19:agder@thread.tacv2"
CYCLE = "cycle/agder/2027"


def _sign(bot: BotDriver, *, user: str, channel: str, senders: dict[str, FakeSender]) -> None:
    """A signature over Slack, its announcements posted after the reply as the Slack adapter does."""
    assert bot.say("signer agder 2027", as_=user, channel=channel, platform="slack").ok
    asyncio.run(bot.core.deliver(bot.last, senders=senders))


def _to_agder_teams(bot: BotDriver) -> bool:
    return any(a.to.channel_id == AGDER_TEAMS for a in bot.last.announcements)


def _said(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING and AGDER_TEAMS in r.getMessage()]


def _teams_posts(senders: dict[str, FakeSender]) -> list[str]:
    return [channel for _, channel, _ in senders["teams"].posts]


def _added_to_agder_teams(bot: BotDriver) -> None:
    """The bot is added to Agder's Teams channel: the adapter stores the reference and tells the core."""
    store_references(bot.core.store, channels=(AGDER_TEAMS,))
    bot.core.reachable(platform="teams", channel_id=AGDER_TEAMS)


def test_a_teams_channel_without_a_reference_gets_no_row_is_said_once_and_is_kept_once_the_bot_is_added(
    caplog: pytest.LogCaptureFixture,
) -> None:
    bot = make_bot(at=AT, in_teams=False)
    _ready(bot)
    senders = _senders(bot)
    with caplog.at_level(logging.INFO):
        _sign(bot, user="U0KARI", channel="C0AGDER", senders=senders)
        assert _to_agder_teams(bot)  # announced, but not kept: no process could post it
        assert AGDER_TEAMS not in {q.announcement.to.channel_id for q in bot.last.queued}
        assert not senders["slack"].posts  # nothing to post: the asker's channel had the reply
        _sign(bot, user="U0OLA", channel="C0IN", senders=senders)
        assert _to_agder_teams(bot) and bot.last.queued  # Agder's Slack channel's row is kept
        assert AGDER_TEAMS not in {q.announcement.to.channel_id for q in bot.last.queued}
    rows = bot.tables(CYCLE).get(PENDING, {})
    assert all(doc["channel"] != AGDER_TEAMS for doc in rows.values()) and not pending(bot.core.store, CYCLE)
    said = _said(caplog)
    assert len(said) == 1 and "cannot be reached" in said[0] and "add the bot there" in said[0]
    assert not _teams_posts(senders)
    # Where an admin looks: /healthz and `oversikt`, in Norwegian, with what to do.
    assert any(AGDER_TEAMS in line for line in bot.core.unreachable())
    overview = bot.say("oversikt", as_="admin").text
    assert f"Teams-kanal {AGDER_TEAMS}" in overview and "Legg boten til" in overview

    _added_to_agder_teams(bot)
    assert not bot.core.unreachable()
    _sign(bot, user="U0SIRI", channel="C0SIVA", senders=senders)
    assert AGDER_TEAMS in {q.announcement.to.channel_id for q in bot.last.queued}
    assert _teams_posts(senders) == [AGDER_TEAMS]  # kept with the change, and posted
    assert not pending(bot.core.store, CYCLE)


def test_a_row_kept_before_the_reference_went_is_dropped_by_the_next_pass_and_said_once(
    caplog: pytest.LogCaptureFixture,
) -> None:
    bot = make_bot(at=AT)  # the bot is in every Teams channel
    _ready(bot)
    _sign(bot, user="U0KARI", channel="C0AGDER", senders={"slack": _senders(bot)["slack"]})  # a Slack-only process
    assert any(doc["channel"] == AGDER_TEAMS for doc in pending(bot.core.store, CYCLE).values())
    partition, table = targets.REFERENCES["teams"]
    with bot.core.store.update(partition) as tables:  # removed from the team (the adapter forgets it)
        tables[table].pop(AGDER_TEAMS)
    bot.set_time(2027, 1, 14, 10, 5)  # past the row's grace; a Slack-only pass
    with caplog.at_level(logging.INFO):
        asyncio.run(run_pass(core=bot.core, senders={"slack": _senders(bot)["slack"]}))
    assert all(doc["channel"] != AGDER_TEAMS for doc in pending(bot.core.store, CYCLE).values())
    assert len(_said(caplog)) >= 1 and any(AGDER_TEAMS in line for line in bot.core.unreachable())
    with caplog.at_level(logging.INFO):
        caplog.clear()
        _sign(bot, user="U0OLA", channel="C0IN", senders=_senders(bot))
    assert not _said(caplog)  # marked already: nothing said again


def _due_bot(*, in_teams: bool) -> BotDriver:
    """15 January 2027, 09:00: a signing reminder is due in Agder's channels, Teams' among them."""
    bot = make_bot(at=oslo(2027, 1, 5, 9), in_teams=in_teams)
    _ready(bot)
    bot.set_time(2027, 1, 15, 9)
    return bot


def _pass(bot: BotDriver, senders: dict[str, FakeSender]) -> PassReport:
    return asyncio.run(run_pass(core=bot.core, senders=senders))


def test_a_pass_plans_no_digest_for_a_teams_channel_without_a_reference_and_posts_it_once_the_bot_is_added(
    caplog: pytest.LogCaptureFixture,
) -> None:
    bot = _due_bot(in_teams=False)
    senders = _senders(bot)
    with caplog.at_level(logging.INFO):
        first = _pass(bot, senders)
        bot.set_time(2027, 1, 15, 10)
        again = _pass(bot, senders)
    assert first.sent and first.held and again.held and not first.failed
    assert AGDER_TEAMS not in _teams_posts(senders)  # never tried: no sender was asked
    intents = bot.tables(INTENTS).get("posting", {})
    assert all(doc.get("channel") != AGDER_TEAMS for doc in intents.values())
    assert len(_said(caplog)) == 1
    _added_to_agder_teams(bot)
    bot.set_time(2027, 1, 15, 11)
    _pass(bot, senders)
    assert AGDER_TEAMS in _teams_posts(senders)


def test_two_processes_on_one_store_slack_keeps_what_teams_can_post_once_teams_stored_the_reference(
    tmp_path: Path,
) -> None:
    """A Slack process and a Teams process on one folder: the Slack one reads the references the Teams one
    stored, so it keeps an announcement to a Teams channel exactly when some process can post it."""
    folder = tmp_path / "db"
    slack = make_bot(at=AT, store=TinyDBStore(folder), in_teams=False)
    teams = make_bot(at=AT, store=TinyDBStore(folder), in_teams=False)
    _ready(slack)
    only_slack = {"slack": _senders(slack)["slack"]}
    _sign(slack, user="U0KARI", channel="C0AGDER", senders=only_slack)
    assert AGDER_TEAMS not in {doc["channel"] for doc in pending(slack.core.store, CYCLE).values()}
    _added_to_agder_teams(teams)  # the Teams process is added to the channel
    _sign(slack, user="U0OLA", channel="C0IN", senders=only_slack)
    kept = [key for key, doc in pending(slack.core.store, CYCLE).items() if doc["channel"] == AGDER_TEAMS]
    assert len(kept) == 1
    teams_senders = {"teams": _senders(teams)["teams"]}
    teams.set_time(2027, 1, 14, 10, 5)  # past the row's grace: the Teams process's pass posts it
    asyncio.run(run_pass(core=teams.core, senders=teams_senders))
    assert _posted(teams_senders) == {("teams", AGDER_TEAMS): 1}  # the signature's announcement, once
    assert not set(pending(teams.core.store, CYCLE)) & set(kept)


def test_a_reference_that_arrived_while_its_mark_could_not_be_cleared_gets_the_reminders_at_the_next_pass() -> None:
    """The last stop's leftover: the Teams adapter stored the reference, but the write that clears the mark
    (`reachable`) failed. The mark held the channel's reminders for up to 23 hours (`RECHECK`); whether a
    reference is stored decides now, so the next pass posts them, and the post clears the mark."""
    bot = _due_bot(in_teams=False)
    senders = _senders(bot)
    first = _pass(bot, senders)
    assert first.held and AGDER_TEAMS not in _teams_posts(senders)
    assert any(mark.to.channel_id == AGDER_TEAMS for mark in targets.known(bot.core.state))
    store_references(bot.core.store, channels=(AGDER_TEAMS,))  # stored; `reachable` never ran
    bot.set_time(2027, 1, 15, 10)
    _pass(bot, senders)
    assert AGDER_TEAMS in _teams_posts(senders)
    assert not any(mark.to.channel_id == AGDER_TEAMS for mark in targets.known(bot.core.state))
