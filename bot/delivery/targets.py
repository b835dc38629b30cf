"""Channels the bot cannot post to, as a known state: marked once, held, shown, and cleared when reachable.

Why: a Teams channel with no stored conversation reference (the bot was never added there), a Slack
channel that is archived, gone or without the bot, or a Teams channel that answers 403/404 will refuse
every post until someone acts. Retried on every pass, each pass planned its digest again, wrote it as an
intent and logged the same error. So a refusal that says "never, as things are" (`Undeliverable`) marks
the channel here, in the partition `PARTITION` (bookkeeping: no history, not model state), once:

- the mark is logged once, when it is made (not per pass), and shown where an admin looks: `/healthz`
  (`lines`, from what this process last read) and `oversikt` for admins (`known`, `reason_text`);
- a reminder pass leaves a marked channel's digest out (`held`) and tries it again only every `RECHECK`,
  quietly, so a Slack channel the bot was invited back to is found within a day;
- the mark is cleared when the channel is reachable again: a post to it goes through (`note`), or the
  platform learns it can post there (`reachable`: a Teams conversation reference arrives when the bot is
  added), so the next pass posts what was held (its reminders were never written as sent).

What the store itself says cannot be posted to is decided here, once, before anything is tried
(`why_not`): a Teams channel without a stored conversation reference (`REFERENCES`; the Teams adapter
writes them when the bot is added or spoken to there, whichever process serves Teams). No process can
post there, so the outbox does not keep an announcement to it and a pass plans no digest for it; the
channel is marked (and logged) once, the first time (`say_once`), not per announcement or pass. When the
reference arrives the next announcement is kept and posted, and the next pass plans its reminders.

An announcement to a channel marked for another reason is still tried once (rare, and a success clears
the mark); one that fails leaves the outbox as before (`bot.delivery.outbox`).
"""

from __future__ import annotations

import logging
import weakref
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta

from bot.i18n import _
from bot.messages import ChannelAddress, platform_name
from bot.state.store import StateStore
from storage.base import Document, Store

logger = logging.getLogger(__name__)

PARTITION = "delivery/targets"
TABLE = "unreachable"
RECHECK = timedelta(hours=23)
"""How often a pass tries a marked channel again (a day, give or take the pass's own time)."""

NO_REFERENCE, NOT_IN_CHANNEL, GONE, ARCHIVED, FORBIDDEN, UNKNOWN = (
    "no-reference",
    "not-in-channel",
    "gone",
    "archived",
    "forbidden",
    "unknown",
)
"""Why a channel cannot be reached, as stored (`kind_of` reads it from the sender's message)."""

REFERENCES: Mapping[str, tuple[str, str]] = {"teams": ("teams/conversations", "references")}
"""Platforms that can post only where they keep a conversation reference, and where the store keeps them
(partition, table; keyed by the bare channel id): `adapters/teams/conversations.py` writes them."""

_MIRROR: weakref.WeakKeyDictionary[Store, dict[str, Document]] = weakref.WeakKeyDictionary()
"""What this process last read or wrote of the marks, per store: /healthz never calls the store."""


@dataclass(frozen=True)
class Unreachable:
    """One marked channel: where, why (the sender's words, and their `kind`), since when, last tried."""

    to: ChannelAddress
    kind: str
    error: str
    since: str
    checked: str
    by_store: bool = False
    """Marked because the store held no conversation reference (`say_once`), not because a post failed: a
    reference stored since then ends what the mark holds (`held`)."""


def key_of(to: ChannelAddress) -> str:
    return f"{to.platform}:{to.channel_id}"


def kind_of(error: str) -> str:
    """The kind of refusal in a sender's message (Slack's error codes, the Teams sender's wording)."""
    text = error.lower()
    for words, kind in (
        (("no teams conversation reference",), NO_REFERENCE),
        (("not_in_channel",), NOT_IN_CHANNEL),
        (("is_archived",), ARCHIVED),
        (("channel_not_found", "invalid_channel", "answered 404"), GONE),
        (("answered 403",), FORBIDDEN),
    ):
        if any(word in text for word in words):
            return kind
    return UNKNOWN


def why_not(state: StateStore, *, to: ChannelAddress) -> str | None:
    """Why no process can post to `to`, from what the store knows now (the sender's words for it), or
    None when one may: the one rule for what the outbox keeps (`outbox.queue`, `redeliver`) and which
    digests a pass plans. A store that cannot be read says None: kept and tried, never dropped unseen."""
    where = REFERENCES.get(to.platform)
    if where is None:
        return None
    partition, table = where
    channel = to.channel_id.split(";messageid=", 1)[0]
    try:
        if channel in state.store.read(partition).get(table, {}):
            return None
    except Exception:
        logger.warning("could not read the %s conversation references; %s is kept", to.platform, channel)
        return None
    return f"no {to.platform.capitalize()} conversation reference for {channel}; add the bot there"


def unposted(state: StateStore, *, to: Iterable[ChannelAddress]) -> dict[ChannelAddress, str]:
    """Of these channels, those no process can post to (`why_not`), with why; each channel asked once."""
    found: dict[ChannelAddress, str] = {}
    for address in dict.fromkeys(to):
        why = why_not(state, to=address)
        if why is not None:
            found[address] = why
    return found


def say_once(state: StateStore, *, unposted: Mapping[ChannelAddress, str], at: datetime) -> None:
    """Channels `why_not` turned away, marked (and so logged, and shown on /healthz and `oversikt`) the
    first time only: a channel already marked costs a read, not a write or a line per announcement."""
    if not unposted:
        return
    try:
        marks = _marks(state)
    except Exception:
        logger.exception("could not read the unreachable channels")
        return
    new = {to: error for to, error in unposted.items() if key_of(to) not in marks}
    if not new:
        return
    note(state, failed=new, reached=(), at=at, by_store=True)
    try:
        state.finish_request()  # a request's holding view (`StateStore.for_request`) keeps it open until now
    except Exception:
        logger.exception("could not write which channels cannot be reached")


def clears(state: StateStore, *, reached: Iterable[ChannelAddress]) -> bool:
    """Whether a post that went to `reached` clears a channel's mark (then `note` writes)."""
    marks = _marks(state)
    return any(key_of(to) in marks for to in reached)


def _marks(state: StateStore) -> dict[str, Document]:
    marks = dict(state.store.read(PARTITION).get(TABLE, {}))
    _MIRROR[state.store] = marks
    return marks


def _of(doc: Document) -> Unreachable:
    return Unreachable(
        to=ChannelAddress(platform=str(doc.get("platform", "")), channel_id=str(doc.get("channel", ""))),
        kind=str(doc.get("kind", UNKNOWN)),
        error=str(doc.get("error", "")),
        since=str(doc.get("since", "")),
        checked=str(doc.get("checked", "")),
        by_store=doc.get("by_store") is True,
    )


def known(state: StateStore) -> list[Unreachable]:
    """Every marked channel, oldest mark first."""
    return sorted((_of(doc) for doc in _marks(state).values()), key=lambda mark: (mark.since, key_of(mark.to)))


def held(state: StateStore, *, at: datetime) -> frozenset[ChannelAddress]:
    """The marked channels a pass leaves out now: those tried within `RECHECK`. None when the marks cannot
    be read: an unreadable mark never stops the other channels' reminders. A mark for a missing conversation
    reference the store lacked (`by_store`) holds only while it still lacks one (`why_not`): a channel whose
    reference arrived gets its reminders at the next pass, also when the write that should have cleared its
    mark (`reachable`) failed (it held them for up to 23 hours)."""
    due = (at - RECHECK).isoformat()
    try:
        return frozenset(
            mark.to
            for mark in known(state)
            if mark.checked > due and not (mark.by_store and why_not(state, to=mark.to) is None)
        )
    except Exception:
        logger.exception("could not read the unreachable channels; none is held this pass")
        return frozenset()


def note(
    state: StateStore,
    *,
    failed: Mapping[ChannelAddress, str],
    reached: Iterable[ChannelAddress],
    at: datetime,
    by_store: bool = False,
) -> None:
    """What posts found: `failed` (a channel -> the `Undeliverable` message) is marked, or its mark's last
    try moved on; `reached` (a post went) clears a mark. One write, and only when a mark changes. A store
    that cannot take it is logged, not raised: the posts are recorded, and a mark not written only means
    the channel is tried again."""
    try:
        _note(state, failed=failed, reached=reached, at=at, by_store=by_store)
    except Exception:
        logger.exception("could not write which channels cannot be reached")


def _note(
    state: StateStore,
    *,
    failed: Mapping[ChannelAddress, str],
    reached: Iterable[ChannelAddress],
    at: datetime,
    by_store: bool,
) -> None:
    marks = _marks(state)
    cleared = [to for to in set(reached) if key_of(to) in marks and to not in failed]
    if not failed and not cleared:
        return
    stamp = at.isoformat()
    with state.store.update(PARTITION) as tables:
        rows = tables.setdefault(TABLE, {})
        for to, error in failed.items():
            old = rows.get(key_of(to))
            rows[key_of(to)] = {
                "platform": to.platform,
                "channel": to.channel_id,
                "kind": kind_of(error),
                "error": error[:300],
                "since": old.get("since", stamp) if old else stamp,
                "checked": stamp,
                **({"by_store": True} if by_store else {}),
            }
            if old is None and kind_of(error) == NO_REFERENCE:
                logger.warning(
                    "%s channel %s cannot be reached by any process (%s): announcements to it are not kept "
                    "and its reminders not planned until the bot is added there; shown on oversikt and /healthz",
                    to.platform,
                    to.channel_id,
                    error,
                )
            elif old is None:
                logger.error(
                    "%s channel %s cannot be reached (%s); its reminders are held, tried again after %d hours or "
                    "when the bot is added there, and shown on oversikt and /healthz",
                    to.platform,
                    to.channel_id,
                    error,
                    RECHECK // timedelta(hours=1),
                )
        for to in cleared:
            rows.pop(key_of(to), None)
            logger.info(
                "%s channel %s can be reached again; what was held goes with the next pass", to.platform, to.channel_id
            )
        _MIRROR[state.store] = dict(rows)


def reachable(state: StateStore, *, to: ChannelAddress, at: datetime) -> bool:
    """The platform learned it can post to `to` (a Teams conversation reference arrived): its mark goes,
    so the next pass posts what was held. True when there was a mark."""
    if key_of(to) not in _marks(state):
        return False
    note(state, failed={}, reached=(to,), at=at)
    return True


def lines(store: Store) -> list[str]:
    """The marks this process knows, one English line each, for /healthz."""
    return [
        f"{doc.get('platform')}:{doc.get('channel')} cannot be reached since {doc.get('since', '')[:16]}: "
        f"{doc.get('error', '')}"[:300]
        for doc in _MIRROR.get(store, {}).values()
    ]


def reason_text(mark: Unreachable) -> str:
    """What an admin reads about a marked channel, and what to do about it."""
    platform = platform_name(mark.to.platform)
    texts = {
        NO_REFERENCE: _(
            "boten er ikke lagt til der. Legg boten til i kanalen (eller teamet), så går påminnelsene dit; kunngjøringer fra tiden før sendes ikke dit."
        ),
        NOT_IN_CHANNEL: _("boten er ikke med i kanalen. Inviter boten dit, så går det som venter."),
        ARCHIVED: _("kanalen er arkivert. Koble en annen kanal med «koble»."),
        GONE: _("kanalen finnes ikke lenger, eller boten ser den ikke. Koble en annen kanal med «koble»."),
        FORBIDDEN: _("{platform} nekter boten å skrive der. Sjekk at boten fortsatt er med i kanalen."),
    }
    return texts.get(mark.kind, _("{platform} tar ikke imot innlegg der ({error}).")).format(
        platform=platform, error=mark.error[:120]
    )
