"""A request that writes runs off the event loop on a local store too (its fsyncs wait for the disk), as do
the core's own writes when it posts announcements or runs a pass; a read stays in place, and
SAMHANDLING_CORE_THREADS=0 keeps everything in place (issue 21)."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterator
from types import MappingProxyType

import pytest

from adapters import offload
from bot import off_loop
from bot.messages import Request
from tests.driver import make_bot, oslo


@pytest.fixture
def restored() -> Iterator[None]:
    saved = (offload._enabled, off_loop._writes)
    yield
    offload._enabled, off_loop._writes = saved


def _threads(*, environ: dict[str, str]) -> tuple[str, str, str]:
    """The thread a writing call, a reading call and the core's own store write (`bot.off_loop.run`, as
    delivery and a pass make it) ran on, named by whether it was the loop's."""
    offload.configure(remote_store=False, environ=environ)

    async def both() -> tuple[str, str, str]:
        loop = threading.current_thread()

        def where() -> str:
            return "loop" if threading.current_thread() is loop else "pool"

        return await offload.call_writing(where), await offload.call(where), await off_loop.run(where)

    return asyncio.run(both())


@pytest.mark.usefixtures("restored")
def test_a_write_leaves_the_loop_on_a_local_store_and_a_read_stays() -> None:
    assert _threads(environ={}) == ("pool", "loop", "pool")
    assert offload.off_loop(writes=True) and not offload.off_loop(writes=False)


@pytest.mark.usefixtures("restored")
def test_no_threads_keeps_every_call_in_place() -> None:
    assert _threads(environ={"SAMHANDLING_CORE_THREADS": "0"}) == ("loop", "loop", "loop")


@pytest.mark.usefixtures("restored")
def test_a_remote_store_sends_reads_too() -> None:
    offload.configure(remote_store=True, environ={})
    assert offload.off_loop(writes=False)


@pytest.mark.parametrize(
    ("text", "writes"),
    [
        ("dato vår agder 2027 2027-04-24", True),
        ("signer agder 2027", True),
        ("neste", False),
        ("referat vis høst", False),
    ],
)
def test_the_core_says_which_requests_write(text: str, writes: bool) -> None:
    bot = make_bot(at=oslo(2027, 1, 14, 10))
    request = Request(platform="terminal", user_id="kari", channel_id="agder", text=text, fields=MappingProxyType({}))
    assert bot.core.writes(request) is writes
