"""The shared server: every platform's mount, /healthz, and the scheduler's start and stop."""

from __future__ import annotations

import aiohttp
from aiohttp import web

from adapters.reminder_scheduler import SCHEDULER, ReminderScheduler
from adapters.server import MOUNTS, SENDERS, build_app

from .fake_core import FakeCore
from .harness import slack_env
from .standin import SlackStandIn


async def test_all_mounts_with_only_slack_configured_and_scheduler_lifecycle() -> None:
    standin = await SlackStandIn().start()
    core = FakeCore()

    app = build_app(core=core, environ=slack_env(standin), mounts=MOUNTS)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    scheduler = app[SCHEDULER]
    assert isinstance(scheduler, ReminderScheduler)
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    try:
        async with aiohttp.ClientSession() as session, session.get(f"http://127.0.0.1:{port}/healthz") as r:
            health = await r.json()
        assert r.status == 200 and "slack" in health["platforms"]
        assert "slack" in app[SENDERS]
    finally:
        await runner.cleanup()  # cancels the scheduler and closes the adapters
        await standin.stop()


async def test_without_slack_settings_nothing_is_mounted() -> None:
    app = build_app(core=FakeCore(), environ={}, mounts=("adapters.slack:mount_slack",), scheduler=False)
    assert "slack" not in app[SENDERS]
    assert all(route.resource.canonical != "/slack/events" for route in app.router.routes())
