"""Which partitions of a tinydb folder were written, told to every process on it by one file, so a request
need not stat every partition it reads to know it is current (`WritesFeed`).

Why: a `neste` in an actor's or the national channel reads ~30 partitions, and each was stat'ed on every
request (another process may have replaced it). Every write through `TinyDBStore.update` appends the
partition's name to ``<directory>/.writes`` twice, before its file is replaced (``>name``) and after
(``<name``), while the folder lock is held. A request reads what was appended since the last request (one
stat of the feed, and a read when it grew) and then trusts what it looked at before for every partition
not named since, with no stat.

Why it holds (a partition trusted is never older than the request's start, but for a write meanwhile):
- a partition named by ``>`` and not yet by ``<`` is being written: it is stat'ed on every look and never
  trusted until its ``<`` is read (a writer that died between the two leaves it so, which costs a stat per
  look, never a stale read);
- a partition named by ``<`` was replaced before the name was appended, so the stat after reading it sees
  the new file;
- the feed is read and a look is trusted under the store's cache lock, so a look cannot be trusted after
  the request that read the feed has seen the write;
- a file that is not the one read before (another process started it anew: `rotate`) trusts nothing
  until it is read from its start; a folder without a feed (never written by this code) trusts nothing.
A store's own write is not read back: its two lines are appended together under the folder lock, so when
the store had read the feed up to where they start, its next read moves past them without reading them
(`_own`); a line of anyone else's before or after them is read as ever.
A write that does not go through a `TinyDBStore` (plain TinyDB, files copied in by hand) is not in the
feed: trust lasts `TRUST_SECONDS` at most, so such a write is seen within that time, as a stat saw it at once.
"""

from __future__ import annotations

import logging
import os
import secrets
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Final

logger = logging.getLogger(__name__)

FEED_NAME = ".writes"
TRUST_SECONDS = 1.0
"""How long a look is trusted without a stat at most: what a write past the store takes to be seen."""
ROTATE_BYTES = 1 << 18
"""A feed longer than this is started anew by the writer that finds it so (its readers then stat once each)."""
UNTRUSTED: Final = object()
"""`WritesFeed.trusted`'s answer for a partition that must be looked at."""


class WritesFeed:
    """One store's reading of the folder's feed, and its writes to it. Every method but `writing` is called
    with the store's cache lock held."""

    def __init__(self, directory: str) -> None:
        self.path = os.path.join(directory, FEED_NAME)
        self._fd: int | None = None
        self._inode: int | None = None
        self._offset = 0
        self._now = 0.0
        self._trusted: dict[str, tuple[object, float]] = {}
        """Partition -> what a look found (the cache entry, or None for no file) and when the feed was read."""
        self._unsettled: set[str] = set()
        self._own: tuple[int, int, int, str] | None = None
        """This store's last write's two lines: (inode, where they start, where they end, partition)."""
        self._named: list[str] = []
        """Partitions others' lines named since `take_named` (a folder listing this store vouches for checks them)."""
        self._lost = False
        """Whether the feed was lost or started anew since `take_named`: anything may have been written."""

    def read(self) -> None:
        """What was appended since the last read (at a request's start: `TinyDBStore.one_look`)."""
        self._now = time.monotonic()
        try:
            st = os.stat(self.path)
        except OSError:  # no feed (yet): nothing is trusted
            self._drop_file()
            return
        if st.st_ino != self._inode or st.st_size < self._offset:
            self._drop_file()
            try:
                self._fd = os.open(self.path, os.O_RDONLY)
            except OSError:
                return
            self._inode = os.fstat(self._fd).st_ino
        own = self._own
        if own is not None and own[0] == self._inode and own[1] == self._offset and own[2] <= st.st_size:
            # What follows is this store's own write, its two lines together (appended under the folder lock):
            # taken as read without reading them (a read after this process's write, the common case).
            self._offset = own[2]
            self._trusted.pop(own[3], None)
            self._unsettled.discard(own[3])
        if st.st_size == self._offset:
            return
        assert self._fd is not None
        try:
            added = os.pread(self._fd, st.st_size - self._offset, self._offset)
        except OSError:
            self._drop_file()
            return
        whole = added.rfind(b"\n") + 1  # a line still being appended is read next time
        self._offset += whole
        for line in added[:whole].split(b"\n")[:-1]:
            name = line[1:].decode("utf-8", "replace")
            self._trusted.pop(name, None)
            self._named.append(name)
            if line[:1] == b">":
                self._unsettled.add(name)
            else:
                self._unsettled.discard(name)

    def take_named(self) -> tuple[list[str], bool]:
        """The partitions others' lines named since the last call, and whether the feed was lost meanwhile."""
        named, lost = self._named, self._lost
        self._named, self._lost = [], False
        return named, lost

    def trusted(self, partition: str) -> object:
        """What the last look at `partition` found, when it may be trusted without a stat; else `UNTRUSTED`."""
        found = self._trusted.get(partition)
        if found is None or self._now - found[1] > TRUST_SECONDS:
            return UNTRUSTED
        return found[0]

    def trust(self, partition: str, found: object) -> None:
        """A look at `partition` (a stat or a read) found `found`: trusted until the feed names it."""
        if self._inode is not None and partition not in self._unsettled:
            self._trusted[partition] = (found, self._now)

    def forget(self, partition: str) -> None:
        """The cache dropped or replaced the partition's entry: look again."""
        self._trusted.pop(partition, None)

    @contextmanager
    def writing(self, partition: str) -> Iterator[None]:
        """Around a partition's replace, with the folder lock held: named before (`>`) and after (`<`), the
        latter even when the write failed (the file may have been replaced all the same)."""
        before, after = f">{partition}\n".encode(), f"<{partition}\n".encode()
        self._own = None
        fd, whole = self._append(before)
        try:
            yield
        finally:
            if fd is not None:
                fd, also = self._append(after, fd=fd)
                if whole and also:
                    self._note_own(fd, partition, length=len(before) + len(after))
                self._rotate(fd)
                os.close(fd)

    def _note_own(self, fd: int, partition: str, *, length: int) -> None:
        """Where this write's two lines are, so this store's next `read` skips them (`_own`): only the folder
        lock's holder appends, so they are together at the end of the file."""
        try:
            st = os.fstat(fd)
        except OSError:
            return
        self._own = (st.st_ino, st.st_size - length, st.st_size, partition)

    def _append(self, line: bytes, *, fd: int | None = None) -> tuple[int | None, bool]:
        """`line` at the end of the feed (no fsync: after a crash every process starts with nothing trusted):
        the feed's descriptor and whether the line went whole."""
        try:
            if fd is None:
                fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
            if os.write(fd, line) != len(line):
                raise OSError(f"a short append to {self.path}")
        except OSError:  # a reader then stats that partition every time (it stays unsettled), as without a feed
            logger.warning("could not append to %s", self.path, exc_info=True)
            return fd, False
        return fd, True

    def _rotate(self, fd: int) -> None:
        """Start the feed anew once it is long: readers see another file and trust nothing until they read it."""
        try:
            if os.fstat(fd).st_size <= ROTATE_BYTES:
                return
            fresh = f"{self.path}.{os.getpid()}.{secrets.token_hex(4)}.tmp"  # swept if left (`atomic_json`)
            with open(fresh, "wb"):
                pass
            os.replace(fresh, self.path)
        except OSError:
            logger.warning("could not start %s anew", self.path, exc_info=True)

    def _drop_file(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
        self._fd = self._inode = None
        self._offset = 0
        self._trusted.clear()
        self._unsettled.clear()
        self._lost = True

    def close(self) -> None:
        self._drop_file()
