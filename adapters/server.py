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
import contextlib
import importlib
import logging
import os
from collections.abc import Awaitable, Callable, Mapping
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from aiohttp import ClientPayloadError, web
from aiohttp.http_exceptions import HttpProcessingError
from aiohttp.web_protocol import RequestPayloadError

from adapters import offload
from adapters.health import TOKEN_ENV, health_report, may_see_details, watch_store
from adapters.start_up import freeze_start_up
from adapters.warm_up import listening, warm_up_once_listening
from bot.state.integrity import HistoryCheck

if TYPE_CHECKING:
    from bot.port import CorePort
    from bot.reminders.passes import Sender

logger = logging.getLogger(__name__)

DEFAULT_PORT = 3978
MAX_BODY_BYTES = 1024 * 1024
"""No request body over 1 MB is read by any route (a Teams activity with a large card is far below it);
Slack's own door (adapters/slack/gate.py) is tighter. Checked on Content-Length before anything is read."""

BODY_READ_SECONDS = 10.0
"""How long reading one request body may take (a Slack or Teams body arrives in milliseconds): a client
that trickles its body (slowloris) gets 408 and the connection is closed, instead of holding a slot."""
BODY_TIMEOUT = web.AppKey("body_timeout", float)

MOUNTS: tuple[str, ...] = (
    "adapters.slack:mount_slack",
    "adapters.teams:mount_teams",
    "adapters.web:mount_web",
)

SENDERS = web.AppKey("senders", dict)
HISTORY = web.AppKey("history", object)
ALERTS = web.AppKey("history_alerts", asyncio.Task)
SCHEDULER = web.AppKey("scheduler", object)

Sleep = Callable[[float], Awaitable[None]]


class ReminderScheduler:
    """Runs `bot.reminders.passes.run_pass` at each time of the configured cron, in the core clock's zone.

    A pass that could not post everything is tried again after `retry_after` instead of waiting for the next
    cron time (which may be a day away): the ledger is written only after a successful post, so a Slack
    outage delays a reminder and never loses it. A pass also runs at start-up to catch up after downtime.
    """

    def __init__(
        self,
        *,
        core: CorePort,
        senders: Mapping[str, Sender],
        sleep: Sleep = asyncio.sleep,
        retry_after: timedelta = timedelta(minutes=5),
        max_nap: float = 300.0,
        run_at_start: bool = True,
        run_pass: Callable[..., Awaitable[Any]] | None = None,
    ) -> None:
        self.core = core
        self.senders = senders
        self._sleep = sleep
        self.retry_after = retry_after
        self.max_nap = max_nap
        self.run_at_start = run_at_start
        self.passes = 0
        self._run_pass = run_pass
        self.retry_in: float | None = None
        """The last pass's `PassReport.retry_in`: look again then (a lease that ends, announcements whose
        grace ends), however far the next cron time is."""

    def next_time(self, after: datetime) -> datetime:
        from croniter import croniter  # after the server answers: not part of `serve`'s start-up

        local = after.astimezone(self.core.clock.tz)
        return croniter(self.core.reminder_cron, local).get_next(datetime)

    async def run_once(self) -> bool:
        """One pass; True when every due reminder went out."""
        self.passes += 1
        self.retry_in = None
        try:
            if self._run_pass is None:
                report = await self.core.remind(senders=self.senders)
            else:
                report = await self._run_pass(core=self.core, senders=self.senders)
        except Exception:
            logger.exception("reminder pass failed")
            return False
        complete = _pass_complete(report)
        self.retry_in = getattr(report, "retry_in", None)
        logger.info("reminder pass done: %s", report)
        return complete

    async def run_forever(self) -> None:
        now = self.core.clock.now()
        due = now if self.run_at_start else self.next_time(now)
        while True:
            now = self.core.clock.now()
            if now < due:
                # Nap in short steps and look again, so a changed clock (DST, suspend) is noticed.
                await self._sleep(min(self.max_nap, (due - now).total_seconds()))
                continue
            complete = await self.run_once()
            due = self.next_time(now)
            if not complete:
                due = min(due, now + self.retry_after)
            if self.retry_in is not None:
                due = min(due, now + timedelta(seconds=self.retry_in))


def _pass_complete(report: Any) -> bool:
    if getattr(report, "ledger_failed", False):
        return False  # try writing the ledger again soon, not at the next cron time
    failed = getattr(report, "failed", None)
    if failed is None:
        return True
    return not failed


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
        app.cleanup_ctx.append(_scheduler_context(core=core, senders=senders))
    return app


async def answer_and_close(request: web.Request, response: web.Response) -> web.Response:
    """Send `response` and close the connection at once: for a refusal whose body is left unread, instead
    of aiohttp's default of reading and discarding the rest for up to 10 seconds (junk holding a slot)."""
    response.force_close()
    await response.prepare(request)
    await response.write_eof()
    if request.protocol is not None:
        request.protocol.force_close()
    return response


class BodyTooSlow(Exception):
    """The body did not arrive within the app's `BODY_TIMEOUT`."""


async def read_capped(request: web.Request, *, limit: int) -> bytes | None:
    """The body, or None once it passes `limit` (the rest is never read). Raises `BodyTooSlow` when it
    takes longer than the app's `BODY_TIMEOUT` (`refuse_junk` answers 408)."""
    declared = request.content_length
    if declared is not None and declared > limit:
        return None
    if declared is not None and request.content.is_eof():
        # The whole body came with the headers (every small request does): read it without the timer and
        # the chunk loop, which cost more than the read. A body longer than it said is still refused.
        body = await request.content.read()
        return body if len(body) <= limit else None
    chunks: list[bytes] = []
    size = 0
    try:
        async with asyncio.timeout(request.app.get(BODY_TIMEOUT, BODY_READ_SECONDS)):
            while True:
                chunk = await request.content.read(64 * 1024)
                if not chunk:
                    return b"".join(chunks)
                size += len(chunk)
                if size > limit:
                    return None
                chunks.append(chunk)
    except TimeoutError:
        raise BodyTooSlow from None


async def read_whole(request: web.Request) -> bytes | None:
    """The body through aiohttp's own cached `read()` (so an SDK reading it again gets the same bytes), or
    None over the app's `client_max_size`; `BodyTooSlow` as in `read_capped`."""
    try:
        async with asyncio.timeout(request.app.get(BODY_TIMEOUT, BODY_READ_SECONDS)):
            return await request.read()
    except TimeoutError:
        raise BodyTooSlow from None
    except web.HTTPRequestEntityTooLarge:
        return None


@web.middleware
async def refuse_junk(
    request: web.Request, handler: Callable[[web.Request], Awaitable[web.StreamResponse]]
) -> web.StreamResponse:
    """A body over the cap is refused before it is read; a refusal is logged as method, path, size and
    reason only (never the body: forged requests must cost nothing, in CPU or in log); an unexpected error
    is a bare 500 with one log line, never a traceback in the answer."""
    size = request.content_length
    if size is not None and size > MAX_BODY_BYTES:
        logger.warning("refused %s (%d bytes): body over cap", request_label(request), size)
        return await answer_and_close(request, web.Response(status=413, text="request too large"))
    try:
        return await handler(request)
    except web.HTTPNotFound:
        # Every unknown address answers exactly as a wrong token does (adapters/web/routes.py): nothing
        # tells an address that exists from one that does not.
        return web.Response(status=404, text=NOT_FOUND_TEXT, headers=NOT_FOUND_HEADERS)
    except web.HTTPException as exc:
        if exc.status in (400, 401, 403, 413):
            logger.warning("refused %s (%s bytes): %s", request_label(request), size, exc.reason)
        raise
    except BodyTooSlow:
        logger.warning("refused %s (%s bytes): body too slow", request_label(request), size)
        return await answer_and_close(request, web.Response(status=408, text="request timeout"))
    except (RequestPayloadError, HttpProcessingError) as exc:
        # A body whose encoding or framing is broken (bad gzip, a cut chunk): the client's fault, one line.
        logger.warning("refused %s (%s bytes): malformed body (%s)", request_label(request), size, type(exc).__name__)
        return await answer_and_close(request, web.Response(status=400, text="bad request"))
    except (ConnectionError, asyncio.IncompleteReadError, ClientPayloadError) as exc:
        # The client went away mid-body (a slow or partial upload): nobody to answer, one line in the log.
        logger.warning("dropped %s (%s bytes): client left (%s)", request_label(request), size, type(exc).__name__)
        raise web.HTTPBadRequest() from None
    except Exception as exc:
        # A bug: a bare 500 and one line naming where, never a traceback in the answer or the body in the log.
        logger.error("failed %s (%s bytes): %s", request_label(request), size, _where(exc))
        return web.Response(status=500, text="internal error")


NOT_FOUND_TEXT = "Ikke funnet."
NOT_FOUND_HEADERS = {
    "Cache-Control": "no-store, private",
    "X-Robots-Tag": "noindex, nofollow",
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
}


MAX_LOGGED_PATH = 120


def request_label(request: web.Request) -> str:
    """Method and path for a log line: the path percent-encoded (a decoded `%0a` would forge a log line)
    and cut to `MAX_LOGGED_PATH`; never the query, which carries the secret tokens."""
    path = quote(request.path, safe="/-._~:@!$&'()*+,;=")
    if len(path) > MAX_LOGGED_PATH:
        path = path[:MAX_LOGGED_PATH] + "…"
    return f"{request.method} {path}"


def _where(exc: BaseException) -> str:
    """The exception's type and the innermost frame of our own code it passed (file:line), for one log line."""
    frame = None
    tb = exc.__traceback__
    while tb is not None:
        if "site-packages" not in tb.tb_frame.f_code.co_filename:
            frame = tb
        tb = tb.tb_next
    if frame is None:
        return type(exc).__name__
    return f"{type(exc).__name__} at {os.path.basename(frame.tb_frame.f_code.co_filename)}:{frame.tb_lineno}"


class _OneLineProtocolErrors(logging.Filter):
    """aiohttp logs a malformed request (a request line or header over 8 KB, a NUL in the path) as an error
    with a traceback whose message quotes the request line, token and all. Such a record becomes one line
    naming the error's type: junk from the internet costs one short line and leaks nothing."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.exc_info and record.exc_info[1] is not None:
            exc = record.exc_info[1]
            record.msg, record.args = "refused a malformed HTTP request (%s)", (type(exc).__name__,)
            record.exc_info, record.exc_text, record.levelno, record.levelname = None, None, logging.WARNING, "WARNING"
        return True


def quiet_protocol_errors() -> None:
    server_log = logging.getLogger("aiohttp.server")
    if not any(isinstance(f, _OneLineProtocolErrors) for f in server_log.filters):
        server_log.addFilter(_OneLineProtocolErrors())


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


FIRST_PASS_AFTER = 1.0
"""Seconds from start-up to the catch-up pass: the server is listening and answering /healthz first (the
pass plans on the event loop; started at once, it ran before the socket was open, and `serve` took 2.05x
the bare server's time to /healthz instead of 1.44x: bench/serve_startup.py)."""


async def _after_start(work: Callable[[], Awaitable[None]]) -> None:
    await asyncio.sleep(FIRST_PASS_AFTER)
    await work()


def _scheduler_context(*, core: CorePort, senders: Mapping[str, Sender]) -> Callable[[web.Application], Any]:
    async def context(app: web.Application) -> Any:
        reminders = ReminderScheduler(core=core, senders=senders)
        app[SCHEDULER] = reminders
        task = asyncio.get_running_loop().create_task(_after_start(reminders.run_forever), name="reminders")
        yield
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task

    return context


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
