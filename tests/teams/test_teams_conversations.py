"""The stored conversation references keep what posting needs, so a read never writes (issue 21)."""

from __future__ import annotations

import copy
from collections.abc import Awaitable, Callable, Iterator
from contextlib import AbstractContextManager
from typing import Any

from adapters.teams.conversations import PARTITION, TABLE
from bot.messages import Reply
from storage.base import Tables
from storage.memory import MemoryStore
from tests.teams.fake_core import FakeCore
from tests.teams.harness import BotServer, ConnectorStandIn, load_activity


class CountingStore(MemoryStore):
    """A memory store that counts its writes per partition."""

    def __init__(self) -> None:
        super().__init__()
        self.writes: list[str] = []

    def update(self, partition: str) -> AbstractContextManager[Tables]:
        self.writes.append(partition)
        return super().update(partition)


def _asked_by(activity: dict[str, Any], n: int) -> dict[str, Any]:
    """The same channel question from another person, in another thread, with another locale."""
    other = copy.deepcopy(activity)
    message_id = str(1777882600000 + n)
    other["id"] = message_id
    other["conversation"]["id"] = f"19:agder@thread.tacv2;messageid={message_id}"
    other["from"] = {"id": f"29:person-{n}", "name": f"Person {n}", "aadObjectId": f"22222222-0000-0000-0000-{n:012d}"}
    other["locale"] = "nn-NO" if n % 2 else "en-US"
    return other


def _people(activity: dict[str, Any], count: int) -> Iterator[dict[str, Any]]:
    return (_asked_by(activity, n) for n in range(count))


async def _scenario(core: FakeCore, body: Callable[[ConnectorStandIn, BotServer], Awaitable[None]]) -> None:
    connector = await ConnectorStandIn().start()
    server = await BotServer(core=core).start()
    try:
        await body(connector, server)
    finally:
        await server.stop()
        await connector.stop()


def test_a_hundred_people_asking_in_one_channel_write_nothing(run) -> None:
    store = CountingStore()
    core = FakeCore(store=store)

    async def body(connector: ConnectorStandIn, server: BotServer) -> None:
        activity = load_activity("channel_message_mention", service_url=connector.url)
        assert await server.post(activity) == 201  # the bot learns the channel: one write
        assert store.writes == [PARTITION]
        for other in _people(activity, 100):
            assert await server.post(other) == 201
        assert len(core.requests) == 101
        assert store.writes == [PARTITION]
        connector.accepted.clear()
        assert server.runtime is not None
        await server.runtime.sender.send(
            channel_id="19:agder@thread.tacv2", reply=Reply(title="Påminnelse", text="Frist i dag.")
        )
        (posted,) = connector.accepted  # what was kept is enough to post in the channel
        assert (posted.conversation_id, posted.reply_to) == ("19:agder@thread.tacv2", None)
        assert len(connector.connections) == 1  # cached connector clients: one kept-alive session

    run(_scenario(core, body))
    reference = store.read(PARTITION)[TABLE]["19:agder@thread.tacv2"]["reference"]
    assert reference.get("user") is None and reference.get("locale") is None
    assert reference["bot"]["id"] == "28:00000000-0000-0000-0000-0000000b0701"


def test_a_personal_chat_keeps_its_person(run) -> None:
    store = CountingStore()

    async def body(connector: ConnectorStandIn, server: BotServer) -> None:
        for _ in range(2):
            assert await server.post(load_activity("personal_message", service_url=connector.url)) == 201

    run(_scenario(FakeCore(store=store), body))
    assert store.writes == [PARTITION]
    (document,) = store.read(PARTITION)[TABLE].values()
    assert document["kind"] == "personal" and document["reference"]["user"]["id"]
