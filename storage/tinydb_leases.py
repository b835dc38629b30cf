"""Named leases for `TinyDBStore`: one file each, read and written under the store's folder lock.

Leases live in ``<directory>/.lease-<name>`` (a dot starts the name: never a partition). The expiry is
wall-clock time (time.time), the one clock two processes on the same folder share.
"""

from __future__ import annotations

import json
import logging
import os
import re
import time
from typing import TYPE_CHECKING

from storage.atomic_json import atomic_write
from storage.locking import FolderLock

logger = logging.getLogger(__name__)

LEASE_PREFIX = ".lease-"


class FileLeases:
    """`Store.try_lease` and `release_lease` (mixed into `TinyDBStore`, which provides the folder, its lock
    and `_check_open`)."""

    directory: str
    _lock: FolderLock

    if TYPE_CHECKING:

        def _check_open(self) -> None: ...

    def try_lease(self, name: str, *, holder: str, seconds: float) -> bool:
        """Read and write the lease file under the folder lock, so two processes decide one after the other."""
        path = self._lease_path(name)
        with self._lock.hold():
            current = _read_lease(path)
            now = time.time()
            if current is not None and current.get("holder") != holder and float(current.get("expires", 0)) > now:
                return False
            data = json.dumps({"holder": holder, "expires": now + seconds}).encode()
            atomic_write(path, data=data)
            return True

    def release_lease(self, name: str, *, holder: str) -> None:
        path = self._lease_path(name)
        with self._lock.hold():
            current = _read_lease(path)
            if current is not None and current.get("holder") == holder:
                os.unlink(path)

    def _lease_path(self, name: str) -> str:
        self._check_open()
        if not re.fullmatch(r"[a-z0-9_-]+", name):
            raise ValueError(f"invalid lease name {name!r}: use a-z, 0-9, '_' and '-'")
        return os.path.join(self.directory, LEASE_PREFIX + name)


def _read_lease(path: str) -> dict[str, object] | None:
    """The lease file's content; a missing or unreadable one is no lease (it is rewritten whole)."""
    try:
        with open(path, "rb") as handle:
            data = json.loads(handle.read())
    except (FileNotFoundError, ValueError):
        return None
    return data if isinstance(data, dict) else None
