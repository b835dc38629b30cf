"""`/healthz`: what this process knows of its health, told in full only to those who may know it.

A load balancer or a stranger gets ``{"status": "ok"}`` or ``{"status": "degraded"}``. The details (which
store, its files or database user and host, the faults, the history check, the reminder ledger) go only to
a request from the loopback that did not come through a proxy (no ``X-Forwarded-For``/``Forwarded``), or
to one that carries ``Authorization: Bearer $SAMHANDLING_HEALTH_TOKEN``.

Nothing here calls the store: the report is built from faults the store has already noted, so it answers
at once while the database hangs. `watch_store` keeps that knowledge fresh when no one is using the bot,
with one cheap read every few seconds, off the event loop.
"""

from __future__ import annotations

import asyncio
import contextlib
import hmac
import ipaddress
import logging
from collections.abc import AsyncIterator, Callable, Mapping
from typing import TYPE_CHECKING, Any

from aiohttp import web

from adapters import offload
from adapters.platform_outage import DOWN, PlatformOutage
from adapters.platform_rate_limit import LIMITED, RateLimits
from adapters.refused_credentials import REFUSED, RefusedCredentials
from storage.base import Store, StoreError

if TYPE_CHECKING:
    from bot.port import CorePort
    from bot.reminders.passes import Sender
    from bot.state.integrity import HistoryCheck

logger = logging.getLogger(__name__)

WATCH_EVERY = 2.0
"""Seconds between the watch's reads: /healthz turns «degraded» within this of the database going away."""
WATCH_PARTITION = "meta"
HANG_FAULT = "store"
TOKEN_ENV = "SAMHANDLING_HEALTH_TOKEN"


def health_report(
    *,
    core: CorePort,
    history: HistoryCheck,
    senders: Mapping[str, Sender],
    refused: RefusedCredentials = REFUSED,
    down: PlatformOutage = DOWN,
    limited: RateLimits = LIMITED,
) -> tuple[dict[str, Any], int]:
    """The full report and its HTTP status (503 only when reminders are stopped by a ledger fault)."""
    body: dict[str, Any] = {"status": "ok" if history.ok else "degraded", "platforms": sorted(senders)}
    if history.checked:
        body["history"] = history.as_json()
    faults = core.store_faults()  # a damaged file: named here; the rest keeps serving
    if faults:
        body["status"] = "degraded"
        body["store"] = dict(faults)
    undelivered = core.undelivered()  # said once in the log; here until the process restarts
    if undelivered:
        body["status"] = "degraded"
        body["undelivered"] = undelivered
    unreachable = core.unreachable()  # marked once (bot.delivery.targets); gone when a post gets through
    if unreachable:
        body["status"] = "degraded"
        body["unreachable"] = unreachable
    credentials = refused.current()  # a platform refuses the bot's token: nothing reaches it until fixed
    if credentials:
        body["status"] = "degraded"
        body["credentials"] = credentials
    outage = down.current()  # a platform gives 5xx or no connection past a call's retries: posts wait
    if outage:
        body["status"] = "degraded"
        body["outage"] = outage
    held = limited.current()  # a platform's 429 asked for a longer wait than a call makes: posts wait
    if held:
        body["status"] = "degraded"
        body["rate_limited"] = held
    fault = core.reminder_fault()
    if fault is not None:  # reminders stopped: posted, but the ledger could not be written
        body["status"] = "degraded"
        body["reminders"] = fault
        return body, 503
    return body, 200


def may_see_details(request: web.Request, *, token: str | None) -> bool:
    """The loopback (not through a proxy), or the configured token."""
    if token:
        given = request.headers.get("Authorization", "")
        if hmac.compare_digest(given.encode(), f"Bearer {token}".encode()):
            return True
    if "X-Forwarded-For" in request.headers or "Forwarded" in request.headers:
        return False
    try:
        return ipaddress.ip_address((request.remote or "").split("%")[0]).is_loopback
    except ValueError:
        return False


async def watch_once(store: Store, *, hang_after: float) -> None:
    """One read of `WATCH_PARTITION`. A failure is noted by the store itself; a read that has not returned
    after `hang_after` seconds (a database that accepts connections but never answers) is noted here as
    `HANG_FAULT` until it returns, so /healthz says «degraded» while calls hang."""
    read = asyncio.ensure_future(offload.call(store.read, WATCH_PARTITION))
    done, _ = await asyncio.wait({read}, timeout=hang_after)
    if not done:
        error = StoreError(
            f"The store has not answered a read for {hang_after:g} s; calls are waiting.", kind="unavailable"
        )
        store.note_fault(HANG_FAULT, error)
        await asyncio.wait({read})
        store.clear_fault(HANG_FAULT)
    if read.exception() is not None:  # noted by the store (and on /healthz); nothing to add here
        logger.debug("store watch: %s", type(read.exception()).__name__)


def watch_store(*, core: CorePort, every: float = WATCH_EVERY) -> Callable[[web.Application], AsyncIterator[None]]:
    """A cleanup context: reads `WATCH_PARTITION` every `every` seconds, so the store notes (and clears) a
    fault of its own even when no request comes."""

    async def context(app: web.Application) -> AsyncIterator[None]:
        store = core.adapter_store()  # the core's own store (the port hands it to adapters for their partitions)

        async def watch() -> None:
            while True:
                await asyncio.sleep(every)
                await watch_once(store, hang_after=every)

        task = asyncio.get_running_loop().create_task(watch(), name="store-watch")
        yield
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task

    return context
