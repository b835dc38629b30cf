"""The composition root: the one place that puts the core together with its commands and its store.

The core (bot/) knows no handler and no platform; here it is handed the declared commands
(`handlers.build_router`), the configured store and the clock. `python -m bot` (adapters/cli.py), the
tests and the benchmarks all build their core through `make_core` or `build_core`.
"""

from __future__ import annotations

import logging
import os

from bot.clock import Clock, SystemClock
from bot.core import Core
from bot.model.config import AppConfig, ConfigError, load_config
from handlers import build_router
from storage.base import Store

logger = logging.getLogger(__name__)

DEFAULT_DB = "data/samhandling"


def make_core(*, config: AppConfig, store: Store, clock: Clock, public_url: str | None = None) -> Core:
    """A core over `store` with every declared command."""
    return Core(config=config, store=store, clock=clock, router=build_router(), public_url=public_url)


def cache_size_for(config: AppConfig) -> int:
    """Enough cached partitions for what requests and a reminder pass read: every region's and the nation's
    partitions of four years (last, this, next and the one after), the actors' and meta/outbox partitions,
    twice over for headroom; never below the old fixed 256. With 15 regions that is 256, with 100 it is 832."""
    parties = len(config.parties.regions) + len(config.enabled_actors) + 1
    return max(256, parties * 4 * 2 + 16)


def build_core(
    *,
    config_path: str | None = None,
    db_path: str | None = None,
    clock: Clock | None = None,
) -> Core:
    """The core as the process runs it: config from $SAMHANDLING_CONFIG; the store in PostgreSQL at
    $DATABASE_URL when set, else the tinydb folder at `db_path`/$SAMHANDLING_DB."""
    from storage import open_configured_store
    from storage.transfer import refuse_half_copy

    config = load_config(config_path or os.environ.get("SAMHANDLING_CONFIG", "app.yaml"))
    public_url = os.environ.get("PUBLIC_URL", "").strip().rstrip("/") or None
    if public_url and not public_url.startswith(("https://", "http://")):
        raise ConfigError(
            [f"PUBLIC_URL: write the whole address, e.g. https://samhandling.example.no (got {public_url!r})"]
        )
    store = open_configured_store(
        database_url=None if db_path else os.environ.get("DATABASE_URL"),
        db_path=db_path or os.environ.get("SAMHANDLING_DB") or None,
        default_path=DEFAULT_DB,
        cache_size=cache_size_for(config),
    )
    clock = clock or SystemClock(tz=config.tz)
    try:
        verify_at_start(store, from_year=clock.now().year - 1)
        refuse_half_copy(store)  # an import that was stopped half-way: never serve part of the data
    except BaseException:
        store.close()
        raise
    return make_core(config=config, store=store, clock=clock, public_url=public_url)


def verify_at_start(store: Store, *, from_year: int) -> None:
    """Read what the bot is about to read (the previous year on; older years are checked when read). A store
    that cannot be used, or its `meta` partition (bindings, the links' key), stops start-up (StoreError). One
    region's or year's damaged partition does not: it is named in the log and on /healthz (the store noted it
    when reading), and only commands that need it are refused, as when a file goes bad while the bot runs
    (walk 34 F3: one bad file stopped every region and the reminders at a restart). It is never overwritten."""
    from bot.state.store import META
    from storage.base import StoreError

    try:
        store.verify(from_year=from_year)
    except StoreError as exc:
        if exc.kind != "damaged" or not exc.partition or exc.partition == META:
            raise
        logger.error(
            "partition %s cannot be read; the bot starts without it (its commands are refused until it is "
            "mended; other damaged partitions are named when read): %s",
            exc.partition,
            exc,
        )
