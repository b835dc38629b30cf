"""What `TinyDBStore` caches of a partition file, and how it reads one: the file's identity (a stat), its
version (a digest of its bytes), its tables split from their segment counts.

Why a module of its own: the store's class is about when to read and write; these say what a read found,
and are the same for every read path (cached, passing, after a write).
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field

from storage.base import Tables, Versioned
from storage.fragments import Encoded
from storage.tinydb_rows import META, Meta

Identity = tuple[int, int, int, int, int]


def identity_of(st: os.stat_result) -> Identity:
    return (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns)


@dataclass
class Entry:
    fd: int
    """The file this entry was read from, held open so its inode number cannot be reused."""
    identity: Identity
    version: int
    """`version_of` the file's bytes."""
    tables: Tables
    """Shared by every `read` caller, who must not mutate it."""
    meta: Meta
    """The file's segment counts (`storage.tinydb_rows`)."""
    encoded: Encoded | None = None
    """What this process wrote last, row by row (`storage.fragments`): the next write encodes only what it changed."""
    versioned: Versioned = field(init=False)
    """The tables and version as `read_versioned` hands them out, made once (a request reads ~30 partitions)."""

    def __post_init__(self) -> None:
        self.versioned = Versioned(self.tables, self.version)


def write_base(entry: Entry | None) -> Encoded | None:
    """What a write starts from: the partition as this process last wrote it, or as it read it (its tables
    alone: `encode_partition` keeps the rows a read gave that the write left as they were)."""
    if entry is None:
        return None
    return entry.encoded if entry.encoded is not None else Encoded(tables=entry.tables)


def version_of(raw: bytes) -> int:
    """A partition file's version: the first 63 bits of its bytes' SHA-1 digest, as a positive number (never
    0, which is "never written"). Two versions of a partition that differ in content share it with odds
    2**-63 (only accidents count: whoever could make a collision can write the folder anyway).

    Every write hashes the whole file (a region's year is ~70 KB, the pass's partition ~230 KB): SHA-1 is
    about twice as fast as BLAKE2b here (OpenSSL's, with the CPU's SHA instructions where it has them: 42
    against 86 µs for 72 KB on the bench machine), and versions are only compared within one process."""
    return (int.from_bytes(hashlib.sha1(raw, usedforsecurity=False).digest()[:8], "big") >> 1) or 1


def split_meta(tables: Tables) -> tuple[Tables, Meta]:
    """The partition's tables without its segment counts, and the counts (the caller never sees `META`)."""
    meta = tables.pop(META, None)
    return tables, meta or {}


def read_all(fd: int) -> bytes:
    chunks: list[bytes] = []
    while chunk := os.read(fd, 1 << 20):
        chunks.append(chunk)
    return b"".join(chunks)
