"""Exactly once: two passes at the same moment, a ledger that cannot be written, announcements retried."""

from __future__ import annotations

import asyncio
import io
import json
import logging
import os
import subprocess
import sys
from collections import Counter
from datetime import datetime
from pathlib import Path

import aiohttp
import pytest

from adapters.compose import build_core
from adapters.server import build_app
from adapters.terminal import TerminalSender
from bot.clock import FixedClock
from bot.core import Core
from bot.delivery.outbox import MAX_ATTEMPTS, PARTITION
from bot.messages import Announcement, ChannelAddress, Outcome
from bot.reminders.passes import deliver_announcements, ledger_fault, run_pass
from bot.shown.replies import make_reply
from tests.driver import make_bot, oslo
from tests.helpers import senders_for, serving
from tests.slack.harness import running

ROOT = Path(__file__).resolve().parents[1]
APP_YAML = ROOT / "app.yaml"
AT = datetime(2027, 2, 1, 9, 0)  # a Monday with much due: overdue signings, the weekly overview


def _core(db: Path) -> Core:
    return build_core(config_path=str(APP_YAML), db_path=str(db), clock=FixedClock(AT))


def _run(coro):  # type: ignore[no-untyped-def]
    return asyncio.run(asyncio.wait_for(coro, 30))


def test_two_passes_at_the_same_moment_post_each_reminder_once(tmp_path: Path) -> None:
    """Two cores on one data folder, as two processes would be (each store holds its own flock)."""
    first, second = _core(tmp_path / "db"), _core(tmp_path / "db")
    out_first, out_second = io.StringIO(), io.StringIO()

    async def body() -> tuple[list[object], object]:
        async with running(first) as h:
            slack = h.senders["slack"]
            reports = await asyncio.gather(
                run_pass(core=first, senders={"slack": slack, "terminal": TerminalSender(out=out_first)}),
                run_pass(core=second, senders={"slack": slack, "terminal": TerminalSender(out=out_second)}),
            )
            again = await run_pass(core=second, senders={"slack": slack, "terminal": TerminalSender(out=out_second)})
            return [*reports, again], h.standin.calls_to("chat.postMessage")

    try:
        (a, b, again), posts = _run(body())
    finally:
        first.store.close()
        second.store.close()
    assert sorted([a.skipped, b.skipped]) == [False, True]  # the second one found the lease taken
    assert again.sent == 0 and again.messages == 0
    ran = a if not a.skipped else b
    slack_channels = Counter(p.body["channel"] for p in posts)
    assert slack_channels and max(slack_channels.values()) == 1  # at the Slack stand-in: once per channel
    agder = next(p for p in posts if p.body["channel"] == "C0AGDER")
    assert "<@U0KARI>" in json.dumps(agder.body["blocks"], ensure_ascii=False)  # the coordinator is mentioned
    terminal = out_first.getvalue() + out_second.getvalue()
    printed = Counter(line.split("]")[0] for line in terminal.splitlines() if line.startswith("[#"))
    assert printed and max(printed.values()) == 1  # in the terminal: once per channel
    assert len(ran.ids) == len(set(ran.ids))
    assert ran.messages == len(slack_channels) + len(printed)


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX processes")
def test_two_tick_processes_started_together_print_what_one_prints(tmp_path: Path) -> None:
    env = {**os.environ, "SAMHANDLING_CONFIG": str(APP_YAML), "PYTHONPATH": str(ROOT)}
    for name in ("SLACK_BOT_TOKEN", "MICROSOFT_APP_ID"):
        env.pop(name, None)
    command = [sys.executable, "-m", "bot", "tick", "--now", AT.isoformat()]

    def start(db: Path) -> subprocess.Popen[str]:
        return subprocess.Popen(
            command, cwd=ROOT, env={**env, "SAMHANDLING_DB": str(db)}, stdout=subprocess.PIPE, text=True
        )

    alone = start(tmp_path / "alone").communicate(timeout=60)[0]
    together = [start(tmp_path / "shared"), start(tmp_path / "shared")]
    outputs = [process.communicate(timeout=60)[0] for process in together]

    def digests(text: str) -> Counter[str]:
        return Counter(line.split("]")[0] for line in text.splitlines() if line.startswith("[#"))

    one = digests(alone)
    both = digests(outputs[0]) + digests(outputs[1])
    assert one and both == one


def test_a_failing_ledger_write_stops_the_pass_reports_it_and_never_posts_twice(caplog) -> None:  # type: ignore[no-untyped-def]
    bot = make_bot(at=oslo(2027, 2, 1, 9))
    senders = senders_for(bot)
    state = bot.core.state
    real = state.record_sent_many
    broken = {"on": True}

    def record_sent_many(**kwargs):  # type: ignore[no-untyped-def]
        if broken["on"]:
            raise OSError(28, "No space left on device")
        return real(**kwargs)

    state.record_sent_many = record_sent_many  # type: ignore[method-assign]
    with caplog.at_level(logging.ERROR, logger="bot.reminders.passes"):
        report = asyncio.run(run_pass(core=bot.core, senders=senders))
    posts = [(s.platform, channel) for s in senders.values() for _, channel, _ in s.posts]
    # The pass writes each partition's ledger once, after its posts (bot.reminders.ledger): every digest went out
    # and what it posted is in the store as intents, never only in memory.
    assert report.ledger_failed and report.messages == len(posts) >= 1
    assert len([r for r in caplog.records if r.levelno >= logging.ERROR]) == 1
    assert "No space left" in (ledger_fault(bot.core) or "")
    assert _health(bot.core) == 503
    # The disk is still full: the next pass posts nothing at all.
    again = asyncio.run(run_pass(core=bot.core, senders=senders))
    assert again.ledger_failed and len([1 for s in senders.values() for _ in s.posts]) == len(posts)
    # Space again: what was posted is written first, and never posted a second time.
    broken["on"] = False
    resumed = asyncio.run(run_pass(core=bot.core, senders=senders))
    assert not resumed.ledger_failed and ledger_fault(bot.core) is None and _health(bot.core) == 200
    after = [(s.platform, channel) for s in senders.values() for _, channel, _ in s.posts]
    assert all(Counter(after)[post] == 1 for post in posts)
    assert resumed.messages == len(after) - len(posts)


def test_a_ledger_write_that_failed_after_posting_is_not_posted_again_by_a_restarted_process(
    tmp_path: Path,
) -> None:
    """The disk fills after the posts, before their ledger: the process is restarted once there is room.
    What was posted is known from the store (the pass's intents), not from the dead process's memory."""
    from storage.tinydb_store import TinyDBStore

    first = make_bot(at=oslo(2027, 2, 1, 9), store=TinyDBStore(tmp_path / "db"))
    senders = senders_for(first)

    def disk_full(**kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    first.core.state.record_sent_many = disk_full  # type: ignore[method-assign]
    report = asyncio.run(run_pass(core=first.core, senders=senders))
    posts = Counter((s.platform, channel) for s in senders.values() for _, channel, _ in s.posts)
    assert report.ledger_failed and posts and set(posts.values()) == {1}
    first.core.store.close()  # the process is stopped; the disk freed; started again
    back = make_bot(at=oslo(2027, 2, 1, 9, 5), store=TinyDBStore(tmp_path / "db"))
    for sender in senders.values():
        sender.bot = back
    resumed = asyncio.run(run_pass(core=back.core, senders=senders))
    assert not resumed.ledger_failed and ledger_fault(back.core) is None
    after = Counter((s.platform, channel) for s in senders.values() for _, channel, _ in s.posts)
    assert after == posts  # nothing posted a second time
    asyncio.run(run_pass(core=back.core, senders=senders))
    assert Counter((s.platform, channel) for s in senders.values() for _, channel, _ in s.posts) == posts


def _health(core: Core) -> int:
    async def body() -> int:
        app = build_app(core=core, environ={}, mounts=(), scheduler=False)
        async with serving(app) as url, aiohttp.ClientSession() as session, session.get(f"{url}/healthz") as r:
            return r.status

    return _run(body())


def test_an_announcement_that_fails_is_kept_retried_and_at_last_told_to_the_admin() -> None:
    bot = make_bot(at=oslo(2027, 1, 12, 9))
    senders = senders_for(bot)
    senders["slack"].fail = {"C0GONE"}
    reply = make_reply(title="Signert for Agder fylkeskommune", lead="Agder har signert.")
    outcome = Outcome(
        reply=reply,
        announcements=(
            Announcement(to=ChannelAddress("slack", "C0GONE"), reply=reply),
            Announcement(to=ChannelAddress("slack", "C0AGDER"), reply=reply),
        ),
    )
    asyncio.run(deliver_announcements(outcome, senders=senders, core=bot.core))
    assert [c for _, c, _ in senders["slack"].posts] == ["C0AGDER"]
    assert next(iter(bot.tables(PARTITION)["pending"].values()))["channel"] == "C0GONE"
    # Back: the next pass delivers it, once.
    senders["slack"].fail = set()
    asyncio.run(run_pass(core=bot.core, senders=senders))
    assert [c for _, c, _ in senders["slack"].posts].count("C0GONE") == 1
    assert bot.tables(PARTITION)["pending"] == {}
    asyncio.run(run_pass(core=bot.core, senders=senders))
    assert [c for _, c, _ in senders["slack"].posts].count("C0GONE") == 1
    # A channel that never takes it: given up after MAX_ATTEMPTS, in `logg`, and said to the admins.
    senders["slack"].fail = {"C0GONE"}
    asyncio.run(deliver_announcements(outcome, senders=senders, core=bot.core))
    for _ in range(MAX_ATTEMPTS):
        asyncio.run(run_pass(core=bot.core, senders=senders))
    assert bot.tables(PARTITION)["pending"] == {}
    log = bot.say("logg", as_="aud", channel="nasjonal").text
    assert "kom ikke fram til slack-kanal C0GONE" in log
    told = [r for _, c, r in senders["slack"].posts if c == "C0NASJONAL" and "ikke kom fram" in r.title]
    assert len(told) == 1 and [m.person for m in told[0].mentions] == ["admin"]


def test_a_sign_again_notice_that_mentions_people_is_kept_and_retried() -> None:
    """A new text version tells the earlier signers, by mention, to sign again; the notice enters the
    durable outbox like any other (a mention's ids once made it unstorable, so it got one try)."""
    from tests.test_agreement import ready, register_text, sign

    bot = make_bot(at=oslo(2027, 1, 12, 9))
    ready(bot)
    sign(bot, "agder")
    bot.set_time(2027, 1, 13, 9)
    register_text(bot, year=2027, version=2)
    outcome = bot.last
    assert any(a.reply.mentions for a in outcome.announcements)
    senders = senders_for(bot)
    senders["slack"].fail = {"C0SIVA"}
    asyncio.run(deliver_announcements(outcome, senders=senders, core=bot.core))
    [kept] = bot.tables(PARTITION)["pending"].values()
    assert kept["channel"] == "C0SIVA" and {m["person"] for m in kept["reply"]["mentions"]} == {"kari"}
    senders["slack"].fail = set()
    asyncio.run(run_pass(core=bot.core, senders=senders))
    [retried] = [r for _, c, r in senders["slack"].posts if c == "C0SIVA" and "endret" in r.title]
    assert [m.person for m in retried.mentions] == ["kari"] and retried.mentions[0].ids
    assert bot.tables(PARTITION)["pending"] == {}
