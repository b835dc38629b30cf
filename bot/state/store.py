"""The shared cycle state: where each fact lives, how to read it, and the one way to change it.

Layout (one small partition each, so a write in year ten costs what it costs in year one):
- ``cycle/<region>/<year>``: the region's milestones, its own preconditions, signatures, assignment
  agreements, history, reminder ledger and applied request ids.
- ``national/<year>``: national milestones, national and per-actor preconditions, history, ledger.
- ``meta``: channel and person bindings made at runtime, with their history.
"""

from __future__ import annotations

import logging
from bisect import bisect_left
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from bot.i18n import N_, _, current, translations
from bot.memo import IdentityMemo
from bot.messages import Button, Request
from bot.model.wheel import Item
from bot.state import chain, replay
from bot.state.stored import checked, checked_doc
from bot.state.views import ReadOnce, RequestReads
from storage.base import Document, Store, Tables, newest_first

logger = logging.getLogger(__name__)

META = "meta"


class DomainError(Exception):
    """A refused change. The message is Norwegian and goes to the person as it is; `buttons` offer the way
    forward in one click where there is one (an unregistered person: «Bli med for Agder»). `again`: the
    label of a button that runs the same command with «bekreft» at the end, for a question that says to
    type just that (bot/pipeline/errors.py makes it from the typed words, as `dato`'s questions have one)."""

    def __init__(self, message: str = "", *, buttons: tuple[Button, ...] = (), again: str | None = None) -> None:
        super().__init__(message)
        self.buttons = buttons
        self.again = again


class AlreadyApplied(Exception):
    """The same request id was applied before (a retry or a double click)."""

    def __init__(self, entry: Document) -> None:
        self.entry = entry
        super().__init__(entry.get("summary", ""))


def cycle_partition(region: str, year: int) -> str:
    return f"cycle/{region}/{year}"


def national_partition(year: int) -> str:
    return f"national/{year}"


def item_partition(item: Item) -> str:
    return national_partition(item.year) if item.region is None else cycle_partition(item.region, item.year)


def item_doc_key(item: Item) -> str:
    return f"{item.key}:{item.actor}" if item.actor else item.key


def item_table(item: Item) -> str:
    return "milestones" if item.kind == "milestone" else "preconditions"


_ADDRESSES: dict[str, tuple[str, str, str]] = {}
"""Each item's partition, table and key by its `ident` (which they follow from): a `neste` reads ~40
items' documents, and the three names were built anew for each."""


def _address(item: Item) -> tuple[str, str, str]:
    """An item's partition, table and document key, kept by its `ident` (~40 documents a `neste`)."""
    address = _ADDRESSES.get(item.ident)
    if address is None:
        address = _ADDRESSES[item.ident] = (item_partition(item), item_table(item), item_doc_key(item))
    return address


@dataclass(frozen=True)
class Author:
    """Who made a change, for the history."""

    person: str | None
    name: str
    platform: str
    channel: str


class StateStore:
    """Reads and writes the cycle state through the storage interface."""

    def __init__(self, *, store: Store) -> None:
        self.store = store

    def snapshot(self) -> StateStore:
        """A read-only view that reads each partition once, for a computation that reads the same
        partitions hundreds of times and writes nothing (a reminder pass asks for ~300 items' progress)."""
        return StateStore(store=ReadOnce(self.store))

    def for_request(self, *, hold_writes: bool = False) -> StateStore:
        """A view for one request: each partition is read once (a command asks for the same partitions many
        times), and a partition written through it is read afresh afterwards. Writes go to the store as ever.

        With `hold_writes`, the last write is kept open (its lock held, reads of it seeing the change) until
        `finish_request`, so what the handler works out after the change (its announcements) is written in
        the same durable write (`bot.delivery.outbox`): the change and its announcements are stored together or not
        at all, before anyone is told."""
        return StateStore(store=RequestReads(self.store, hold_writes=hold_writes))

    def finish_request(self, add: Callable[[Store, str, Tables], None] | None = None) -> str | None:
        """Write what a `for_request(hold_writes=True)` view holds, with `add(store, partition, tables)` applied
        to it first; returns the partition written (None when nothing was held, and `add` was not called)."""
        view = self.store
        return view.commit_held(add) if isinstance(view, RequestReads) else None

    def reads_alone(self) -> tuple[tuple[str, int], ...] | None:
        """What this request's view (`for_request`) has read, each partition with the version it read, while
        reading is all it has done; None once it did anything else, and for any other state."""
        view = self.store
        return view.read_set() if isinstance(view, RequestReads) and view.only_reads else None

    def only_read(self) -> bool:
        """Whether everything this state hands out is as stored: False once this request's view (`for_request`)
        did more than read (a held write's tables are the ones being changed, not a stored snapshot)."""
        view = self.store
        return view.only_reads if isinstance(view, RequestReads) else True

    @staticmethod
    def item_partition_of(item: Item) -> str:
        """The partition holding `item`'s document (`item_partition`, kept by the item's `ident`)."""
        return _address(item)[0]

    def wrote(self) -> bool:
        """Whether this request's view (`for_request`) has changed anything; True for any other state, which
        cannot tell."""
        view = self.store
        return view.wrote if isinstance(view, RequestReads) else True

    def tables(self, partition: str) -> Tables:
        return checked(self.store, partition, self.store.read(partition))  # a wrong type: a named fault

    def doc(self, partition: str, table: str, key: str) -> Document:
        found = self.store.read(partition).get(table, {}).get(key) or {}
        return checked_doc(self.store, partition, table, key, found)  # this document alone: a named fault

    def item_doc(self, item: Item) -> Document:
        return self.doc(*_address(item))

    def signatures(self, *, region: str, year: int) -> dict[str, Document]:
        """party -> its signature on the current text: shared while the stored table is the same object (an
        actor's `neste` asks it of every region's signing, ~30 times), so the caller must not change it."""
        partition = cycle_partition(region, year)
        found = self.store.read(partition).get("signatures", {})
        if not found:
            return {}
        kept = _SIGNED.get(found, partition)
        if kept is None:
            signed = {
                party: checked_doc(self.store, partition, "signatures", party, doc) for party, doc in found.items()
            }
            kept = _SIGNED.put(found, signed, partition)
        return kept

    def change(
        self,
        *,
        partition: str,
        author: Author,
        at: datetime | Callable[[], datetime],
        summary: str,
        mutate: Callable[[Tables], Any],
        request: Request | None = None,
        scope: dict[str, Any] | None = None,
        summary_nn: str | None = None,
        action: str | None = None,
    ) -> Any:
        """Apply `mutate` to a fresh copy of the partition and record it in the history, atomically.

        `mutate` may raise DomainError: then nothing is written. A repeated request id raises
        AlreadyApplied with the first entry, so a retried or double-clicked request records once. `at` is
        when it happened, or a clock read once under the lock, so the history's times follow its order.
        """
        store = self.store
        request_id = request.request_id if request else None
        if request_id:  # asked first in the block: a store may bring it with the lock
            store.expect_row(partition=partition, table="requests", key=request_id)
        with store.update(partition) as tables:
            if request_id:
                seen = store.row(tables, partition=partition, table="requests", key=request_id)
                if seen is not None:
                    first = store.row(tables, partition=partition, table="history", key=seen["history"])
                    raise AlreadyApplied(first or {})
            if isinstance(store, RequestReads):
                store.require_current(partition)  # decided on what another writer has changed since: again
            before = replay.before_change(tables)
            result = mutate(tables)
            changes = replay.changes_since(before, tables)
            previous = store.last_row(tables, partition=partition, table="history")
            entry = chain.seal(
                {
                    "at": (at if isinstance(at, datetime) else at()).isoformat(),
                    "person": author.person,
                    "name": author.name,
                    "platform": author.platform,
                    "channel": author.channel,
                    "summary": summary,
                    **({"summary_nn": summary_nn} if summary_nn else {}),
                    **({"action": action} if action else {}),
                    **(scope or {}),
                    # What the change did, so the chain proves the state (bot/state/replay.py); a partition whose
                    # history has no replay data yet starts its replayable chain here, from the state as it is.
                    **({} if replay.has_replay(previous) else {replay.BASE: replay.base(before)}),
                    replay.CHANGES: changes,
                },
                previous=previous,
            )
            key = store.append(tables, partition=partition, table="history", entry=entry)
            if request_id:
                store.put_row(tables, partition=partition, table="requests", key=request_id, doc={"history": key})
        logger.info("recorded change in %s: %s", partition, summary)
        if isinstance(store, RequestReads) and scope and isinstance(scope.get("region"), str):
            store.regions.add(scope["region"])
        return result

    def changed_regions(self) -> frozenset[str]:
        """The regions this request's view recorded changes for (none for any other state, which cannot tell):
        a reply in a chat bound to no region names the one it wrote for (`bot.pipeline.unbound`)."""
        view = self.store
        return frozenset(view.regions) if isinstance(view, RequestReads) else frozenset()

    def history(self, partition: str) -> list[Document]:
        """The partition's history, oldest first."""
        return list(self.store.rows(partition, table="history").values())

    def latest(self, partition: str, *, limit: int) -> list[Document]:
        """The newest `limit` history entries, newest first, without reading the rest."""
        return self.store.latest_rows(partition, table="history", limit=limit)

    def history_count(self, partition: str) -> int:
        return self.store.count_rows(partition, table="history")

    def latest_under(self, prefix: str, *, limit: int, sealed_before: int) -> tuple[list[Document], int]:
        """The newest `limit` history entries of every partition under `prefix`, newest first (same-time
        entries in partition order, then newest first), and how many entries they hold in all.

        Partitions of a year before `sealed_before` (no command writes them: a write goes to last year or
        later) come from the store's summary of them (`Store.sealed_history`), so the cost is that of the
        open years however old the store is. Exactly what reading every partition would give."""
        names = self.store.partitions(prefix)
        # The leading run of sealed years (names sort by year, all start with `prefix`): their entries come
        # first, as they did when every partition was read.
        cut, width = bisect_left(names, f"{prefix}{sealed_before:04d}"), len(prefix) + 4
        count = 0
        while count < cut and len(names[count]) == width and names[count][-4:].isdigit():
            count += 1
        entries, total = ([], 0)
        if count:
            entries, total = self.store.sealed_history(prefix, names=tuple(names[:count]), limit=limit)
        entries = list(entries)
        for name in names[count:]:
            entries += self.latest(name, limit=limit)
            total += self.history_count(name)
        return newest_first(entries)[: max(0, limit)], total

    def verify_history(self, partition: str, *, entries: list[Document] | None = None) -> chain.ChainReport:
        """Walk one partition's hash chain (see `bot.state.chain`) and replay it (`bot.state.replay`): the report names
        every record where the stored state is not what the chain produces.

        A write that lands between reading the history and the tables looks like a difference, so a partition
        that differs is read once more before it is reported."""
        report = self._replayed(partition, self.history(partition) if entries is None else entries)
        return self._replayed(partition, self.history(partition)) if report.differences else report

    def _replayed(self, partition: str, entries: list[Document]) -> chain.ChainReport:
        report = chain.walk(partition=partition, entries=entries)
        replayed = replay.replay(entries)
        if replayed.start is None:
            return report  # a store written before replay data: the chain covers the state from its next change
        stored = replay.compare(replayed=replayed.state, stored=self.tables(partition))
        return chain.with_replay(report, start=replayed.start, differences=(*replayed.differences, *stored))

    def record_versions(self, partition: str, *, table: str, key: str) -> list[replay.RecordVersion]:
        """Each recorded change of one record, oldest first, with its content before and after: what it held
        before a minutes text or a date was replaced (changes made before replay data are not known)."""
        return replay.versions_of(self.history(partition), table=table, key=key)

    def restore(
        self,
        *,
        partition: str,
        table: str,
        key: str,
        index: int,
        author: Author,
        at: datetime,
        request: Request | None = None,
    ) -> Document | None:
        """Put back what the record held after history entry `index` (None: it did not exist then), as a new
        recorded change (action ``restore``), so the restore is itself in the history and can be undone.
        DomainError when that entry did not change the record; a repeated `request` restores once."""
        found = [version for version in self.record_versions(partition, table=table, key=key) if version.index == index]
        if not found:
            raise DomainError(_("Oppføring {index} endret ikke {key}.").format(index=index, key=key))
        content = found[0].after
        text = N_("Satte {table}/{key} tilbake til slik det var etter oppføring {index}.")
        nb, nn = (translations(lang).gettext(text).format(table=table, key=key, index=index) for lang in ("nb", "nn"))

        return self.change(  # type: ignore[no-any-return]
            partition=partition,
            author=author,
            at=at,
            summary=nb,
            summary_nn=nn if nn != nb else None,
            mutate=replay.put_back(table=table, key=key, content=content),
            request=request,
            action="restore",
            scope={"restored": {"table": table, "key": key, "entry": index}},
        )

    def verify_all(self) -> list[chain.ChainReport]:
        """Every partition that has a history, walked; the layout of the store stays behind this method."""
        return [
            self.verify_history(name, entries=found)
            for name in self.store.partitions()
            if (found := self.history(name))
        ]

    def ledger(self, partition: str) -> dict[str, Document]:
        return self.store.rows(partition, table="ledger")

    def record_sent(self, *, partition: str, reminder_id: str, entry: Document) -> bool:
        """Write one reminder into the once-only ledger (after the platform accepted the post); False when
        it was there already (another replica recorded it first)."""
        return self.store.record_once(partition=partition, table="ledger", key=reminder_id, doc=entry)

    def record_sent_many(self, *, partition: str, entries: dict[str, Document]) -> None:
        """Write several reminders of one partition into the ledger in one write (a digest carries many)."""
        self.store.record_many(partition=partition, table="ledger", docs=entries)

    # -- typed reads of what the actions (bot/actions/) write; handlers read through these, never a table --

    def assignments(self, *, region: str, year: int) -> dict[str, Document]:
        """Actor -> its assignment agreement answer this cycle (`status` "sent" or "none", `at`, `by`)."""
        return dict(self.store.read(cycle_partition(region, year)).get("assignments", {}))

    def channel_binding(self, *, key: str) -> Document | None:
        """A channel bound at runtime (`koble`), by `binding_key(platform, channel_id)`."""
        return self.doc(META, "channels", key) or None

    def person_binding(self, *, key: str) -> Document | None:
        """A person bound at runtime (`person`), by `binding_key(platform, user_id)`."""
        return self.doc(META, "people", key) or None

    def stored_years(self, *, region: str | None, before: int) -> tuple[int, ...]:
        """The cycle years before `before` the store holds for a region (None: the nation), oldest first:
        whatever an earlier cycle left open (follow-up points) is read from every year there is, not a window.

        With `before` no later than last year the listing cannot change under a kept reply (no command makes
        a partition of a year before last year: a write goes to last year or later), so it asks the store
        behind a request's view, and what is read from those partitions is checked as every read is."""
        prefix = national_partition(0)[:-1] if region is None else cycle_partition(region, 0)[:-1]
        store = self.store.behind if isinstance(self.store, RequestReads) else self.store
        years = {int(name[len(prefix) :]) for name in store.partitions(prefix) if name[len(prefix) :].isdigit()}
        return tuple(sorted(year for year in years if year < before))

    def stored_plan_periods(self, *, region: str) -> tuple[str, ...]:
        """The region's plan periods as set with `plan` («2028–2031»), each once: one per period since
        issue 18 (`periods`, by first year), or the one a store from before holds (`period`)."""
        stored = self.doc(META, "plan_periods", region) or {}
        periods = [str(entry["period"]) for entry in (stored.get("periods") or {}).values()]
        if stored.get("period"):
            periods.insert(0, str(stored["period"]))
        return tuple(dict.fromkeys(periods))


_SIGNED: IdentityMemo[dict[str, Document]] = IdentityMemo(maxsize=1024)
"""Each partition's signatures, checked, by the identity of its stored table (a store never mutates it)."""


def entry_summary(entry: Mapping[str, Any]) -> str:
    """A history entry's summary in the current written form: `summary_nn` for a nynorsk reader when the
    entry has it (written since both forms are stored), else the bokmål `summary` every entry has."""
    if current() == "nn" and entry.get("summary_nn"):
        return str(entry["summary_nn"])
    return str(entry.get("summary") or "")
