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
        # A corrupt file the bot will read stops start-up here (StoreError), before anyone is answered: the
        # previous year on (the cycles being worked on); older years are checked when read.
        store.verify(from_year=clock.now().year - 1)
        refuse_half_copy(store)  # an import that was stopped half-way: never serve part of the data
    except BaseException:
        store.close()
        raise
    return make_core(config=config, store=store, clock=clock, public_url=public_url)
