"""The one process that serves every chat platform: aiohttp on $PORT, /healthz, and the reminder scheduler.

Each platform adapter contributes a *mount* function, named in `MOUNTS` as "module:function" (imported only
when the server starts, so a platform's SDK is loaded only where it is used). A mount function has the
signature

    def mount_x(app: web.Application, *, core: Core, senders: dict[str, Sender], environ: Mapping[str, str]) -> None

and adds its routes and startup/cleanup hooks to `app` and, when it can post, its `Sender` to `senders`.
All mounts share the same `senders` dict, so an announcement made from one platform reaches channels on
another, and the scheduler posts reminders through whichever platforms are configured.
"""

from __future__ import annotations

import asyncio
import importlib
import logging
import os
from collections.abc import Awaitable, Callable, Mapping
from typing import TYPE_CHECKING

from aiohttp import web

from adapters import offload
from adapters.health import TOKEN_ENV, health_report, may_see_details, watch_store
from adapters.reminder_scheduler import scheduler_context
from adapters.request_guard import BODY_READ_SECONDS, BODY_TIMEOUT, MAX_BODY_BYTES, quiet_protocol_errors, refuse_junk
from adapters.start_up import freeze_start_up
from adapters.warm_up import listening, warm_up_once_listening
from bot.state.integrity import HistoryCheck

if TYPE_CHECKING:
    from bot.port import CorePort
    from bot.reminders.passes import Sender

logger = logging.getLogger(__name__)

DEFAULT_PORT = 3978

MOUNTS: tuple[str, ...] = (
    "adapters.slack:mount_slack",
    "adapters.teams:mount_teams",
    "adapters.web:mount_web",
)

SENDERS = web.AppKey("senders", dict)
HISTORY = web.AppKey("history", object)
ALERTS = web.AppKey("history_alerts", asyncio.Task)


def build_app(
    *,
    core: CorePort,
    environ: Mapping[str, str] | None = None,
    mounts: tuple[str, ...] = MOUNTS,
    scheduler: bool = True,
    warm_up: Callable[[], None] | None = None,
) -> web.Application:
    """The aiohttp application with every configured platform mounted. Separate from `serve` for tests.

    `warm_up` runs in a worker thread once the server listens (`listening(app)`; `app[WARMING]` is its future)."""
    env = os.environ if environ is None else environ
    offload.configure(remote_store=core.adapter_store().remote, environ=env)
    quiet_protocol_errors()
    app = web.Application(client_max_size=MAX_BODY_BYTES, middlewares=[refuse_junk])
    senders: dict[str, Sender] = {}
    app[SENDERS] = senders
    app[BODY_TIMEOUT] = BODY_READ_SECONDS
    for spec in mounts:
        module_name, _, func_name = spec.partition(":")
        mount = getattr(importlib.import_module(module_name), func_name)
        mount(app, core=core, senders=senders, environ=env)

    history = HistoryCheck()
    app[HISTORY] = history

    async def healthz(request: web.Request) -> web.Response:
        # From what this process already knows (never a store call, so it answers while the database hangs).
        body, code = health_report(core=core, history=history, senders=senders)
        if not may_see_details(request, token=env.get(TOKEN_ENV) or None):
            body = {"status": body["status"]}  # a stranger learns ok / degraded, no paths, users or hosts
        return web.json_response(body, status=code)

    app.router.add_get("/healthz", healthz)
    if warm_up is not None:
        app.cleanup_ctx.append(warm_up_once_listening(warm_up))
    app.on_startup.append(_history_check(core=core, history=history, senders=senders))
    app.cleanup_ctx.append(watch_store(core=core))
    if scheduler:
        app.cleanup_ctx.append(scheduler_context(core=core, senders=senders))
    return app


def _history_check(
    *, core: CorePort, history: HistoryCheck, senders: Mapping[str, Sender]
) -> Callable[[web.Application], Awaitable[None]]:
    """At start-up: walk every history chain, keep the result for /healthz, tell the admins if one broke.
    Never refuses to start."""

    async def check(app: web.Application) -> None:
        from bot.state.integrity import admin_alert

        try:
            result = await offload.call(core.check_history)  # on PostgreSQL: many reads; keep the loop free
        except Exception:
            logger.exception("could not verify the history chains at start-up")
            return
        if result is None:  # a core with no history to check
            return
        history.reports, history.checked = result.reports, True
        alert = admin_alert(result)
        if alert is None:
            return

        async def tell_admins() -> None:
            for address in core.admin_addresses():
                sender = senders.get(address.platform)
                if sender is None:
                    continue
                try:
                    await sender.send(channel_id=address.channel_id, reply=alert)
                except Exception:
                    logger.warning("could not tell %s:%s of the broken history", address.platform, address.channel_id)

        # In the background: a slow platform must not hold up start-up.
        app[ALERTS] = asyncio.get_running_loop().create_task(tell_admins(), name="history-alert")

    return check


def serve(
    *, core: CorePort, port: int | None = None, host: str = "0.0.0.0", warm_up: Callable[[], None] | None = None
) -> None:
    """Blocking: serve every configured platform until SIGINT/SIGTERM. Port: argument, else $PORT, else 3978.

    `warm_up` (one-off costs such as the date grammar and the imports the first command needs) runs in a
    worker thread once the server listens: paid before a first command, not before the server answers."""
    if port is None:
        port = int(os.environ.get("PORT", DEFAULT_PORT))
    try:
        app = build_app(core=core, warm_up=warm_up)
        freeze_start_up()
        web.run_app(
            app,
            host=host,
            port=port,
            print=lambda *_: listening(app),  # run_app calls it once every socket accepts connections
            access_log=None,
            shutdown_timeout=SHUTDOWN_SECONDS,
        )
    finally:
        offload.shut_down()  # a core call stuck in the database does not hold up the exit


SHUTDOWN_SECONDS = 3.0
"""After SIGTERM: how long open requests may finish (aiohttp's default is 60 s); the process ends within
a few seconds even while the database hangs."""
