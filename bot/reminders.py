"""One reminder pass: ask the planner what is due, post one digest per channel, and only then write the
once-only ledger, one entry per reminder the digest carried.

Exactly once, also with two processes: a pass holds the store's lease ``reminders`` (a second pass started
at the same moment skips), and a reminder is in the ledger before the lease is given back. If the ledger
cannot be written after a post succeeded (a full disk), the pass stops posting, logs one error, and the
process remembers what it posted: it never posts those reminders again, `/healthz` reports the fault
(`ledger_fault`), and the next pass first tries to write what is missing.

Announcements (`deliver_announcements`) go through the durable outbox (`bot.outbox`); what failed is
retried here, under the same lease.
"""

from __future__ import annotations

import logging
import os
import socket
import uuid
import weakref
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from types import MappingProxyType
from typing import TYPE_CHECKING, Protocol

from bot.digest import Digest, address_form, build_digests
from bot.i18n import _, using
from bot.messages import ChannelAddress, Mention, Outcome, Reply, Section, Visibility
from bot.outbox import Outbox, describe_undelivered
from bot.pacing import Pacer
from bot.replies import make_reply
from bot.weekly import overview_id, weekly_sections
from bot.workdays import is_first_working_day_of_week
from storage.base import Document, StoreError

if TYPE_CHECKING:
    from bot.core import Core

logger = logging.getLogger(__name__)

LEASE = "reminders"
LEASE_SECONDS = 300.0
CONCURRENT_CHANNELS = 8
"""Channels posted to at once in a pass (100 organisations' digests are not posted one at a time)."""


class SendFailed(Exception):
    """The platform did not accept a post (after the sender's own retries). The reminder stays due."""


class Sender(Protocol):
    platform: str

    async def send(self, *, channel_id: str, reply: Reply) -> None: ...


@dataclass
class PassReport:
    sent: int = 0
    """Reminders that went out (each digest carries one or more)."""
    failed: int = 0
    late: int = 0
    no_sender: int = 0
    messages: int = 0
    """Digests posted."""
    skipped: bool = False
    """Another pass held the lease: this one did nothing."""
    ledger_failed: bool = False
    ids: list[str] = field(default_factory=list)


@dataclass
class _Guard:
    """What one process knows about its own ledger trouble (kept per core)."""

    fault: str | None = None
    unrecorded: dict[str, tuple[str, Document]] = field(default_factory=dict)
    """reminder id -> (partition, ledger entry): posted, but the ledger write failed."""


_GUARDS: weakref.WeakKeyDictionary[object, _Guard] = weakref.WeakKeyDictionary()


def _guard(core: Core) -> _Guard:
    guard = _GUARDS.get(core)
    if guard is None:
        guard = _GUARDS[core] = _Guard()
    return guard


def ledger_fault(core: Core) -> str | None:
    """Why reminders are stopped in this process (for /healthz), or None when all is well."""
    guard = _GUARDS.get(core)
    return guard.fault if guard else None


def _holder() -> str:
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


async def run_pass(*, core: Core, senders: Mapping[str, Sender], now: datetime | None = None) -> PassReport:
    """Post every due reminder once, as one digest per channel. A failed post is not recorded, so the next
    pass tries it again; a second pass while one runs skips."""
    report = PassReport()
    holder = _holder()
    try:
        if not core.store.try_lease(LEASE, holder=holder, seconds=LEASE_SECONDS):
            logger.info("another reminder pass is running; this one skips")
            report.skipped = True
            return report
    except NotImplementedError:
        logger.debug("store %s has no leases; passes are not guarded across processes", type(core.store).__name__)
    try:
        await _run(core=core, senders=senders, at=now or core.clock.now(), report=report, holder=holder)
    finally:
        try:
            core.store.release_lease(LEASE, holder=holder)
        except NotImplementedError:
            pass
        except Exception:  # a lease that cannot be released expires by itself
            logger.warning("could not release the reminder lease", exc_info=True)
    if report.sent or report.failed:
        logger.info(
            "reminder pass: %d sent in %d messages (%d late), %d failed",
            report.sent,
            report.messages,
            report.late,
            report.failed,
        )
    return report


async def _run(*, core: Core, senders: Mapping[str, Sender], at: datetime, report: PassReport, holder: str) -> None:
    guard = _guard(core)
    if guard.unrecorded and not _write_unrecorded(core, guard):
        report.ledger_failed = True
        return
    pacer = Pacer()
    await _retry_outbox(core=core, senders=senders, at=at, pacer=pacer)
    by_channel: dict[ChannelAddress, list[Digest]] = {}
    for digest in plan_digests(core=core, at=at, skip=frozenset(guard.unrecorded)):
        if digest.to.platform not in senders:
            report.no_sender += len(digest.reminders)
            continue
        by_channel.setdefault(digest.to, []).append(digest)
    # Channels at once (a slow or rate-limited channel holds up no other), each channel's posts in order and
    # paced; the first lost lease or ledger fault stops every channel before its next post.
    import asyncio

    run = _Posting(core=core, senders=senders, at=at, report=report, holder=holder, pacer=pacer)
    limit = asyncio.Semaphore(CONCURRENT_CHANNELS)

    async def post_channel(digests: list[Digest]) -> None:
        async with limit:
            for digest in digests:
                try:
                    if run.stopped or not await run.post(digest):
                        return
                except BaseException:
                    run.stopped = True  # an unexpected error: no channel posts again before the lease is given back
                    raise

    # Every channel has finished (or stopped) before this returns, so the lease is never released under a post.
    results = await asyncio.gather(*(post_channel(d) for d in by_channel.values()), return_exceptions=True)
    for result in results:
        if isinstance(result, BaseException):
            raise result


@dataclass
class _Posting:
    """One pass's posting state, shared by the channels posting at once."""

    core: Core
    senders: Mapping[str, Sender]
    at: datetime
    report: PassReport
    holder: str
    pacer: Pacer
    stopped: bool = False

    async def post(self, digest: Digest) -> bool:
        """Post one digest and record it; False when the pass must stop (lease lost, ledger not writable)."""
        await self.pacer.wait(digest.to)
        if self.stopped:
            return False
        try:
            if not self.core.store.try_lease(LEASE, holder=self.holder, seconds=LEASE_SECONDS):
                logger.error("the reminder lease was lost mid-pass; stopping so nothing is posted twice")
                self.stopped = True
                return False
        except NotImplementedError:
            pass
        report = self.report
        try:
            await self.senders[digest.to.platform].send(channel_id=digest.to.channel_id, reply=digest.reply)
        except SendFailed as exc:
            report.failed += len(digest.reminders) or 1
            logger.warning(
                "digest to %s:%s not posted (%d reminders), will retry on the next pass: %s",
                digest.to.platform,
                digest.to.channel_id,
                len(digest.reminders),
                exc,
            )
            return True
        finally:
            self.pacer.posted(digest.to)
        report.messages += 1
        if not record_digest(self.core, digest, at=self.at):
            report.ledger_failed = True
            self.stopped = True
            return False
        report.sent += len(digest.reminders)
        report.late += sum(reminder.late for reminder in digest.reminders)
        report.ids += [reminder.id for reminder in digest.reminders]
        return True


def plan_digests(
    *, core: Core, at: datetime, region: str | None = None, skip: frozenset[str] = frozenset()
) -> list[Digest]:
    """What a pass at `at` would post: the digests, each with the reminders it carries."""
    today = at.date()
    due = core.planner.due(now=at, region=region, skip=skip)
    overview: dict[ChannelAddress, tuple[str, tuple[Section, ...]]] = {}
    days_off = core.config.reminders.days_off_set
    if core.planner.is_reminder_day(today) and is_first_working_day_of_week(today, days_off=days_off):
        by_form: dict[str, tuple[Section, ...]] = {}  # the overview once per written form
        partition, prefix = overview_id(today=today)
        ledger = core.state.ledger(partition)
        for binding in core.directory.bindings():
            if binding.context.kind != "national":
                continue
            ident = f"{prefix}|{binding.address.platform}:{binding.address.channel_id}"
            if ident in ledger or ident in skip:
                continue
            lang = address_form(config=core.config, state=core.state, address=binding.address)
            if lang not in by_form:
                with using(lang):
                    by_form[lang] = _overview(core, today=today)
            if by_form[lang]:
                overview[binding.address] = (ident, by_form[lang])
    return build_digests(config=core.config, state=core.state, today=today, due=due, overview=overview)


def _overview(core: Core, *, today: date) -> tuple[Section, ...]:
    """AU's weekly overview; left out of this pass when a partition it reads is damaged (the store notes
    the fault on /healthz), so one region's bad value never stops every channel's digest."""
    try:
        return tuple(weekly_sections(config=core.config, state=core.state, today=today))
    except StoreError as exc:
        logger.warning("weekly overview left out of this pass (%s): %s", exc.kind, exc.partition or "the store")
        return ()


def record_digest(core: Core, digest: Digest, *, at: datetime) -> bool:
    """Write every reminder the digest carried into the ledger. False (and the fault set) if it failed."""
    guard = _guard(core)
    entries: list[tuple[str, str, Document]] = [
        (
            reminder.partition,
            reminder.id,
            {
                "sent_at": at.isoformat(),
                "late": reminder.late,
                "platform": reminder.to.platform,
                "channel": reminder.to.channel_id,
                "occurrence": reminder.occurrence.name,
            },
        )
        for reminder in digest.reminders
    ]
    if digest.overview_id:
        partition, _ = overview_id(today=at.date())
        entries.append((partition, digest.overview_id, {"sent_at": at.isoformat(), "kind": "weekly-overview"}))
    by_partition: dict[str, dict[str, Document]] = {}
    for partition, reminder_id, entry in entries:
        by_partition.setdefault(partition, {})[reminder_id] = entry
    for partition, batch in list(by_partition.items()):
        try:
            core.state.record_sent_many(partition=partition, entries=batch)
        except Exception as exc:
            for later_partition, later in by_partition.items():
                for reminder_id, entry in later.items():
                    guard.unrecorded[reminder_id] = (later_partition, entry)
            guard.fault = (
                f"the reminder ledger could not be written ({type(exc).__name__}: {exc}); reminders are stopped"
            )
            logger.error(
                "posted a digest to %s:%s but could not record %d reminders in the ledger; stopping the pass "
                "(they will not be posted again by this process): %s",
                digest.to.platform,
                digest.to.channel_id,
                sum(len(later) for later in by_partition.values()),
                exc,
            )
            return False
        del by_partition[partition]
    return True


def _write_unrecorded(core: Core, guard: _Guard) -> bool:
    """Try again to write what was posted but not recorded; clears the fault when it worked."""
    by_partition: dict[str, dict[str, Document]] = {}
    for reminder_id, (partition, entry) in guard.unrecorded.items():
        by_partition.setdefault(partition, {})[reminder_id] = entry
    for partition, batch in by_partition.items():
        try:
            core.state.record_sent_many(partition=partition, entries=batch)
        except Exception as exc:
            logger.debug("ledger still not writable: %s", exc)
            return False
        for reminder_id in batch:
            del guard.unrecorded[reminder_id]
    guard.fault = None
    logger.info("the reminder ledger is writable again; reminders resume")
    return True


async def deliver_announcements(
    outcome: Outcome,
    *,
    senders: Mapping[str, Sender],
    already_shown: ChannelAddress | None = None,
    core: Core | None = None,
) -> None:
    """Post an outcome's announcements through each platform's sender (Slack's, Teams' …), so a signature
    made in one platform is announced in the others. `already_shown`: the channel that got the reply.

    With `core`, each goes through the durable outbox first: a failed post is retried by the next reminder
    pass instead of being lost."""
    outbox = Outbox(state=core.state) if core is not None else None
    for announcement in outcome.announcements:
        to = announcement.to
        if to == already_shown:
            continue
        sender = senders.get(to.platform)
        if sender is None:  # e.g. the terminal, which has nowhere to post from a server
            logger.debug("no sender for platform %s; announcement to %s skipped", to.platform, to.channel_id)
            continue
        entry_id: str | None = None
        if outbox is not None and core is not None:
            try:
                entry_id = outbox.put(announcement, at=core.clock.now())
            except Exception:
                logger.exception("could not write the announcement to the outbox; posting it once without")
        try:
            await sender.send(channel_id=to.channel_id, reply=announcement.reply)
        except SendFailed as exc:
            logger.warning(
                "announcement to %s:%s failed%s: %s",
                to.platform,
                to.channel_id,
                "; kept in the outbox for the next pass" if entry_id else "",
                exc,
            )
            if entry_id and outbox is not None and core is not None:
                outbox.failed(entry_id, at=core.clock.now(), error=str(exc))
            continue
        if entry_id and outbox is not None and core is not None:
            try:
                outbox.delivered(entry_id, at=core.clock.now())
            except Exception:
                logger.exception("announcement %s posted, but not marked as delivered", entry_id)


async def _retry_outbox(*, core: Core, senders: Mapping[str, Sender], at: datetime, pacer: Pacer) -> None:
    """Post again what the outbox still holds; tell the admins about what is given up."""
    outbox = Outbox(state=core.state)
    try:
        pending = outbox.pending()
    except Exception:
        logger.exception("could not read the announcement outbox")
        return
    given_up: list[Document] = []
    for entry_id, (announcement, _doc) in pending.items():
        sender = senders.get(announcement.to.platform)
        if sender is None:
            continue
        await pacer.wait(announcement.to)
        try:
            await sender.send(channel_id=announcement.to.channel_id, reply=announcement.reply)
        except SendFailed as exc:
            pacer.posted(announcement.to)
            dropped = outbox.failed(entry_id, at=at, error=str(exc))
            if dropped is not None:
                given_up.append(dropped)
            continue
        pacer.posted(announcement.to)
        outbox.delivered(entry_id, at=at)
    if given_up:
        await _tell_admins(core=core, senders=senders, given_up=given_up)


async def _tell_admins(*, core: Core, senders: Mapping[str, Sender], given_up: list[Document]) -> None:
    admins = [person.key for person in core.config.people if person.role == "admin"]
    people = {person.key: person for person in core.config.people}
    mentions = tuple(
        Mention(person=key, name=people[key].name, ids=MappingProxyType(dict(people[key].ids))) for key in admins
    )
    for binding in core.directory.bindings():
        if binding.context.kind != "national":
            continue
        sender = senders.get(binding.address.platform)
        if sender is None:
            continue
        with using(address_form(config=core.config, state=core.state, address=binding.address)):
            reply = make_reply(
                title=_("Kunngjøringer som ikke kom fram"),
                lead=" ".join(describe_undelivered(doc) for doc in given_up) + " " + _("Skriv «logg» for detaljer."),
                visibility=Visibility.CHANNEL,
            )
        reply = replace(reply, mentions=mentions)
        try:
            await sender.send(channel_id=binding.address.channel_id, reply=reply)
        except SendFailed:
            logger.warning("could not tell the admins in %s about undelivered announcements", binding.address)
