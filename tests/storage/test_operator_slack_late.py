"""A store that accepts a query and never answers (a frozen database): Slack's slash command is still
acknowledged inside its 3 s, and the real answer follows through the command's response_url once the core
is done; a server stopped meanwhile still ends in seconds."""

from __future__ import annotations

import asyncio
import threading
import time

from bot.core import Core
from storage import MemoryStore
from storage.base import Versioned
from tests.driver import make_bot, oslo
from tests.slack.harness import running


class _FreezingStore(MemoryStore):
    """Reads wait until `thawed` is set; `remote`, like PostgreSQL, so `serve` runs the core off its loop."""

    remote = True

    def __init__(self) -> None:
        super().__init__()
        self.thawed = threading.Event()
        self.thawed.set()

    def read_versioned(self, partition: str) -> Versioned:
        self.thawed.wait(timeout=30)
        return super().read_versioned(partition)


def _core() -> tuple[Core, _FreezingStore]:
    store = _FreezingStore()
    bot = make_bot(at=oslo(2027, 1, 5, 9), store=store)
    assert bot.say("neste", as_="kari").ok
    return bot.core, store


def test_a_slash_command_is_acked_in_time_and_answered_when_the_store_comes_back() -> None:
    core, store = _core()

    async def body() -> None:
        async with running(core) as h:
            store.thawed.clear()
            started = time.monotonic()
            acked = await h.slash("forutsetning budsjett agder 2027")
            took = time.monotonic() - started
            assert acked.status == 200 and took < 3.0, took
            assert not h.standin.calls_to("response_url:cmd")  # nothing to say yet
            store.thawed.set()
            [answer] = await h.standin.wait_for("response_url:cmd", timeout=10)
            assert "Fylkeskommunens budsjett" in str(answer.body) and answer.body["response_type"] == "in_channel"

    asyncio.run(body())


def test_shutdown_does_not_wait_for_an_answer_the_store_never_gives() -> None:
    core, store = _core()

    async def body() -> float:
        async with running(core) as h:
            store.thawed.clear()
            acked = await h.slash("neste")
            assert acked.status == 200
            started = time.monotonic()
        return time.monotonic() - started

    try:
        assert asyncio.run(body()) < 5.0
    finally:
        store.thawed.set()  # the worker thread ends too
