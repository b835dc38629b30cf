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
    "open_configured_store",
    "open_store",
]


def open_store(path: str | os.PathLike[str] | None) -> Store:
    """The store for a configured data folder; ``None`` gives a `MemoryStore` (tests, dry runs)."""
    if path is None:
        return MemoryStore()
    logger.info("using TinyDB storage in %s", os.fspath(path))
    return TinyDBStore(path)


def open_configured_store(
    *, database_url: str | None, db_path: str | os.PathLike[str] | None, default_path: str, cache_size: int = 256
) -> Store:
    """The store the process runs on: PostgreSQL when `database_url` is set, else tinydb at `db_path`.

    A `db_path` set by the operator must name a folder whose parent exists: a typo such as
    ``/srv/samhandlig/data`` would otherwise start an empty store and look like lost data. The default path is
    created as needed (first start). The store in use is logged, so "which data is this?" has an answer.
    """
    if database_url:
        from storage.postgres import PostgresStore

        store: Store = PostgresStore(database_url)
        logger.info("using PostgreSQL storage: %s", store.where)  # type: ignore[attr-defined]
        return store
    chosen = os.path.abspath(os.fspath(db_path or default_path))
    if db_path is not None:
        parent = os.path.dirname(chosen)
        if not os.path.isdir(parent):
            raise StoreError(
                f"SAMHANDLING_DB is {chosen}, but its parent folder {parent} does not exist. Check the path for "
                "a typo; to start a new store there, create the parent folder first."
            )
    if os.path.exists(chosen) and not os.path.isdir(chosen):
        raise StoreError(
            f"The store path {chosen} is a file, not a folder. Point SAMHANDLING_DB at the store's folder "
            "(or move the file away)."
        )
    logger.info("using TinyDB storage in %s", chosen)
    return TinyDBStore(chosen, cache_size=cache_size)
