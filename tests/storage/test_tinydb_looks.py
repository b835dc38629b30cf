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
