"""The actions called directly, as a handler calls them: a memory store, the demo app.yaml, a clock."""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from datetime import datetime

import pytest

from bot.actions.base import Acting
from bot.messages import Request
from bot.model.config import AppConfig, load_config
from bot.model.identity import Directory
from bot.state.store import StateStore
from storage.base import Tables
from storage.memory import MemoryStore
from tests.driver import DEMO_CONFIG, HOME, oslo

CONFIG = load_config(DEMO_CONFIG)


@dataclass
class World:
    """One state, and who acts on it when."""

    config: AppConfig = CONFIG
    store: MemoryStore = field(default_factory=MemoryStore)
    now: datetime = field(default_factory=lambda: oslo(2027, 1, 12, 10, 0))

    @property
    def state(self) -> StateStore:
        return StateStore(store=self.store)

    def acting(self, who: str, *, channel: str | None = None, request_id: str | None = None) -> Acting:
        state = self.state
        directory = Directory(config=self.config, state=state)
        channel_id = channel or HOME.get(who, "agder")
        request = Request(platform="terminal", user_id=who, channel_id=channel_id, text="", request_id=request_id)
        return Acting(
            config=self.config,
            state=state,
            caller=directory.caller(platform="terminal", user_id=who),
            channel=directory.channel(platform="terminal", channel_id=channel_id),
            now=self.now,
            request=request,
        )

    def snapshot(self) -> dict[str, Tables]:
        return {name: copy.deepcopy(self.store.read(name)) for name in self.store.partitions("")}

    def history(self, partition: str) -> list[dict]:
        return self.state.history(partition)


@pytest.fixture
def world() -> World:
    return World()
