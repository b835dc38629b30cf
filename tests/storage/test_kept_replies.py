"""A kept `neste` (bot/reply_cache.py) never outlives a change made through another store instance: a
second process on the TinyDB folder, or the other replica on PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from adapters.compose import make_core
from bot.clock import FixedClock
from bot.model.config import load_config
from storage import Store, TinyDBStore
from tests.driver import DEMO_CONFIG, BotDriver, oslo


@pytest.fixture(params=["tinydb", "postgres"])
def two_stores(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[Store, Store]]:
    if request.param == "tinydb":
        pair: tuple[Store, Store] = (TinyDBStore(tmp_path / "db"), TinyDBStore(tmp_path / "db"))
    else:
        from storage.postgres import PostgresStore

        url = request.getfixturevalue("pg_url")
        pair = (PostgresStore(url), PostgresStore(url))
    yield pair
    for store in pair:
        store.close()


def test_a_record_through_the_other_instance_shows_in_the_next_neste(two_stores: tuple[Store, Store]) -> None:
    config = load_config(DEMO_CONFIG)
    clock = FixedClock(oslo(2026, 11, 23, 9))
    here, there = (
        BotDriver(core=make_core(config=config, store=store, clock=clock), clock=clock) for store in two_stores
    )
    first = here.say("neste", as_="kari")
    assert here.say("neste", as_="kari") is first
    assert there.say("dato høst 27. november kl 10", as_="kari").ok
    again = here.say("neste", as_="kari")
    assert again is not first and "27. november" in again.text
    assert here.say("neste", as_="kari") is again
