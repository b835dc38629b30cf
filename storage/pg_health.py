"""Whether the database is there, so that a request never waits on a pool that cannot connect.

While PostgreSQL is away, psycopg_pool makes every caller wait its full timeout for a connection that will
not come, and after the server is back its reconnect back-off can keep it away for another 10 s or more.
`Breaker` remembers the failure instead: calls then fail at once (the core answers «prøv igjen»), one direct
probe a second checks whether the server is back, and the first probe that connects reopens the pool, so
the first write after the outage goes through at once.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable

import psycopg

from storage.base import StoreError

logger = logging.getLogger(__name__)

PROBE_EVERY = 1.0
"""Seconds between direct probes while the database is away."""


def is_connection_failure(exc: psycopg.OperationalError) -> bool:
    """A lost or refused connection (not a statement the server cancelled, such as a statement timeout)."""
    state = getattr(exc, "sqlstate", None)
    return state is None or state.startswith("08") or state in ("57P01", "57P02", "57P03")


class Breaker:
    """Open after a connection failure; `before_call` then raises `StoreError` at once, except for one
    caller a second that runs `probe` (which raises while the database is still away)."""

    def __init__(self, *, probe: Callable[[], None], where: str, clock: Callable[[], float] = time.monotonic) -> None:
        self._probe = probe
        self._clock = clock
        self._lock = threading.Lock()
        self._down_since: float | None = None
        self._last_probe = float("-inf")
        self._reason = f"PostgreSQL ({where}) is not answering"

    @property
    def down(self) -> bool:
        return self._down_since is not None

    def failed(self) -> None:
        """A connection failed: the next call probes first (at once: the failure may be one stale socket)."""
        with self._lock:
            if self._down_since is None:
                self._down_since = self._clock()
                self._last_probe = float("-inf")

    def before_call(self) -> None:
        if self._down_since is None:
            return
        if not self._lock.acquire(blocking=False):
            raise self._error()  # another caller is probing right now
        try:
            if self._down_since is None:
                return
            now = self._clock()
            if now - self._last_probe < PROBE_EVERY:
                raise self._error()
            self._last_probe = now
            try:
                self._probe()
            except StoreError as exc:
                self._reason = str(exc)
                raise self._error() from None
            logger.info("PostgreSQL is back after %.1f s", now - self._down_since)
            self._down_since = None
        finally:
            self._lock.release()

    def _error(self) -> StoreError:
        return StoreError(self._reason, kind="unavailable")
