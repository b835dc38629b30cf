"""Posting the outbox's announcements (`bot.delivery.outbox`), each exactly once.

A request's announcements are already stored with its change when the person is told it succeeded; the
adapter then hands the outcome to `deliver_queued`, which posts them (channels at once, one channel's in
order) and writes the results in one write per partition. If the process dies at any point, the rows stay
pending, and the next reminder pass (`redeliver`, run first in every pass, and a pass runs at start-up)
posts them once their request's `GRACE` is over.

Never twice: a row whose try may have gone through (the process died mid-post, or the answer timed out)
is posted with `maybe_posted`, and the sender looks first (Slack finds the message by the key in its
metadata) or, where the platform cannot tell (Teams), says so once (`SendUncertain`) instead of posting
again; rows for such platforms are marked `posting` before the post, so a row without the mark is known
not to have gone. What can never go (`Undeliverable`) leaves the outbox and is said once: in the log and on
/healthz (`bot.delivery.notes`).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Mapping
from dataclasses import replace
from datetime import datetime, timedelta
from types import MappingProxyType
from typing import TYPE_CHECKING

from bot import off_loop
from bot.delivery import outbox, targets
from bot.delivery.given_up import describe_undelivered
from bot.delivery.notes import note_undelivered
from bot.delivery.outbox import (
    FAILED,
    HELD,
    RETRY_UNCERTAIN,
    SENT,
    UNCERTAIN,
    UNDELIVERABLE,
    Result,
    Row,
    mark_posting,
    queue,
    rows_of,
    settle,
    settle_sent_at_once,
    waiting,
)
from bot.delivery.pacing import Pacer
from bot.delivery.sending import Sender, SendFailed, SendHeld, SendTimedOut, SendUncertain, Undeliverable
from bot.i18n import _, using
from bot.messages import ChannelAddress, Mention, Outcome, Visibility
from bot.reminders.digest import address_form
from bot.reminders.lease import PassLease, holder_id
from bot.shown.replies import make_reply
from storage.base import Document, StoreError

if TYPE_CHECKING:
    from bot.core import Core

logger = logging.getLogger(__name__)

CONCURRENT_CHANNELS = 8
NO_SENDER_AGE = timedelta(days=2)
"""A row for a platform no process has posted to for this long (it is not configured) leaves the outbox."""


def _note(core: Core, row: Row, result: Result) -> None:
    why = "may already be posted (cannot be checked)" if result.kind == UNCERTAIN else "cannot be delivered"
    title = row.doc.get("reply", {}).get("title") or row.announcement.reply.title
    note_undelivered(
        core, f"{row.announcement.to.platform}:{row.announcement.to.channel_id} «{title}» {why}: {result.error}"
    )


async def deliver_queued(*, core: Core, outcome: Outcome, senders: Mapping[str, Sender]) -> None:
    """Post the announcements a request just stored (`Outcome.queued`) and write what became of them."""
    at = core.clock.now()
    rows = [row for row in rows_of(outcome.queued, at=at) if row.announcement.to.platform in senders]
    results: dict[str, Result] = {}
    await _deliver(core=core, rows=rows, senders=senders, at=at, pacer=Pacer(), results=results)
    if any(result.kind in (FAILED, RETRY_UNCERTAIN, HELD) for result in results.values()):
        follow_up(core=core, senders=senders)


async def redeliver(
    *, core: Core, senders: Mapping[str, Sender], at: datetime, pacer: Pacer
) -> tuple[list[Document], int, float | None]:
    """Post what the outbox still holds (a failed try, or rows past their `GRACE`: a process that died
    after the reply). Returns the rows given up now (the pass tells the admins), how many failed again,
    and, when rows are still within their grace, in how many seconds to look again (a process that was
    killed right after a reply and restarted at once has its rows delivered within `GRACE`, not at the
    next cron time)."""
    try:
        rows, retry_in = waiting(core.state, now=at, from_year=at.year - 1)
    except Exception:
        logger.exception("could not read the announcement outbox")
        return [], 0, None
    stale = (at - NO_SENDER_AGE).isoformat()
    gone: dict[str, Result] = {}
    unposted = targets.unposted(core.state, to=(row.announcement.to for row in rows))  # kept before it went
    for row in rows:
        to = row.announcement.to
        if to in unposted:
            gone[row.key] = Result(UNDELIVERABLE, unposted[to])
        elif to.platform not in senders and str(row.doc.get("created_at", "")) < stale:
            gone[row.key] = Result(UNDELIVERABLE, f"no {to.platform} sender configured")
    if gone:  # nobody can post them, or nobody here posts to that platform and nobody else did for days
        orphans = [row for row in rows if row.key in gone]
        for row in orphans:
            _note(core, row, gone[row.key])
        settle(core.state, orphans, gone, at=at)
        targets.say_once(core.state, unposted=unposted, at=at)
        rows = [row for row in rows if row.key not in gone]
    rows = [row for row in rows if row.announcement.to.platform in senders]
    results: dict[str, Result] = {}
    given_up = await _deliver(core=core, rows=rows, senders=senders, at=at, pacer=pacer, results=results)
    failed = sum(result.kind in (FAILED, RETRY_UNCERTAIN, HELD) for result in results.values())
    return given_up, failed, retry_in


async def _deliver(
    *,
    core: Core,
    rows: list[Row],
    senders: Mapping[str, Sender],
    at: datetime,
    pacer: Pacer,
    results: dict[str, Result] | None = None,
) -> list[Document]:
    if not rows:
        return []
    unmarked = [
        row
        for row in rows
        if not senders[row.announcement.to.platform].looks_up and not row.maybe_posted(looks_up=False)
    ]
    if unmarked:
        await off_loop.run(mark_posting, core.state, unmarked, at=at)  # a death mid-post leaves them uncertain
    results = {} if results is None else results
    results.update(await post_rows(rows, senders=senders, pacer=pacer))
    unreachable: dict[ChannelAddress, str] = {}
    for row in rows:
        result = results.get(row.key)
        if result is not None and result.kind in (UNCERTAIN, UNDELIVERABLE):
            _note(core, row, result)
        if result is not None and result.kind == UNDELIVERABLE:
            unreachable[row.announcement.to] = result.error
    reached = [row.announcement.to for row in rows if row.key in results and results[row.key].kind == SENT]
    if not unreachable and not core.state.store.remote and not targets.clears(core.state, reached=reached):
        rows = settle_sent_at_once(core.state, rows, results, at=core.clock.now())  # in place: no hop
        if not rows:
            return []

    def record() -> list[Document]:  # what the posts found, then what became of them: one hop off the loop
        targets.note(core.state, failed=unreachable, reached=reached, at=at)
        return settle(core.state, rows, results, at=core.clock.now())

    return await off_loop.run(record)


async def post_rows(rows: list[Row], *, senders: Mapping[str, Sender], pacer: Pacer) -> dict[str, Result]:
    """Post each row once through its platform's sender: channels at once, each channel's rows in order."""
    by_channel: dict[ChannelAddress, list[Row]] = {}
    for row in rows:
        by_channel.setdefault(row.announcement.to, []).append(row)
    results: dict[str, Result] = {}
    limit = asyncio.Semaphore(CONCURRENT_CHANNELS)

    async def post_channel(channel_rows: list[Row]) -> None:
        async with limit:
            for row in channel_rows:
                await pacer.wait(row.announcement.to)
                results[row.key] = await _post(row, sender=senders[row.announcement.to.platform])
                pacer.posted(row.announcement.to)

    if len(by_channel) == 1:  # one channel (most signatures): in this task, no task and gather for it
        await post_channel(next(iter(by_channel.values())))
    else:
        await asyncio.gather(*(post_channel(channel_rows) for channel_rows in by_channel.values()))
    return results


async def _post(row: Row, *, sender: Sender) -> Result:
    to = row.announcement.to
    try:
        await sender.send(
            channel_id=to.channel_id,
            reply=row.announcement.reply,
            key=row.key,
            maybe_posted=row.maybe_posted(looks_up=sender.looks_up),
        )
    except Undeliverable as exc:
        return Result(UNDELIVERABLE, str(exc))
    except SendUncertain as exc:
        return Result(UNCERTAIN, str(exc))
    except SendHeld as exc:  # said once by the sender (/healthz, the log): the row waits, no try counted
        return Result(HELD, str(exc))
    except SendTimedOut as exc:
        logger.warning(
            "announcement to %s:%s: no answer (%s); looked up before any new try", to.platform, to.channel_id, exc
        )
        return Result(RETRY_UNCERTAIN, str(exc))
    except SendFailed as exc:
        logger.warning(
            "announcement to %s:%s failed; kept in the outbox for the next pass: %s", to.platform, to.channel_id, exc
        )
        return Result(FAILED, str(exc))
    except Exception as exc:  # a bug in a sender must not lose the row: it stays, counted as a failed try
        logger.exception("announcement to %s:%s: unexpected error", to.platform, to.channel_id)
        return Result(FAILED, f"{type(exc).__name__}: {exc}")
    return Result(SENT)


async def deliver_announcements(
    outcome: Outcome,
    *,
    senders: Mapping[str, Sender],
    already_shown: ChannelAddress | None = None,
    core: Core | None = None,
) -> None:
    """Post an outcome's announcements through each platform's sender (Slack's, Teams' …), so a signature
    made in one platform is announced in the others. `already_shown`: the channel that got the reply.

    With `core`, through the durable outbox: the announcements a request stored with its change
    (`Outcome.queued`) are posted from there; an outcome the outbox has not seen (`Outcome.outboxed`: one made
    outside the pipeline) is stored first, in one write. A failed post is retried by the next reminder pass."""
    if core is None:
        for announcement in outcome.announcements:
            sender = senders.get(announcement.to.platform)
            if sender is None or announcement.to == already_shown:
                continue
            try:
                await sender.send(channel_id=announcement.to.channel_id, reply=announcement.reply)
            except SendFailed as exc:
                logger.warning("announcement to %s failed: %s", announcement.to, exc)
        return
    if not outcome.outboxed and outcome.announcements:
        outcome = queue(core.state.for_request(hold_writes=True), outcome, here=already_shown, at=core.clock.now())
    await deliver_queued(core=core, outcome=outcome, senders=senders)


async def tell_admins(*, core: Core, senders: Mapping[str, Sender], given_up: list[Document]) -> None:
    """Announcements given up after `MAX_ATTEMPTS`: told to the admins in the national channels, once."""
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


_FOLLOW_UPS: set[object] = set()
"""Follow-ups in flight (a task that nothing refers to may be collected before it runs)."""


def follow_up(*, core: Core, senders: Mapping[str, Sender], attempt: int = 1) -> None:
    """Announcements that failed or whose answer was lost right after a request: look again after the
    outbox's grace, not at the next cron time (which may be a day away). Under the pass lease, so a pass
    and a follow-up never post the same row; a running pass posts them itself."""
    import asyncio

    async def later() -> None:
        await asyncio.sleep(outbox.GRACE.total_seconds() * attempt)
        lease = PassLease(core=core, holder=holder_id())
        try:
            if not await off_loop.run(lease.take):
                return
        except (OSError, StoreError):
            return  # the store cannot be written: the scheduler's passes report it
        try:
            given_up, failed, _ = await redeliver(core=core, senders=senders, at=core.clock.now(), pacer=Pacer())
            if given_up:
                await tell_admins(core=core, senders=senders, given_up=given_up)
        finally:
            await off_loop.run(lease.release)
        if failed and attempt < outbox.MAX_ATTEMPTS:
            follow_up(core=core, senders=senders, attempt=attempt + 1)

    task = asyncio.get_running_loop().create_task(later())
    _FOLLOW_UPS.add(task)
    task.add_done_callback(_FOLLOW_UPS.discard)
