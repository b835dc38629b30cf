"""One writer at a time per data folder: a thread lock inside the process, `flock` across processes."""

from __future__ import annotations

import fcntl
import logging
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager

logger = logging.getLogger(__name__)


class FolderLock:
    """Re-entrant exclusive lock on ``<folder>/.lock``.

    The `RLock` serialises threads of this process (flock alone would not: it belongs to the open file,
    which all threads share). Re-entry by the owning thread only counts depth, so a nested
    ``update`` of another partition neither deadlocks nor drops the flock early.

    Two `FolderLock` objects on one folder in the same process exclude each other like two processes
    do; nesting them in one thread therefore deadlocks, so share one store per folder.
    """

    def __init__(self, path: str) -> None:
        self.path = path
        self._rlock = threading.RLock()
        self._fd: int | None = None
        self._depth = 0

    @contextmanager
    def hold(self) -> Iterator[None]:
        with self.hold_if_free(wait=True):
            yield

    @contextmanager
    def hold_if_free(self, *, wait: bool = False) -> Iterator[bool]:
        """The lock, held while the block runs if it was free (or, with `wait`, once it is): yields whether
        it is held. Why: work on an event loop may take the lock only when nobody holds it (a durable
        write of another thread or process would make the loop wait for its fsyncs)."""
        if not self._rlock.acquire(blocking=wait):
            yield False
            return
        try:
            if self._depth == 0 and not self._flock(wait=wait):
                yield False  # another process holds the folder
                return
            self._depth += 1
            try:
                yield True
            finally:
                self._depth -= 1
                if self._depth == 0 and self._fd is not None:
                    fcntl.flock(self._fd, fcntl.LOCK_UN)
        finally:
            self._rlock.release()

    def _flock(self, *, wait: bool) -> bool:
        """The folder's flock for this process (the thread lock is held): whether it was taken."""
        if self._fd is None:
            self._fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o666)
        try:
            fcntl.flock(self._fd, fcntl.LOCK_EX if wait else fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def close(self) -> None:
        with self._rlock:
            if self._depth:
                raise RuntimeError("cannot close the storage lock while an update is in progress")
            if self._fd is not None:
                os.close(self._fd)
                self._fd = None
