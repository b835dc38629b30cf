"""How far an item of the wheel has come: done or not, planned date, what is still missing."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from types import MappingProxyType
from typing import Any

from bot.agreement.versions import EARLIER, VERSIONS, signed_at
from bot.clock import OSLO
from bot.facts.kinds import is_signing
from bot.i18n import _, local
from bot.memo import IdentityMemo, per_config
from bot.model.config import AppConfig
from bot.model.wheel import Item, agreement_parties, milestone_item, precondition_items
from bot.state.store import StateStore, item_doc_key, item_partition, item_table
from storage.base import Tables

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Progress:
    item: Item
    done: bool
    done_at: datetime | None
    planned: datetime | None
    planned_has_time: bool
    missing: tuple[str, ...]
    outcome: dict[str, Any] | None
    not_relevant: bool = False
    """An optional milestone marked not relevant this year: settled (counts as done), without being held."""
    outside_order: str | None = None
    """Why it was recorded outside the model's order (confirmed with `bekreft`), if it was (bokmål)."""
    outside_order_nn: str | None = None
    """The same in nynorsk (stored since issue 18; an older note has only the bokmål)."""
    planned_last_day: date | None = None
    """The last day of a meeting planned over several days («22.–23. april»); None for one day."""
    recorded_at: datetime | None = None
    """When a precondition recorded with the day it happened («vedtatt 14. desember») was typed."""
    planned_end: str | None = None
    """The end typed for a one-day meeting, "HH:MM" (`dato … kl 10–15`); None when only its start is known."""
    planned_set: datetime | None = None
    """When the planned date was last set (stored since walk 7): a reminder it made due on an earlier day
    was not missed (`bot.reminders.schedule.made_due_by_change`)."""

    @property
    def last_day(self) -> date | None:
        """The planned meeting's last day: the minutes are due after it, not after its first day."""
        return self.planned_last_day or (self.planned.date() if self.planned else None)

    @property
    def held_last_day(self) -> date | None:
        """The last day of a meeting held over days: held on its planned first day, planned over several."""
        return held_last_day(done_at=self.done_at, planned=self.planned, last_day=self.planned_last_day)

    @property
    def outside_note(self) -> str | None:
        """The note in the reader's written form, where it was stored in it."""
        return local({"nb": self.outside_order, "nn": self.outside_order_nn}) if self.outside_order else None

    @property
    def target(self) -> date:
        """The day reminders count towards: the planned date once set, otherwise the deadline."""
        return self.planned.date() if self.planned else self.item.deadline


def _when(value: object) -> datetime | None:
    """A stored time, or None when it is missing or not a time with a zone (a hand-edited file must not break
    `neste`, `status` or reminders for the whole partition: the item reads as not yet dated)."""
    if not value:
        return None
    try:
        when = datetime.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        when = None
    if when is None or when.tzinfo is None:
        logger.warning("ignoring a stored time that is not an ISO time with a zone: %r", value)
        return None
    return when


def _day(value: object) -> date | None:
    """A stored day (ISO), or None when missing or not a day (read like `_when`: never breaks a reader)."""
    if not isinstance(value, str) or not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        logger.warning("ignoring a stored day that is not an ISO date: %r", value)
        return None


def progress_of(*, config: AppConfig, state: StateStore, item: Item) -> Progress:
    if is_signing(item):
        return _signing_progress(config=config, state=state, item=item)
    doc = state.item_doc(item)
    # Anything else follows from its stored document alone, so it is kept by the document's identity (a
    # store hands out the same object until the partition changes), or by the item's spec when there is no
    # document: a request asks for a dozen items, and most have not changed since the last one.
    held = doc if doc else item.spec
    found = _KNOWN.get(held, item.ident)
    if found is not None and found.item.spec is item.spec:
        return found
    return _KNOWN.put(held, _progress(config=config, state=state, item=item, doc=doc), item.ident)


def progress_many(*, config: AppConfig, state: StateStore, items: Sequence[Item]) -> list[Progress]:
    """`progress_of` of each item. An item other than a signing follows from its own document alone, so every
    item of a partition is found, while that partition's tables are the same object, in one table kept by
    that object: a `neste` asks for ~30 items from a few partitions, and the path to each document (the
    partition, the table, the key, its check, the progress kept by it) was most of the cost."""
    if not state.only_read():  # a held write's tables are being changed: each item as ever
        return [progress_of(config=config, state=state, item=item) for item in items]
    found: list[Progress] = []
    last: Tables | None = None
    last_partition = ""
    known: dict[str, Progress] = {}
    for item in items:
        if is_signing(item):
            found.append(progress_of(config=config, state=state, item=item))
            continue
        partition = state.item_partition_of(item)
        # Items come by partition: the partition read for the item before is the same tables in a request that
        # only reads, so it is not asked of the request's view again (~25 items a region's `neste`).
        tables = last if partition == last_partition and last is not None else state.store.read(partition)
        last_partition = partition
        if tables is not last:
            last = tables
            kept = _BY_TABLES.get(tables, partition) if tables else None
            if kept is None or kept[0] is not config:
                kept = (config, {})
                if tables:  # a partition never written is a new empty object each read: nothing to keep by
                    _BY_TABLES.put(tables, kept, partition)
            known = kept[1]
        progress = known.get(item.ident)
        if progress is None or progress.item.spec is not item.spec:
            progress = known[item.ident] = progress_of(config=config, state=state, item=item)
        found.append(progress)
    return found


_BY_TABLES: IdentityMemo[tuple[AppConfig, dict[str, Progress]]] = IdentityMemo(maxsize=1024)
"""Per partition's tables object: the progress of each of its items asked for (`progress_many`)."""
_KNOWN: IdentityMemo[Progress] = IdentityMemo(maxsize=8192)
_BY_SIGNED: IdentityMemo[tuple[object, Progress]] = IdentityMemo(maxsize=1024)
"""A signing's progress by its partition's stored signatures table (or its spec, with none), with the
document it was made from (`_signing_progress`)."""
_NOTHING: Tables = MappingProxyType({})  # type: ignore[assignment]
"""Stands for a partition never written: a store hands out a new empty dict for each read of one."""


def _signing_progress(*, config: AppConfig, state: StateStore, item: Item) -> Progress:
    """A signing follows from its partition alone (its document and the signatures beside it), so it is
    kept by the identity of the partition's tables: an actor's or AU's `neste` asks for every region's."""
    tables = state.store.read(item_partition(item)) or _NOTHING
    found = _KNOWN.get(tables, item.ident)
    if found is not None and found.item.spec is item.spec:
        return found
    doc = state.item_doc(item)
    # A write to another table of the partition (a precondition, `ikke aktuelt`) keeps the signing's document
    # and the signatures the same objects (storage.fragments.share_unchanged), and the progress follows from
    # them alone: kept by both, it is not made again for the region's `neste` right after that write.
    # Only as stored: a held write's tables are being changed.
    signed = (tables.get("signatures") or item.spec) if state.only_read() else None
    held = doc or _NOTHING  # a missing document is a new empty one each read: all alike
    kept = _BY_SIGNED.get(signed, item.ident) if signed is not None else None
    if kept is not None and kept[0] is held and kept[1].item.spec is item.spec:
        return _KNOWN.put(tables, kept[1], item.ident)
    progress = _progress(config=config, state=state, item=item, doc=doc)
    if signed is not None:
        _BY_SIGNED.put(signed, (held, progress), item.ident)
    return _KNOWN.put(tables, progress, item.ident)


def _progress(*, config: AppConfig, state: StateStore, item: Item, doc: dict[str, Any]) -> Progress:
    missing: tuple[str, ...] = ()
    not_relevant = bool(doc.get("not_relevant")) and item.kind == "milestone" and item.spec.optional
    done = bool(doc.get("done")) or not_relevant
    done_at = _when(doc.get("done_at"))
    outside, outside_nn = doc.get("outside_order"), doc.get("outside_order_nn")
    if is_signing(item):
        signatures = state.signatures(region=item.region, year=item.year)
        missing = tuple(party for party in agreement_parties(config, region=item.region) if party not in signatures)
        done = not missing
        if done:
            done_at = max((_when(signed_at(sig)) for sig in signatures.values()), default=None)  # its signed day
        noted = [(p, sig) for p, sig in signatures.items() if sig.get("outside_order")]
        # Each note is a sentence of its own («… var 31. januar 2027.»): joined as sentences, not by «;» (walk 8, m8).
        outside = " ".join(f"{config.party_prose(p)}: {sig['outside_order']}" for p, sig in noted) or None
        outside_nn = (
            " ".join(
                f"{config.party_prose(p)}: {sig.get('outside_order_nn') or sig['outside_order']}" for p, sig in noted
            )
            or None
        )
    planned, has_time, last_day, end = (
        _when(doc.get("planned")),
        bool(doc.get("planned_has_time")),
        _last_day(doc),
        _clock(doc.get("planned_end")),
    )
    if done and done_at is not None and planned is not None and not _on_plan(done_at, planned, last_day):
        # A held meeting's day is its held day (walk11 F1): minutes «holdt 19. november» after a plan for 3
        # December put every surface (feeds, status, the wheel) on the held day, never the stale plan.
        planned, has_time, last_day, end = done_at, done_at.time() != time(), None, None
    return Progress(
        item=item,
        done=done,
        done_at=done_at,
        planned=planned,
        planned_has_time=has_time,
        planned_last_day=last_day,
        recorded_at=_when(doc.get("recorded_at")),
        planned_set=_when(doc.get("planned_set")),
        planned_end=end,
        missing=missing,
        outcome=doc.get("outcome"),
        not_relevant=not_relevant,
        outside_order=outside,
        outside_order_nn=outside_nn,
    )


def held_last_day(*, done_at: datetime | None, planned: datetime | None, last_day: date | None) -> date | None:
    """The one rule for a held meeting's last day (walk 13 W6): the planned span's, when it was held from its
    planned first day; None for one day. `stored_held_last_day` reads it from a stored (or earlier) record."""
    if done_at is None or planned is None or last_day is None:
        return None
    return last_day if done_at.astimezone(planned.tzinfo).date() == planned.date() else None


def stored_held_last_day(doc: dict[str, Any]) -> date | None:
    """`held_last_day` of a stored record, as the history keeps it (the minutes a later write replaced)."""
    return held_last_day(done_at=_when(doc.get("done_at")), planned=_when(doc.get("planned")), last_day=_last_day(doc))


def _on_plan(held: datetime, planned: datetime, last_day: date | None) -> bool:
    """Whether the held day is the planned one (or one of a planned meeting's days)."""
    day = held.astimezone(planned.tzinfo).date()
    return planned.date() <= day <= (last_day or planned.date())


def _clock(value: object) -> str | None:
    """A stored end "HH:MM", or None for anything else (a hand edit reads as no end known)."""
    if isinstance(value, str) and len(value) == 5 and value[2] == ":" and value.replace(":", "").isdigit():
        hour, minute = int(value[:2]), int(value[3:])
        return value if hour < 24 and minute < 60 else None
    return None


def _last_day(doc: dict[str, Any]) -> date | None:
    """A stored last day after the planned first day, else None (one day, or a value that makes no span)."""
    planned, last = _when(doc.get("planned")), _day(doc.get("planned_last_day"))
    return last if planned is not None and last is not None and last > planned.date() else None


def missing_for_signing(*, config: AppConfig, state: StateStore, signing: Item) -> list[Item]:
    """What must be recorded before agreement `signing.year` of `signing.region` may be signed.

    The model (§2.1): signed only after the state budget and the region's budget are adopted and the
    actors have their allocation letters; and (§3.2) after the draft has been treated politically.
    """
    assert signing.region is not None
    # What it waits for follows from the partitions those items live in, so the answer is kept by their
    # tables' identities: AU's and an actor's `neste` ask it for every region's signing on every request
    # (~12 an actor's), so a kept answer is checked against the partitions it holds, before anything is built.
    read = state.store.read
    kept = _BLOCKERS.get(signing.ident)
    if kept is not None and kept[0] is config:
        tables = tuple(read(partition) or _NOTHING for partition in kept[1])
        if all(now is was for now, was in zip(tables, kept[2], strict=True)):
            return list(kept[3])
        if kept[4] is not None and all(a is b for a, b in zip(_docs_of(kept[4], tables), kept[5], strict=True)):
            # The partition changed (a signature, a date), not what the signing waits for (issue 21: each
            # `signer` wrote its region's partition, and the next one worked the blockers out anew).
            _BLOCKERS[signing.ident] = (config, kept[1], tables, *kept[3:])
            return list(kept[3])
    needs, partitions = _signing_needs(config, signing)
    tables = tuple(read(partition) or _NOTHING for partition in partitions)
    blockers = [item for item in needs if not progress_of(config=config, state=state, item=item).done]
    if kept is not None and kept[0] is config and not state.only_read():
        return blockers  # worked out from a held write's copy: the answer kept is the stored state's
    where = _where(needs, partitions)
    docs = _docs_of(where, tables) if where is not None else ()
    _BLOCKERS[signing.ident] = (config, partitions, tables, tuple(blockers), where, docs)
    return blockers


_Where = tuple[tuple[int, str, str], ...]
"""Where each item a signing waits for is stored: its partition's place among the signing's partitions,
its table and its document's key."""
_BLOCKERS: dict[
    str, tuple[AppConfig, tuple[str, ...], tuple[Tables, ...], tuple[Item, ...], _Where | None, tuple[object, ...]]
] = {}
"""Per signing: the configuration, the partitions and tables its blockers were worked out from, the
blockers, and where the items it waits for are stored with the documents they had (one entry per signing
ever asked about: a region and year each)."""


def _where(needs: tuple[Item, ...], partitions: tuple[str, ...]) -> _Where | None:
    """Where each of `needs` is stored, or None when one is a signing (its progress follows from the
    signatures beside its document, not from the document alone)."""
    if any(is_signing(item) for item in needs):
        return None
    found = []
    for item in needs:
        found.append((partitions.index(item_partition(item)), item_table(item), item_doc_key(item)))
    return tuple(found)


def _docs_of(where: _Where, tables: tuple[Tables, ...]) -> tuple[object, ...]:
    """The stored document of each item (an absent or empty one as None, as `progress_of` takes them
    alike), compared by identity: a store hands out the same object while its text is the same
    (`storage.fragments`), and any other value is a new object, so a document that changed never
    compares the same."""
    found: list[object] = []
    for index, table, key in where:
        docs = tables[index].get(table)
        found.append((docs.get(key) or None) if isinstance(docs, dict) else docs)
    return tuple(found)


def signing_reads(*, config: AppConfig, state: StateStore, signing: Item) -> tuple[object, ...]:
    """What a signing's section (`handlers/describe.py`) reads from the store, to keep it by: its document,
    its partition's signatures, text versions and voided signatures, and the document (a signing's: its
    signatures) of each thing it waits for. An empty one may be a new object each read: any empty stands
    for any other."""
    tables = state.store.read(item_partition(signing))
    reads: list[object] = [
        state.item_doc(signing),
        *(tables.get(name) for name in ("signatures", VERSIONS, EARLIER)),
    ]
    for need in _signing_needs(config, signing)[0]:
        reads.append(state.item_doc(need))
        if is_signing(need):
            reads.append(state.store.read(item_partition(need)).get("signatures"))
    return tuple(reads)


def signing_needs(*, config: AppConfig, signing: Item) -> tuple[Item, ...]:
    """Everything a signing waits for, recorded or not (`missing_for_signing` is what is still missing)."""
    return _signing_needs(config, signing)[0]


@per_config(maxsize=1024, key=lambda signing: signing.ident)
def _signing_needs(config: AppConfig, signing: Item) -> tuple[tuple[Item, ...], tuple[str, ...]]:
    """The items a signing waits for (§2.1: the state budget, the region's budget and the actors' allocation
    letters; §3.2: the political treatment), in order, and the partitions they live in."""
    assert signing.region is not None
    needs: list[Item] = []
    if signing.spec.requires_preconditions:
        needs += precondition_items(config, year=signing.year, region=signing.region)
    for after in signing.spec.after:
        spec = config.milestone(after.key)
        if spec is not None:
            needs.append(milestone_item(config, milestone=spec, year=signing.year + after.cycle, region=signing.region))
    return tuple(needs), tuple(dict.fromkeys(item_partition(item) for item in needs))


def blockers_text(blockers: list[Item]) -> str:
    """What a signing waits for, in one line: the allocation letters of every actor as one item
    ("Tildelingsbrev mottatt – Innovasjon Norge, Siva, Norges forskningsråd og Regionale forskningsfond (avtale 2027)"), not four of the same title."""
    groups: dict[tuple[str, int] | str, list[Item]] = {}  # in order of first appearance
    for item in blockers:
        key = (item.spec.key, item.year) if item.kind == "precondition" and item.actor else item.ident
        groups.setdefault(key, []).append(item)
    parts: list[str] = []
    for items in groups.values():
        first = items[0]
        if len(items) == 1:
            parts.append(first.title())
            continue
        actors = [str(item.actor_name or item.actor) for item in items]
        parts.append(
            f"{first.spec.name} – {', '.join(actors[:-1])} {_('og')} {actors[-1]} "
            + _("(avtale {year})").format(year=first.year)
        )
    return "; ".join(parts)


def earlier_missing(*, config: AppConfig, state: StateStore, precondition: Item) -> Item | None:
    """The precondition that must be recorded before `precondition` may be (app.yaml `after`: an allocation
    letter follows from the state budget), while it is not: the one rule the recording action refuses by and
    every reminder and `neste` reads, so none of them offers a command that would be refused (walk 6, F1)."""
    region = precondition.region or config.parties.regions[0].key
    for key in precondition.spec.after:
        before = next(
            (item for item in precondition_items(config, year=precondition.year, region=region) if item.key == key),
            None,
        )
        if before is not None and not progress_of(config=config, state=state, item=before).done:
            return before
    return None


def earlier_done_after(*, config: AppConfig, state: StateStore, precondition: Item, day: date) -> Item | None:
    """The precondition `precondition` follows from (app.yaml `after`) when it was done after `day`: an
    allocation letter typed as received 10 December, from a state budget adopted 16 December, is asked
    about before it is recorded, as the order is checked on the day it is typed (walk 21 A4)."""
    region = precondition.region or config.parties.regions[0].key
    for key in precondition.spec.after:
        before = next(
            (item for item in precondition_items(config, year=precondition.year, region=region) if item.key == key),
            None,
        )
        done_at = progress_of(config=config, state=state, item=before).done_at if before is not None else None
        if before is not None and done_at is not None and done_at.astimezone(OSLO).date() > day:
            return before
    return None
