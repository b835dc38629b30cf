"""What a tinydb store keeps to look less: one look at each partition per request (`Store.one_look`), and a
folder's partition names until the folder changes (storage/tinydb_listing.py). Neither may hide a write
once the request is over, lose one, or miss a partition made since."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from storage import tinydb_listing
from storage.tinydb_store import TinyDBStore

PARTITION = "cycle/agder/2028"


def _put(store: TinyDBStore, key: str, value: object, partition: str = PARTITION) -> None:
    with store.update(partition) as tables:
        tables.setdefault("milestones", {})[key] = {"value": value}


def test_one_look_reads_each_partition_once_and_shows_its_own_writes(tmp_path: Path) -> None:
    mine, other = TinyDBStore(tmp_path), TinyDBStore(tmp_path)
    _put(mine, "a", 1)
    with mine.one_look():
        first = mine.read_versioned(PARTITION)
        _put(other, "b", 2)  # another process, while this request reads
        assert mine.read_versioned(PARTITION) == first  # as at the first look, tables and version together
        assert mine.versions([PARTITION]) == (first.version,)
        _put(mine, "c", 3)  # this request's own write starts from the file as it is: nothing is lost
        seen = mine.read(PARTITION)["milestones"]
        assert set(seen) == {"a", "b", "c"}
    assert set(mine.read(PARTITION)["milestones"]) == {"a", "b", "c"}
    _put(other, "d", 4)
    assert "d" in mine.read(PARTITION)["milestones"]  # after the block, every read looks again


def test_one_look_is_per_thread_and_a_missing_partition_appears_after(tmp_path: Path) -> None:
    mine, other = TinyDBStore(tmp_path), TinyDBStore(tmp_path)
    with mine.one_look():
        assert mine.read(PARTITION) == {}
        _put(other, "a", 1)
        assert mine.read(PARTITION) == {}
        with mine.one_look():  # nested: one block
            assert mine.version(PARTITION) == 0
    assert mine.read(PARTITION)["milestones"] == {"a": {"value": 1}}


def test_a_folder_listing_shows_a_partition_made_since(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tinydb_listing, "RACY_NS", 0)  # trust a listing at once: the stamp alone must tell
    mine, other = TinyDBStore(tmp_path), TinyDBStore(tmp_path)
    _put(mine, "a", 1, partition="cycle/agder/2020")
    (tmp_path / "cycle" / "agder" / "Kopi av 2020.json").write_text("{}")
    assert mine.partitions("cycle/agder/") == ["cycle/agder/2020"]
    time.sleep(0.01)
    _put(other, "a", 1, partition="cycle/agder/2019")
    assert mine.partitions("cycle/agder/") == ["cycle/agder/2019", "cycle/agder/2020"]
    assert mine.partitions("cycle/agder/201") == ["cycle/agder/2019"]
    os.remove(tmp_path / "cycle" / "agder" / "2019.json")
    assert mine.partitions("cycle/agder/") == ["cycle/agder/2020"]
    assert mine.partitions("cycle/vestland/") == []


def _listed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The folders `scandir`ed from now on."""
    seen: list[str] = []
    scandir = os.scandir

    def counted(path: str) -> object:
        seen.append(str(path))
        return scandir(path)

    monkeypatch.setattr(tinydb_listing.os, "scandir", counted)
    return seen


def test_a_listing_stands_through_the_stores_own_write_of_a_listed_partition(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A region's `neste` after a write in its region: the folder's times moved, its names did not."""
    mine = TinyDBStore(tmp_path)
    _put(mine, "a", 1, partition="cycle/agder/2020")
    _put(mine, "a", 1)
    listed = _listed(monkeypatch)
    assert mine.partitions("cycle/agder/") == ["cycle/agder/2020", PARTITION]
    _put(mine, "b", 2)  # a listed partition replaced by this store
    assert mine.partitions("cycle/agder/") == ["cycle/agder/2020", PARTITION]
    assert len(listed) == 1
    # A new one: listed again, even were the folder's times as they were (made in the tick of the listing).
    folder, stat = str(tmp_path / "cycle" / "agder"), os.stat
    frozen = stat(folder)
    _put(mine, "a", 1, partition="cycle/agder/2021")
    with monkeypatch.context() as same_tick:
        same_tick.setattr(tinydb_listing.os, "stat", lambda path, **kw: frozen if path == folder else stat(path, **kw))
        _put(mine, "c", 3)  # and a listed one replaced after it vouches for nothing kept before
        assert mine.partitions("cycle/agder/") == ["cycle/agder/2020", "cycle/agder/2021", PARTITION]
    assert len(listed) == 2


def test_a_vouched_listing_shows_another_writers_partition_and_one_copied_in_by_hand(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    mine, other = TinyDBStore(tmp_path), TinyDBStore(tmp_path)
    _put(mine, "a", 1)
    with mine.one_look():  # the writes feed read once, as every request does
        assert mine.partitions("cycle/agder/") == [PARTITION]
    _put(mine, "b", 2)
    # Another process's new partition, as if in the tick of this store's write (the folder's times as they were):
    # the writes feed names it, so the next request lists the folder again.
    folder, stat = str(tmp_path / "cycle" / "agder"), os.stat
    frozen = stat(folder)
    _put(other, "a", 1, partition="cycle/agder/2019")
    with monkeypatch.context() as same_tick:
        same_tick.setattr(tinydb_listing.os, "stat", lambda path, **kw: frozen if path == folder else stat(path, **kw))
        assert mine.partitions("cycle/agder/") == [PARTITION]  # outside a request: vouched (`VOUCH_NS` at most)
        with mine.one_look():
            assert mine.partitions("cycle/agder/") == ["cycle/agder/2019", PARTITION]
    # A file copied in by hand is in no feed: seen once the vouch runs out (`VOUCH_NS`).
    monkeypatch.setattr(tinydb_listing, "VOUCH_NS", 50_000_000)
    _put(mine, "c", 3)
    assert mine.partitions("cycle/agder/") == ["cycle/agder/2019", PARTITION]
    _put(mine, "d", 4)
    (tmp_path / "cycle" / "agder" / "2018.json").write_text("{}")
    time.sleep(0.06)
    assert mine.partitions("cycle/agder/") == ["cycle/agder/2018", "cycle/agder/2019", PARTITION]
