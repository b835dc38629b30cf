"""What every request to the server passes first: a body cap, a time limit on reading the body, refusals
answered and logged in one line (method, path, size, reason; never the body or the query's tokens), and
aiohttp's own protocol errors made one line. Junk from the internet costs nothing, in CPU or in log.
"""

from __future__ import annotations

import asyncio
import logging
import os
from collections.abc import Awaitable, Callable
from urllib.parse import quote

from aiohttp import ClientPayloadError, web
from aiohttp.http_exceptions import HttpProcessingError
from aiohttp.web_protocol import RequestPayloadError

logger = logging.getLogger(__name__)

MAX_BODY_BYTES = 1024 * 1024
"""No request body over 1 MB is read by any route (a Teams activity with a large card is far below it);
Slack's own door (adapters/slack/gate.py) is tighter. Checked on Content-Length before anything is read."""

BODY_READ_SECONDS = 10.0
"""How long reading one request body may take (a Slack or Teams body arrives in milliseconds): a client
that trickles its body (slowloris) gets 408 and the connection is closed, instead of holding a slot."""
BODY_TIMEOUT = web.AppKey("body_timeout", float)


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
