"""What only the file-backed store promises: TinyDB files, durability, caching and corrupt-file handling."""

from __future__ import annotations

import json
import os
import stat
import threading
from pathlib import Path

import pytest
import tinydb

from storage import StoreError, TinyDBStore, open_store
from storage.atomic_json import DurableJSONStorage, atomic_write
from storage.memory import MemoryStore

P = "cycle/agder/2027"


def _file(data_dir: Path, partition: str = P) -> Path:
    return data_dir.joinpath(*partition.split("/")).with_suffix(".json")


def test_one_plain_tinydb_file_per_partition(tiny: TinyDBStore, data_dir: Path) -> None:
    with tiny.update(P) as tables:
        tables["milestones"] = {"m1": {"title": "Høstmøte"}, "m2": {"title": "Vårmøte"}}
        tables["history"] = {"h1": {"text": "opprettet"}}
    with tiny.update("teams/conversations") as tables:
        tables["refs"] = {"conv-1": {"service_url": "https://example.invalid"}}

    with tinydb.TinyDB(_file(data_dir), access_mode="r") as db:
        assert db.tables() == {"milestones", "history"}
        assert db.table("milestones").all() == [
            {"_key": "m1", "title": "Høstmøte"},
            {"_key": "m2", "title": "Vårmøte"},
        ]
        assert db.table("history").get(tinydb.Query()._key == "h1") == {
            "_key": "h1",
            "text": "opprettet",
        }
    assert _file(data_dir, "teams/conversations").is_file()
    assert sorted(p.name for p in data_dir.iterdir()) == [
        ".lock",
        ".writes",
        "cycle",
        "teams",
    ]  # (the feed: tinydb_feed)


def test_tinydb_with_durable_storage_interoperates(tiny: TinyDBStore, data_dir: Path) -> None:
    path = _file(data_dir, "meta")
    with tinydb.TinyDB(path, storage=DurableJSONStorage) as db:
        db.table("bindings").insert({"_key": "slack:C1", "region": "agder"})
    assert tiny.read("meta") == {"bindings": {"slack:C1": {"region": "agder"}}}


def test_new_files_honour_the_umask(tiny: TinyDBStore, data_dir: Path) -> None:
    with tiny.update(P) as tables:
        tables["t"] = {}
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(_file(data_dir).stat().st_mode) == 0o666 & ~umask


def test_second_store_on_same_folder_sees_writes(tiny: TinyDBStore, data_dir: Path) -> None:
    with TinyDBStore(data_dir) as other:
        assert other.read(P) == {}  # cached as missing; must not stick
        with tiny.update(P) as tables:
            tables["t"] = {"k": {"v": 1}}
        assert other.read(P) == {"t": {"k": {"v": 1}}}
        for n in range(2, 6):  # same size every time: only the inode tells the versions apart
            with other.update(P) as tables:
                tables["t"]["k"]["v"] = n
            assert tiny.read(P) == {"t": {"k": {"v": n}}}
        assert other.partitions() == [P]


def test_in_place_write_by_plain_tinydb_is_seen(tiny: TinyDBStore, data_dir: Path) -> None:
    with tiny.update(P) as tables:
        tables["t"] = {"a": {"v": 1}}
    assert tiny.read(P) == {"t": {"a": {"v": 1}}}
    with tinydb.TinyDB(_file(data_dir)) as db:  # TinyDB's own JSONStorage rewrites the same inode
        db.table("t").insert({"_key": "b", "v": 2})
    assert tiny.read(P) == {"t": {"a": {"v": 1}, "b": {"v": 2}}}


def test_small_cache_evicts_without_losing_data(data_dir: Path) -> None:
    with TinyDBStore(data_dir, cache_size=2) as store:
        names = [f"cycle/region-{i}/2027" for i in range(5)]
        for i, name in enumerate(names):
            with store.update(name) as tables:
                tables["t"] = {"k": {"i": i}}
        for _ in range(2):
            assert [store.read(name)["t"]["k"]["i"] for name in names] == list(range(5))


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b'{"t": {"1": {"_key": "a", "v": 1}', "invalid JSON"),
        (b"", "empty"),
        (b"[1, 2]", "expected a JSON object"),
        (b'{"t": [1]}', "not a JSON object"),
        (b'{"t": {"1": {"v": 1}}}', "_key"),
        (b'{"t": {"1": {"_key": "a"}, "2": {"_key": "a"}}}', "two documents"),
        (b'{"t": {"x": {"_key": "a"}}}', "non-numeric"),
        (b"\xff\xfe\x00garbage", "invalid JSON"),
    ],
)
def test_corrupt_file_raises_and_is_never_overwritten(
    tiny: TinyDBStore, data_dir: Path, content: bytes, reason: str
) -> None:
    path = _file(data_dir)
    path.parent.mkdir(parents=True)
    path.write_bytes(content)
    with pytest.raises(StoreError, match=reason) as excinfo:
        tiny.read(P)
    message = str(excinfo.value)
    assert str(path) in message
    assert "backup" in message and "move the file away" in message
    with pytest.raises(StoreError), tiny.update(P) as tables:
        tables["t"] = {"new": {"v": 1}}
    with pytest.raises(StoreError, match=reason):
        tiny.verify()
    assert path.read_bytes() == content
    assert tiny.partitions() == [P]


def test_verify_passes_on_good_files_and_caches_nothing(tiny: TinyDBStore) -> None:
    with tiny.update(P) as tables:
        tables["t"] = {"k": {"v": 1}}
    fresh = TinyDBStore(tiny.directory)
    fresh.verify()
    assert not fresh._cache  # verified, not kept: ten years of history cost no memory at start-up
    fresh.close()


def test_corruption_after_caching_is_not_hidden_by_the_cache(tiny: TinyDBStore, data_dir: Path) -> None:
    with tiny.update(P) as tables:
        tables["t"] = {"k": {"v": 1}}
    tiny.read(P)
    atomic_write(str(_file(data_dir)), data=b"{ broken")
    with pytest.raises(StoreError):
        tiny.read(P)
    with pytest.raises(StoreError), tiny.update(P):
        pass
    assert _file(data_dir).read_bytes() == b"{ broken"


def test_partitions_ignores_files_that_are_not_partitions(tiny: TinyDBStore, data_dir: Path) -> None:
    with tiny.update(P) as tables:
        tables["t"] = {}
    folder = _file(data_dir).parent
    (folder / ".2027.json.999999.0123abcd.tmp").write_bytes(b"{")
    (folder / "2027.json.bak").write_bytes(b"{}")
    (folder / "Kopi av 2027.json").write_bytes(b"{}")
    (data_dir / ".hidden").mkdir()
    (data_dir / ".hidden" / "x.json").write_bytes(b"{}")
    assert tiny.partitions() == [P]


def test_stale_temp_files_are_removed_on_open(tiny: TinyDBStore, data_dir: Path) -> None:
    with tiny.update(P) as tables:
        tables["t"] = {}
    folder = _file(data_dir).parent
    live = folder / f".2027.json.{os.getpid()}.0123abcd.tmp"
    live.write_bytes(b"{")
    # pid_max is at most 2**22 on Linux, so this pid cannot be running.
    stale = folder / ".2027.json.99999999.0123abcd.tmp"
    stale.write_bytes(b"{")
    TinyDBStore(data_dir).close()
    assert live.exists() and not stale.exists()


def test_write_is_fsynced_before_and_after_the_rename(
    tiny: TinyDBStore, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    events: list[str] = []
    real_fsync, real_replace = os.fsync, os.replace

    def fsync(fd: int) -> None:
        events.append("fsync-dir" if stat.S_ISDIR(os.fstat(fd).st_mode) else "fsync-file")
        real_fsync(fd)

    def replace(src: str, dst: str) -> None:
        events.append("replace")
        real_replace(src, dst)

    with tiny.update(P) as tables:  # creates the folders; their own fsyncs are not the point here
        tables["t"] = {}
    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(os, "replace", replace)
    with tiny.update(P) as tables:
        tables["t"] = {"k": {"v": 1}}
    assert events == ["fsync-file", "replace", "fsync-dir"]


def test_failed_rename_keeps_old_file_and_leaves_no_temp(
    tiny: TinyDBStore, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with tiny.update(P) as tables:
        tables["t"] = {"k": {"v": 1}}
    before = _file(data_dir).read_bytes()

    def replace(src: str, dst: str) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", replace)
    with pytest.raises(OSError, match="disk full"), tiny.update(P) as tables:
        tables["t"]["k"]["v"] = 2
    monkeypatch.undo()
    assert _file(data_dir).read_bytes() == before
    assert tiny.read(P) == {"t": {"k": {"v": 1}}}
    assert not list(_file(data_dir).parent.glob(".*.tmp"))


def test_threads_sharing_a_store_never_lose_an_update(tiny: TinyDBStore) -> None:
    def work() -> None:
        for _ in range(50):
            with tiny.update(P) as tables:
                doc = tables.setdefault("counter", {}).setdefault("c", {"n": 0})
                doc["n"] += 1
            tiny.read(P)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert tiny.read(P)["counter"]["c"]["n"] == 200


def test_closed_store_refuses_use(data_dir: Path) -> None:
    store = TinyDBStore(data_dir)
    store.read(P)
    store.close()
    store.close()
    with pytest.raises(RuntimeError, match="closed"):
        store.read(P)


def test_open_store(data_dir: Path) -> None:
    assert isinstance(open_store(None), MemoryStore)
    store = open_store(str(data_dir))
    assert isinstance(store, TinyDBStore)
    store.close()


def test_files_are_ascii_json(tiny: TinyDBStore, data_dir: Path) -> None:
    """ASCII escapes, because TinyDB's JSONStorage reads with the locale's encoding."""
    with tiny.update(P) as tables:
        tables["t"] = {"blåbær": {"v": "æøå"}}
    raw = _file(data_dir).read_bytes()
    assert raw.isascii()
    assert json.loads(raw) == {"t": {"1": {"_key": "blåbær", "v": "æøå"}}}


def test_a_lease_holds_across_two_stores_on_one_folder(data_dir) -> None:
    """Two stores on one folder exclude each other through the flock, as two processes do."""
    from storage import TinyDBStore

    first, second = TinyDBStore(data_dir), TinyDBStore(data_dir)
    try:
        assert first.try_lease("reminders", holder="p1", seconds=60)
        assert not second.try_lease("reminders", holder="p2", seconds=60)
        first.release_lease("reminders", holder="p1")
        assert second.try_lease("reminders", holder="p2", seconds=60)
        assert not first.try_lease("reminders", holder="p1", seconds=60)
        assert first.partitions() == []
    finally:
        first.close()
        second.close()


def test_a_hand_edit_or_a_restore_is_a_new_version(tiny: TinyDBStore, data_dir: Path) -> None:
    """The version is the file's digest: a change made outside the store (plain TinyDB, an editor, a backup
    put back) is a new version too, so nothing kept from the old content outlives it; the same bytes put
    back are the same version."""
    with tiny.update(P) as tables:
        tables["t"] = {"a": {"v": 1}}
    written = tiny.version(P)
    saved = _file(data_dir).read_bytes()
    with tinydb.TinyDB(_file(data_dir)) as db:
        db.table("t").update({"v": 2}, tinydb.Query()._key == "a")
    assert tiny.version(P) not in (0, written)
    _file(data_dir).write_bytes(saved)
    assert tiny.version(P) == written and tiny.read(P) == {"t": {"a": {"v": 1}}}
