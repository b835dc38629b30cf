"""Copy a whole store into another (tinydb <-> PostgreSQL), and compare what two stores hold.

`python -m bot export` and `python -m bot import` use these. A copy goes partition by partition: the
partition's own tables in one `update`, with its history, ledger and request rows written in that same
update under their original keys, so a partially copied partition is never visible. The target must be
empty: merging two stores is not a copy and would hide which one is right.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from storage.base import ROW_TABLES, Store, StoreError, Tables

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Copied:
    partitions: int
    rows: int


MARKER = "store/import"
"""The partition that records an import into this store (never copied, never compared)."""
_TABLE = "import"


def refuse_half_copy(store: Store) -> None:
    """Raise `StoreError` when an import into `store` started and never finished."""
    marker = store.read(MARKER).get(_TABLE, {}).get("1")
    if isinstance(marker, dict) and marker.get("state") == "copying":
        raise StoreError(
            f"An import into this store did not finish (started {marker.get('started', '?')}, from "
            f"{marker.get('source', '?')}): it holds only part of the data, so the bot will not start on it. "
            "Empty the store (a new database and `python -m bot migrate`, or a new folder), then run "
            "`python -m bot import` again.",
            partition=MARKER,
        )


def _mark(target: Store, **fields: object) -> None:
    with target.update(MARKER) as tables:
        tables[_TABLE] = {"1": {**tables.get(_TABLE, {}).get("1", {}), **fields}}


def contents(store: Store, partition: str) -> Tables:
    """Everything one partition holds, row tables included, in one comparable shape (empty tables left out
    for the row tables, since a store that keeps them apart cannot tell "empty" from "absent")."""
    tables = {name: docs for name, docs in store.read(partition).items() if name not in ROW_TABLES}
    for table in ROW_TABLES:
        rows = store.rows(partition, table=table)
        if rows:
            tables[table] = dict(rows)
    return tables


def copy_store(*, source: Store, target: Store, source_name: str = "", started: str = "") -> Copied:
    """Copy every partition of `source` into the empty `target`; raises StoreError if it is not empty.
    `source_name` and `started` are kept in the target's `MARKER` for the operator."""
    existing = target.partitions()
    if existing:
        raise StoreError(
            f"The target store already holds {len(existing)} partitions (e.g. {existing[0]}). Import into an "
            "empty store only: create a new database (and run `python -m bot migrate`) or use a new folder."
        )
    refuse_half_copy(source)
    partitions = _data_partitions(source)
    _mark(target, state="copying", source=source_name, started=started, partitions=len(partitions))
    rows = 0
    for partition in partitions:
        held = contents(source, partition)
        with target.update(partition) as tables:
            for name, docs in held.items():
                if name in ROW_TABLES:
                    for key, doc in docs.items():
                        target.put_row(tables, partition=partition, table=name, key=key, doc=doc)
                        rows += 1
                else:
                    tables[name] = docs
        logger.info("copied %s", partition)
    _mark(target, state="done")
    return Copied(partitions=len(partitions), rows=rows)


def _data_partitions(store: Store) -> list[str]:
    return [name for name in store.partitions() if name != MARKER]


def differences(a: Store, b: Store) -> list[str]:
    """Where two stores differ (partition names, or what a partition holds); empty when they hold the same."""
    names_a, names_b = _data_partitions(a), _data_partitions(b)
    problems = [f"only in the first store: {name}" for name in sorted(set(names_a) - set(names_b))]
    problems += [f"only in the second store: {name}" for name in sorted(set(names_b) - set(names_a))]
    for name in sorted(set(names_a) & set(names_b)):
        left, right = contents(a, name), contents(b, name)
        if left != right:
            tables = sorted(t for t in set(left) | set(right) if left.get(t) != right.get(t))
            problems.append(f"{name} differs in {', '.join(tables)}")
    return problems
