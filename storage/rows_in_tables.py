"""The row methods of `Store` for a store that keeps history, ledger and request ids as tables of the
partition itself (`MemoryStore`): simple, and a write rewrites them all, so a store that must stay fast
at thousands of rows keeps them apart instead (`storage.tinydb_rows`, `storage.postgres`)."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from storage.base import Document, Tables

logger = logging.getLogger(__name__)


class RowsInTables:
    """Mixed into a `Store` (before it), whose `read` gives the partition's tables."""

    if TYPE_CHECKING:

        def read(self, partition: str) -> Tables: ...

    def append(self, tables: Tables, *, partition: str, table: str, entry: Document) -> str:
        rows = tables.setdefault(table, {})
        key = free_key(rows, position=len(rows))
        rows[key] = entry
        return key

    def put_row(self, tables: Tables, *, partition: str, table: str, key: str, doc: Document) -> None:
        tables.setdefault(table, {})[key] = doc

    def row(self, tables: Tables, *, partition: str, table: str, key: str) -> Document | None:
        return tables.get(table, {}).get(key)

    def last_row(self, tables: Tables, *, partition: str, table: str) -> Document | None:
        rows = tables.get(table, {})
        return rows[next(reversed(rows))] if rows else None

    def rows(self, partition: str, *, table: str) -> dict[str, Document]:
        return self.read(partition).get(table, {})


def free_key(rows: dict[str, Document], *, position: int) -> str:
    """The key of an appended row: its position, zero-padded to six digits so keys sort in order, or the
    next one free (rows copied in under other keys are never overwritten)."""
    key = f"{position:06d}"
    while key in rows:
        position += 1
        key = f"{position:06d}"
    return key
