"""A reminder pass's writes: what it is about to post, before it posts, and what it posted, after; each
once per partition per pass (not once per message).

Before a pass posts, every digest it will post is written as an intent, all in one write (partition
``reminder-pass``: the channel, the reminder ids with their ledger entries, and the reply itself). After
the posts, one write per partition puts the posted digests' reminders into its ledger. So what was posted but not recorded (a full disk after the post, a
process killed mid-pass) is in the store, never only in memory: the next pass, in whichever process,
resolves each intent left behind first (`leftover`, `Intent`): it was posted (this process knows, or the
platform finds it by its key) and goes into the ledger, or it was not and is posted now, or the platform
cannot tell and it is recorded as sent and said once. Its reminders are never planned again meanwhile.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import datetime

from bot.delivery.outbox import reply_from_doc, reply_to_doc
from bot.messages import ChannelAddress, Reply
from bot.reminders.digest import Digest
from bot.reminders.weekly import overview_id
from bot.state.store import StateStore
from storage.base import Document

logger = logging.getLogger(__name__)

PARTITION = "reminder-pass"
"""Where a pass keeps what it is about to post (one partition, so one write for the whole pass)."""
INTENTS = "posting"


@dataclass
class Intent:
    """One digest a pass is posting, as stored: its reminders' ledger entries by partition."""

    key: str
    to: ChannelAddress
    reply: Reply
    entries: dict[str, dict[str, Document]] = field(default_factory=dict)
    """partition -> reminder id -> ledger entry."""
    at: str = ""
    trying: bool = False
    """A post was started (`mark_trying`): where the platform cannot look it up, it may have gone."""

    @property
    def ids(self) -> frozenset[str]:
        return frozenset(rid for batch in self.entries.values() for rid in batch)


def digest_key(digest: Digest, *, at: datetime) -> str:
    """A post's key: the same digest on the same day gets the same key (Slack finds it by this)."""
    ids = sorted(r.id for r in digest.reminders) + ([digest.overview_id] if digest.overview_id else [])
    digest_hash = hashlib.sha256("|".join(ids).encode()).hexdigest()[:16]
    return f"d-{at:%Y%m%d}-{digest_hash}"


def intent_of(digest: Digest, *, at: datetime) -> Intent:
    entries: dict[str, dict[str, Document]] = {}
    for reminder in digest.reminders:
        entries.setdefault(reminder.partition, {})[reminder.id] = {
            "sent_at": at.isoformat(),
            "late": reminder.late,
            "platform": reminder.to.platform,
            "channel": reminder.to.channel_id,
            "occurrence": reminder.occurrence.name,
        }
    if digest.overview_id:
        partition, _ = overview_id(today=at.date())
        entries.setdefault(partition, {})[digest.overview_id] = {
            "sent_at": at.isoformat(),
            "kind": "weekly-overview",
            "said": digest.overview_said,
        }
    return Intent(key=digest_key(digest, at=at), to=digest.to, reply=digest.reply, entries=entries, at=at.isoformat())


def write_intents(state: StateStore, intents: Iterable[Intent]) -> None:
    """Before posting: the pass's intents, in one write of `PARTITION` (replacing the last pass's, which
    the pass resolved first)."""
    docs = {
        intent.key: {
            "platform": intent.to.platform,
            "channel": intent.to.channel_id,
            "at": intent.at,
            "entries": intent.entries,
            "reply": reply_to_doc(intent.reply),
        }
        for intent in intents
    }
    with state.store.update(PARTITION) as tables:
        tables[INTENTS] = docs


def mark_trying(state: StateStore, intent: Intent, *, at: datetime) -> None:
    """Just before posting where a post cannot be looked up afterwards (Teams): one write, so a pass that
    dies in the post leaves this digest `trying` (said once, never posted twice) and every other one
    certainly unposted (posted by the next pass)."""
    with state.store.update(PARTITION) as tables:
        doc = tables.get(INTENTS, {}).get(intent.key)
        if doc is not None:
            doc["trying"] = at.isoformat()


def maybe_posted(intent: Intent, *, why: str) -> Intent:
    """An intent whose post was started and never recorded, where the platform cannot look it up (Teams):
    its reminders go into the ledger so they are never posted twice, each marked `uncertain` with why,
    so the ledger does not claim they surely went (docs/architecture.md, "Teams cannot look a post up")."""
    entries = {
        partition: {rid: dict(entry, uncertain=why[:200]) for rid, entry in batch.items()}
        for partition, batch in intent.entries.items()
    }
    return replace(intent, entries=entries)


def settle(state: StateStore, *, posted: Iterable[Intent]) -> None:
    """After posting: the posted intents' reminders into the ledger, one write per partition. The intents
    stay until the next pass replaces them; it finds these in the ledger and passes over them."""
    ledger: dict[str, dict[str, Document]] = {}
    for intent in posted:
        for partition, batch in intent.entries.items():
            ledger.setdefault(partition, {}).update(batch)
    for partition in sorted(ledger):
        state.record_sent_many(partition=partition, entries=ledger[partition])


def leftover(state: StateStore) -> list[Intent]:
    """The last pass's intents that are not all in the ledger: it died, or its ledger write failed."""
    found: list[Intent] = []
    ledgers: dict[str, dict[str, Document]] = {}
    for key, doc in state.tables(PARTITION).get(INTENTS, {}).items():
        entries = {str(p): dict(batch) for p, batch in dict(doc.get("entries", {})).items()}
        if all(rid in ledgers.setdefault(p, state.ledger(p)) for p, batch in entries.items() for rid in batch):
            continue  # recorded: the pass finished
        try:
            reply = reply_from_doc(doc["reply"])
        except (KeyError, TypeError, ValueError):
            logger.error("a reminder intent %s cannot be read; its reminders are planned again", key)
            continue
        to = ChannelAddress(platform=str(doc.get("platform", "")), channel_id=str(doc.get("channel", "")))
        found.append(
            Intent(
                key=key, to=to, reply=reply, entries=entries, at=str(doc.get("at", "")), trying=bool(doc.get("trying"))
            )
        )
    return sorted(found, key=lambda intent: intent.at)


def not_before_last(state: StateStore, at: datetime) -> datetime:
    """When a pass plans: `at`, or the time of the last pass that posted when the clock is behind it (moved
    back by hand, a replica with a slow clock). Planned earlier, each item's earlier reminder (a lead the
    later pass had passed over for its next one) was due again and posted late, after the later one."""
    latest: datetime | None = None
    for doc in state.tables(PARTITION).get(INTENTS, {}).values():
        try:
            when = datetime.fromisoformat(str(doc.get("at", "")))
        except ValueError:
            continue
        if when.tzinfo is not None and (latest is None or when > latest):
            latest = when
    if latest is None or latest <= at:
        return at
    logger.warning(
        "the clock (%s) is behind the last reminder pass (%s): planning as of then, so nothing is posted twice",
        at.isoformat(),
        latest.isoformat(),
    )
    return latest.astimezone(at.tzinfo)


def keep_only(state: StateStore, keys: frozenset[str]) -> None:
    """Drop every intent but `keys` (one write): those not posted for sure (a refusal), so the next pass
    plans their reminders afresh instead of taking them for posts that may have gone."""
    with state.store.update(PARTITION) as tables:
        intents = tables.get(INTENTS, {})
        tables[INTENTS] = {key: doc for key, doc in intents.items() if key in keys}
