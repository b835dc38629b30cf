"""A change's record (bot/state/replay.py) compared with the tables the update opened (`WorkCopy.opened`) is
the record freezing every model table before and after gave, on every store: untouched tables are left out,
a value JSON cannot hold is refused before anything is written, and the opened tables are never changed."""

from __future__ import annotations

import math
from typing import Any

import pytest

from bot.state import replay
from storage import Store
from storage.base import Tables
from storage.fragments import WorkCopy, json_copy

P = "cycle/agder/2027"
SEEDED: Tables = {
    "milestones": {"spring": {"planned": "2027-04-22T10:00", "done": False, "n": 1}},
    "signatures": {"agder": {"by": "kari", "at": "2027-01-12"}},
    "versions": {"v1": {"sha": "a" * 8}},
}


def _seed(store: Store) -> None:
    with store.update(P) as tables:
        tables.update(json_copy(SEEDED))


def _both(store: Store, change: Any) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The change's record taken both ways on one opened update (nothing is written: the block raises)."""
    found: list[list[dict[str, Any]]] = []

    class Done(Exception):
        pass

    with pytest.raises(Done), store.update(P) as tables:
        frozen = replay.Before(opened=None, frozen=replay.freeze(tables))
        before = replay.before_change(tables)
        opened = json_copy(tables.opened) if isinstance(tables, WorkCopy) else None
        change(tables)
        found = [replay.changes_since(before, tables), replay.changes_since(frozen, tables)]
        if isinstance(tables, WorkCopy):
            assert tables.opened == opened, "the opened tables are the readers': a change never reaches them"
        raise Done
    return found[0], found[1]


def test_a_store_hands_the_tables_it_opened(store: Store) -> None:
    _seed(store)
    with store.update(P) as tables:
        if type(store).__name__ in {"TinyDBStore", "PostgresStore"}:
            assert isinstance(tables, WorkCopy) and replay.before_change(tables).frozen is None


@pytest.mark.parametrize(
    "change",
    [
        lambda t: t["signatures"].__setitem__("oslo", {"by": "ola", "at": "2027-01-13"}),
        lambda t: t["milestones"]["spring"].__setitem__("planned", "2027-04-29T12:00"),
        lambda t: t["milestones"]["spring"].__setitem__("done", 0),  # equal to False: unchanged, as before
        lambda t: t["signatures"].pop("agder"),
        lambda t: t.pop("versions"),
        lambda t: t.__setitem__("minutes", {"m": {"text": "æøå"}}),
        lambda t: None,
    ],
)
def test_the_record_is_the_frozen_one(store: Store, change: Any) -> None:
    _seed(store)
    opened, frozen = _both(store, change)
    assert opened == frozen


def test_a_value_json_cannot_hold_is_refused(store: Store) -> None:
    _seed(store)

    def bad(tables: Tables) -> None:
        tables["milestones"]["spring"]["n"] = math.nan

    with pytest.raises(ValueError), store.update(P) as tables:
        before = replay.before_change(tables)
        bad(tables)
        replay.changes_since(before, tables)
    assert store.read(P)["milestones"]["spring"]["n"] == 1, "nothing written"
