"""`serve` answers /healthz without waiting for its warm-up (the date grammar, the holiday tables), which
runs in a worker thread once the server listens; a warm-up that fails is logged, and the server serves on."""

from __future__ import annotations

import asyncio
import logging
import threading

import aiohttp
import pytest

from adapters.server import build_app
from adapters.warm_up import WARMING
from tests.driver import make_bot, oslo
from tests.helpers import serving


def _serve_and_ask(work) -> int:  # type: ignore[no-untyped-def]
    bot = make_bot(at=oslo(2027, 1, 12, 9))
    app = build_app(core=bot.core, environ={}, mounts=(), scheduler=False, warm_up=work)

    async def ask() -> int:
        async with serving(app) as url, aiohttp.ClientSession() as session:
            async with session.get(f"{url}/healthz") as answer:
                status = answer.status
            await app[WARMING]
        return status

    return asyncio.run(ask())


def test_the_warm_up_runs_beside_the_server_in_a_worker_thread() -> None:
    ran_in: list[int] = []
    assert _serve_and_ask(lambda: ran_in.append(threading.get_ident())) == 200
    assert ran_in and ran_in[0] != threading.get_ident()


def test_a_failing_warm_up_is_logged_and_the_server_serves_on(caplog: pytest.LogCaptureFixture) -> None:
    def broken() -> None:
        raise RuntimeError("grammar missing")

    with caplog.at_level(logging.ERROR, logger="adapters.warm_up"):
        assert _serve_and_ask(broken) == 200
    assert any("warming up failed" in record.getMessage() for record in caplog.records)


def test_the_warm_up_waits_until_the_server_listens() -> None:
    """Started with the app, the warm-up held the GIL while the process was still opening its socket;
    it starts when whoever runs the app says the sockets accept connections (`listening`)."""
    from aiohttp import web

    from adapters.warm_up import listening

    ran = threading.Event()
    bot = make_bot(at=oslo(2027, 1, 12, 9))
    app = build_app(core=bot.core, environ={}, mounts=(), scheduler=False, warm_up=ran.set)

    async def start() -> tuple[bool, bool]:
        runner = web.AppRunner(app)
        await runner.setup()  # the app's start-up hooks have run; no socket yet
        await asyncio.sleep(0.05)
        before = ran.is_set()
        listening(app)
        await app[WARMING]
        await runner.cleanup()
        return before, ran.is_set()

    assert asyncio.run(start()) == (False, True)
