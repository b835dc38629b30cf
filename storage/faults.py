"""What an operating-system error on a store file means, said once, for the operator.

Every message names the file or folder and what to do; `kind` tells the core what the person in the chat
hears (see `StoreError`). Used by the file store for every read, write and start-up step.
"""

from __future__ import annotations

import errno
import logging
import os
import threading

from storage.base import StoreError, StoreWriteError

logger = logging.getLogger(__name__)


class FaultLog:
    """`Store.faults` for a store that notes its faults as they happen (mixed in before `Store`): a fault
    is logged once when it appears or changes, and stays until the same place works again."""

    _faults_lock = threading.Lock()

    def faults(self) -> dict[str, str]:
        with self._faults_lock:
            return dict(self.__dict__.get("_faults", {}))

    def note_fault(self, where: str, error: StoreError) -> StoreError:
        """Remember a fault until `clear_fault(where)`; returns the error to raise."""
        with self._faults_lock:
            faults = self.__dict__.setdefault("_faults", {})
            if faults.get(where) != str(error):
                logger.error("store fault in %s: %s", where, error)
            faults[where] = str(error)
            self.__dict__.setdefault("_fault_kinds", {})[where] = error.kind
        return error

    def clear_fault(self, where: str) -> None:
        """`where` works again (a read or write there succeeded)."""
        faults = self.__dict__.get("_faults")
        if faults and where in faults:
            with self._faults_lock:
                if faults.pop(where, None) is not None:
                    logger.info("store fault in %s is gone", where)

    def clear_full(self) -> None:
        """A write succeeded, so the store's disk has room again: every «full» fault is gone, wherever it was
        noted. A full disk is the disk's, not one partition's; kept per partition, /healthz stayed degraded
        after the operator freed space until someone happened to write that very partition again."""
        kinds = self.__dict__.get("_fault_kinds")
        if kinds and "full" in kinds.values():
            for where in [where for where, kind in kinds.items() if kind == "full"]:
                kinds.pop(where, None)
                self.clear_fault(where)


def os_fault(exc: OSError, *, path: str, doing: str, partition: str | None = None) -> StoreError:
    """The `StoreError` for an `OSError` while `doing` ("reading", "writing", "opening") `path`."""
    who = f"the bot's user (uid {os.geteuid()})"
    code = exc.errno
    kind = "damaged"
    if code in (errno.ENOSPC, errno.EDQUOT):
        kind = "full"
        text = (
            f"No space left while {doing} {path} ({exc.strerror}). Nothing was written. Free disk space or raise "
            "the quota for the store's file system; the bot carries on once there is room."
        )
    elif code == errno.EFBIG:  # a file-size limit (ulimit -f, a service's LimitFSIZE): a quota, as a full disk is
        kind = "full"
        text = (
            f"{path} would pass the file-size limit while {doing} it ({exc.strerror}). Nothing was written. Raise "
            "the bot's file-size limit (ulimit -f, LimitFSIZE in its service); the bot carries on once it may."
        )
    elif code in (errno.EACCES, errno.EPERM):
        text = (
            f"Permission denied while {doing} {path}: {who} may not do that. Give it read and write access to "
            "the store folder and its files (chown/chmod), then try again."
        )
    elif code == errno.EROFS:
        text = (
            f"The file system holding {path} is read-only, so {doing} it failed. Remount it read-write or move "
            "the store (SAMHANDLING_DB) to a writable disk; reads keep working meanwhile."
        )
    elif code == errno.EISDIR:
        text = (
            f"{path} is a folder where a partition file belongs. Move the folder away (nothing in it is read), "
            "then try again."
        )
    elif code == errno.ENOTDIR:
        text = (
            f"Part of the path {path} is a file where a folder belongs. Check SAMHANDLING_DB and move the "
            "file away, then try again."
        )
    else:
        kind = "unavailable"
        text = f"{doing.capitalize()} {path} failed: {exc}. Check the disk and the store folder."
    error_type = StoreWriteError if doing == "writing" else StoreError
    error = error_type(text, kind=kind, partition=partition)
    if isinstance(error, OSError):
        error.errno = code  # so callers that look at errno see the original one
    return error
