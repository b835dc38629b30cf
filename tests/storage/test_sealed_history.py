"""`StateStore.latest_under` (what `logg` reads): the same entries and count as reading every year's
partition, on every store, while the sealed years are summarised once; a write to a sealed year shows at once."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

import storage.sealed
from bot.clock import OSLO
from bot.state.store import Author, StateStore
from storage import Store, TinyDBStore
from storage.base import newest_first

AUTHOR = Author(person="kari", name="Kari Nordmann", platform="terminal", channel="agder")
PREFIX = "cycle/agder/"


def _write(state: StateStore, partition: str, at: datetime, summary: str) -> None:
    state.change(partition=partition, author=AUTHOR, at=at, summary=summary, mutate=lambda tables: None)


def _every_partition(state: StateStore, *, limit: int) -> tuple[list[dict], int]:
    """What `logg` read before: every partition under the prefix, in name order, then one stable sort."""
    entries: list[dict] = []
    total = 0
    for name in state.store.partitions(PREFIX):
        entries += state.latest(name, limit=limit)
        total += state.history_count(name)
    return newest_first(entries)[:limit], total


def _fill(state: StateStore) -> None:
    """Eight years; later years' partitions get entries dated in the year before too, and some minutes
    are shared across partitions (ties keep partition order, then newest first)."""
    for year in range(2027, 2035):
        for n in range(3 + year % 3):
            at = datetime(year - (n % 2), 11, 1, 10, n // 3, tzinfo=OSLO)
            _write(state, f"{PREFIX}{year}", at, f"{year}-{n}")


def test_sealed_years_give_what_reading_every_year_gives(store: Store) -> None:
    state = StateStore(store=store)
    _fill(state)
    for sealed_before in (2020, 2029, 2033, 2040):
        for limit in (1, 3, 10, 100):
            assert state.latest_under(PREFIX, limit=limit, sealed_before=sealed_before) == _every_partition(
                state, limit=limit
            )
    # Summarised now; a write to a sealed year (an import, a repair) and to an open year both show at once.
    _write(state, f"{PREFIX}2028", datetime(2040, 1, 1, 9, 0, tzinfo=OSLO), "late fix")
    _write(state, f"{PREFIX}2034", datetime(2039, 1, 1, 9, 0, tzinfo=OSLO), "open year")
    found, total = state.latest_under(PREFIX, limit=2, sealed_before=2033)
    assert [entry["summary"] for entry in found] == ["late fix", "open year"]
    assert (found, total) == _every_partition(state, limit=2)


def test_a_sealed_year_written_by_another_process_shows_after_the_recheck(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with TinyDBStore(data_dir) as mine, TinyDBStore(data_dir) as other:
        state = StateStore(store=mine)
        _fill(state)
        before = state.latest_under(PREFIX, limit=5, sealed_before=2033)
        _write(StateStore(store=other), f"{PREFIX}2027", datetime(2041, 1, 1, 9, 0, tzinfo=OSLO), "other process")
        assert state.latest_under(PREFIX, limit=5, sealed_before=2033) == before  # remembered for a while
        monkeypatch.setattr(storage.sealed, "SEALED_RECHECK_SECONDS", 0.0)
        found, total = state.latest_under(PREFIX, limit=5, sealed_before=2033)
        assert found[0]["summary"] == "other process" and total == before[1] + 1
