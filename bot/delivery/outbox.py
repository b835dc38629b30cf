"""The durable outbox for announcements (a signature made in Teams, told in Slack …): where they are kept.

An outcome's announcements are rows of the table ``pending`` in the partition the change wrote, added to
that same write (`queue`, called by the pipeline before the reply is shown): the change and what it
announces are stored together or not at all, in one durable replace (one transaction on PostgreSQL). An
announcement made without a change (rare) is kept in the ``outbox`` partition. Posting them is
`bot.delivery.announcements`'s; `settle` records the results of one partition's posts: a post the platform
accepted leaves the table for the partition's ledger (`announcement:<key>`), a failed one counts a try
and is given up after `MAX_ATTEMPTS` (into `meta`'s history, so `logg` shows it, and told to the admins),
and one that can never go (a Teams channel that answers 403/404) or may have gone already with no way to
tell (`uncertain`) leaves at once and is said once: the outbox keeps only what can still be delivered. An
announcement to a channel no process can post to as the store knows it (a Teams channel without a stored
conversation reference: `bot.delivery.targets.why_not`) is not queued at all; the channel is said once.
Posted and failed tries are noted beside the partition where the store keeps a journal (`Store.note`: an
append, not a second durable replace of the partition after every write that announces, issue 21) and
folded in at its next outbox write (`fold`); the outbox reads its rows with them (`pending`).
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from bot.delivery import targets
from bot.delivery.given_up import note_given_up
from bot.delivery.reply_doc import reply_from_doc, reply_to_doc
from bot.messages import Announcement, ChannelAddress, Outcome, Queued
from bot.state.store import StateStore
from storage.base import Document, Store, Tables, is_recent

logger = logging.getLogger(__name__)

PARTITION = "outbox"
PENDING = "pending"
MAX_ATTEMPTS = 5
DELIVERABLE = frozenset({"slack", "teams"})
"""Platforms a server posts to; a change made in the terminal shows its announcements there and keeps none."""
GRACE = timedelta(seconds=30)
"""How long a row belongs to the delivery started by the request that wrote it; after that a pass takes it
(the process may have died between the reply and the post)."""


@dataclass(frozen=True)
class Row:
    """One pending announcement as stored: where it lives, and whether an earlier try may have posted it."""

    partition: str
    key: str
    announcement: Announcement
    doc: Document
    swept: bool = False
    """Found by a pass (`waiting`), not handed over by the request that wrote it: its request's delivery
    may have posted it before the process died, unmarked where the platform can look it up (Slack)."""

    def maybe_posted(self, *, looks_up: bool) -> bool:
        """Whether an earlier try may have posted it, so the sender must look (or say it cannot) first: a
        try was started (`posting`), its answer was lost (`uncertain`), or it was swept where posts are
        found by their key."""
        return bool(self.doc.get("posting") or self.doc.get("uncertain") or (self.swept and looks_up))


def _doc(announcement: Announcement, *, at: datetime) -> Document:
    return {
        "platform": announcement.to.platform,
        "channel": announcement.to.channel_id,
        "reply": reply_to_doc(announcement.reply),
        "created_at": at.isoformat(),
        "attempts": 0,
        "last_error": "",
    }


def queue(state: StateStore, outcome: Outcome, *, here: ChannelAddress | None, at: datetime) -> Outcome:
    """Close the request's held write (`StateStore.finish_request`) with the outcome's announcements in it,
    and say which rows they are (`Outcome.queued`). Raises what the write raises: then nothing was
    recorded, and the person is told so. `here`: the request's channel (it has the reply), or None for an
    outcome made outside a request."""
    delivering = here is None or here.platform in DELIVERABLE
    wanted = [
        a for a in outcome.announcements if delivering and a.to != here and a.to.platform in DELIVERABLE
    ]  # the terminal (`chat`) prints what it would announce and posts nothing, as it always has
    unposted = targets.unposted(state, to=(a.to for a in wanted))
    if unposted:  # no process can post there (`targets.why_not`): not kept, said once after the write
        wanted = [a for a in wanted if a.to not in unposted]
    if not wanted:  # most requests (every read): the held write, if any, closed as it is; no rows to name
        state.finish_request(None)
        targets.say_once(state, unposted=unposted, at=at)
        return replace(outcome, outboxed=True) if delivering and outcome.announcements else outcome
    stamp = uuid.uuid4().hex[:12]
    queued: list[Queued] = []

    def add(store: Store, partition: str, tables: Tables) -> None:
        queued.clear()
        fold(store, tables, partition=partition)
        rows = tables.setdefault(PENDING, {})
        for number, announcement in enumerate(wanted):
            key = f"{stamp}-{number}"
            rows[key] = _doc(announcement, at=at)
            queued.append(Queued(partition=partition, key=key, announcement=announcement))

    written = state.finish_request(add)
    if written is None:  # announced without a change: kept in the outbox partition
        with state.store.update(PARTITION) as tables:
            add(state.store, PARTITION, tables)
        state.finish_request()  # a holding view keeps even this write open until now
    targets.say_once(state, unposted=unposted, at=at)
    return replace(outcome, queued=tuple(queued), outboxed=True)


def rows_of(queued: Iterable[Queued], *, at: datetime) -> list[Row]:
    """The rows a request just wrote, as delivery sees them (no try started yet)."""
    return [
        Row(partition=q.partition, key=q.key, announcement=q.announcement, doc={"created_at": at.isoformat()})
        for q in queued
    ]


def waiting(state: StateStore, *, now: datetime, from_year: int) -> tuple[list[Row], float | None]:
    """Every pending row tried before or older than `GRACE`, in the partitions a change can still be
    written to (this and later years from `from_year`, the national ones, `meta`, the outbox partition),
    oldest first; and in how many seconds the youngest row left to its own request is past its grace
    (None if there is none)."""
    found: list[Row] = []
    cutoff = (now - GRACE).isoformat()
    youngest = ""
    for partition in state.store.partitions():
        if not is_recent(partition, from_year=from_year):
            continue
        for key, doc in pending(state.store, partition).items():
            created = str(doc.get("created_at", ""))
            if not doc.get("attempts") and created > cutoff:
                youngest = max(youngest, created)  # never tried: its own request is still delivering it
                continue
            to = ChannelAddress(platform=doc["platform"], channel_id=doc["channel"])
            announcement = Announcement(to=to, reply=reply_from_doc(doc["reply"]))
            found.append(Row(partition=partition, key=key, announcement=announcement, doc=doc, swept=True))
    found.sort(key=lambda row: str(row.doc.get("created_at", "")))
    try:
        young = datetime.fromisoformat(youngest) if youngest else None
    except ValueError:
        return found, None
    if young is None or (young.tzinfo is None) != (now.tzinfo is None):
        return found, None
    return found, max(1.0, (young + GRACE - now).total_seconds())


SENT, FAILED, UNCERTAIN, UNDELIVERABLE, RETRY_UNCERTAIN = "sent", "failed", "uncertain", "undeliverable", "look-again"
HELD = "held"
"""The platform refused the bot itself (`bot.delivery.sending.SendHeld`): no try is counted, so a row is
never given up while the operator mends the credentials (walk 40)."""


@dataclass(frozen=True)
class Result:
    """What became of one try: `sent`; `failed` (try again); `look-again` (the answer was lost: look it
    up before trying again); `uncertain` (it may have gone, and the platform cannot tell); `undeliverable`."""

    kind: str
    error: str = ""


def mark_posting(state: StateStore, rows: list[Row], *, at: datetime) -> None:
    """Before posting where a post cannot be looked up afterwards (Teams): mark the rows, one write per
    partition, so a process that dies mid-post leaves them `uncertain`, never posted twice."""
    by_partition: dict[str, list[str]] = {}
    for row in rows:
        by_partition.setdefault(row.partition, []).append(row.key)
    for partition, keys in by_partition.items():
        with state.store.update(partition) as tables:
            fold(state.store, tables, partition=partition)
            rows = tables.get(PENDING, {})
            for key in keys:
                if key in rows:  # replaced, never changed in place (`storage.base.REPLACED_ROW_TABLES`)
                    rows[key] = {**rows[key], "posting": at.isoformat()}


def settle(state: StateStore, rows: list[Row], results: dict[str, Result], *, at: datetime) -> list[Document]:
    """Write what became of the rows' tries, one write per partition; returns the rows given up now.

    A partition whose rows were all posted, or failed to be tried again, gets its marks noted beside it
    (`Store.note`: appended, not a durable replace; `fold` makes them the partition's at its next outbox
    write), where the store keeps such a journal. A mark lost with the machine (the journal is not
    fsynced) costs no post twice: its row is still pending, so the next pass takes it as swept, and a
    swept row is looked up before any post (Slack finds it by its key) or, where the platform cannot look
    (Teams), it carries the `posting` mark written durably before the post and leaves as `uncertain`
    (`Row.maybe_posted`; tests/test_outbox_journal.py). A row given up (undeliverable, uncertain, out of
    tries) is said once, so it is written durably as before."""
    given_up: list[Document] = []
    by_partition: dict[str, list[Row]] = {}
    for row in rows:
        if row.key in results:
            by_partition.setdefault(row.partition, []).append(row)
    store = state.store
    for partition, settled in by_partition.items():
        if _noted(store, partition=partition, settled=settled, results=results, at=at):
            continue
        with store.update(partition) as tables:
            fold(store, tables, partition=partition)
            for row in settled:
                given_up += _settle_one(store, tables, partition=partition, key=row.key, result=results[row.key], at=at)
    for doc in given_up:
        note_given_up(state, doc, at=at)
    return given_up


def settle_sent_at_once(state: StateStore, rows: list[Row], results: dict[str, Result], *, at: datetime) -> list[Row]:
    """Note the posted rows beside their partitions now, where that needs no waiting (`Store.note` with
    `wait=False`: the folder free, no round trip), so an event loop may call it in place, without a hop to
    a thread (issue 21: a `signer`'s announcements); returns the rows left for `settle`. Each partition's
    rows all posted are noted whole or not at all, as `settle` notes them."""
    by_partition: dict[str, list[Row]] = {}
    for row in rows:
        if row.key in results:
            by_partition.setdefault(row.partition, []).append(row)
    left: list[Row] = []
    for partition, settled in by_partition.items():
        sent = all(results[row.key].kind == SENT for row in settled)
        if not sent or not state.store.note(
            partition=partition, marks=[_sent(row, at=at) for row in settled], wait=False
        ):
            left += settled
    return left


def _noted(store: Store, *, partition: str, settled: list[Row], results: dict[str, Result], at: datetime) -> bool:
    """Note what became of the rows beside the partition, if none of them is given up and the store keeps
    a journal; False: write the partition instead. A row is settled by one owner at a time (its request
    within `GRACE`, then passes under the lease), so reading it and noting its mark need no lock between."""
    if all(results[row.key].kind == SENT for row in settled):  # the common case: what delivery holds is enough
        return store.note(partition=partition, marks=[_sent(row, at=at) for row in settled])
    tables, marks = store.read_noted(partition)
    current = _applied(tables.get(PENDING, {}), marks)
    noted: list[Document] = []
    for row in settled:
        stored = current.get(row.key)
        if stored is None:
            continue  # another pass settled it meanwhile
        doc, entry = _next(stored, results[row.key], at=at)
        if entry is not None and results[row.key].kind != SENT:
            return False  # given up: said once, so written durably
        noted.append({"key": row.key, "row": doc if entry is None else None, "ledger": entry})
    return not noted or store.note(partition=partition, marks=noted)


def _sent(row: Row, *, at: datetime) -> Document:
    """A posted row's mark, from what delivery holds of it (the entry `_next` makes from the stored row): a
    request's own row was never tried before, a swept one carries its stored document. A row settled
    meanwhile by another pass is no longer pending, and its mark is passed over."""
    to = row.announcement.to
    entry = {
        "platform": to.platform,
        "channel": to.channel_id,
        "attempts": int(row.doc.get("attempts", 0)) + 1,
        "title": row.announcement.reply.title,
        "sent_at": at.isoformat(),
    }
    return {"key": row.key, "row": None, "ledger": entry}


def fold(store: Store, tables: Tables, *, partition: str) -> None:
    """Inside an open update of `partition`: make the marks `settle` noted beside it part of it (rows out of
    `pending` into the ledger, or replaced with their new count of tries). Every outbox write that changes
    `pending` folds first, so a row is never changed from a view that lacks its marks."""
    for mark in store.fold_noted(tables, partition=partition):
        rows = tables.get(PENDING, {})
        key = str(mark.get("key", ""))
        if key not in rows:
            continue  # folded before (or the row was settled durably since)
        if mark.get("row") is not None:
            rows[key] = mark["row"]
            continue
        del rows[key]
        if mark.get("ledger") is not None:
            store.put_row(tables, partition=partition, table="ledger", key=f"announcement:{key}", doc=mark["ledger"])


def fold_all(store: Store) -> int:
    """Fold the marks noted beside every partition into it, before the store is copied into another
    (`python -m bot export` / `import`: a copy takes the partitions' tables, not their journals, and a row
    copied as pending would be looked up, or said uncertain, once more). Returns how many were written."""
    written = 0
    for partition in store.partitions():
        if store.read_noted(partition)[1]:
            with store.update(partition) as tables:
                fold(store, tables, partition=partition)
            written += 1
    return written


def pending(store: Store, partition: str) -> dict[str, Document]:
    """The partition's pending announcements as the outbox knows them: its `pending` table with the marks
    noted beside it applied (read-only for the caller)."""
    tables, marks = store.read_noted(partition)
    return _applied(tables.get(PENDING, {}), marks)


def _applied(rows: dict[str, Document], marks: list[Document]) -> dict[str, Document]:
    if not marks:
        return rows
    rows = dict(rows)
    for mark in marks:
        key = str(mark.get("key", ""))
        if key not in rows:
            continue
        if mark.get("row") is None:
            del rows[key]
        else:
            rows[key] = mark["row"]
    return rows


def _next(stored: Document, result: Result, *, at: datetime) -> tuple[Document, Document | None]:
    """What one try makes of a stored row: the row as it is now, and its ledger entry if it leaves
    `pending` (None: it stays, to be tried again)."""
    doc = dict(stored)  # the stored row is shared with readers: replaced, never changed in place
    attempts = int(doc.get("attempts", 0)) + 1
    if result.kind == HELD:  # a swept row is looked up before it is posted again (`Row.maybe_posted`)
        doc.update(held=at.isoformat(), last_error=result.error[:300], last_try=at.isoformat())
        doc.pop("posting", None)
        return doc, None
    if result.kind == FAILED or result.kind == RETRY_UNCERTAIN:
        doc.update(attempts=attempts, last_error=result.error[:300], last_try=at.isoformat())
        doc.pop("posting", None)
        if result.kind == RETRY_UNCERTAIN:
            doc["uncertain"] = at.isoformat()
        if attempts < MAX_ATTEMPTS:
            return doc, None
    entry = {
        "platform": doc["platform"],
        "channel": doc["channel"],
        "attempts": attempts,
        "title": doc["reply"].get("title", ""),
    }
    if result.kind == SENT:
        entry["sent_at"] = at.isoformat()
    else:
        entry.update(given_up_at=at.isoformat(), why=result.kind, error=result.error[:300])
    return doc, entry


def _settle_one(
    store: Store, tables: Tables, *, partition: str, key: str, result: Result, at: datetime
) -> list[Document]:
    rows = tables.get(PENDING, {})
    stored = rows.get(key)
    if stored is None:
        return []  # another pass settled it meanwhile
    doc, entry = _next(stored, result, at=at)
    if entry is None:
        rows[key] = doc
        return []
    del rows[key]
    store.put_row(tables, partition=partition, table="ledger", key=f"announcement:{key}", doc=entry)
    if result.kind in (UNCERTAIN, UNDELIVERABLE):
        logger.error(
            "announcement %s to %s:%s %s: %s; not tried again",
            key,
            doc["platform"],
            doc["channel"],
            "may have been posted (the platform cannot tell)" if result.kind == UNCERTAIN else "cannot be delivered",
            result.error,
        )
        return []
    return [] if result.kind == SENT else [dict(doc, attempts=entry["attempts"])]
