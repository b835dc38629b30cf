"""Teams over real HTTP against the local connector stand-in: a channel without a conversation reference or
one that answers 403 is marked unreachable once and cleared when the bot is added; and the crash window
between a post and its record, which Teams cannot look up, never posts twice and says so
(docs/architecture.md, "Teams cannot look a post up")."""

from __future__ import annotations

import socket
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import datetime
from typing import Any

import pytest

from adapters.compose import make_core
from bot.core import Core
from bot.delivery import targets
from bot.delivery.sending import SendFailed, SendTimedOut
from bot.messages import Reply, Request
from bot.reminders import ledger as pass_ledger
from bot.reminders.passes import run_pass
from tests.teams.harness import BotServer, ConnectorStandIn, load_activity
from tests.teams.test_teams_real_core import _core

IN = "19:in@thread.tacv2"
AGDER = "19:agder@thread.tacv2"
NATIONAL = "19:nasjonal@thread.tacv2"
ADMIN = "11111111-0000-0000-0000-000000000009"
AUTUMN = datetime(2026, 11, 2, 9, 0)
"""The national autumn meeting's reminder is due in every channel."""


def _added(channel: str, *, service_url: str) -> dict[str, Any]:
    """The bot added to the team whose General channel is `channel`."""
    activity = load_activity("conversation_update_bot_added", service_url=service_url)
    activity["conversation"] = dict(activity["conversation"], id=channel)
    activity["channelData"] = dict(activity["channelData"], team=dict(activity["channelData"]["team"], id=channel))
    return activity


@asynccontextmanager
async def _teams(core: Core, *added: str) -> AsyncIterator[tuple[ConnectorStandIn, BotServer]]:
    """The connector stand-in and the bot's Teams route, the bot added to the teams of `added` first."""
    connector = await ConnectorStandIn().start()
    server = await BotServer(core=core).start()
    try:
        for channel in added:
            await server.post(_added(channel, service_url=connector.url))
        yield connector, server
    finally:
        await server.stop()
        await connector.stop()


def _restarted(core: Core) -> Core:
    """A new process on the same store (what it knew in memory is gone)."""
    return make_core(config=core.config, store=core.store, clock=core.clock)


def test_a_channel_without_a_reference_is_marked_once_and_cleared_when_the_bot_is_added(run) -> None:
    core = _core()

    async def body() -> None:
        async with _teams(core, NATIONAL, AGDER) as (connector, server):
            core.clock.set(AUTUMN)
            senders = {"teams": server.runtime.sender}
            first = await run_pass(core=core, senders=senders)
            assert {p.conversation_id for p in connector.accepted if p.card} >= {NATIONAL, AGDER}
            assert [m.to.channel_id for m in targets.known(core.state)] == [IN]
            assert any(IN in line for line in core.unreachable())
            core.clock.set(AUTUMN.replace(hour=10))
            held = await run_pass(core=core, senders=senders)
            assert held.held and not held.failed and first.sent
            overview = core.handle(Request(platform="teams", user_id=ADMIN, channel_id=NATIONAL, text="oversikt"))
            assert f"Teams-kanal {IN}" in overview.reply.text and "Legg boten til" in overview.reply.text
            # Someone adds the bot to IN's team: the reference arrives, the mark goes, the next pass posts.
            connector.accepted.clear()
            await server.post(_added(IN, service_url=connector.url))
            assert not targets.known(core.state) and not core.unreachable()
            core.clock.set(AUTUMN.replace(hour=11))
            after = await run_pass(core=core, senders=senders)
            assert after.sent and IN in {p.conversation_id for p in connector.accepted if p.card}

    run(body())


def test_a_channel_that_answers_403_is_marked_forbidden_not_retried_and_cleared_when_the_bot_is_added_again(
    run,
) -> None:
    core = _core()

    async def body() -> None:
        async with _teams(core, AGDER) as (connector, server):
            core.clock.set(AUTUMN)
            connector.accepted.clear()
            connector.fail_with = [403]  # the bot was removed from the team without Teams telling us
            await run_pass(core=core, senders={"teams": server.runtime.sender})
            assert connector.rejected == [403]  # not retried: 403 is no throttle
            marks = {m.to.channel_id: m for m in targets.known(core.state)}
            assert marks[AGDER].kind == targets.FORBIDDEN
            core.clock.set(AUTUMN.replace(hour=12))
            await run_pass(core=core, senders={"teams": server.runtime.sender})
            assert connector.rejected == [403] and AGDER not in {p.conversation_id for p in connector.accepted}
            # Added to the team again: the reference is the same, and the mark goes all the same.
            await server.post(_added(AGDER, service_url=connector.url))
            assert AGDER not in {m.to.channel_id for m in targets.known(core.state)}

    run(body())


def test_a_crash_between_a_teams_post_and_its_record_never_posts_twice_and_says_so(
    run, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The connector accepted the digests; the process died before the ledger was written. Teams cannot be
    asked whether they went, so the next process records them as maybe posted (not as surely sent), posts
    none again, and says so on /healthz."""
    core = _core()
    real_settle = pass_ledger.settle

    def killed(*args: object, **kwargs: object) -> None:
        raise SystemExit("killed between the posts and the ledger")

    async def body() -> None:
        connector = await ConnectorStandIn().start()
        server = await BotServer(core=core).start()
        try:
            for channel in (NATIONAL, AGDER):
                await server.post(_added(channel, service_url=connector.url))
            core.clock.set(AUTUMN)
            connector.accepted.clear()
            monkeypatch.setattr(pass_ledger, "settle", killed)
            with pytest.raises(SystemExit):
                await run_pass(core=core, senders={"teams": server.runtime.sender})
            monkeypatch.setattr(pass_ledger, "settle", real_settle)
        finally:
            await server.stop()
        posted = [p.conversation_id for p in connector.accepted if p.card]
        assert sorted(posted) == [AGDER, NATIONAL]
        back = _restarted(core)
        server = await BotServer(core=back).start()
        try:
            await run_pass(core=back, senders={"teams": server.runtime.sender})
            core.clock.set(AUTUMN.replace(hour=10))
            await run_pass(core=back, senders={"teams": server.runtime.sender})
        finally:
            await server.stop()
            await connector.stop()
        assert sorted(p.conversation_id for p in connector.accepted if p.card) == sorted(posted)  # none twice
        said = [line for line in back.undelivered() if "may have been posted" in line]
        assert {line.split()[0] for line in said} == {f"teams:{AGDER}", f"teams:{NATIONAL}"}
        entries = [
            entry
            for partition in back.store.partitions()
            for entry in back.state.ledger(partition).values()
            if entry.get("platform") == "teams" and entry.get("channel") in (AGDER, NATIONAL)
        ]
        assert entries and all("uncertain" in entry for entry in entries)  # maybe posted, not claimed sent

    run(body())


def test_a_teams_post_whose_answer_is_lost_is_not_retried_blindly_and_is_recorded_as_maybe_posted(run) -> None:
    """The connector took the digests and the connection dropped before its answer: no retry (it would
    post them twice); the next pass cannot ask Teams, so it records them as maybe posted and posts none."""
    core = _core()

    async def body() -> None:
        async with _teams(core, NATIONAL, AGDER) as (connector, server):
            core.clock.set(AUTUMN)
            connector.accepted.clear()
            connector.drop = 2
            lost = await run_pass(core=core, senders={"teams": server.runtime.sender})
            assert lost.failed and not connector.drop
            posted = sorted(p.conversation_id for p in connector.accepted if p.card)
            assert posted == [AGDER, NATIONAL]
            core.clock.set(AUTUMN.replace(hour=10))
            await run_pass(core=core, senders={"teams": server.runtime.sender})
            assert sorted(p.conversation_id for p in connector.accepted if p.card) == posted  # none twice
        said = [line for line in core.undelivered() if "may have been posted" in line]
        assert {line.split()[0] for line in said} == {f"teams:{AGDER}", f"teams:{NATIONAL}"}

    run(body())


def test_a_teams_post_that_never_connected_is_tried_again(run) -> None:
    """No connection at all (the connector's address refuses): nothing can have been posted, so the
    sender's retries go on as ever, and the post stays due (`SendFailed`, not a lost answer)."""
    core = _core()
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        closed = f"http://127.0.0.1:{probe.getsockname()[1]}"

    async def body() -> None:
        server = await BotServer(core=core).start()
        try:
            await server.post(_added(AGDER, service_url=closed))
            server.sleeps.delays.clear()
            with pytest.raises(SendFailed) as failed:
                await server.runtime.sender.send(channel_id=AGDER, reply=Reply(title="Test", text="Test"))
            assert not isinstance(failed.value, SendTimedOut)
            assert len(server.sleeps.delays) == server.runtime.retry.attempts - 1
        finally:
            await server.stop()

    run(body())
