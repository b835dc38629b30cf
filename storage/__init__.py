"""Storage for the bot: partitions of small JSON tables behind the `Store` interface."""

from __future__ import annotations

import logging
import os

from storage.base import Document, Store, StoreError, Tables
from storage.memory import MemoryStore
from storage.tinydb_store import TinyDBStore

logger = logging.getLogger(__name__)

__all__ = [
    "Document",
    "MemoryStore",
    "Store",
    "StoreError",
    "Tables",
    "TinyDBStore",
    "open_store",
]


def open_store(path: str | os.PathLike[str] | None) -> Store:
    """The store for a configured data folder; ``None`` gives a `MemoryStore` (tests, dry runs)."""
    if path is None:
        return MemoryStore()
    logger.info("using TinyDB storage in %s", os.fspath(path))
    return TinyDBStore(path)
