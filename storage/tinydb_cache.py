"""The tinydb store's cache of parsed partitions (mixed into `TinyDBStore`): the entry that matches a
partition's file on disk now, read again when the file changed, what a write just wrote, and the entries
evicted or forgotten, each closing the file it kept open (`storage.tinydb_store` says why it keeps it open)."""

from __future__ import annotations

import logging
import os
import threading
from collections import OrderedDict

from storage.codec import decode_tables
from storage.fragments import Encoded
from storage.tinydb_entry import Entry, identity_of, read_all, split_meta, version_of
from storage.tinydb_feed import WritesFeed

logger = logging.getLogger(__name__)


class CachedEntries:
    """`_current`, `_remember`, `_put` and `_forget` (mixed into `TinyDBStore`, which provides the cache, its
    size, this thread's open look, the writes feed and `_still_home`)."""

    _cache: OrderedDict[str, Entry]
    _cache_size: int
    _looks: threading.local
    _feed: WritesFeed

    def _still_home(self) -> None:  # provided by TinyDBStore: a vanished folder is a fault, not an empty store
        raise NotImplementedError

    def _current(self, partition: str, path: str) -> Entry | None:
        """The cache entry matching the file on disk now, reading the file if it changed. Needs _cache_lock."""
        entry = self._cache.get(partition)
        try:
            st = os.stat(path)
        except FileNotFoundError:
            self._still_home()  # no file is an empty partition only in the folder the store opened
            if entry is not None:
                self._forget(partition)
            return None
        if entry is not None and entry.identity == identity_of(st):
            self._cache.move_to_end(partition)
            return entry
        try:
            fd = os.open(path, os.O_RDONLY)
        except FileNotFoundError:  # deleted between stat and open
            self._still_home()
            self._forget(partition)
            return None
        try:
            identity = identity_of(os.fstat(fd))
            raw = read_all(fd)
            # Validate now: a corrupt file must fail every read and every update, never be cached.
            tables, meta = split_meta(decode_tables(raw, path=path))
        except BaseException:
            os.close(fd)
            raise
        logger.debug("loaded partition %s (%d bytes)", partition, len(raw))
        entry = Entry(fd=fd, identity=identity, version=version_of(raw), tables=tables, meta=meta)
        return self._put(partition, entry)

    def _remember(self, partition: str, fd: int, raw: bytes, *, encoded: Encoded) -> None:
        """Cache what we just wrote (the tables as the file holds them, not the writer's objects), holding the
        descriptor the write made (the folder lock is held, so the file is ours; it is closed here if the
        cache cannot take it)."""
        try:
            identity = identity_of(os.fstat(fd))  # after the rename, which moves the file's ctime
        except BaseException:
            os.close(fd)
            raise
        tables, meta = split_meta(encoded.tables)
        entry = Entry(fd=fd, identity=identity, version=version_of(raw), tables=tables, meta=meta)
        entry.encoded = encoded
        self._put(partition, entry)

    def _put(self, partition: str, entry: Entry) -> Entry:
        self._forget(partition)  # (and the feed's trust in what was there)
        self._cache[partition] = entry
        seen = getattr(self._looks, "seen", None)
        if seen is not None and partition in seen:  # this thread's own write (or a newer read) shows at once
            seen[partition] = entry
        while len(self._cache) > self._cache_size:
            _, evicted = self._cache.popitem(last=False)
            os.close(evicted.fd)
        return entry

    def _forget(self, partition: str) -> None:
        self._feed.forget(partition)
        old = self._cache.pop(partition, None)
        if old is not None:
            os.close(old.fd)
