"""The pool's own hop from an event loop (`DaemonPool.on_loop`): a result, an exception, work the task gave up on
before it began, and a shutdown with work still queued, as `run_in_executor` on the pool did them."""

from __future__ import annotations

import asyncio
import threading

import pytest

from bot.off_loop import DaemonPool


def test_result_and_exception_come_back_on_the_loop() -> None:
    pool = DaemonPool(2)

    def boom() -> None:
        raise ValueError("bad")

    async def go() -> tuple[object, str]:
        loop = asyncio.get_running_loop()
        result = await pool.on_loop(loop, threading.current_thread)
        with pytest.raises(ValueError, match="bad"):
            await pool.on_loop(loop, boom)
        return result, threading.current_thread().name

    worker, loop_thread = asyncio.run(go())
    pool.shutdown()
    assert isinstance(worker, threading.Thread) and worker.name.startswith("core-")
    assert loop_thread != worker.name


def _queued_behind_a_blocker(
    pool: DaemonPool, loop: asyncio.AbstractEventLoop, ran: list[int]
) -> tuple[threading.Event, asyncio.Future[bool], asyncio.Future[None]]:
    """A pool of one thread held by work that waits for the returned gate, and work queued behind it."""
    gate = threading.Event()
    return gate, pool.on_loop(loop, gate.wait), pool.on_loop(loop, lambda: ran.append(1))


def test_work_given_up_before_it_began_never_runs() -> None:
    pool, ran = DaemonPool(1), []

    async def go() -> None:
        loop = asyncio.get_running_loop()
        gate, blocker, waiting = _queued_behind_a_blocker(pool, loop, ran)
        waiting.cancel()
        gate.set()
        await blocker
        await pool.on_loop(loop, lambda: None)  # the queue has passed the cancelled work

    asyncio.run(go())
    pool.shutdown()
    assert ran == []


def test_shutdown_cancels_queued_work() -> None:
    pool, ran = DaemonPool(1), []

    async def go() -> bool:
        loop = asyncio.get_running_loop()
        gate, blocker, queued = _queued_behind_a_blocker(pool, loop, ran)
        pool.shutdown(wait=False, cancel_futures=True)
        gate.set()
        await blocker
        with pytest.raises(asyncio.CancelledError):
            await queued
        with pytest.raises(RuntimeError):
            pool.on_loop(loop, lambda: None)
        return queued.cancelled()

    assert asyncio.run(go())
    assert ran == []
