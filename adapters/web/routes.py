"""The web routes on the one aiohttp server: calendar feeds, status pages and signed wheel pictures.

What they show is decided in the core and reached through the port (`CorePort.calendar`, `.status_page`,
`.picture`); here it is only rendered and served. Every refusal is the same bare 404, whether the token is
wrong, the feed does not exist or a signature was altered, so an address reveals nothing about what
exists. Answers are never cached by proxies.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Mapping, MutableMapping
from typing import TYPE_CHECKING

from aiohttp import web

from adapters.request_guard import NOT_FOUND_HEADERS, NOT_FOUND_TEXT
from bot.messages import Picture

from .draw import PICTURE_LINKS
from .signed import link_secret, verify

if TYPE_CHECKING:
    from bot.port import CorePort
    from bot.reminders.passes import Sender

logger = logging.getLogger(__name__)

PRIVATE_HEADERS = NOT_FOUND_HEADERS
PAGE_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'"


def not_found() -> web.Response:
    return web.Response(status=404, text=NOT_FOUND_TEXT, headers=PRIVATE_HEADERS)


def mount_web(
    app: web.Application, *, core: CorePort, senders: MutableMapping[str, Sender], environ: Mapping[str, str]
) -> None:
    """Add /kalender/<feed>.ics, /status, /status/<region> and /bilde/<name>.png|svg to the server.

    Each route imports its renderer (icalendar, Jinja2, Pillow) when it is first asked for: `serve` is
    ready without them, and most processes never draw a page."""
    secret = link_secret(environ)
    PICTURE_LINKS.configure(core=core, environ=environ)

    async def calendar(request: web.Request) -> web.Response:
        feed = core.calendar(feed=request.match_info["feed"], token=request.query.get("token"), environ=environ)
        if feed is None:
            return not_found()
        from .ics import render_ics

        body = render_ics(title=feed.title, events=feed.events, now=feed.now, tz_name=feed.tz_name)
        headers = {**PRIVATE_HEADERS, "Content-Disposition": f'inline; filename="{feed.name}.ics"'}
        return web.Response(body=body, content_type="text/calendar", charset="utf-8", headers=headers)

    async def status(request: web.Request) -> web.Response:
        token = request.query.get("token")
        year = request.query.get("år") or request.query.get("aar")
        region = request.match_info.get("region")
        view = core.status_page(region=region, token=token, year=year, environ=environ)
        if view is None:
            return not_found()
        from .pages import status_html

        return _page(status_html(view=view, token=str(token)))

    async def picture(request: web.Request) -> web.Response:
        params = verify(request.query, secret=secret, now=core.clock.now())
        drawing = core.picture(Picture(params=params, name=request.match_info["name"], alt="")) if params else None
        if drawing is None:
            return not_found()
        from .wheel_png import render_png
        from .wheel_svg import render_svg

        if request.match_info["ext"] == "svg":
            # Opened on its own, an SVG is a document: the page's policy keeps anything in it from running.
            headers = {**PRIVATE_HEADERS, "Content-Security-Policy": PAGE_POLICY}
            return web.Response(text=render_svg(drawing), content_type="image/svg+xml", headers=headers)
        png = await asyncio.get_running_loop().run_in_executor(None, render_png, drawing)  # off the event loop
        return web.Response(body=png, content_type="image/png", headers=PRIVATE_HEADERS)

    app.router.add_get("/kalender/{feed}.ics", calendar)
    app.router.add_get("/status", status)
    app.router.add_get("/status/{region}", status)
    app.router.add_get(r"/bilde/{name}.{ext:png|svg}", picture)


def _page(html: str) -> web.Response:
    headers = {**PRIVATE_HEADERS, "Content-Security-Policy": PAGE_POLICY}
    return web.Response(text=html, content_type="text/html", charset="utf-8", headers=headers)
