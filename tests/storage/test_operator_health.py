"""Who may read /healthz's details: the loopback (not through a proxy) or the configured token."""

from __future__ import annotations

import asyncio
import threading
from unittest import mock

import pytest
from aiohttp.test_utils import make_mocked_request

from adapters import offload
from adapters.health import HANG_FAULT, may_see_details, watch_once
from storage import MemoryStore
from storage.base import Versioned


def _request(remote: str, headers: dict[str, str] | None = None) -> object:
    transport = mock.Mock()
    transport.get_extra_info.side_effect = lambda name, default=None: (remote, 1234) if name == "peername" else default
    return make_mocked_request("GET", "/healthz", headers=headers or {}, transport=transport)


@pytest.mark.parametrize(
    ("remote", "headers", "token", "allowed"),
    [
        ("127.0.0.1", {}, None, True),
        ("::1", {}, None, True),
        ("10.0.0.5", {}, None, False),
        ("127.0.0.1", {"X-Forwarded-For": "203.0.113.9"}, None, False),  # a proxy on this host forwards strangers
        ("127.0.0.1", {"Forwarded": "for=203.0.113.9"}, None, False),
        ("10.0.0.5", {"Authorization": "Bearer s3cret"}, "s3cret", True),
        ("10.0.0.5", {"Authorization": "Bearer wrong"}, "s3cret", False),
        ("10.0.0.5", {"Authorization": "Bearer "}, "", False),  # no token configured: no token opens it
    ],
)
def test_details_only_on_loopback_or_with_the_token(
    remote: str, headers: dict[str, str], token: str | None, allowed: bool
) -> None:
    assert may_see_details(_request(remote, headers), token=token or None) is allowed  # type: ignore[arg-type]


class _HangingStore(MemoryStore):
    """A store whose reads wait until released (a database that accepts a query and never answers)."""

    def __init__(self) -> None:
        super().__init__()
        self.release = threading.Event()

    def read_versioned(self, partition: str) -> Versioned:
        self.release.wait(timeout=30)
        return super().read_versioned(partition)


def test_a_read_that_hangs_is_a_fault_until_it_returns() -> None:
    store = _HangingStore()

    async def body() -> tuple[dict[str, str], dict[str, str]]:
        watch = asyncio.ensure_future(watch_once(store, hang_after=0.1))
        await asyncio.sleep(0.3)
        during = store.faults()
        store.release.set()
        await watch
        return during, store.faults()

    offload.configure(remote_store=True)  # as on PostgreSQL: the watch's read runs off the loop
    try:
        during, after = asyncio.run(body())
    finally:
        offload.configure(remote_store=False)
    assert HANG_FAULT in during and "has not answered" in during[HANG_FAULT]
    assert after == {}
