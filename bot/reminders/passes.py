"""One reminder pass: ask the planner what is due, post one digest per channel, and record each reminder
the digest carried in the once-only ledger, writing each partition once before the posts and once after.

Exactly once, also with two processes and through a crash:
- A pass holds the store's lease ``reminders`` (a second pass skips, and says when to try again:
  `PassReport.retry_in`, when the lease ends). The lease is short (`LEASE_SECONDS`) and renewed while the
  pass runs (every `RENEW_SECONDS`, not per message), so a pass that dies is taken over within a minute.
- Before it posts, the pass writes what it is about to post (`bot.reminders.ledger`); after, the ledger. What
  a dead or failed pass left behind is resolved first by the next one, never posted twice. If the store
  cannot be written (a full disk), nothing is posted, `/healthz` shows it (`ledger_fault`) and the pass
  is tried again soon.
- A post whose answer was lost is looked up (Slack) or said once (Teams), never repeated blindly.

Announcements wait in the durable outbox (`bot.delivery.outbox`), written with their change; `bot.delivery.announcements` posts
them right after the request, and each pass first posts what is still there.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

from bot import off_loop
from bot.delivery import targets
from bot.delivery.announcements import deliver_announcements, redeliver, tell_admins
from bot.delivery.notes import note_undelivered
from bot.delivery.pacing import Pacer
from bot.delivery.sending import Sender, SendFailed, SendTimedOut, SendUncertain, Undeliverable
from bot.messages import ChannelAddress
from bot.reminders import lease as pass_lease
from bot.reminders import ledger as pass_ledger
from bot.reminders.began import note_began
from bot.reminders.digest import Digest
from bot.reminders.lease import PassLease, holder_id
from bot.reminders.ledger import Intent
from bot.reminders.pass_guard import Guard, guard_of, ledger_fault
from bot.reminders.pass_plan import plan_digests
from storage.base import StoreError

if TYPE_CHECKING:
    from bot.core import Core

logger = logging.getLogger(__name__)

__all__ = ["PassReport", "SendFailed", "Sender", "deliver_announcements", "ledger_fault", "plan_digests", "run_pass"]

MAYBE = "may have been posted before the process stopped (Teams cannot tell); not posted again"
CONCURRENT_CHANNELS = 8
"""Channels posted to at once in a pass (100 organisations' digests are not posted one at a time)."""


@dataclass
class PassReport:
    sent: int = 0
    """Reminders that went out (each digest carries one or more)."""
    failed: int = 0
    late: int = 0
    no_sender: int = 0
    held: int = 0
    """Reminders left out: their channel is marked unreachable (`bot.delivery.targets`) and was tried lately."""
    messages: int = 0
    """Digests posted."""
    skipped: bool = False
    """Another pass held the lease: this one did nothing."""
    ledger_failed: bool = False
    ids: list[str] = field(default_factory=list)
    retry_in: float | None = None
    """Seconds after which the scheduler should run a pass again rather than wait for the next cron time
    (the lease another pass held ends; an announcement's grace ends), or None."""


async def run_pass(*, core: Core, senders: Mapping[str, Sender], now: datetime | None = None) -> PassReport:
    """Post every due reminder once, as one digest per channel. A failed post is not recorded, so the next
    pass tries it again; a second pass while one runs skips and says when to try again."""
    report = PassReport()
    lease = PassLease(core=core, holder=holder_id())
    try:
        taken = await off_loop.run(lease.take)
    except (OSError, StoreError) as exc:
        _fail(core, report, exc, what="the reminder lease could not be written; nothing was posted")
        return report
    if not taken:
        logger.info("another reminder pass is running; this one tries again when its lease ends")
        report.skipped = True
        report.retry_in = pass_lease.LEASE_SECONDS
        return report
    try:
        await _run(core=core, senders=senders, at=now or core.clock.now(), report=report, lease=lease)
    finally:
        await off_loop.run(lease.release)
    if report.sent or report.failed:
        logger.info(
            "reminder pass: %d sent in %d messages (%d late), %d failed",
            report.sent,
            report.messages,
            report.late,
            report.failed,
        )
    return report


async def _run(
    *, core: Core, senders: Mapping[str, Sender], at: datetime, report: PassReport, lease: PassLease
) -> None:
    guard = guard_of(core)
    open_intents: list[Intent] = []
    try:
        left = pass_ledger.leftover(core.state)
        planned_at = pass_ledger.not_before_last(core.state, at)  # never earlier than the last pass that posted
        note_began(
            core.state, now=at, cron=core.config.reminders.cron
        )  # when the store began, once: nothing due before it is late
        if left:
            resolved = await _resolve(core=core, senders=senders, intents=left, report=report)
            if resolved is None:
                return
            open_intents = resolved
    except Exception as exc:
        _fail(core, report, exc, what="the reminder ledger could not be read or written")
        return
    pacer = Pacer()
    given_up, report.failed, report.retry_in = await redeliver(core=core, senders=senders, at=at, pacer=pacer)
    if given_up:
        await tell_admins(core=core, senders=senders, given_up=given_up)
    digests: list[Digest] = []
    skip = frozenset(rid for intent in open_intents for rid in intent.ids)  # their answer is still awaited
    held = targets.held(core.state, at=at)
    unposted: dict[ChannelAddress, str] = {}
    for digest in plan_digests(core=core, at=planned_at, skip=skip):
        if digest.to.platform not in senders:
            report.no_sender += len(digest.reminders)
            continue
        if digest.to in held:  # said once when marked; tried again after `targets.RECHECK`
            report.held += len(digest.reminders)
            continue
        why = targets.why_not(core.state, to=digest.to)
        if why is not None:  # the outbox's rule: no process can post there (no Teams reference)
            unposted[digest.to] = why
            report.held += len(digest.reminders)
            continue
        digests.append(digest)
    targets.say_once(core.state, unposted=unposted, at=at)
    if not digests:
        _recovered(guard)
        return
    intents = {digest.to: pass_ledger.intent_of(digest, at=planned_at) for digest in digests}
    try:
        await off_loop.run(pass_ledger.write_intents, core.state, [*open_intents, *intents.values()])
    except Exception as exc:
        _fail(core, report, exc, what="the reminder ledger could not be written; nothing was posted")
        return
    _recovered(guard)
    unreachable: dict[ChannelAddress, str] = {}
    posted, left = await _post_all(
        core=core,
        senders=senders,
        digests=digests,
        intents=intents,
        report=report,
        lease=lease,
        pacer=pacer,
        unreachable=unreachable,
    )
    targets.note(core.state, failed=unreachable, reached=[d.to for d in posted], at=at)
    done = [intents[d.to] for d in posted]
    kept = [intents[d.to] for d in left]
    dropped = [intent for intent in intents.values() if intent not in done and intent not in kept]
    try:
        await off_loop.run(pass_ledger.settle, core.state, posted=done)
        if dropped:
            keep = frozenset(i.key for i in [*done, *kept, *open_intents])
            await off_loop.run(pass_ledger.keep_only, core.state, keep)
    except Exception as exc:
        guard.posted |= {intent.key for intent in done}
        _fail(core, report, exc, what="posted, but the reminder ledger could not be written")
        return
    for digest in posted:
        report.sent += len(digest.reminders)
        report.late += sum(reminder.late for reminder in digest.reminders)
        report.ids += [reminder.id for reminder in digest.reminders]


def _fail(core: Core, report: PassReport, exc: Exception, *, what: str) -> None:
    report.ledger_failed = True
    guard = guard_of(core)
    first = guard.fault is None
    guard.fault = f"{what} ({type(exc).__name__}: {exc}); reminders are stopped until it can be written"
    if first:
        logger.error("reminder pass stopped: %s (%s: %s)", what, type(exc).__name__, exc)
    else:
        logger.debug("reminder ledger still not writable: %s", exc)


def _recovered(guard: Guard) -> None:
    if guard.fault is not None:
        guard.fault = None
        logger.info("the reminder ledger is writable again; reminders resume")


async def _post_all(
    *,
    core: Core,
    senders: Mapping[str, Sender],
    digests: list[Digest],
    intents: dict[ChannelAddress, Intent],
    report: PassReport,
    lease: PassLease,
    pacer: Pacer,
    unreachable: dict[ChannelAddress, str],
) -> tuple[list[Digest], list[Digest]]:
    """Post every digest (channels at once, a channel's in order and paced); returns those the platform took
    (or that may have gone and cannot be checked), and those whose answer was lost (their intents stay, for
    the next pass to look up); the channels that refused for good go into `unreachable`. A lost lease
    stops every channel before its next post."""
    import asyncio  # here: `chat` imports the reminders and never needs the event loop

    limit = asyncio.Semaphore(CONCURRENT_CHANNELS)
    posted: list[Digest] = []
    left: list[Digest] = []
    stopped = False

    async def post(digest: Digest) -> None:
        nonlocal stopped
        async with limit:
            await pacer.wait(digest.to)
            if stopped or (lease.renewal_due() and not await off_loop.run(lease.keep)):
                if not stopped:
                    logger.error("the reminder lease was lost mid-pass; stopping so nothing is posted twice")
                stopped = True
                return
            sender = senders[digest.to.platform]
            intent = intents[digest.to]
            key = intent.key
            if not sender.looks_up:
                try:
                    await off_loop.run(pass_ledger.mark_trying, core.state, intent, at=core.clock.now())
                except Exception as exc:
                    stopped = True
                    _fail(core, report, exc, what="the reminder ledger could not be written; posting stopped")
                    return
            try:
                await sender.send(channel_id=digest.to.channel_id, reply=digest.reply, key=key, maybe_posted=False)
            except SendTimedOut as exc:  # it may have gone: left as an intent, looked up by the next pass
                logger.warning("digest to %s:%s: no answer in time (%s)", digest.to.platform, digest.to.channel_id, exc)
                report.failed += len(digest.reminders) or 1
                left.append(digest)
            except SendUncertain as exc:  # it may have gone and cannot be checked: recorded, never posted again
                logger.error(
                    "digest to %s:%s: no certain answer (%s); recorded as sent",
                    digest.to.platform,
                    digest.to.channel_id,
                    exc,
                )
                posted.append(digest)
            except Undeliverable as exc:  # e.g. a Teams channel the bot was never added to: marked, said once
                logger.debug("digest to %s:%s cannot be delivered: %s", digest.to.platform, digest.to.channel_id, exc)
                unreachable[digest.to] = str(exc)
            except SendFailed as exc:
                report.failed += len(digest.reminders) or 1
                logger.warning(
                    "digest to %s:%s not posted (%d reminders), will retry on the next pass: %s",
                    digest.to.platform,
                    digest.to.channel_id,
                    len(digest.reminders),
                    exc,
                )
            else:
                report.messages += 1
                posted.append(digest)
            finally:
                pacer.posted(digest.to)

    results = await asyncio.gather(*(post(d) for d in digests), return_exceptions=True)
    for result in results:
        if isinstance(result, BaseException):
            stopped = True
            raise result
    return posted, left


async def _resolve(
    *, core: Core, senders: Mapping[str, Sender], intents: list[Intent], report: PassReport
) -> list[Intent] | None:
    """What an earlier pass left between its posts and its ledger: into the ledger what was posted (this
    process knows, or the platform finds it), the rest posted now. Returns the intents still open (no
    answer yet from the look-up), None when the store is still not writable."""
    guard = guard_of(core)
    posted: list[Intent] = []
    kept: list[Intent] = []
    dropped: list[Intent] = []
    unreachable: dict[ChannelAddress, str] = {}
    for intent in intents:
        sender = senders.get(intent.to.platform)
        if intent.key in guard.posted:
            posted.append(intent)
        elif sender is None or (not intent.reply.title and not intent.reply.text):
            dropped.append(intent)
        else:
            try:
                await sender.send(
                    channel_id=intent.to.channel_id,
                    reply=intent.reply,
                    key=intent.key,
                    maybe_posted=sender.looks_up or intent.trying,
                )
            except SendTimedOut as exc:  # still no answer: left for the next pass to look up again
                logger.warning("a digest left by an earlier pass to %s: no answer in time (%s)", intent.to, exc)
                report.failed += 1
                kept.append(intent)
            except Undeliverable as exc:
                logger.debug("a digest left by an earlier pass to %s cannot be delivered: %s", intent.to, exc)
                unreachable[intent.to] = str(exc)
                dropped.append(intent)
            except SendUncertain as exc:  # at most once: recorded as maybe posted, never posted again
                logger.error(
                    "a digest to %s:%s from an earlier pass may have been posted (%s); recorded as maybe posted",
                    intent.to.platform,
                    intent.to.channel_id,
                    exc,
                )
                note_undelivered(core, f"{intent.to.platform}:{intent.to.channel_id} digest {intent.key} {MAYBE}")
                posted.append(pass_ledger.maybe_posted(intent, why=str(exc)))
            except SendFailed as exc:
                logger.warning(
                    "a digest left by an earlier pass to %s:%s could not be posted: %s",
                    intent.to.platform,
                    intent.to.channel_id,
                    exc,
                )
                report.failed += 1
                dropped.append(intent)
            else:
                posted.append(intent)
                report.messages += 1
    try:
        await off_loop.run(pass_ledger.settle, core.state, posted=posted)
        await off_loop.run(pass_ledger.keep_only, core.state, frozenset(intent.key for intent in posted + kept))
    except Exception as exc:
        _fail(core, report, exc, what="posted, but the reminder ledger could not be written")
        return None
    targets.note(core.state, failed=unreachable, reached=[intent.to for intent in posted], at=core.clock.now())
    guard.posted -= {intent.key for intent in posted}
    report.sent += sum(len(intent.ids) for intent in posted)
    _recovered(guard)
    return kept
