"""Fixbf 7: the Teams adapter asked `CorePort.organisations_bound` (a read of `meta`) on the event loop, so a
slow or absent PostgreSQL froze /healthz and every turn meanwhile. It goes through `adapters.offload` as every
other store read: in the pool on a remote store."""

from __future__ import annotations

import threading

from adapters import offload
from bot import off_loop
from tests.teams.fake_core import FakeCore
from tests.teams.harness import BotServer, ConnectorStandIn, load_activity


class _Watched(FakeCore):
    def __init__(self) -> None:
        super().__init__()
        self.asked_on: list[threading.Thread] = []

    def organisations_bound(self) -> bool:
        self.asked_on.append(threading.current_thread())
        return super().organisations_bound()


def test_organisations_bound_is_read_off_the_loop_on_a_remote_store(run) -> None:
    core = _Watched()

    async def body() -> threading.Thread:
        connector = await ConnectorStandIn().start()
        server = await BotServer(core=core).start()
        try:
            assert await server.post(load_activity("channel_message_mention", service_url=connector.url)) == 201
            return threading.current_thread()
        finally:
            await server.stop()
            await connector.stop()

    saved = (offload._enabled, off_loop._writes)
    offload.configure(remote_store=True, environ={})
    try:
        loop_thread = run(body())
    finally:
        offload._enabled, off_loop._writes = saved
    assert core.asked_on and all(thread is not loop_thread for thread in core.asked_on), core.asked_on
