"""Storage for the bot: partitions of small JSON tables behind the `Store` interface, and the stores by name.

A store is registered under a name (`register_store`), with the URL schemes of ``DATABASE_URL`` it serves
and how to open it; `open_configured_store` picks the one the process runs on. A new store is added by
registering it here, nothing else changes: registering checks the class against the contract
(`storage.contract.missing`) and refuses one that lacks an obligation, naming each.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

from storage.base import Document, Store, StoreError, Tables, Versioned
from storage.contract import require
from storage.memory import MemoryStore
from storage.tinydb_store import TinyDBStore

logger = logging.getLogger(__name__)

__all__ = [
    "Document",
    "MemoryStore",
    "Registered",
    "Store",
    "StoreError",
    "StoreSettings",
    "Tables",
    "TinyDBStore",
    "Versioned",
    "open_configured_store",
    "open_store",
    "register_store",
    "registered",
]


@dataclass(frozen=True)
class StoreSettings:
    """What the operator configured: ``DATABASE_URL`` (or None) and the data folder for a file store."""

    database_url: str | None
    db_path: str | None
    """SAMHANDLING_DB as the operator set it (None: `default_path`)."""
    default_path: str
    cache_size: int = 256


@dataclass(frozen=True)
class Registered:
    name: str
    load: Callable[[], type[Store]]
    """The class; imported only when the store is opened (psycopg is not loaded for a tinydb bot)."""
    opener: Callable[[type[Store], StoreSettings], Store]
    schemes: tuple[str, ...]
    """URL schemes of DATABASE_URL this store serves (``""``: a libpq ``key=value`` string)."""


_REGISTRY: dict[str, Registered] = {}
_CHECKED: set[str] = set()


def register_store(
    name: str,
    *,
    store_class: type[Store] | None = None,
    load: Callable[[], type[Store]] | None = None,
    opener: Callable[[type[Store], StoreSettings], Store],
    schemes: tuple[str, ...] = (),
) -> Registered:
    """Register a store under `name`: its class (or `load`, which imports it when first opened), how to open
    it from the settings, and the DATABASE_URL schemes it serves. A class that lacks an obligation of
    `Store` is refused with a TypeError naming each (`storage.contract.missing`): at once when `store_class`
    is given, else before it is first opened."""
    if (store_class is None) == (load is None):
        raise ValueError("give register_store either store_class or load")
    if store_class is not None:
        require(store_class, name=name)
        _CHECKED.add(name)
    taken = {scheme: other.name for other in _REGISTRY.values() if other.name != name for scheme in other.schemes}
    clash = [scheme for scheme in schemes if scheme in taken]
    if clash:
        raise ValueError(f"store {name!r}: scheme {clash[0]!r} is served by store {taken[clash[0]]!r} already")
    entry = Registered(name=name, load=load or (lambda: store_class), opener=opener, schemes=schemes)  # type: ignore[arg-type, return-value]
    _REGISTRY[name] = entry
    return entry


def registered() -> dict[str, Registered]:
    """The registered stores by name."""
    return dict(_REGISTRY)


def open_named(name: str, settings: StoreSettings) -> Store:
    """Open the store registered as `name` (its class checked against the contract first)."""
    entry = _REGISTRY.get(name)
    if entry is None:
        raise StoreError(f"No store is registered as {name!r} (known: {', '.join(sorted(_REGISTRY))}).")
    store_class = entry.load()
    if name not in _CHECKED:
        require(store_class, name=name)
        _CHECKED.add(name)
    return entry.opener(store_class, settings)


def open_store(path: str | os.PathLike[str] | None) -> Store:
    """The store for a configured data folder; ``None`` gives a `MemoryStore` (tests, dry runs)."""
    name, db_path = ("memory", None) if path is None else ("tinydb", os.fspath(path))
    return open_named(name, StoreSettings(database_url=None, db_path=db_path, default_path=""))


def open_configured_store(
    *, database_url: str | None, db_path: str | os.PathLike[str] | None, default_path: str, cache_size: int = 256
) -> Store:
    """The store the process runs on: the registered store whose scheme `database_url` has when it is set
    (``postgresql://…``: PostgreSQL), else the file store (tinydb) at `db_path`. The store in use is logged,
    so "which data is this?" has an answer."""
    settings = StoreSettings(
        database_url=database_url or None,
        db_path=os.fspath(db_path) if db_path is not None else None,
        default_path=default_path,
        cache_size=cache_size,
    )
    if not database_url:
        return open_named("tinydb", settings)
    try:
        scheme = urlsplit(database_url).scheme if "://" in database_url else ""  # "": a libpq key=value string
    except ValueError:  # an unclosed [ of an IPv6 host; never quote the URL (it holds the password)
        raise StoreError("DATABASE_URL cannot be read: its host is malformed.", kind="unavailable") from None
    for entry in _REGISTRY.values():
        if scheme in entry.schemes:
            return open_named(entry.name, settings)
    served = ", ".join(f"{s}:// ({e.name})" for e in _REGISTRY.values() for s in e.schemes if s)
    raise StoreError(f"DATABASE_URL starts with {scheme}://, which no store serves. Use one of: {served}.")


def _open_memory(store_class: type[Store], settings: StoreSettings) -> Store:
    return store_class()


def _open_tinydb(store_class: type[Store], settings: StoreSettings) -> Store:
    """A `db_path` set by the operator must name a folder whose parent exists: a typo such as
    ``/srv/samhandlig/data`` would otherwise start an empty store and look like lost data. The default path
    is created as needed (first start)."""
    chosen = os.path.abspath(settings.db_path or settings.default_path)
    if settings.db_path is not None:
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
    return store_class(chosen, cache_size=settings.cache_size)  # type: ignore[call-arg]


def _load_postgres() -> type[Store]:
    from storage.postgres import PostgresStore

    return PostgresStore


def _open_postgres(store_class: type[Store], settings: StoreSettings) -> Store:
    store = store_class(settings.database_url)  # type: ignore[call-arg]
    logger.info("using PostgreSQL storage: %s", store.where)  # type: ignore[attr-defined]
    return store


register_store("memory", store_class=MemoryStore, opener=_open_memory, schemes=("memory",))
register_store("tinydb", store_class=TinyDBStore, opener=_open_tinydb)
register_store("postgres", load=_load_postgres, opener=_open_postgres, schemes=("postgresql", "postgres", ""))
