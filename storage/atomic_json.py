"""Crash-safe file replacement, and a TinyDB storage built on it.

A write goes to a temporary file in the target's folder, is flushed and fsynced, renamed over the
target with `os.replace`, and then the folder itself is fsynced so the rename survives a power cut. A
process killed at any moment leaves either the old or the new file; at worst a stray ``.*.tmp`` file,
which no reader looks at.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import re
import secrets
from typing import Any

from tinydb.storages import Storage

from storage.base import StoreError

logger = logging.getLogger(__name__)

TEMP_SUFFIX = ".tmp"


_TEMP_RE = re.compile(r"\..+\.(\d+)\.[0-9a-f]{8}" + re.escape(TEMP_SUFFIX))


def sweep_stale_temp_files(directory: str) -> int:
    """Delete temporary files left by writers that were killed mid-write; returns how many.

    A file is stale when the process id in its name no longer runs. A recycled pid only means the file
    stays until the next sweep; a live writer's file is never touched.
    """
    removed = 0
    for folder, _subfolders, files in os.walk(directory):
        for name in files:
            match = _TEMP_RE.fullmatch(name)
            if match is None or _pid_alive(int(match.group(1))):
                continue
            try:
                os.unlink(os.path.join(folder, name))
            except FileNotFoundError:
                continue
            removed += 1
            logger.info(
                "removed %s, left by a writer that stopped mid-write",
                os.path.join(folder, name),
            )
    return removed


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def fsync_directory(path: str) -> None:
    fd = os.open(path, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def ensure_directory(path: str) -> None:
    """Create missing folders one level at a time, fsyncing each parent so the new entry is durable."""
    path = os.path.abspath(path)
    if os.path.isdir(path):
        return
    parent = os.path.dirname(path)
    if parent != path:
        ensure_directory(parent)
    try:
        os.mkdir(path)
    except FileExistsError:
        if not os.path.isdir(path):
            raise
        return
    fsync_directory(parent)


def atomic_write(path: str, *, data: bytes) -> None:
    """Replace ``path`` with ``data``; returns only once both the content and the rename are on disk."""
    os.close(atomic_write_kept(path, data=data))


def atomic_write_kept(path: str, *, data: bytes) -> int:
    """`atomic_write`, returning the new file's descriptor, open (the caller closes it): a cache that holds
    the file open to pin its inode (`storage.tinydb_store`) need not open it again after every write."""
    folder = os.path.dirname(os.path.abspath(path))
    ensure_directory(folder)
    # Our own name instead of tempfile.mkstemp: mkstemp forces mode 0600, O_CREAT honours the umask.
    tmp = os.path.join(
        folder,
        f".{os.path.basename(path)}.{os.getpid()}.{secrets.token_hex(4)}{TEMP_SUFFIX}",
    )
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        try:
            view = memoryview(data)
            while view:
                written = os.write(fd, view)
                view = view[written:]
            os.fsync(fd)
            os.replace(tmp, path)
        except BaseException:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(tmp)
            raise
        fsync_directory(folder)
    except BaseException:
        os.close(fd)
        raise
    return fd


class DurableJSONStorage(Storage):
    """A `tinydb.Storage` whose every write is atomic and durable.

    Usable directly with TinyDB (``TinyDB(path, storage=DurableJSONStorage)``) for operator scripts;
    `TinyDBStore` calls `write_raw` with bytes it has already validated. Unlike TinyDB's `JSONStorage`
    it never creates an empty file on open, and an unreadable file raises `StoreError`.
    """

    def __init__(self, path: str, **_ignored: Any) -> None:
        super().__init__()
        self.path = path

    def read(self) -> dict[str, dict[str, Any]] | None:
        try:
            with open(self.path, "rb") as fh:
                raw = fh.read()
        except FileNotFoundError:
            return None
        if not raw.strip():
            return None
        try:
            data = json.loads(raw)
        except ValueError as exc:
            raise StoreError(
                f"Storage file {self.path} is not valid JSON ({exc}). Move it away and restore it from "
                "backup before using it."
            ) from exc
        if not isinstance(data, dict):
            raise StoreError(f"Storage file {self.path} does not hold a TinyDB database (not an object).")
        return data

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        self.write_raw(json.dumps(data, ensure_ascii=True, allow_nan=False).encode("ascii"))

    def write_raw(self, raw: bytes) -> None:
        atomic_write(self.path, data=raw)
