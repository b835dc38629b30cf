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


def contents(store: Store, partition: str) -> Tables:
    """Everything one partition holds, row tables included, in one comparable shape (empty tables left out
    for the row tables, since a store that keeps them apart cannot tell "empty" from "absent")."""
    tables = {name: docs for name, docs in store.read(partition).items() if name not in ROW_TABLES}
    for table in ROW_TABLES:
        rows = store.rows(partition, table=table)
        if rows:
            tables[table] = dict(rows)
    return tables


def copy_store(*, source: Store, target: Store) -> Copied:
    """Copy every partition of `source` into the empty `target`; raises StoreError if it is not empty."""
    existing = target.partitions()
    if existing:
        raise StoreError(
            f"The target store already holds {len(existing)} partitions (e.g. {existing[0]}). Import into an "
            "empty store only: create a new database (and run `python -m bot migrate`) or use a new folder."
        )
    partitions = source.partitions()
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
    return Copied(partitions=len(partitions), rows=rows)


def differences(a: Store, b: Store) -> list[str]:
    """Where two stores differ (partition names, or what a partition holds); empty when they hold the same."""
    names_a, names_b = a.partitions(), b.partitions()
    problems = [f"only in the first store: {name}" for name in sorted(set(names_a) - set(names_b))]
    problems += [f"only in the second store: {name}" for name in sorted(set(names_b) - set(names_a))]
    for name in sorted(set(names_a) & set(names_b)):
        left, right = contents(a, name), contents(b, name)
        if left != right:
            tables = sorted(t for t in set(left) | set(right) if left.get(t) != right.get(t))
            problems.append(f"{name} differs in {', '.join(tables)}")
    return problems
