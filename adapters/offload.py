"""The core's synchronous work, off the event loop, in the process's one pool (`bot.off_loop`).

`Core.handle` reads and writes the store. On a file it takes milliseconds; on PostgreSQL a slow or absent
database makes it wait (up to ``SAMHANDLING_DB_TIMEOUT``), and on the event loop that wait froze the whole
server: `/healthz`, Slack's 3-second acks, Teams turns and SIGTERM all queued behind it. Adapters call
the core through `call` (and a request that writes through `call_writing`) instead, so the loop keeps
answering while a store call waits.

`configure` turns the pool on for a store over the network (PostgreSQL), and for writes on any store. The
pool is bounded (``SAMHANDLING_CORE_THREADS``, default 4): a database that hangs ties up at most that many
threads, and further calls queue rather than starting threads without end. Its threads are daemon threads,
so a call stuck in the database never holds up the process's exit.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Mapping
from typing import ParamSpec, TypeVar

from bot import off_loop as pool

logger = logging.getLogger(__name__)

P = ParamSpec("P")
T = TypeVar("T")

ACK_SECONDS = 2.5
"""How long an adapter waits for the core before acknowledging a platform that gives up after 3 s (Slack);
the answer then follows when the core is done."""

_enabled = False


def configure(*, remote_store: bool, environ: Mapping[str, str] | None = None) -> bool:
    """Whether core calls go to the pool in this process (the server decides at start-up): on a store over
    the network (PostgreSQL), yes; on local files (tinydb) or in memory, a read is made in place, as a
    thread hop costs more than such a store's read (~0.1 ms CPU a request, `bench/slack_roundtrip.py`),
    and a write goes to the pool (`call_writing`, and the core's own through `bot.off_loop.run`): its fsyncs
    wait for the disk (1-10 ms), and the loop would stand still meanwhile (a hop costs ~25 µs CPU).
    ``SAMHANDLING_CORE_THREADS`` overrides: 0 is always in place, a number from 1 to 64 always the pool."""
    global _enabled
    raw = (os.environ if environ is None else environ).get("SAMHANDLING_CORE_THREADS", "").strip()
    _enabled = remote_store if not raw.isdigit() else int(raw) > 0
    pool.configure(writes=not raw.isdigit() or int(raw) > 0)
    return _enabled


def threads(*, environ: Mapping[str, str] | None = None) -> int:
    return pool.threads(environ=environ)


def enabled() -> bool:
    return _enabled


def off_loop(*, writes: bool) -> bool:
    """Whether a core call goes to the pool: every call on a remote store, a call that writes on any."""
    return _enabled or (writes and pool.writes_off_loop())


async def call(func: Callable[P, T], /, *args: P.args, **kwargs: P.kwargs) -> T:
    """`func(*args, **kwargs)` in the pool; the caller's task waits, the event loop does not. In place when
    the pool is not `enabled` (a local store)."""
    if not _enabled:
        return func(*args, **kwargs)
    return await pool.in_pool(func, *args, **kwargs)


async def call_writing(func: Callable[P, T], /, *args: P.args, **kwargs: P.kwargs) -> T:
    """`call` for a core call that may write (`CorePort.writes`): in the pool whenever `off_loop` says so,
    on a local store too, so the event loop answers others while the write waits for the disk."""
    if not off_loop(writes=True):
        return func(*args, **kwargs)
    return await pool.in_pool(func, *args, **kwargs)


def shut_down() -> None:
    """At the server's exit: no new work, and no waiting for a call stuck on the database (its thread ends
    with the process)."""
    pool.shut_down()
