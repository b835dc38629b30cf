"""A tinydb write encodes only what it changed (storage/fragments.py): the file is byte for byte what encoding
the whole partition gives, a read sees what the file holds, and a refused value writes nothing."""

from __future__ import annotations

import math
import os
from pathlib import Path

import pytest

from storage.codec import decode_tables, encode_tables
from storage.fragments import encode_partition, json_copy, work_copy
from storage.tinydb_rows import META, SEGMENT_ROWS
from storage.tinydb_store import TinyDBStore

PARTITION = "cycle/agder/2027"


def _file(folder: Path) -> bytes:
    return (folder / "cycle" / "agder" / "2027.json").read_bytes()


def _write(store: TinyDBStore, number: int) -> None:
    with store.update(PARTITION) as tables:
        store.append(tables, partition=PARTITION, table="history", entry={"n": number, "text": f"ø {number}"})
        store.put_row(tables, partition=PARTITION, table="requests", key=f"r{number}", doc={"history": str(number)})
        milestone = tables.setdefault("milestones", {}).setdefault("signing", {"dates": []})
        milestone["dates"].append(number)
        if number % 3 == 0:
            tables.setdefault("pending", {}).pop(f"p{number - 3}", None)
        tables.setdefault("pending", {})[f"p{number}"] = {"reply": {"title": "Signert", "n": number}}


def test_every_write_is_the_whole_encoding_and_reads_what_the_file_holds(tmp_path: Path) -> None:
    store = TinyDBStore(tmp_path)
    for number in range(2 * SEGMENT_ROWS + 5):  # past a spill into a segment, and a tail that shrinks
        _write(store, number)
        raw = _file(tmp_path)
        decoded = decode_tables(raw, path="x")
        assert raw == encode_tables(json_copy(decoded))  # the bytes whole encoding gives (so the same version)
        decoded.pop(META, None)
        assert store.read(PARTITION) == decoded
    assert store.count_rows(PARTITION, table="history") == 2 * SEGMENT_ROWS + 5
    fresh = TinyDBStore(tmp_path)  # another process reads the same
    assert fresh.read(PARTITION) == store.read(PARTITION)
    assert fresh.rows(PARTITION, table="history") == store.rows(PARTITION, table="history")


def test_a_read_after_a_write_sees_json_not_the_writers_objects(tmp_path: Path) -> None:
    store = TinyDBStore(tmp_path)
    kept: dict[str, object] = {"when": (2027, 4, 24)}
    with store.update(PARTITION) as tables:
        tables["milestones"] = {"spring": kept}
        store.append(tables, partition=PARTITION, table="history", entry={"touched": ("a", "b")})
    kept["when"] = "changed afterwards"
    assert store.read(PARTITION)["milestones"] == {"spring": {"when": [2027, 4, 24]}}
    assert list(store.rows(PARTITION, table="history").values()) == [{"touched": ["a", "b"]}]


@pytest.mark.parametrize(
    ("value", "error"),
    [
        ({"x": math.nan}, ValueError),
        ({"x": object()}, TypeError),
        ({"_key": "reserved"}, ValueError),
        ({"x": {1, 2}}, TypeError),
    ],
)
def test_a_refused_value_writes_nothing(tmp_path: Path, value: dict[object, object], error: type[Exception]) -> None:
    store = TinyDBStore(tmp_path)
    _write(store, 0)
    before, read = _file(tmp_path), store.read(PARTITION)
    for table in ("history", "milestones"):
        with pytest.raises(error), store.update(PARTITION) as tables:
            if table == "history":
                store.append(tables, partition=PARTITION, table="history", entry=value)  # type: ignore[arg-type]
            else:
                tables["milestones"]["bad"] = value  # type: ignore[assignment]
        assert _file(tmp_path) == before
        assert store.read(PARTITION) is read


def test_the_writers_copy_never_reaches_the_cached_tables(tmp_path: Path) -> None:
    store = TinyDBStore(tmp_path)
    _write(store, 0)
    read = store.read(PARTITION)
    snapshot = json_copy(read)
    with pytest.raises(RuntimeError), store.update(PARTITION) as tables:
        tables["milestones"]["signing"]["dates"].append(99)
        tables["pending"].clear()
        tables["history"].clear()
        raise RuntimeError("refused half-way")
    assert store.read(PARTITION) == snapshot


def test_encode_partition_matches_encode_tables_with_or_without_what_came_before() -> None:
    tables = {"history": {"a": {"x": [1, 2.5, None, True]}}, "milestones": {"m": {"navn": "Møre"}}, "empty": {}}
    raw, first = encode_partition(tables, before=None)
    assert raw == encode_tables(tables)
    work = work_copy(first.tables)
    work["history"]["b"] = {"y": "ny"}
    work["milestones"]["m"]["navn"] = "Romsdal"
    again, _ = encode_partition(work, before=first)
    assert again == encode_tables(work)
    assert first.tables["milestones"]["m"]["navn"] == "Møre"
    work[1] = {}  # type: ignore[index]
    with pytest.raises(TypeError):
        encode_partition(work, before=first)
    del work[1]  # type: ignore[arg-type]
    work["history"][2] = {}  # type: ignore[index]
    with pytest.raises(TypeError):
        encode_partition(work, before=first)


def test_a_table_is_decoded_again_only_when_its_text_changed() -> None:
    tables = {"milestones": {"m": {"done": 1, "when": [2027, 4, 24]}}, "versions": {"v1": {"sha": "ab"}}}
    _, first = encode_partition(tables, before=None)
    work = work_copy(first.tables)
    work["milestones"]["m"]["done"] = True  # equal to 1 in Python, another value in JSON
    raw, second = encode_partition(work, before=first)
    assert raw == encode_tables(work)
    assert second.tables["milestones"] == {"m": {"done": True, "when": [2027, 4, 24]}}
    assert second.tables["milestones"]["m"]["done"] is True
    assert second.tables["versions"] is first.tables["versions"]  # the same text: not decoded again


def test_a_first_write_after_a_read_keeps_the_rows_the_file_gave(tmp_path: Path) -> None:
    """A partition this process read but never wrote (after a start, or another process's write): the rows
    the write left are the read's own objects (not decoded again), and the bytes are whole encoding's."""
    for number in range(5):
        _write(TinyDBStore(tmp_path), number)
    store = TinyDBStore(tmp_path)  # reads the file: nothing encoded by this process yet
    read = store.rows(PARTITION, table="history")
    with store.update(PARTITION) as tables:
        store.append(tables, partition=PARTITION, table="history", entry={"touched": ("a", "b")})
    raw = _file(tmp_path)
    assert raw == encode_tables(json_copy(decode_tables(raw, path="x")))
    after = store.rows(PARTITION, table="history")
    assert all(after[key] is doc for key, doc in read.items())
    assert list(after.values())[-1] == {"touched": ["a", "b"]}  # the new row as JSON gives it back
    assert TinyDBStore(tmp_path).read(PARTITION) == store.read(PARTITION)


def test_the_written_file_is_cached_through_the_descriptor_the_write_made(tmp_path: Path) -> None:
    """The cache holds the file each write made open (`atomic_write_kept`), one descriptor per partition,
    and never reads it back: a write leaks none, and another process's file is still seen."""
    store = TinyDBStore(tmp_path)
    _write(store, 0)
    open_before = len(os.listdir("/proc/self/fd"))
    for number in range(1, 21):
        _write(store, number)
    assert len(os.listdir("/proc/self/fd")) == open_before
    _write(TinyDBStore(tmp_path), 21)  # another process replaces the file
    assert store.rows(PARTITION, table="requests")["r21"] == {"history": "21"}
