"""Announcements are durable before anyone is told, and posted exactly once through a crash (issue 19)."""

from __future__ import annotations

import asyncio
import logging
from collections import Counter
from datetime import timedelta
from pathlib import Path

import pytest

from adapters.compose import make_core
from bot.clock import FixedClock
from bot.delivery.notes import undelivered
from bot.delivery.outbox import GRACE, PENDING, pending
from bot.delivery.sending import Undeliverable
from bot.messages import Outcome
from bot.model.config import load_config
from bot.reminders import lease as pass_lease
from bot.reminders import passes as reminders
from bot.reminders.passes import run_pass
from storage.base import Store
from storage.tinydb_store import TinyDBStore
from tests.driver import DEMO_CONFIG, BotDriver, add_to_teams, oslo, text_command
from tests.helpers import FakeSender

AT = oslo(2027, 1, 14, 10)
PARTIES = (("U0OLA", "C0IN"), ("U0SIRI", "C0SIVA"), ("U0NILS", "C0NFR"), ("U0RITA", "C0RFF"))


def _bot(store: Store) -> BotDriver:
    clock = FixedClock(AT)
    core = make_core(config=load_config(DEMO_CONFIG), store=store, clock=clock)
    add_to_teams(core)  # the bot was added to the Teams channels: announcements to them are kept
    return BotDriver(core=core, clock=clock)


def _ready(bot: BotDriver) -> None:
    """Agder's agreement 2027 ready to sign, made in the terminal (which announces nothing)."""
    for who, channel, text in (
        ("kari", "agder", text_command(year=2027)),
        ("aud", "nasjonal", "forutsetning statsbudsjett"),
        ("kari", "agder", "forutsetning budsjett"),
        *(
            (user, ch, "forutsetning tildelingsbrev")
            for user, ch in (("ola", "in"), ("siri", "siva"), ("nils", "nfr"), ("rita", "rff"))
        ),
        ("aud", "nasjonal", "referat høst 2026 Høstmøtet holdt"),
        ("kari", "agder", "referat høst 2026 Forslag til ny avtale"),
        ("kari", "agder", "referat draft-political Vedtatt i fylkestinget."),
    ):
        assert bot.say(text, as_=who, channel=channel).ok


def _sign_all_but_last(bot: BotDriver) -> None:
    """Each signature's one-line announcement to the region's other channels (walk 4, M5) is delivered as the
    adapter does after its reply, so what the last signature queues stands alone in the outbox."""
    assert bot.say("signer agder 2027", as_="U0KARI", channel="C0AGDER", platform="slack").ok
    asyncio.run(bot.core.deliver(bot.last, senders=_senders(bot)))
    for user, channel in PARTIES[:-1]:
        assert bot.say("signer agder 2027", as_=user, channel=channel, platform="slack").ok
        asyncio.run(bot.core.deliver(bot.last, senders=_senders(bot)))


def _last_signature(store: Store) -> BotDriver:
    """Agder's agreement 2027 signed by every party, the last one over Slack; its outcome is `bot.last`."""
    bot = _bot(store)
    _ready(bot)
    _sign_all_but_last(bot)
    user, channel = PARTIES[-1]
    bot.say("signer agder 2027", as_=user, channel=channel, platform="slack")
    return bot


class _Counting:
    """Counts the store's durable writes (each `update` is one replace, or one transaction)."""

    def __init__(self, store: Store) -> None:
        self.writes: list[str] = []
        real = store.update

        def update(partition: str):  # type: ignore[no-untyped-def]
            self.writes.append(partition)
            return real(partition)

        store.update = update  # type: ignore[method-assign]


def _senders(bot: BotDriver) -> dict[str, FakeSender]:
    return {platform: FakeSender(platform=platform, bot=bot) for platform in ("slack", "teams")}


def _posted(senders: dict[str, FakeSender]) -> Counter[tuple[str, str]]:
    return Counter(
        (s.platform, channel)
        for s in senders.values()
        for _, channel, reply in s.posts
        if "signert" in reply.title.lower() or "signert" in reply.text.lower()
    )


def test_the_last_signature_and_its_announcements_are_one_write_before_the_reply(tmp_path: Path) -> None:
    bot = _bot(TinyDBStore(tmp_path / "db"))
    _ready(bot)
    _sign_all_but_last(bot)
    counting = _Counting(bot.core.store)
    user, channel = PARTIES[-1]
    bot.say("signer agder 2027", as_=user, channel=channel, platform="slack")
    outcome = bot.last
    assert outcome.reply.ok and outcome.announcements and outcome.queued
    assert counting.writes == ["cycle/agder/2027"]  # the change and every announcement: one durable replace
    rows = bot.tables("cycle/agder/2027")[PENDING]
    assert {(d["platform"], d["channel"]) for d in rows.values()} == {
        (q.announcement.to.platform, q.announcement.to.channel_id) for q in outcome.queued
    }
    assert ("slack", channel) not in {(d["platform"], d["channel"]) for d in rows.values()}  # it got the reply
    senders = _senders(bot)
    asyncio.run(bot.core.deliver(outcome, senders=senders))
    # what became of the posts is noted beside the partition, not a second durable replace (issue 21)
    assert counting.writes == ["cycle/agder/2027"]
    assert pending(bot.core.store, "cycle/agder/2027") == {}
    assert set(_posted(senders).values()) == {1} and len(_posted(senders)) == len(outcome.queued)


def test_a_crash_right_after_the_reply_posts_each_announcement_once_when_the_process_is_back(tmp_path: Path) -> None:
    """The process dies after Slack was answered, before any post (only Agder heard, once twice)."""
    first = _last_signature(TinyDBStore(tmp_path / "db"))
    queued = first.last.queued
    assert len(queued) >= 5  # Agder, the actors, AU, in Slack and Teams
    first.core.store.close()  # killed: nothing delivered, nothing settled
    back = _bot(TinyDBStore(tmp_path / "db"))
    senders = _senders(back)
    early = asyncio.run(run_pass(core=back.core, senders=senders))
    assert not _posted(senders) and early.retry_in is not None and early.retry_in <= GRACE.total_seconds()
    back.clock.set(AT + GRACE + timedelta(seconds=1))  # the scheduler looks again when the grace ends
    asyncio.run(run_pass(core=back.core, senders=senders))
    asyncio.run(run_pass(core=back.core, senders=senders))
    assert len(_posted(senders)) == len(queued) and set(_posted(senders).values()) == {1}


ORIGINS = {
    # the last signer and the channel they sign in, per platform: Ola signs IN's share last
    "slack": ("U0OLA", "C0IN"),
    "teams": ("11111111-0000-0000-0000-000000000003", "19:in@thread.tacv2"),
}


@pytest.mark.parametrize("origin", sorted(ORIGINS))
def test_an_announcement_from_either_platform_goes_out_once_after_a_crash_between_reply_and_post(
    tmp_path: Path, origin: str
) -> None:
    """Whichever platform the last signature came from, the process dies after the reply, before any post:
    each announcement (to Slack's and to Teams' channels) goes out exactly once when it is back."""
    first = _bot(TinyDBStore(tmp_path / "db"))
    _ready(first)
    assert first.say("signer agder 2027", as_="U0KARI", channel="C0AGDER", platform="slack").ok
    asyncio.run(first.core.deliver(first.last, senders=_senders(first)))  # as the adapter does (walk 4, M5)
    for user, channel in PARTIES[1:]:
        assert first.say("signer agder 2027", as_=user, channel=channel, platform="slack").ok
        asyncio.run(first.core.deliver(first.last, senders=_senders(first)))
    user, channel = ORIGINS[origin]
    reply = first.say("signer agder 2027", as_=user, channel=channel, platform=origin)
    assert reply.ok and "signert" in (reply.title + reply.text).lower()
    queued = {(q.announcement.to.platform, q.announcement.to.channel_id) for q in first.last.queued}
    assert {"slack", "teams"} <= {platform for platform, _ in queued}
    assert (origin, channel) not in queued  # the asker's channel got the reply
    first.core.store.close()  # killed after the reply: nothing posted, nothing settled
    back = _bot(TinyDBStore(tmp_path / "db"))
    back.clock.set(AT + GRACE + timedelta(seconds=1))
    senders = _senders(back)
    for _ in range(3):
        asyncio.run(run_pass(core=back.core, senders=senders))
    assert set(_posted(senders)) == queued and set(_posted(senders).values()) == {1}
    assert pending(back.core.store, "cycle/agder/2027") == {}


def test_a_crash_between_the_posts_and_their_record_posts_none_twice(tmp_path: Path) -> None:
    """Killed after posting, before writing what was posted: Slack finds each by its key, not posted again."""
    first = _last_signature(TinyDBStore(tmp_path / "db"))
    senders = _senders(first)
    senders["teams"].looks_up = False  # as Teams: marked before the post, so a row never tried is known

    def killed(*args: object, **kwargs: object) -> list[object]:
        raise SystemExit("killed")

    import bot.delivery.announcements

    module = bot.delivery.announcements
    real = module.settle, module.settle_sent_at_once
    module.settle = module.settle_sent_at_once = killed  # type: ignore[assignment]  # either way of recording
    try:
        with pytest.raises(SystemExit):
            asyncio.run(first.core.deliver(first.last, senders=senders))
    finally:
        module.settle, module.settle_sent_at_once = real
    once = _posted(senders)
    back = _bot(TinyDBStore(tmp_path / "db"))
    back.clock.set(AT + GRACE + timedelta(seconds=1))
    for sender in senders.values():
        sender.bot = back
    asyncio.run(run_pass(core=back.core, senders=senders))
    assert _posted(senders) == once and set(once.values()) == {1}
    assert pending(back.core.store, "cycle/agder/2027") == {}
    assert any("may already be posted" in line for line in undelivered(back.core))  # Teams: said once


def test_a_channel_that_cannot_take_it_leaves_the_outbox_and_is_said_once(caplog: pytest.LogCaptureFixture) -> None:
    from storage.memory import MemoryStore

    bot = _last_signature(MemoryStore())
    senders = _senders(bot)

    async def no_reference(**kwargs: object) -> None:
        raise Undeliverable("no Teams conversation reference for 19:in@thread.tacv2; add the bot there")

    senders["teams"].send = no_reference  # type: ignore[method-assign]
    with caplog.at_level(logging.ERROR, logger="bot.delivery.outbox"):
        asyncio.run(bot.core.deliver(bot.last, senders=senders))
        bot.clock.set(AT + timedelta(hours=1))
        asyncio.run(run_pass(core=bot.core, senders=senders))
    teams_rows = [q for q in bot.last.queued if q.announcement.to.platform == "teams"]
    assert teams_rows and pending(bot.core.store, "cycle/agder/2027") == {}
    said = [r for r in caplog.records if r.name == "bot.delivery.outbox" and "cannot be delivered" in r.getMessage()]
    assert len(said) == len(teams_rows)  # once each, not once per pass
    assert len(undelivered(bot.core)) == len(teams_rows)


def test_announcements_that_mention_people_enter_the_outbox() -> None:
    """`cannot pickle 'mappingproxy'`: announcements with mentions never reached the outbox."""
    from dataclasses import replace
    from types import MappingProxyType

    from bot.delivery.outbox import PARTITION, reply_from_doc
    from bot.messages import Announcement, ChannelAddress, Mention
    from bot.shown.replies import make_reply
    from storage.memory import MemoryStore

    bot = _bot(MemoryStore())
    reply = replace(
        make_reply(title="Signert", lead="Alle har signert."),
        mentions=(Mention(person="kari", name="Kari Nordmann", ids=MappingProxyType({"slack": "U0KARI"})),),
    )
    outcome = Outcome(reply=reply, announcements=(Announcement(to=ChannelAddress("slack", "C0GONE"), reply=reply),))
    senders = _senders(bot)
    senders["slack"].fail = {"C0GONE"}
    asyncio.run(bot.core.deliver(outcome, senders=senders))
    (doc,) = bot.tables(PARTITION)[PENDING].values()
    assert reply_from_doc(doc["reply"]).mentions == reply.mentions


def test_a_skipped_pass_tries_again_when_the_lease_ends_and_a_pass_renews_not_per_message(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from storage.memory import MemoryStore

    store = MemoryStore()
    bot = _bot(store)
    bot.clock.set(oslo(2027, 2, 1, 9))
    assert store.try_lease(pass_lease.LEASE, holder="a dead replica", seconds=pass_lease.LEASE_SECONDS)
    skipped = asyncio.run(run_pass(core=bot.core, senders=_senders(bot)))
    assert skipped.skipped and skipped.retry_in == pass_lease.LEASE_SECONDS <= 60
    store.release_lease(pass_lease.LEASE, holder="a dead replica")
    takes: list[str] = []
    real = store.try_lease

    def try_lease(name: str, *, holder: str, seconds: float) -> bool:
        takes.append(holder)
        return real(name, holder=holder, seconds=seconds)

    monkeypatch.setattr(store, "try_lease", try_lease)
    report = asyncio.run(run_pass(core=bot.core, senders=_senders(bot)))
    assert report.messages > 3 and len(takes) == 1  # taken once; renewed only every RENEW_SECONDS


def test_a_pass_writes_its_intents_once_and_each_ledger_once(monkeypatch: pytest.MonkeyPatch) -> None:
    from storage.memory import MemoryStore

    store = MemoryStore()
    bot = _bot(store)
    bot.clock.set(oslo(2027, 2, 1, 9))
    counting = _Counting(store)
    report = asyncio.run(run_pass(core=bot.core, senders=_senders(bot)))
    per_partition = Counter(counting.writes)
    assert report.messages > 3 and per_partition.pop("reminder-pass") == 1  # what it is about to post, once
    assert set(per_partition.values()) == {1}  # each partition's ledger once, however many digests carry it
    assert len(counting.writes) <= 2 * report.messages


def test_a_store_that_cannot_be_written_posts_nothing_and_says_so_once(caplog: pytest.LogCaptureFixture) -> None:
    from storage.memory import MemoryStore

    store = MemoryStore()
    bot = _bot(store)
    bot.clock.set(oslo(2027, 2, 1, 9))
    real = store.update

    def full(partition: str):  # type: ignore[no-untyped-def]
        raise OSError(28, "No space left on device")

    store.update = full  # type: ignore[method-assign]
    senders = _senders(bot)
    with caplog.at_level(logging.ERROR, logger="bot.reminders.passes"):
        first = asyncio.run(run_pass(core=bot.core, senders=senders))
        again = asyncio.run(run_pass(core=bot.core, senders=senders))
    assert first.ledger_failed and again.ledger_failed and not any(s.posts for s in senders.values())
    assert len([r for r in caplog.records if r.levelno >= logging.ERROR]) == 1
    assert "No space left" in (reminders.ledger_fault(bot.core) or "")
    store.update = real  # type: ignore[method-assign]
    back = asyncio.run(run_pass(core=bot.core, senders=senders))
    assert not back.ledger_failed and back.messages > 3 and reminders.ledger_fault(bot.core) is None


def test_a_change_whose_announcements_cannot_be_stored_is_not_recorded(monkeypatch: pytest.MonkeyPatch) -> None:
    """The change and its announcements are one write: if the announcements cannot be added, the signature
    is not recorded either, and the person is told so (never a confirmed change with its news lost)."""
    from bot.delivery import outbox
    from storage.memory import MemoryStore

    driver = _bot(MemoryStore())
    _ready(driver)
    _sign_all_but_last(driver)
    before = driver.snapshot()

    def broken(*args: object, **kwargs: object) -> dict[str, object]:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(outbox, "_doc", broken)
    user, channel = PARTIES[-1]
    reply = driver.say("signer agder 2027", as_=user, channel=channel, platform="slack")
    assert not reply.ok and not driver.last.queued
    assert driver.snapshot() == before  # nothing written: not the signature, not its history, not the outbox


def test_an_announcement_that_failed_right_after_the_request_is_tried_again_soon(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Not at the next cron time (a day away): a follow-up under the pass lease, after the grace."""
    from bot.delivery import outbox
    from storage.memory import MemoryStore

    monkeypatch.setattr(outbox, "GRACE", timedelta(milliseconds=50))
    bot = _last_signature(MemoryStore())
    senders = _senders(bot)
    senders["slack"].fail = {"C0SIVA"}

    async def body() -> None:
        await bot.core.deliver(bot.last, senders=senders)
        assert ("slack", "C0SIVA") not in _posted(senders)
        senders["slack"].fail = set()
        await asyncio.sleep(0.5)

    asyncio.run(body())
    assert _posted(senders)[("slack", "C0SIVA")] == 1 and set(_posted(senders).values()) == {1}
    assert pending(bot.core.store, "cycle/agder/2027") == {}


def test_rows_for_a_platform_nobody_posts_to_leave_the_outbox_after_two_days(caplog: pytest.LogCaptureFixture) -> None:
    from storage.memory import MemoryStore

    bot = _last_signature(MemoryStore())
    slack_only = {"slack": FakeSender(platform="slack", bot=bot)}
    asyncio.run(bot.core.deliver(bot.last, senders=slack_only))
    teams = {k for k, d in pending(bot.core.store, "cycle/agder/2027").items() if d["platform"] == "teams"}
    assert teams and set(pending(bot.core.store, "cycle/agder/2027")) == teams  # kept: Teams may be served elsewhere
    bot.clock.set(AT + timedelta(days=3))
    with caplog.at_level(logging.ERROR, logger="bot.delivery.outbox"):
        asyncio.run(run_pass(core=bot.core, senders=slack_only))
        asyncio.run(run_pass(core=bot.core, senders=slack_only))
    assert pending(bot.core.store, "cycle/agder/2027") == {}
    assert len([r for r in caplog.records if "no teams sender" in r.getMessage()]) == len(teams)
