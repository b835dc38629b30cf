"""The process's one bounded pool of daemon threads, for store work that must not hold up an event loop.

A durable write waits for the disk (a tinydb fsync, a PostgreSQL commit) and a store over the network may
not answer at all; on the event loop either would stop every other request, `/healthz` and SIGTERM. The
adapters send the core's synchronous calls here (`adapters.offload`), and the core's own asynchronous work
(posting announcements, a reminder pass) sends its store writes here (`run`). The pool is bounded
(``SAMHANDLING_CORE_THREADS``, default 4) and its threads are daemon threads, so a call stuck in a dead
database never holds up the process's exit. `configure` (the server, at start-up) turns it on; until then,
and with ``SAMHANDLING_CORE_THREADS=0``, everything runs in place.
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
_LOCK = threading.Lock()
_executor: DaemonPool | None = None
_writes = False


def configure(*, writes: bool) -> None:
    """Whether store writes go to the pool in this process (`run`)."""
    global _writes
    _writes = writes


def writes_off_loop() -> bool:
    return _writes


def threads(*, environ: Mapping[str, str] | None = None) -> int:
    raw = (os.environ if environ is None else environ).get("SAMHANDLING_CORE_THREADS", "").strip()
    if raw.isdigit() and 1 <= int(raw) <= 64:
        return int(raw)
    if raw and raw != "0":
        logger.warning("SAMHANDLING_CORE_THREADS=%r is not a number from 0 to 64; using %d", raw, DEFAULT_THREADS)
    return DEFAULT_THREADS


class DaemonPool(Executor):
    """At most `size` daemon threads taking work from one queue. (`ThreadPoolExecutor` joins its threads at
    interpreter exit, so one call stuck in a dead database would hold up SIGTERM.)

    `on_loop` is the hop a write takes from an event loop: the work goes on the queue with the loop's own
    future, and the thread hands the result back with one `call_soon_threadsafe`. `run_in_executor` made a
    `concurrent.futures.Future` (a condition variable, its lock taken at each step) and chained it to an
    asyncio future through `wrap_future` (a callback each way): ~27 µs CPU a hop against ~13 µs
    (`python -m bench.hop`)."""

    def __init__(self, size: int) -> None:
        self._size = size
        self._work: queue.SimpleQueue[_Item | None] = queue.SimpleQueue()
        self._threads: list[threading.Thread] = []
        self._lock = threading.Lock()
        self._closed = False

    def submit(self, fn: Callable[..., T], /, *args: Any, **kwargs: Any) -> Future[T]:
        future: Future[T] = Future()
        self._put(_Item(future=future, work=partial(fn, *args, **kwargs)))
        return future

    def on_loop(self, loop: asyncio.AbstractEventLoop, work: Callable[[], T], /) -> asyncio.Future[T]:
        """`work()` in a pool thread; the returned future (of `loop`) gets its result or exception."""
        future: asyncio.Future[T] = loop.create_future()
        self._put(_Item(future=future, work=work, loop=loop))
        return future

    def _put(self, item: _Item) -> None:
        with self._lock:
            if self._closed:
                raise RuntimeError("the core's thread pool is shut down")
            self._work.put(item)
            if len(self._threads) < self._size:
                worker = threading.Thread(target=self._run, name=f"core-{len(self._threads)}", daemon=True)
                self._threads.append(worker)
                worker.start()

    def _run(self) -> None:
        while (item := self._work.get()) is not None:
            item.run()

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
                    item.cancel()
        for _ in threads:
            self._work.put(None)
        if wait:
            for worker in threads:
                worker.join()


class _Item:
    """One piece of work on the pool's queue and the future that waits for it: a `concurrent.futures.Future`
    (`submit`) or an event loop's own (`on_loop`, settled on that loop's thread)."""

    __slots__ = ("future", "loop", "work")

    def __init__(self, *, future: Any, work: Callable[[], Any], loop: asyncio.AbstractEventLoop | None = None) -> None:
        self.future = future
        self.work = work
        self.loop = loop

    def run(self) -> None:
        if self.loop is None:
            if not self.future.set_running_or_notify_cancel():
                return
            try:
                self.future.set_result(self.work())
            except BaseException as exc:  # handed to the awaiting task, which decides
                self.future.set_exception(exc)
            return
        if self.future.cancelled():  # the task gave up before the work began (as `run_in_executor`'s does)
            return
        try:
            result, error = self.work(), None
        except BaseException as exc:  # handed to the awaiting task, which decides
            result, error = None, exc
        self._settle(_set_result if error is None else _set_exception, result if error is None else error)

    def cancel(self) -> None:
        if self.loop is None:
            self.future.cancel()
        else:
            self._settle(_cancel, None)

    def _settle(self, how: Callable[[asyncio.Future[Any], Any], None], value: Any) -> None:
        assert self.loop is not None
        try:
            self.loop.call_soon_threadsafe(how, self.future, value)
        except RuntimeError:  # the loop is closed: nobody waits any more
            logger.debug("a pool result came after its event loop closed")


def _set_result(future: asyncio.Future[Any], value: Any) -> None:
    if not future.done():
        future.set_result(value)


def _set_exception(future: asyncio.Future[Any], error: Any) -> None:
    if not future.done():
        future.set_exception(error)


def _cancel(future: asyncio.Future[Any], _: Any) -> None:
    future.cancel()


def executor() -> DaemonPool:
    """The process's one pool (made on first use)."""
    global _executor
    with _LOCK:
        if _executor is None:
            _executor = DaemonPool(threads())
        return _executor


async def in_pool(func: Callable[P, T], /, *args: P.args, **kwargs: P.kwargs) -> T:
    """`func(*args, **kwargs)` in the pool; the caller's task waits, the event loop does not."""
    return await executor().on_loop(asyncio.get_running_loop(), partial(func, *args, **kwargs))


async def run(func: Callable[P, T], /, *args: P.args, **kwargs: P.kwargs) -> T:
    """A store write from the core's asynchronous work (settling posted announcements, a pass's ledger): in
    the pool once `configure` turned it on, else in place (tests, the terminal, `tick`)."""
    if not _writes:
        return func(*args, **kwargs)
    return await in_pool(func, *args, **kwargs)


def shut_down() -> None:
    """At the server's exit: no new work, and no waiting for a call stuck on the database (its thread ends
    with the process)."""
    global _executor
    with _LOCK:
        pool, _executor = _executor, None
    if pool is not None:
        pool.shutdown(wait=False, cancel_futures=True)
