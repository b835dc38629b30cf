"""Looking less at a tinydb store's files: the partitions in one folder, listed again only when the folder
changed (`FolderListings`), and one look at each partition per request (`OneLook`, `Store.one_look`).

Why: AU's and an actor's `neste` list every region's folder for the years stored before last year (their
open follow-up points, `StateStore.stored_years`): 16 `scandir`s a request. A folder's entries change only
with its modification time (a partition file is created, replaced by rename or removed), so the names are
kept with the folder's (inode, mtime, ctime) and a `stat` of the folder tells whether they still hold.

A timestamp is coarse (a kernel tick): a change within the same tick as the listing could leave the folder's
times as they were. So a listing is trusted only when the folder's times are older than the listing by more
than `RACY_NS` (as git treats a "racily clean" index entry); until then the folder is listed every time.

A store's own write replaces a file whose name is listed (`replaced`): the folder's times move, its names do
not. Holding the folder lock, the store vouches for the names at the folder's new times when they were the
ones listed just before its write (a region's `neste` right after a write in its region listed the folder
anew, ~50 µs, `StateStore.stored_years`). A change past the store (a file copied in by hand) in the same tick
as that write is hidden at most `VOUCH_NS` after the listing, as the writes feed trusts a look
(`storage.tinydb_feed.TRUST_SECONDS`): the folder is then listed again.
"""

from __future__ import annotations

import functools
import os
import threading
import time
from collections.abc import Callable

from storage.codec import check_partition_name

RACY_NS = 50_000_000
"""A folder changed less than this before it was listed is listed again (50 ms: far above a kernel tick)."""
VOUCH_NS = 1_000_000_000
"""A listing kept through this store's own writes (`replaced`) is listed again this long after it was made."""
SUFFIX = ".json"

_Stamp = tuple[int, int, int]


def folder_stamp(folder: str) -> _Stamp | None:
    """The folder's (inode, mtime, ctime), or None when it cannot be stat'ed."""
    try:
        st = os.stat(folder)
    except OSError:
        return None
    return (st.st_ino, st.st_mtime_ns, st.st_ctime_ns)


class FolderListings:
    """Per folder: its stamp when listed, when it was listed, the partition names in it, and until when this
    store vouches for them at that stamp (0: not vouched; `replaced`)."""

    def __init__(self, *, maxsize: int = 1024) -> None:
        self._kept: dict[str, tuple[_Stamp, int, tuple[str, ...], int]] = {}
        self._maxsize = maxsize
        self._lock = threading.Lock()

    def names(self, folder: str, *, base: str, valid: Callable[[str], bool]) -> tuple[str, ...] | None:
        """The partition names (`base` + file name, sorted, those `valid` takes) of a folder that holds files
        only; None when it holds folders too (listed by the caller as ever). A missing folder holds none."""
        try:
            st = os.stat(folder)
        except OSError:
            return ()
        stamp = (st.st_ino, st.st_mtime_ns, st.st_ctime_ns)
        with self._lock:
            kept = self._kept.get(folder)
        if kept is not None and kept[0] == stamp and (_settled(kept, stamp) or time.time_ns() < kept[3]):
            return kept[2]
        listed_at = time.time_ns()  # compared with the folder's times, which are wall-clock times
        found: list[str] = []
        try:
            with os.scandir(folder) as entries:
                for entry in entries:
                    name = entry.name
                    if name[0] == ".":
                        continue
                    if entry.is_dir():
                        return None
                    if name.endswith(SUFFIX) and valid(partition := base + name[: -len(SUFFIX)]):
                        found.append(partition)
        except OSError:
            return ()
        names = tuple(sorted(found))
        with self._lock:
            if len(self._kept) >= self._maxsize:
                self._kept.clear()
            self._kept[folder] = (stamp, listed_at, names, 0)
        return names

    def kept_stamp(self, folder: str) -> _Stamp | None:
        """Before a write into `folder` (the folder lock held): its stamp, when a listing of it is kept."""
        return folder_stamp(folder) if folder in self._kept else None

    def replaced(self, folder: str, partition: str, *, before: _Stamp | None) -> None:
        """This store has replaced `partition`'s file in `folder` by rename, holding the folder lock, and the
        folder's stamp was `before` just before: when that is the kept listing's and it names the partition,
        the names stand at the folder's stamp now, for at most `VOUCH_NS` after the listing. A kept listing
        without the partition is dropped (the file may be new in the very tick the listing was taken)."""
        with self._lock:
            kept = self._kept.get(folder)
            if kept is not None and partition not in kept[2]:
                del self._kept[folder]
                return
        if kept is None or kept[0] != before or time.time_ns() - kept[1] >= VOUCH_NS:
            return
        after = folder_stamp(folder)
        if after is not None:
            with self._lock:
                if self._kept.get(folder) is kept:
                    self._kept[folder] = (after, kept[1], kept[2], kept[1] + VOUCH_NS)

    def named(self, folder: str, partition: str) -> None:
        """Another process wrote `partition` (the writes feed says so): a kept listing of `folder` without it
        is listed again (it may be new, made in the tick the listing was taken)."""
        with self._lock:
            kept = self._kept.get(folder)
            if kept is not None and partition not in kept[2]:
                del self._kept[folder]

    def forget_vouched(self) -> None:
        """The writes feed was lost or started anew: no listing is vouched for through this store's writes."""
        with self._lock:
            for folder, kept in list(self._kept.items()):
                if kept[3]:
                    self._kept[folder] = (*kept[:3], 0)


def _settled(kept: tuple[_Stamp, int, tuple[str, ...], int], stamp: _Stamp) -> bool:
    """Whether the folder had its times `stamp` for longer than `RACY_NS` when it was listed."""
    return kept[1] - max(stamp[1], stamp[2]) > RACY_NS


class OneLook:
    """`TinyDBStore.one_look`'s block: while it is open, this thread's `looks.seen` maps each partition looked
    at to what was found (nested blocks are one). A plain class, not a generator: it wraps every kept read."""

    __slots__ = ("_looks", "_outer", "_start")

    def __init__(self, looks: threading.local, *, start: Callable[[], None] | None = None) -> None:
        self._looks = looks
        self._outer = True
        self._start = start
        """Called as the outer block opens (the store reads its writes feed: `storage.tinydb_feed`)."""

    def __enter__(self) -> None:
        looks = self._looks
        self._outer = getattr(looks, "seen", None) is None
        if self._outer:
            if self._start is not None:
                self._start()
            looks.seen = {}

    def __exit__(self, *_: object) -> None:
        if self._outer:
            self._looks.seen = None


def list_partitions(folder: str, *, base: str, prefix: str, found: list[str]) -> None:
    """Partition names in `folder` (named `base` in the store) and below, that start with `prefix`; files and
    folders starting with a dot, and names that are not ours (an operator's "Kopi av 2027.json"), skipped.
    Kept lean: a region's `logg` lists its folder (one file per year) on every request."""
    try:
        entries = os.scandir(folder)
    except OSError:  # no such folder (yet), as os.walk: nothing there
        return
    every = base.startswith(prefix)  # the whole folder matches the prefix (the usual case)
    with entries:
        for entry in entries:
            name = entry.name
            if name[0] == ".":
                continue
            try:
                is_folder = entry.is_dir()  # from the directory entry's type: no system call on Linux
            except OSError:
                continue
            if is_folder:
                if not entry.is_symlink():
                    list_partitions(entry.path, base=f"{base}{name}/", prefix=prefix, found=found)
            elif name.endswith(SUFFIX):
                partition = base + name[:-5]
                if (every or partition.startswith(prefix)) and is_partition_name(partition):
                    found.append(partition)


@functools.lru_cache(maxsize=8192)
def is_partition_name(name: str) -> bool:
    try:
        check_partition_name(name)
    except ValueError:
        return False
    return True
