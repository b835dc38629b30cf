"""The production `Store`: one TinyDB JSON file per partition, under one data folder.

Layout: ``<directory>/<partition>.json`` (``cycle/agder/2027`` -> ``cycle/agder/2027.json``), the
lock file ``<directory>/.lock``, row segments in ``.rows/`` and noted marks in ``.noted/``
(`storage.tinydb_journal`). Writes go through `atomic_json.atomic_write_kept` (temp file, fsync, rename,
fsync of the folder; the new file stays open for the cache) while ``<directory>/.lock`` is held, so
concurrent writers never lose an update.

Reads are served from a cache of parsed partitions. An entry is valid while the file at the path has the
same (device, inode, size, mtime, ctime) as when it was read; inside a request (`one_look`) a partition the
writes feed ``<directory>/.writes`` names no write to since it was last looked at is not stat'ed at all
(`storage.tinydb_feed`). The cache keeps the file it read open:
that pins the inode, so a file written later by another process can never be handed the same inode
number, and a replace-by-rename is always detected, however quickly writes follow each other.

A partition's version (`Store.version`) is a 63-bit digest of its file's bytes (`version_of`): the file
changes with every write (rows in segments included: the file counts them), so the version does, whoever
wrote it, another process, plain TinyDB or a restore from backup; the file's format is unchanged.
"""

from __future__ import annotations

import logging
import os
import threading
from collections import OrderedDict
from collections.abc import Iterable, Iterator
from contextlib import ExitStack, contextmanager

from storage import atomic_json
from storage.atomic_json import sweep_stale_temp_files
from storage.base import Document, Store, StoreError, Tables, Versioned, is_recent
from storage.codec import check_partition_name, decode_tables
from storage.faults import FaultLog, os_fault
from storage.fragments import encode_partition, json_copy, work_copy
from storage.locking import FolderLock
from storage.sealed import SealedSummaries
from storage.tinydb_cache import CachedEntries
from storage.tinydb_entry import Entry, identity_of, split_meta, write_base
from storage.tinydb_feed import UNTRUSTED, WritesFeed
from storage.tinydb_home import folder_identity, gone_text
from storage.tinydb_journal import NotedMarks
from storage.tinydb_leases import FileLeases
from storage.tinydb_listing import FolderListings, OneLook, is_partition_name, list_partitions
from storage.tinydb_rows import META, Meta, SegmentedRows, SegmentFiles

logger = logging.getLogger(__name__)

SUFFIX = ".json"
LOCK_NAME = ".lock"


class TinyDBStore(CachedEntries, SegmentedRows, NotedMarks, FileLeases, FaultLog, Store):
    """File-backed store. One instance per data folder and process is the intended use.

    ``read`` returns the cached tables themselves (no copy): treat them as read-only. ``update`` hands out
    a fresh copy parsed from the file's bytes and writes it back durably when the block exits normally.
    """

    def __init__(self, directory: str | os.PathLike[str], *, cache_size: int = 256) -> None:
        if cache_size < 1:
            raise ValueError("cache_size must be at least 1")
        self.directory = os.path.abspath(os.fspath(directory))
        if os.path.exists(self.directory) and not os.path.isdir(self.directory):
            raise StoreError(
                f"The store path {self.directory} is a file, not a folder. Point SAMHANDLING_DB at the store's "
                "folder (or move the file away)."
            )
        try:
            os.makedirs(self.directory, exist_ok=True)
            self._home = folder_identity(self.directory)
        except OSError as exc:
            raise os_fault(exc, path=self.directory, doing="creating") from exc
        self._cache_size = cache_size
        self._cache: OrderedDict[str, Entry] = OrderedDict()
        self._cache_lock = threading.Lock()
        self._lock = FolderLock(os.path.join(self.directory, LOCK_NAME))
        self._active: set[str] = set()
        self._open_meta: dict[str, Meta] = {}
        self._locked: dict[str, int] = {}
        """Each open update's partition and the version it locked (`locked_version`; one writer at a time)."""
        self._retiring: dict[str, str] = {}
        self._noted_folders: set[str] = set()
        self._paths: dict[str, str] = {}
        self._segments = SegmentFiles(self.directory, cache_size=cache_size)
        self._passing = threading.local()
        self._looks = threading.local()
        self._listings = FolderListings()
        """`one_look`: `seen` (partition -> the entry found, or None for no file) while a block is open."""
        self._sealed = SealedSummaries()
        self._feed = WritesFeed(self.directory)
        """Which partitions were written since a request last looked (`storage.tinydb_feed`)."""
        self._closed = False
        try:
            with self._lock.hold():
                sweep_stale_temp_files(self.directory)
        except OSError as exc:
            # A read-only or foreign-owned folder: serve reads, refuse writes with this message, show it on /healthz.
            self.note_fault("store", os_fault(exc, path=os.path.join(self.directory, LOCK_NAME), doing="writing"))

    # -- Store interface ----------------------------------------------------------------------------------

    def read(self, partition: str) -> Tables:
        return self._read_with_meta(partition)[0]

    def read_versioned(self, partition: str) -> Versioned:
        seen = getattr(self._looks, "seen", None)
        if seen is None:
            path = self._path(partition)
            with self._cache_lock:
                entry = self._looked(partition, path)
        elif partition in seen:  # looked at in this request (this thread's: no lock)
            entry = seen[partition]
        else:  # `_checked`, inline: its first look in this request (an actor's `neste` makes ~30)
            path = self._path(partition)
            with self._cache_lock:
                entry = seen[partition] = self._looked(partition, path, trusting=True)
        return Versioned({}, 0) if entry is None else entry.versioned

    def version(self, partition: str) -> int:
        """A stat of the file, as a read: the version of the cached entry, read again when the file changed."""
        path = self._path(partition)
        with self._cache_lock:
            entry = self._checked(partition, path)
            return 0 if entry is None else entry.version

    def versions(self, partitions: Iterable[str]) -> tuple[int, ...]:
        """`version` of each, under one hold of the cache lock: a kept reply checks every partition it read
        (AU's `neste` ~50) on each repeat."""
        paths = [(partition, self._path(partition)) for partition in partitions]
        seen = getattr(self._looks, "seen", None)
        with self._cache_lock:
            if seen is None:  # (a kept reply's check: the look, when there is one, asked once, not per partition)
                entries = [self._looked(partition, path) for partition, path in paths]
            else:
                entries = [
                    seen[partition]
                    if partition in seen
                    else seen.setdefault(partition, self._looked(partition, path, trusting=True))
                    for partition, path in paths
                ]
        return tuple(0 if entry is None else entry.version for entry in entries)

    def _read_with_meta(self, partition: str) -> tuple[Tables, Meta]:
        path = self._path(partition)
        if getattr(self._passing, "through", False):
            return self._read_passing(partition, path)
        with self._cache_lock:
            entry = self._checked(partition, path)
            if entry is None:
                return {}, {}
            return entry.tables, entry.meta

    def _read_passing(self, partition: str, path: str) -> tuple[Tables, Meta]:
        """A read that leaves the cache as it was: the cached tables when current, else the file parsed and
        not kept (what `sealed_history` reads of thirty old years must not push out the partitions requests use)."""
        with self._cache_lock:
            entry = self._cache.get(partition)
            try:
                current = entry is not None and entry.identity == identity_of(os.stat(path))
            except OSError:
                current = False
            if current and entry is not None:
                return entry.tables, entry.meta
        try:
            with open(path, "rb") as handle:
                raw = handle.read()
        except FileNotFoundError:
            self._still_home()
            return {}, {}
        except OSError as exc:
            raise self.note_fault(partition, os_fault(exc, path=path, doing="reading", partition=partition)) from exc
        try:
            return split_meta(decode_tables(raw, path=path))
        except StoreError as exc:
            exc.partition = partition
            raise self.note_fault(partition, exc) from None

    def sealed_history(self, prefix: str, *, names: tuple[str, ...], limit: int) -> tuple[list[Document], int]:
        """As `Store.sealed_history`, reading past the partition cache (see `_read_passing`)."""
        self._passing.through = True
        try:
            return self._sealed.summary(prefix, names=names, limit=limit, store=self)
        finally:
            self._passing.through = False

    def forget_sealed(self, partition: str) -> None:
        self._sealed.forget(partition)

    def one_look(self) -> OneLook:
        """As `Store.one_look`: each partition stat'ed once in the block (nested blocks are one), and not at all
        when the writes feed names no write to it since it was last looked at (`storage.tinydb_feed`)."""
        return OneLook(self._looks, start=self._read_feed)

    def _read_feed(self) -> None:
        with self._cache_lock:
            self._feed.read()
            named, lost = self._feed.take_named()
        if lost:
            self._listings.forget_vouched()
        for name in named:  # another process's write: a listing vouched for through this store's writes checks it
            try:
                folder = os.path.dirname(self._path(name))
            except ValueError:  # not a partition's name: no listing holds it
                continue
            self._listings.named(folder, name)

    def _checked(self, partition: str, path: str) -> Entry | None:
        """`_looked`, once per partition inside `one_look`."""
        seen = getattr(self._looks, "seen", None)
        if seen is None:
            return self._looked(partition, path)
        if partition in seen:
            return seen[partition]
        entry = seen[partition] = self._looked(partition, path, trusting=True)
        return entry

    def _looked(self, partition: str, path: str, *, trusting: bool = False) -> Entry | None:
        """`_current`, with a fault named once (and shown on /healthz) until the file reads again. `trusting`
        (inside `one_look`, whose start read the writes feed): no stat when the feed names no write since the
        last look."""
        entry = self._cache.get(partition)
        faults = self.__dict__.get("_faults")
        if trusting and not faults:
            kept = self._feed.trusted(partition)
            if kept is not UNTRUSTED and (kept is None or kept is entry):
                if entry is not None:
                    self._cache.move_to_end(partition)
                return entry
        if entry is not None and not faults:
            # The common case first, inline: the file as cached and no fault to clear (an actor's `neste`
            # reads ~27 partitions, and AU's kept reply checks ~50 on each repeat).
            try:
                same = entry.identity == identity_of(os.stat(path))
            except OSError:
                same = False
            if same:
                self._cache.move_to_end(partition)
                if trusting:
                    self._feed.trust(partition, entry)
                return entry
        try:
            entry = self._current(partition, path)
        except OSError as exc:
            raise self.note_fault(partition, os_fault(exc, path=path, doing="reading", partition=partition)) from exc
        except StoreError as exc:
            exc.partition = partition
            raise self.note_fault(partition, exc) from None
        self.clear_fault(partition)
        if trusting:
            self._feed.trust(partition, entry)
        return entry

    @contextmanager
    def update(self, partition: str) -> Iterator[Tables]:
        path = self._path(partition)
        with self._write_lock():
            if partition in self._active:
                raise RuntimeError(f"nested update of partition {partition!r} would lose the inner write")
            self._active.add(partition)
            try:
                with self._cache_lock:
                    entry = self._looked(partition, path)  # as it is now, under the lock (never a look kept)
                # The cached tables stay pristine: the writer changes a copy (rows shared, see storage/fragments.py).
                work = work_copy(entry.tables) if entry is not None else {}
                meta: Meta = json_copy(entry.meta) if entry is not None else {}
                self._open_meta[partition] = meta
                self._locked[partition] = entry.version if entry is not None else 0
                yield work
                with self._feed.writing(partition):  # named before and after, for every process's reads
                    self._segments.spill(partition, work, meta)  # segments first: the partition file counts them
                    raw, encoded = encode_partition({**work, META: meta} if meta else work, before=write_base(entry))
                    folder = os.path.dirname(path)
                    listed = self._listings.kept_stamp(folder)  # its names stand through this replace
                    try:
                        fd = atomic_json.atomic_write_kept(path, data=raw)
                    except OSError as exc:
                        fault = os_fault(exc, path=path, doing="writing", partition=partition)
                        raise self.note_fault(f"{partition} (write)", fault) from exc
                    with self._cache_lock:
                        try:
                            self._remember(partition, fd, raw, encoded=encoded)  # first: it holds `fd` from now on
                        except OSError:
                            # The write is durable; only the cache missed it. Never report it as failed.
                            logger.warning("could not cache %s after writing it", path, exc_info=True)
                            self._forget(partition)
                    self._listings.replaced(folder, partition, before=listed)
                self.clear_fault(f"{partition} (write)")
                self.clear_fault("store")
                self.clear_full()
                self._retire(partition, written=True)  # a journal this write folded (storage.tinydb_journal)
            finally:
                self._active.discard(partition)
                self._open_meta.pop(partition, None)
                self._locked.pop(partition, None)
                self._retire(partition, written=False)
                self.forget_sealed(partition)  # after the write: a `logg` meanwhile may have read the old rows

    def locked_version(self, partition: str) -> int | None:
        return self._locked.get(partition)  # written and read under the folder lock, one update at a time

    @contextmanager
    def _write_lock(self) -> Iterator[None]:
        """The folder lock; failing to take it (read-only disk, foreign owner) is a named store fault."""
        with self._write_lock_if_free(wait=True):
            yield

    @contextmanager
    def _write_lock_if_free(self, *, wait: bool = False) -> Iterator[bool]:
        """The folder lock if nobody holds it (or, with `wait`, once it is free): yields whether it is held."""
        with ExitStack() as stack:
            try:
                held = stack.enter_context(self._lock.hold_if_free(wait=wait))
            except OSError as exc:
                path = os.path.join(self.directory, LOCK_NAME)
                raise self.note_fault("store", os_fault(exc, path=path, doing="writing")) from exc
            yield held

    def verify(self, *, from_year: int | None = None) -> None:
        """Decode the partition files (of `from_year` on, see `Store.verify`) without caching them, so ten
        years of history cost no memory. Segment files are checked when first read."""
        self._check_open()
        for partition in self.partitions():
            if not is_recent(partition, from_year=from_year):
                continue
            path = self._path(partition)
            try:
                with open(path, "rb") as handle:
                    decode_tables(handle.read(), path=path)
            except OSError as exc:
                raise os_fault(exc, path=path, doing="reading", partition=partition) from exc
            except StoreError as exc:  # named for /healthz, as a read would
                exc.partition = partition
                raise self.note_fault(partition, exc) from None

    def partitions(self, prefix: str = "") -> list[str]:
        self._check_open()
        # Only walk the folder the prefix points into ("cycle/agder/20" -> cycle/agder/): a region's `logg`
        # lists its folder on every request, so this is one scandir per folder, whatever else the store holds.
        start, base = self.directory, ""
        prefix_folder = prefix.rpartition("/")[0]
        if prefix_folder and is_partition_name(prefix_folder):
            start, base = os.path.join(self.directory, *prefix_folder.split("/")), prefix_folder + "/"
            listed = self._listings.names(start, base=base, valid=is_partition_name)
            if listed is not None:
                return [name for name in listed if name.startswith(prefix)]
        found: list[str] = []
        list_partitions(start, base=base, prefix=prefix, found=found)
        return sorted(found)

    def close(self) -> None:
        if self._closed:
            return
        self._lock.close()
        with self._cache_lock:
            self._feed.close()
            while self._cache:
                _, entry = self._cache.popitem()
                os.close(entry.fd)
        self._closed = True

    # -- internals ----------------------------------------------------------------------------------------

    def _still_home(self) -> None:
        """Raise a store fault when the store's folder is gone or is another folder than the one opened
        (deleted, moved, its volume unmounted): its missing files are then no empty partitions, and nothing may
        be written there (walk 34: the bot showed every item undone and wrote into a new folder)."""
        try:
            same = folder_identity(self.directory) == self._home
        except OSError:
            same = False
        if not same:
            raise self.note_fault("store", StoreError(gone_text(self.directory), kind="unavailable"))

    def _check_open(self) -> None:
        if self._closed:
            raise RuntimeError(f"store for {self.directory} is closed")

    def _path(self, partition: str) -> str:
        """The partition's file; names checked once and remembered (a request reads ~6 partitions)."""
        self._check_open()
        path = self._paths.get(partition)
        if path is None:
            check_partition_name(partition)
            if len(self._paths) >= 4096:  # odd names from typed commands cannot grow it without bound
                self._paths.clear()
            path = self._paths[partition] = os.path.join(self.directory, *partition.split("/")) + SUFFIX
        return path
