"""The web routes on the one aiohttp server: calendar feeds, status pages and signed wheel pictures.

Every refusal is the same bare 404, whether the token is wrong, the feed does not exist or a signature
was altered, so an address reveals nothing about what exists. Answers are never cached by proxies.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Mapping, MutableMapping
from typing import TYPE_CHECKING

from aiohttp import web

from adapters.server import NOT_FOUND_HEADERS, NOT_FOUND_TEXT
from bot.cycle import read_cycles
from bot.feeds import feed_events, feed_title
from bot.web_links import STATUS_NATIONAL, feed_by_name, status_link_id, token_matches
from bot.wheel_picture import build_picture

from .draw import PICTURE_LINKS
from .ics import render_ics
from .pages import national_html, region_html
from .signed import link_secret, verify
from .wheel_png import render_png
from .wheel_svg import render_svg

if TYPE_CHECKING:
    from bot.core import Core
    from bot.reminders import Sender

logger = logging.getLogger(__name__)

PRIVATE_HEADERS = NOT_FOUND_HEADERS
PAGE_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'"


def not_found() -> web.Response:
    return web.Response(status=404, text=NOT_FOUND_TEXT, headers=PRIVATE_HEADERS)


def mount_web(
    app: web.Application, *, core: Core, senders: MutableMapping[str, Sender], environ: Mapping[str, str]
) -> None:
    """Add /kalender/<feed>.ics, /status, /status/<region> and /bilde/<name>.png|svg to the server."""
    secret = link_secret(environ)
    PICTURE_LINKS.configure(core=core, environ=environ)

    async def calendar(request: web.Request) -> web.Response:
        feed = feed_by_name(core.config, request.match_info["feed"])
        link_id = feed.link_id if feed else "kalender:none"
        if not token_matches(core.state, (link_id,), request.query.get("token"), environ=environ) or feed is None:
            return not_found()
        now = core.clock.now()
        events = feed_events(config=core.config, state=core.state, feed=feed, today=now.date())
        body = render_ics(title=feed_title(core.config, feed), events=events, now=now, tz_name=core.config.timezone)
        headers = {**PRIVATE_HEADERS, "Content-Disposition": f'inline; filename="{feed.name}.ics"'}
        return web.Response(body=body, content_type="text/calendar", charset="utf-8", headers=headers)

    async def national(request: web.Request) -> web.Response:
        token = request.query.get("token")
        if not token_matches(core.state, (STATUS_NATIONAL,), token, environ=environ):
            return not_found()
        html = national_html(core=core, token=str(token), year=_year(request, core))
        return _page(html)

    async def region(request: web.Request) -> web.Response:
        key = request.match_info["region"]
        token = request.query.get("token")
        known = core.config.region(key) is not None
        link_ids = (status_link_id(key if known else "none"), STATUS_NATIONAL)
        if not token_matches(core.state, link_ids, token, environ=environ) or not known:
            return not_found()
        national_token = token_matches(core.state, (STATUS_NATIONAL,), token, environ=environ)
        html = region_html(core=core, region=key, token=str(token), national=national_token, year=_year(request, core))
        return _page(html)

    async def picture(request: web.Request) -> web.Response:
        now = core.clock.now()
        params = verify(request.query, secret=secret, now=now)
        drawing = (
            build_picture(config=core.config, state=core.state, params=params, today=now.date()) if params else None
        )
        if drawing is None:
            return not_found()
        if request.match_info["ext"] == "svg":
            # Opened on its own, an SVG is a document: the page's policy keeps anything in it from running.
            headers = {**PRIVATE_HEADERS, "Content-Security-Policy": PAGE_POLICY}
            return web.Response(text=render_svg(drawing), content_type="image/svg+xml", headers=headers)
        png = await asyncio.get_running_loop().run_in_executor(None, render_png, drawing)  # off the event loop
        return web.Response(body=png, content_type="image/png", headers=PRIVATE_HEADERS)

    app.router.add_get("/kalender/{feed}.ics", calendar)
    app.router.add_get("/status", national)
    app.router.add_get("/status/{region}", region)
    app.router.add_get(r"/bilde/{name}.{ext:png|svg}", picture)


def _page(html: str) -> web.Response:
    headers = {**PRIVATE_HEADERS, "Content-Security-Policy": PAGE_POLICY}
    return web.Response(text=html, content_type="text/html", charset="utf-8", headers=headers)


def _year(request: web.Request, core: Core) -> int:
    """The cycle a page shows: `?år=2027` within five years of today, otherwise the one `status` and
    `oversikt` show without a year (`bot.cycle.read_cycles`)."""
    today = core.clock.now().date()
    raw = request.query.get("år") or request.query.get("aar") or ""
    if raw.isascii() and raw.isdigit() and len(raw) == 4 and abs(int(raw) - today.year) <= 5:
        return int(raw)
    return read_cycles(core.config, today=today).year
