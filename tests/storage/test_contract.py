"""The behaviour every `Store` promises (storage/base.py), run against each implementation."""

from __future__ import annotations

import math

import pytest

from storage import Store

P = "cycle/agder/2027"


def test_missing_partition_reads_empty(store: Store) -> None:
    assert store.read(P) == {}
    assert store.partitions() == []


def test_update_then_read(store: Store) -> None:
    with store.update(P) as tables:
        tables.setdefault("milestones", {})["m1"] = {
            "title": "Signering",
            "done": False,
        }
    assert store.read(P) == {"milestones": {"m1": {"title": "Signering", "done": False}}}


def test_update_sees_previous_state(store: Store) -> None:
    with store.update(P) as tables:
        tables["counter"] = {"c": {"n": 1}}
    with store.update(P) as tables:
        assert tables == {"counter": {"c": {"n": 1}}}
        tables["counter"]["c"]["n"] += 1
    assert store.read(P)["counter"]["c"]["n"] == 2


def test_exception_inside_update_writes_nothing(store: Store) -> None:
    with store.update(P) as tables:
        tables["t"] = {"k": {"v": 1}}
    with pytest.raises(RuntimeError, match="boom"), store.update(P) as tables:
        tables["t"]["k"]["v"] = 2
        tables["t"]["new"] = {"v": 3}
        raise RuntimeError("boom")
    assert store.read(P) == {"t": {"k": {"v": 1}}}


def test_exception_on_first_update_creates_no_partition(store: Store) -> None:
    with pytest.raises(KeyError), store.update(P) as tables:
        tables["t"] = {"k": {}}
        raise KeyError("x")
    assert store.read(P) == {}
    assert store.partitions() == []


def test_nested_tables_and_values(store: Store) -> None:
    doc = {"a": {"b": {"c": [1, 2, {"d": None}]}}, "f": 1.5, "ok": True, "empty": {}}
    with store.update(P) as tables:
        tables["x"] = {"k1": doc, "k2": {}}
        tables["y"] = {}
    assert store.read(P) == {"x": {"k1": doc, "k2": {}}, "y": {}}


def test_mutating_the_yielded_copy_after_the_block_changes_nothing(
    store: Store,
) -> None:
    with store.update(P) as tables:
        tables["t"] = {"k": {"v": [1]}}
    tables["t"]["k"]["v"].append(2)
    assert store.read(P) == {"t": {"k": {"v": [1]}}}


def test_update_gets_a_copy_not_the_read_snapshot(store: Store) -> None:
    with store.update(P) as tables:
        tables["t"] = {"k": {"v": 1}}
    snapshot = store.read(P)
    with pytest.raises(ValueError), store.update(P) as tables:
        tables["t"]["k"]["v"] = 99
        raise ValueError("abort")
    assert snapshot == {"t": {"k": {"v": 1}}}
    assert store.read(P) == {"t": {"k": {"v": 1}}}


def test_unicode_keys_and_values(store: Store) -> None:
    with store.update(P) as tables:
        tables["personer"] = {"Bjørn Åsmund": {"navn": "Kåre Ærlig", "sted": "Ørsta", "note": "😀"}}
    assert store.read(P) == {"personer": {"Bjørn Åsmund": {"navn": "Kåre Ærlig", "sted": "Ørsta", "note": "😀"}}}


def test_partitions_listing(store: Store) -> None:
    for name in [
        "cycle/agder/2027",
        "cycle/agder/2028",
        "cycle/rogaland/2027",
        "national/2027",
        "meta",
    ]:
        with store.update(name) as tables:
            tables["t"] = {"k": {"name": name}}
    assert store.partitions() == [
        "cycle/agder/2027",
        "cycle/agder/2028",
        "cycle/rogaland/2027",
        "meta",
        "national/2027",
    ]
    assert store.partitions("cycle/agder/") == ["cycle/agder/2027", "cycle/agder/2028"]
    assert store.partitions("national") == ["national/2027"]
    assert store.partitions("nothing") == []


def test_partitions_are_independent(store: Store) -> None:
    with store.update("meta") as tables:
        tables["bindings"] = {"slack:C1": {"region": "agder"}}
    with store.update("teams/conversations") as tables:
        tables["refs"] = {"abc": {"service_url": "https://example.invalid"}}
    assert store.read("meta") == {"bindings": {"slack:C1": {"region": "agder"}}}
    assert store.read("teams/conversations") == {"refs": {"abc": {"service_url": "https://example.invalid"}}}


def test_nested_update_of_another_partition(store: Store) -> None:
    with store.update("meta") as meta, store.update(P) as cycle:
        meta["t"] = {"a": {"v": 1}}
        cycle["t"] = {"b": {"v": 2}}
    assert store.read("meta") == {"t": {"a": {"v": 1}}}
    assert store.read(P) == {"t": {"b": {"v": 2}}}


def test_nested_update_of_same_partition_is_refused(store: Store) -> None:
    with store.update(P) as tables:
        tables["t"] = {"k": {"v": 1}}
        with pytest.raises(RuntimeError, match="nested"), store.update(P):
            pass
    assert store.read(P) == {"t": {"k": {"v": 1}}}


@pytest.mark.parametrize("name", ["", "../x", "a/../b", "/abs", "a//b", "a/", "Cycle", "a.b", "møte", "a b"])
def test_bad_partition_names_are_rejected(store: Store, name: str) -> None:
    with pytest.raises(ValueError, match="invalid partition name"):
        store.read(name)
    with pytest.raises(ValueError, match="invalid partition name"), store.update(name):
        pass


@pytest.mark.parametrize(
    "bad",
    [
        {"t": {1: {"v": 1}}},
        {"t": {"k": "not a dict"}},
        {"t": {"k": {"_key": "reserved"}}},
        {"t": {"k": {"v": math.nan}}},
        {"t": {"k": {"v": object()}}},
        {"t": ["list", "not", "dict"]},
    ],
)
def test_values_json_cannot_hold_fail_the_update_and_write_nothing(store: Store, bad: dict) -> None:
    with store.update(P) as tables:
        tables["t"] = {"k": {"v": 0}}
    with pytest.raises((TypeError, ValueError)), store.update(P) as tables:
        tables.clear()
        tables.update(bad)
    assert store.read(P) == {"t": {"k": {"v": 0}}}


def test_partitions_prefix_need_not_end_at_a_folder(store: Store) -> None:
    for name in ["cycle/agder/2027", "cycle/agder/2028", "cycle/agderx/2027", "meta"]:
        with store.update(name) as tables:
            tables["t"] = {}
    assert store.partitions("cycle/agder") == [
        "cycle/agder/2027",
        "cycle/agder/2028",
        "cycle/agderx/2027",
    ]
    assert store.partitions("cycle/agder/202") == [
        "cycle/agder/2027",
        "cycle/agder/2028",
    ]
    assert store.partitions("cycle/agderx/") == ["cycle/agderx/2027"]
    assert store.partitions("cycle/nowhere/") == []
    assert store.partitions("../") == []
    assert store.partitions("me") == ["meta"]


# -- leases: one reminder pass at a time ------------------------------------------------------------------


def test_a_lease_is_held_by_one_holder_at_a_time(store: Store) -> None:
    assert store.try_lease("reminders", holder="a", seconds=60)
    assert not store.try_lease("reminders", holder="b", seconds=60)
    assert store.try_lease("reminders", holder="a", seconds=60)  # the holder renews it
    assert store.try_lease("other", holder="b", seconds=60)  # leases are independent by name
    assert store.partitions() == []  # a lease is no partition


def test_a_released_lease_can_be_taken_and_others_cannot_release_it(store: Store) -> None:
    assert store.try_lease("reminders", holder="a", seconds=60)
    store.release_lease("reminders", holder="b")  # not b's: a no-op
    assert not store.try_lease("reminders", holder="b", seconds=60)
    store.release_lease("reminders", holder="a")
    assert store.try_lease("reminders", holder="b", seconds=60)
    store.release_lease("reminders", holder="nobody")


def test_an_expired_lease_is_free(store: Store) -> None:
    assert store.try_lease("reminders", holder="dead", seconds=0)  # its holder died at once
    assert store.try_lease("reminders", holder="b", seconds=60)
    assert not store.try_lease("reminders", holder="dead", seconds=60)


def test_a_read_is_never_changed_by_a_later_write_and_its_version_names_it(store: Store) -> None:
    """What bot/reply_cache.py and bot.memo rely on: the version read with the tables stays the partition's
    version until it changes, and a snapshot handed out is never changed afterwards (a new one is)."""
    with store.update(P) as tables:
        tables["milestones"] = {"m1": {"n": 1}}
    first = store.read_versioned(P)
    assert store.read_versioned(P).version == first.version == store.version(P) != 0
    with store.update(P) as tables:
        tables["milestones"]["m1"]["n"] = 2
    second = store.read_versioned(P)
    assert second.version != first.version and second.version == store.version(P)
    assert (first.tables["milestones"]["m1"]["n"], second.tables["milestones"]["m1"]["n"]) == (1, 2)
    assert store.read(P) == second.tables
