"""Whether the database is there, so that a request never waits on a pool that cannot connect.

While PostgreSQL is away, psycopg_pool makes every caller wait its full timeout for a connection that will
not come, and after the server is back its reconnect back-off can keep it away for another 10 s or more.
`Breaker` remembers the failure instead: calls then fail at once (the core answers «prøv igjen»), one direct
probe a second checks whether the server is back, and the first probe that connects reopens the pool, so
the first write after the outage goes through at once.
"""

from __future__ import annotations

import logging
import math
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import psycopg
from psycopg_pool import ConnectionPool, PoolTimeout

from storage.base import StoreError
from storage.pg_url import RedactingFilter, connection_reason

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


class Connections:
    """The pool of one `PostgresStore`, with its `Breaker`: what it takes to reach the database."""

    def __init__(
        self,
        url: str,
        *,
        where: str,
        pool_size: int,
        connect_timeout: float,
        wait_timeout: float,
        statement_timeout: float,
    ) -> None:
        self.url, self.where = url, where
        self._pool_size = max(2, pool_size)
        self._connect_timeout, self._wait_timeout = connect_timeout, wait_timeout
        self._statement_ms = int(statement_timeout * 1000)
        _install_redaction(url)
        self._probe()  # the real reason (wrong password, refused, unknown host) as one line, before the pool
        self._pool = self._open_pool()
        self._breaker = Breaker(probe=self._reopen, where=where)

    def _kwargs(self) -> dict[str, Any]:
        return {
            "autocommit": True,
            "connect_timeout": max(2, math.ceil(self._connect_timeout)),  # libpq's minimum is 2 s
            "options": f"-c statement_timeout={self._statement_ms}",
            # Over TCP, a server that vanished without closing (a cut network, a frozen host): sent data
            # that is not acknowledged within the statement timeout ends the connection, and idle pooled
            # connections are checked by keepalives, so a call fails and the breaker opens instead of
            # waiting on the socket for the kernel's minutes. (Ignored on a Unix socket.)
            "tcp_user_timeout": self._statement_ms,
            "keepalives": 1,
            "keepalives_idle": 10,
            "keepalives_interval": 5,
            "keepalives_count": 3,
        }

    def _probe(self) -> None:
        """One direct connection: raises `StoreError` with libpq's reason (redacted) when it fails."""
        try:
            with psycopg.connect(self.url, **self._kwargs()) as conn:
                conn.execute("SELECT 1")
        except psycopg.Error as exc:
            raise StoreError(
                f"Cannot connect to PostgreSQL ({self.where}): {connection_reason(exc, url=self.url)}",
                kind="unavailable",
            ) from None

    def _open_pool(self) -> ConnectionPool:
        pool = ConnectionPool(
            self.url,
            min_size=1,
            max_size=self._pool_size,
            kwargs=self._kwargs(),
            open=False,
            timeout=self._wait_timeout,  # how long a request waits for a free connection under load
            name="samhandling",
        )
        try:
            pool.open(wait=True, timeout=max(self._connect_timeout, 0.1))
        except PoolTimeout:
            pool.close(timeout=0)
            raise StoreError(
                f"Cannot connect to PostgreSQL ({self.where}) within {self._connect_timeout:g} s. Check "
                "DATABASE_URL and that the server is running and accepts this user.",
                kind="unavailable",
            ) from None
        return pool

    def _reopen(self) -> None:
        """After the database was away: probe it directly, then a fresh pool (the old one may be backing off
        for seconds between reconnects; a fresh one connects now)."""
        self._probe()
        fresh, old = self._open_pool(), self._pool
        self._pool = fresh
        old.close(timeout=0)

    @contextmanager
    def connection(self) -> Iterator[psycopg.Connection]:
        """A pooled connection; while the database is known to be away, a `StoreError` at once (no waiting
        on a pool that cannot connect), with one direct probe a second to notice it is back."""
        self._breaker.before_call()
        with self._pool.connection() as conn:
            yield conn

    def failed(self) -> None:
        """A connection was lost or refused."""
        self._breaker.failed()

    def timed_out(self) -> None:
        """No connection came in time: the server is away if the pool holds none (else it is only busy)."""
        if not self._pool.get_stats().get("pool_size"):
            self._breaker.failed()

    def close(self) -> None:
        self._pool.close(timeout=1.0)


def _install_redaction(url: str) -> None:
    """The pool logs each failed reconnect with libpq's message: never with this URL's password."""
    pool_log = logging.getLogger("psycopg.pool")
    if not any(isinstance(f, RedactingFilter) and f.url == url for f in pool_log.filters):
        pool_log.addFilter(RedactingFilter(url))
