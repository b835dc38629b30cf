"""`serve`'s warm-up: the one-off costs of a first command (its handler's imports, the date grammar, the
holiday tables), paid in a worker thread once the server listens, so /healthz never waits for them.

`build_app(warm_up=…)` adds `warm_up_once_listening(work)` to the app; whoever starts the app's sites calls
`listening(app)` when they accept connections (`serve`, through `run_app`'s print hook; `tests/helpers.serving`).
`app[WARMING]` is the warm-up's task.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import sys
from collections.abc import Callable
from typing import Any

from aiohttp import web

logger = logging.getLogger(__name__)

WARMING = web.AppKey("warming", asyncio.Future)
LISTENING = web.AppKey("listening", asyncio.Event)


def listening(app: web.Application) -> None:
    """The app's sockets accept connections: what waits for that (the warm-up) may start. Called by `serve`
    (aiohttp's `run_app` calls its `print` hook right after the sites start) and by whatever else runs the app."""
    if LISTENING in app:
        app[LISTENING].set()


WARM_UP_SWITCH_SECONDS = 0.0005
"""The GIL's switch interval while the warm-up runs, so a request waits at most about this long for it."""


def warm_up_once_listening(work: Callable[[], None]) -> Callable[[web.Application], Any]:
    """`work` in a worker thread once the server listens: started with the app, it held the GIL while the
    process was still opening its socket, so /healthz waited for imports it does not need."""

    def guarded() -> None:
        # While it imports and compiles, the event loop's thread waits for the GIL after each of its system
        # calls: with the default 5 ms switch interval a request (accept, read, answer) waited ~20 ms.
        interval = sys.getswitchinterval()
        sys.setswitchinterval(WARM_UP_SWITCH_SECONDS)
        try:
            work()
        except Exception:  # a cost not paid now is paid by the first command that needs it
            logger.exception("warming up failed")
        finally:
            sys.setswitchinterval(interval)

    async def once_listening(event: asyncio.Event) -> None:
        await event.wait()
        await asyncio.get_running_loop().run_in_executor(None, guarded)

    async def context(app: web.Application) -> Any:
        app[LISTENING] = asyncio.Event()
        app[WARMING] = asyncio.get_running_loop().create_task(once_listening(app[LISTENING]), name="warm-up")
        yield
        if not app[WARMING].done():
            app[WARMING].cancel()  # never listened, or stopped while warming: the thread's work is not waited for
            with contextlib.suppress(asyncio.CancelledError):
                await app[WARMING]

    return context
