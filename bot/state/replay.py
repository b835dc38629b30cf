"""What a change did to the model, recorded so the history can be replayed, read back and proved.

Why: a hash chain of one-line summaries proves that nobody edited the history, not that the state is what
the history says. Each entry therefore also records the records it touched, whole, as they were before
and after (`changes`), and the first entry of a partition's replayable chain carries the model tables as
they were before it (`base`). Replaying base + changes must give the stored model tables; a version's
checksum, a signature, a date or a minutes text edited outside the bot then shows, named by table and key.

Model state and bookkeeping are told apart here, once (`BOOKKEEPING`, `model_tables`). This module only
computes on plain tables; `StateStore` decides where entries and tables live.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from storage.base import ROW_TABLES, Document, Tables

logger = logging.getLogger(__name__)

CHANGES = "changes"
"""An entry's list of touched records: ``{"table", "key", "before", "after"}`` (None where absent)."""
BASE = "base"
"""The model tables before the entry, on the first entry of a replayable chain (stores written earlier)."""

BOOKKEEPING = frozenset(ROW_TABLES) | {"pending", "undelivered"}
"""Tables that are not the model: the history itself, applied request ids, the reminder ledger (each
written apart from `StateStore.change`, through the row methods) and the announcement outbox's queues.
Every other table of a partition is model state, so a new model table is covered without listing it.
Names starting with ``_`` are a store's own (tinydb's segment counts) and never model state either."""


def is_model_table(name: str) -> bool:
    return name not in BOOKKEEPING and not name.startswith("_")


def model_tables(tables: Mapping[str, Any]) -> Tables:
    """The model state of a partition: its model tables, empty ones left out (absent and empty are equal)."""
    return {name: rows for name, rows in tables.items() if is_model_table(name) and isinstance(rows, dict) and rows}


Frozen = dict[str, str]
"""Each model table as JSON text: a deep copy taken before a change, which the change cannot alter."""


_TEXT = json.JSONEncoder(ensure_ascii=False, allow_nan=False, separators=(",", ":")).encode
"""Built once: `json.dumps` with options builds an encoder on every call, and a write freezes every table twice."""


def _text(rows: Any) -> str:
    """JSON text of a table. A value JSON cannot hold (or NaN) raises here as it would in the store's own
    write, so the change is refused before anything is written."""
    return _TEXT(rows)


def freeze(tables: Mapping[str, Any]) -> Frozen:
    return {name: _text(rows) for name, rows in model_tables(tables).items()}


def thaw(frozen: Frozen) -> Tables:
    """The frozen model tables as they were (a `base`)."""
    return {name: json.loads(text) for name, text in frozen.items()}


@dataclass(frozen=True)
class Before:
    """The model tables before a change (`before_change`): the ones the update opened, when the store hands
    them with its work copy (`storage.fragments.WorkCopy`: the readers' own, which the change cannot alter),
    else a frozen copy."""

    opened: Tables | None
    frozen: Frozen | None


def before_change(tables: Mapping[str, Any]) -> Before:
    """What `changes_since` compares with, taken before the change. Why not always `freeze`: it encoded every
    model table before and again after each write, ~0.07 ms a write, when a change touches one or two."""
    opened = getattr(tables, "opened", None)
    if isinstance(opened, dict):
        return Before(opened=model_tables(opened), frozen=None)
    return Before(opened=None, frozen=freeze(tables))


def base(before: Before) -> Tables:
    """The model tables as they were, as JSON gives them back (the `base` of a replayable chain's first entry)."""
    if before.frozen is not None:
        return thaw(before.frozen)
    return {name: _copy(rows) for name, rows in (before.opened or {}).items()}


def _copy(rows: Any) -> Any:
    """A table as JSON gives it back, checked as the store's write would check it (never the opened object)."""
    return json.loads(_text(rows))


def changes_since(before: Before, tables: Mapping[str, Any]) -> list[Document]:
    """What a change did: every record that differs from `before`, as JSON gives it back. Only the tables
    that differ are encoded and parsed again, so a write pays for the tables it touched, not the partition.

    With the opened tables, a table equal to its opened one is untouched: equal values are what
    `changes_between` counts as unchanged anyway, and such a table holds only what the store decoded (a
    value JSON cannot hold differs, is encoded here and refused, as before; the store's write checks all)."""
    if before.frozen is not None:
        now = freeze(tables)
        frozen = before.frozen
        touched = [name for name in set(frozen) | set(now) if frozen.get(name) != now.get(name)]
        return changes_between(
            {name: json.loads(frozen[name]) for name in touched if name in frozen},
            {name: json.loads(now[name]) for name in touched if name in now},
        )
    opened, after = before.opened or {}, model_tables(tables)
    touched = [name for name in opened.keys() | after.keys() if opened.get(name) != after.get(name)]
    return changes_between(
        {name: _copy(opened[name]) for name in touched if name in opened},
        {name: _copy(after[name]) for name in touched if name in after},
    )


def changes_between(before: Tables, after: Tables) -> list[Document]:
    """Every record that differs, whole, sorted by table and key; an added record has before=None, a
    removed one after=None."""
    found: list[Document] = []
    for table in sorted(set(before) | set(after)):
        old, new = before.get(table, {}), after.get(table, {})
        if old == new:
            continue
        for key in sorted(set(old) | set(new)):
            if old.get(key) != new.get(key):
                found.append({"table": table, "key": key, "before": old.get(key), "after": new.get(key)})
    return found


def has_replay(entry: Mapping[str, Any] | None) -> bool:
    """Whether an entry says what it changed (entries written before this module did not)."""
    return entry is not None and CHANGES in entry


@dataclass(frozen=True)
class Difference:
    """One record where the stored state is not what the history produces."""

    table: str
    key: str
    problem: str
    """``changed`` (stored differs from the replay), ``added`` (stored, not in the replay), ``removed`` (in
    the replay, not stored), ``before`` (entry `entry` found the record other than the history left it)."""
    fields: tuple[str, ...] = ()
    entry: int | None = None

    def describe(self) -> str:
        """English, for the operator and the logs."""
        what = f" (fields: {', '.join(self.fields)})" if self.fields else ""
        if self.problem == "before":
            return f"{self.table}/{self.key} was changed outside the bot before entry {self.entry}{what}"
        if self.problem == "added":
            return f"{self.table}/{self.key} is stored but no entry made it"
        if self.problem == "removed":
            return f"{self.table}/{self.key} was made by the history but is not stored"
        return f"{self.table}/{self.key} differs from what the history produces{what}"


@dataclass(frozen=True)
class Replay:
    """What replaying one partition's history gave."""

    start: int | None
    """Index of the entry whose `base` the replay started from; None when the history does not cover the
    state (a store written before replay data, until its next change)."""
    state: Tables
    differences: tuple[Difference, ...] = ()


def _fields(old: Any, new: Any) -> tuple[str, ...]:
    if isinstance(old, dict) and isinstance(new, dict):
        return tuple(sorted(name for name in set(old) | set(new) if old.get(name) != new.get(name)))
    return ()


def replay(entries: Sequence[Mapping[str, Any]]) -> Replay:
    """Base + changes, from the last entry carrying a `base`. An entry without replay data after it (an
    older replica's write during a rolling deploy) ends the covered stretch until the next base."""
    state: Tables | None = None
    start: int | None = None
    found: list[Difference] = []
    for index, entry in enumerate(entries):
        if BASE in entry:
            state, start, found = model_tables(_mapping(entry[BASE])), index, []
            state = {name: dict(rows) for name, rows in state.items()}
        if state is None:
            continue
        if not has_replay(entry):
            state, start, found = None, None, []
            continue
        # An entry edited by hand may hold anything: what is not a list of changes changes nothing here, and
        # the chain names the entry.
        changes = entry[CHANGES] if isinstance(entry[CHANGES], list) else []
        for change in (change for change in changes if isinstance(change, Mapping)):
            table, key = str(change.get("table")), str(change.get("key"))
            rows = state.setdefault(table, {})
            if rows.get(key) != change.get("before"):
                fields = _fields(rows.get(key), change.get("before"))
                found.append(Difference(table=table, key=key, problem="before", fields=fields, entry=index))
            if change.get("after") is None:
                rows.pop(key, None)
            else:
                rows[key] = change["after"]
    return Replay(
        start=start, state={name: rows for name, rows in (state or {}).items() if rows}, differences=tuple(found)
    )


def _mapping(value: Any) -> Mapping[str, Any]:
    return value if isinstance(value, Mapping) else {}


def compare(*, replayed: Tables, stored: Mapping[str, Any]) -> list[Difference]:
    """Every record where the stored model tables differ from the replayed ones."""
    found: list[Difference] = []
    for change in changes_between(replayed, model_tables(stored)):
        before, after = change["before"], change["after"]
        problem = "added" if before is None else "removed" if after is None else "changed"
        found.append(
            Difference(table=change["table"], key=change["key"], problem=problem, fields=_fields(before, after))
        )
    return found


def put_back(*, table: str, key: str, content: Document | None) -> Callable[[Tables], Document | None]:
    """The change a restore makes: the record as `content` (None: removed)."""

    def mutate(tables: Tables) -> Document | None:
        rows = tables.setdefault(table, {})
        if content is None:
            rows.pop(key, None)
        else:
            rows[key] = dict(content)
        return content

    return mutate


@dataclass(frozen=True)
class RecordVersion:
    """One change of one record: the entry (index in the partition's history) and the record around it."""

    index: int
    entry: Document
    before: Document | None
    after: Document | None


def versions_of(entries: Iterable[Mapping[str, Any]], *, table: str, key: str) -> list[RecordVersion]:
    """Each recorded change of the record, oldest first."""
    found: list[RecordVersion] = []
    for index, entry in enumerate(entries):
        for change in entry.get(CHANGES) or ():
            if change.get("table") == table and change.get("key") == key:
                found.append(
                    RecordVersion(
                        index=index, entry=dict(entry), before=change.get("before"), after=change.get("after")
                    )
                )
    return found
