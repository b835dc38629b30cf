"""History, ledger and request ids for `TinyDBStore`, in fixed-size segment files of their own.

Why: these tables grow for as long as the store lives. Kept inside the partition file, every write
rewrote all of them (2.4 ms at 10 history entries, 78 ms at 10,000). Here the partition file keeps only
a short *tail* of each row table (fewer than ``2 * SEGMENT_ROWS`` rows); when a write leaves a longer
tail, its oldest ``SEGMENT_ROWS`` rows move into ``<folder>/.rows/<partition>/<table>-<n>.json`` and the
partition file counts the segments in its ``_segments`` table. A write therefore touches the partition
file plus, once every ``SEGMENT_ROWS`` rows, one segment file of a fixed size: the same cost in year one
and year thirty.

Crash safety: a segment is written durably *before* the partition file that counts it. A crash between
the two leaves the rows in the tail and an uncounted segment file, which the next spill overwrites with
the same rows. A counted segment is never written again, so it is cached without checking the disk.

Old stores need no conversion: a partition file without ``_segments`` holds all its rows in the tail, as
before, and its next write moves them into segments.
"""

from __future__ import annotations

import logging
import os
import threading
from collections import OrderedDict
from typing import Any

from storage.atomic_json import atomic_write
from storage.base import ROW_TABLES, Document, StoreError, Tables
from storage.codec import decode_tables, encode_tables
from storage.faults import os_fault
from storage.rows_in_tables import free_key

logger = logging.getLogger(__name__)

SEGMENT_ROWS = 64
"""Rows per segment file; the partition file keeps fewer than twice this many of each row table."""
META = "_segments"
"""The partition file's table of segment counts: ``{"history": {"n": 3}}``. Never shown to callers."""
ROWS_FOLDER = ".rows"
"""Under the store's folder; the dot keeps it out of `partitions()`."""

Meta = dict[str, dict[str, Any]]


def segment_count(meta: Meta, table: str) -> int:
    return int(meta.get(table, {}).get("n", 0))


class SegmentFiles:
    """Reads and writes the segment files of one store folder, with a cache of the counted (immutable) ones."""

    def __init__(self, directory: str, *, cache_size: int) -> None:
        self.directory = directory
        self._cache_size = max(cache_size, 16)
        self._cache: OrderedDict[tuple[str, str, int], dict[str, Document]] = OrderedDict()
        self._index: dict[tuple[str, str], tuple[int, dict[str, int]]] = {}
        self._merged: OrderedDict[tuple[str, str], tuple[dict[str, Document], int, dict[str, Document]]] = OrderedDict()
        self._lock = threading.RLock()

    def path(self, partition: str, table: str, number: int) -> str:
        return os.path.join(self.directory, ROWS_FOLDER, *partition.split("/"), f"{table}-{number:06d}.json")

    # -- reading ------------------------------------------------------------------------------------------

    def segment(self, partition: str, table: str, number: int) -> dict[str, Document]:
        """One counted segment's rows, in order (read-only for the caller)."""
        key = (partition, table, number)
        with self._lock:
            rows = self._cache.get(key)
            if rows is not None:
                self._cache.move_to_end(key)
                return rows
        path = self.path(partition, table, number)
        try:
            with open(path, "rb") as handle:
                raw = handle.read()
        except OSError as exc:
            raise os_fault(exc, path=path, doing="reading", partition=partition) from exc
        tables = decode_tables(raw, path=path)
        rows = tables.get(table)
        if rows is None:
            raise StoreError(
                f"Storage file {path} does not hold the {table} rows it should. Restore it from backup.",
                partition=partition,
            )
        self._keep(key, rows)
        return rows

    def _keep(self, key: tuple[str, str, int], rows: dict[str, Document]) -> None:
        with self._lock:
            self._cache[key] = rows
            while len(self._cache) > self._cache_size:
                self._cache.popitem(last=False)

    def where(self, partition: str, table: str, *, count: int, key: str) -> int | None:
        """Which counted segment holds `key` (None: none does). Builds the key index once, then extends it."""
        with self._lock:
            covered, index = self._index.get((partition, table), (0, {}))
            if covered > count:  # the partition was replaced by an older copy (a restore): start again
                covered, index = 0, {}
            for number in range(covered, count):
                for row_key in self.segment(partition, table, number):
                    index.setdefault(row_key, number)
            self._index[(partition, table)] = (count, index)
            return index.get(key)

    def merged(self, partition: str, table: str, *, count: int, tail: dict[str, Document]) -> dict[str, Document]:
        """Every row, oldest first: the segments, then the tail (a tail row with a segment's key updates it).
        Remembered for as long as the same tail object is current, so repeated reads cost nothing."""
        if count == 0:
            return tail
        memo_key = (partition, table)
        with self._lock:
            memo = self._merged.get(memo_key)
            if memo is not None and memo[0] is tail and memo[1] == count:
                return memo[2]
            rows: dict[str, Document] = {}
            for number in range(count):
                rows.update(self.segment(partition, table, number))
            rows.update(tail)
            self._merged[memo_key] = (tail, count, rows)
            while len(self._merged) > self._cache_size:
                self._merged.popitem(last=False)
            return rows

    # -- writing (the folder lock is held) ----------------------------------------------------------------

    def spill(self, partition: str, work: Tables, meta: Meta) -> None:
        """Move the oldest rows of each too-long tail in `work` into new segments (written durably now);
        `work` and `meta` then describe the partition file to write."""
        for table in ROW_TABLES:
            tail = work.get(table)
            if not tail or len(tail) < 2 * SEGMENT_ROWS:
                continue
            count = segment_count(meta, table)
            keys = list(tail)
            while len(keys) >= 2 * SEGMENT_ROWS:
                chunk = {key: tail[key] for key in keys[:SEGMENT_ROWS]}
                path = self.path(partition, table, count)
                try:
                    atomic_write(path, data=encode_tables({table: chunk}))
                except OSError as exc:
                    raise os_fault(exc, path=path, doing="writing", partition=partition) from exc
                self._keep((partition, table, count), chunk)
                keys = keys[SEGMENT_ROWS:]
                count += 1
            work[table] = {key: tail[key] for key in keys}
            meta[table] = {"n": count}
            logger.debug("%s %s: %d segments", partition, table, count)


class SegmentedRows:
    """The `Store` row methods over a tail in the partition file plus counted segments (mixed into
    `TinyDBStore`, which provides `_read_with_meta`, `_open_meta`, `_segments` and `update`)."""

    _segments: SegmentFiles
    _open_meta: dict[str, Meta]

    def _read_with_meta(self, partition: str) -> tuple[Tables, Meta]:
        raise NotImplementedError

    def update(self, partition: str) -> Any:
        raise NotImplementedError

    def _meta_in_update(self, partition: str) -> Meta:
        meta = self._open_meta.get(partition)
        if meta is None:
            raise RuntimeError(f"row methods with tables need an open update of {partition!r}")
        return meta

    def append(self, tables: Tables, *, partition: str, table: str, entry: Document) -> str:
        tail = tables.setdefault(table, {})
        key = free_key(tail, position=segment_count(self._meta_in_update(partition), table) * SEGMENT_ROWS + len(tail))
        tail[key] = entry
        return key

    def put_row(self, tables: Tables, *, partition: str, table: str, key: str, doc: Document) -> None:
        self._meta_in_update(partition)
        tables.setdefault(table, {})[key] = doc

    def row(self, tables: Tables, *, partition: str, table: str, key: str) -> Document | None:
        found = tables.get(table, {}).get(key)
        if found is not None:
            return found
        count = segment_count(self._meta_in_update(partition), table)
        number = self._segments.where(partition, table, count=count, key=key) if count else None
        return None if number is None else self._segments.segment(partition, table, number).get(key)

    def last_row(self, tables: Tables, *, partition: str, table: str) -> Document | None:
        tail = tables.get(table, {})
        if tail:
            return tail[next(reversed(tail))]
        count = segment_count(self._meta_in_update(partition), table)
        if not count:
            return None
        rows = self._segments.segment(partition, table, count - 1)
        return rows[next(reversed(rows))] if rows else None

    def rows(self, partition: str, *, table: str) -> dict[str, Document]:
        tables, meta = self._read_with_meta(partition)
        tail = tables.get(table, {})
        return self._segments.merged(partition, table, count=segment_count(meta, table), tail=tail)

    def latest_rows(self, partition: str, *, table: str, limit: int) -> list[Document]:
        """Newest first, reading segments backwards only as far as `limit` needs."""
        if limit <= 0:
            return []
        tables, meta = self._read_with_meta(partition)
        found = [doc for doc in reversed(tables.get(table, {}).values())][:limit]
        number = segment_count(meta, table) - 1
        while len(found) < limit and number >= 0:
            older = self._segments.segment(partition, table, number)
            found.extend(list(reversed(older.values()))[: limit - len(found)])
            number -= 1
        return found

    def count_rows(self, partition: str, *, table: str) -> int:
        tables, meta = self._read_with_meta(partition)
        count = segment_count(meta, table)
        if table == "history" or not count:  # append-only: keys never repeat across segments
            return count * SEGMENT_ROWS + len(tables.get(table, {}))
        return len(self.rows(partition, table=table))

    def _spilled(self, partition: str, table: str, key: str) -> bool:
        count = segment_count(self._meta_in_update(partition), table)
        return bool(count) and self._segments.where(partition, table, count=count, key=key) is not None

    def record_once(self, *, partition: str, table: str, key: str, doc: Document) -> bool:
        with self.update(partition) as tables:
            rows = tables.setdefault(table, {})
            if key in rows or self._spilled(partition, table, key):
                return False
            rows[key] = doc
            return True

    def record_many(self, *, partition: str, table: str, docs: dict[str, Document]) -> None:
        with self.update(partition) as tables:
            rows = tables.setdefault(table, {})
            for key, doc in docs.items():
                if key not in rows and not self._spilled(partition, table, key):
                    rows[key] = doc
