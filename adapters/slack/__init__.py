"""Slack adapter: Bolt over aiohttp (HTTP) or Socket Mode, sharing one core with every other platform."""

from __future__ import annotations

import logging
from collections.abc import Mapping, MutableMapping
from typing import TYPE_CHECKING

from aiohttp import web

from .settings import SlackSettings

if TYPE_CHECKING:
    from bot.port import CorePort
    from bot.reminders.passes import Sender

    from .app import SlackAdapter

logger = logging.getLogger(__name__)

EVENTS_PATH = "/slack/events"
SLACK_ADAPTER = web.AppKey("slack_adapter", object)


def mount_slack(
    app: web.Application, *, core: CorePort, senders: MutableMapping[str, Sender], environ: Mapping[str, str]
) -> None:
    """Add Slack to the shared server: POST /slack/events in HTTP mode, a WebSocket in Socket Mode.

    Without SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET this does nothing, so a Teams-only deployment runs.
    """
    settings = SlackSettings.from_env(environ)
    if settings is None:
        logger.info("Slack not configured (SLACK_BOT_TOKEN / SLACK_SIGNING_SECRET unset); skipping")
        return
    from .app import SlackAdapter  # Bolt is imported only when Slack is used

    adapter = SlackAdapter(core=core, settings=settings, senders=senders)
    senders["slack"] = adapter.sender
    app[SLACK_ADAPTER] = adapter

    async def open_session(_: web.Application) -> None:
        adapter.poster._http()  # inside the running loop, before the first request (and Socket Mode)

    app.on_startup.append(open_session)
    if settings.socket_mode:
        app_token = settings.app_token or ""
        handlers: list[object] = []

        async def connect(_: web.Application) -> None:
            # Created inside the running loop: the Socket Mode client opens an aiohttp session right away.
            from slack_bolt.adapter.socket_mode.aiohttp import AsyncSocketModeHandler

            handler = AsyncSocketModeHandler(adapter.app, app_token=app_token, web_client=adapter.app.client)
            handlers.append(handler)
            await handler.connect_async()
            logger.info("Slack connected in Socket Mode")

        async def disconnect(_: web.Application) -> None:
            for handler in handlers:
                await handler.close_async()  # type: ignore[attr-defined]

        app.on_startup.append(connect)
        app.on_cleanup.append(disconnect)
    else:
        app.router.add_post(EVENTS_PATH, adapter.handle_http)
        logger.info("Slack listening over HTTP on %s", EVENTS_PATH)

    async def close(_: web.Application) -> None:
        await adapter.close()

    app.on_cleanup.append(close)


def slack_adapter(app: web.Application) -> SlackAdapter | None:
    return app.get(SLACK_ADAPTER)  # type: ignore[return-value]


__all__ = ["EVENTS_PATH", "SlackSettings", "mount_slack", "slack_adapter"]
