"""The real server (adapters.server.build_app) with only the web routes, on a free port of 127.0.0.1."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Mapping
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any

import aiohttp
from aiohttp import web

from adapters.server import build_app
from bot.core import Core

WEB_ONLY = ("adapters.web:mount_web",)


@dataclass
class Fetched:
    status: int
    body: bytes
    headers: Mapping[str, str]

    @property
    def text(self) -> str:
        return self.body.decode("utf-8")


@dataclass
class WebServer:
    base_url: str
    session: aiohttp.ClientSession

    async def get(self, path: str) -> Fetched:
        async with self.session.get(f"{self.base_url}{path}", allow_redirects=False) as response:
            return Fetched(status=response.status, body=await response.read(), headers=dict(response.headers))


@asynccontextmanager
async def serving(core: Core, *, environ: Mapping[str, str] | None = None) -> AsyncIterator[WebServer]:
    app = build_app(core=core, environ=dict(environ or {}), mounts=WEB_ONLY, scheduler=False)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    session = aiohttp.ClientSession()
    try:
        yield WebServer(base_url=f"http://127.0.0.1:{port}", session=session)
    finally:
        await session.close()
        await runner.cleanup()


def link_in(text: str, path: str) -> str:
    """The first address with `path` in a reply, e.g. ``/kalender/agder.ics?token=…``."""
    match = re.search(rf"(?:https?://[^\s/]+)?({re.escape(path)}\?token=[A-Za-z0-9_\-%]+(?:&aar=\d{{4}})?)", text)
    assert match, f"no {path} link in {text!r}"
    return match.group(1)


def any_value(_: Any) -> bool:
    return True
