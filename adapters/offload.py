"""The core's synchronous work, off the event loop: one bounded pool of threads for every adapter.

`Core.handle` reads and writes the store. On a file it takes milliseconds; on PostgreSQL a slow or absent
database makes it wait (up to ``SAMHANDLING_DB_TIMEOUT``), and on the event loop that wait froze the whole
server: `/healthz`, Slack's 3-second acks, Teams turns and SIGTERM all queued behind it. Adapters call
the core through `call` instead, so the loop keeps answering while a store call waits.

`configure` turns the pool on for a store over the network (PostgreSQL) and leaves local stores in place.
The pool is bounded (``SAMHANDLING_CORE_THREADS``, default 4): a database that hangs ties up at most that
many threads, and further calls queue rather than starting threads without end. Its threads are daemon
threads, so a call stuck in the database never holds up the process's exit.
"""

from __future__ import annotations

import asyncio
import logging
import os
import queue
import threading
from collections.abc import Callable, Mapping
from concurrent.futures import Executor, Future
from functools import partial
from typing import Any, ParamSpec, TypeVar

logger = logging.getLogger(__name__)

P = ParamSpec("P")
T = TypeVar("T")

DEFAULT_THREADS = 4
ACK_SECONDS = 2.5
"""How long an adapter waits for the core before acknowledging a platform that gives up after 3 s (Slack);
the answer then follows when the core is done."""
_LOCK = threading.Lock()
_executor: DaemonPool | None = None


_enabled = False
_writes_off_loop = False


def configure(*, remote_store: bool, environ: Mapping[str, str] | None = None) -> bool:
    """Whether core calls go to the pool in this process (the server decides at start-up): on a store over
    the network (PostgreSQL), yes; on local files (tinydb) or in memory, a read is made in place, as a
    thread hop costs more than such a store's read (~0.1 ms CPU a request, `bench/slack_roundtrip.py`),
    and a call that writes (`call_writing`) goes to the pool: its fsyncs wait for the disk (1-10 ms), and
    the loop would stand still meanwhile (a hop costs ~25 µs CPU). ``SAMHANDLING_CORE_THREADS``
    overrides: 0 is always in place, a number from 1 to 64 always the pool."""
    global _enabled, _writes_off_loop
    raw = (os.environ if environ is None else environ).get("SAMHANDLING_CORE_THREADS", "").strip()
    _enabled = remote_store if not raw.isdigit() else int(raw) > 0
    _writes_off_loop = not raw.isdigit() or int(raw) > 0
    return _enabled


def threads(*, environ: Mapping[str, str] | None = None) -> int:
    raw = (os.environ if environ is None else environ).get("SAMHANDLING_CORE_THREADS", "").strip()
    if raw.isdigit() and 1 <= int(raw) <= 64:
        return int(raw)
    if raw and raw != "0":
        logger.warning("SAMHANDLING_CORE_THREADS=%r is not a number from 0 to 64; using %d", raw, DEFAULT_THREADS)
    return DEFAULT_THREADS


def enabled() -> bool:
    return _enabled


def off_loop(*, writes: bool) -> bool:
    """Whether a core call goes to the pool: every call on a remote store, a call that writes on any."""
    return _enabled or (writes and _writes_off_loop)


class DaemonPool(Executor):
    """At most `size` daemon threads taking work from one queue. (`ThreadPoolExecutor` joins its threads at
    interpreter exit, so one call stuck in a dead database would hold up SIGTERM.)"""

    def __init__(self, size: int) -> None:
        self._size = size
        self._work: queue.SimpleQueue[tuple[Future[Any], Callable[[], Any]] | None] = queue.SimpleQueue()
        self._threads: list[threading.Thread] = []
        self._lock = threading.Lock()
        self._closed = False

    def submit(self, fn: Callable[..., T], /, *args: Any, **kwargs: Any) -> Future[T]:
        future: Future[T] = Future()
        with self._lock:
            if self._closed:
                raise RuntimeError("the core's thread pool is shut down")
            self._work.put((future, partial(fn, *args, **kwargs)))
            if len(self._threads) < self._size:
                worker = threading.Thread(target=self._run, name=f"core-{len(self._threads)}", daemon=True)
                self._threads.append(worker)
                worker.start()
        return future

    def _run(self) -> None:
        while (item := self._work.get()) is not None:
            future, work = item
            if not future.set_running_or_notify_cancel():
                continue
            try:
                future.set_result(work())
            except BaseException as exc:  # handed to the awaiting task, which decides
                future.set_exception(exc)

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        with self._lock:
            self._closed = True
            threads = list(self._threads)
        if cancel_futures:
            while True:
                try:
                    item = self._work.get_nowait()
                except queue.Empty:
                    break
                if item is not None:
                    item[0].cancel()
        for _ in threads:
            self._work.put(None)
        if wait:
            for worker in threads:
                worker.join()


def executor() -> DaemonPool:
    """The process's one pool (made on first use)."""
    global _executor
    with _LOCK:
        if _executor is None:
            _executor = DaemonPool(threads())
        return _executor


async def call(func: Callable[P, T], /, *args: P.args, **kwargs: P.kwargs) -> T:
    """`func(*args, **kwargs)` in the pool; the caller's task waits, the event loop does not. In place when
    the pool is not `enabled` (a local store)."""
    if not _enabled:
        return func(*args, **kwargs)
    return await asyncio.get_running_loop().run_in_executor(executor(), partial(func, *args, **kwargs))


async def call_writing(func: Callable[P, T], /, *args: P.args, **kwargs: P.kwargs) -> T:
    """`call` for a core call that may write (`CorePort.writes`): in the pool whenever `off_loop` says so,
    on a local store too, so the event loop answers others while the write waits for the disk."""
    if not off_loop(writes=True):
        return func(*args, **kwargs)
    return await asyncio.get_running_loop().run_in_executor(executor(), partial(func, *args, **kwargs))


def shut_down() -> None:
    """At the server's exit: no new work, and no waiting for a call stuck on the database (its thread ends
    with the process)."""
    global _executor
    with _LOCK:
        pool, _executor = _executor, None
    if pool is not None:
        pool.shutdown(wait=False, cancel_futures=True)
