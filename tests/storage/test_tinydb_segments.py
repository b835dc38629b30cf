"""tinydb keeps history, ledger and request ids in segment files, so a write touches small files at any age."""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

import pytest

import storage.tinydb_rows as rows_module
from bot.clock import OSLO
from bot.state.store import Author, StateStore
from storage import StoreError, TinyDBStore, atomic_json
from storage.codec import decode_tables, encode_tables
from storage.tinydb_rows import SEGMENT_ROWS

P = "cycle/agder/2027"
AUTHOR = Author(person="kari", name="Kari", platform="terminal", channel="agder")
AT = datetime(2027, 1, 11, 9, 0, tzinfo=OSLO)


def _file(folder: Path) -> dict:
    path = folder / "cycle/agder/2027.json"
    return decode_tables(path.read_bytes(), path=str(path))


def _mutate(tables: dict) -> None:
    tables.setdefault("milestones", {})["m"] = {"done": True}


def _changes(state: StateStore, count: int, *, start: int = 0) -> None:
    for n in range(start, start + count):
        state.change(partition=P, author=AUTHOR, at=AT, summary=f"endring {n}", mutate=_mutate)


def test_the_partition_file_stays_small_and_segments_are_hidden(tmp_path: Path) -> None:
    with TinyDBStore(tmp_path) as store:
        state = StateStore(store=store)
        _changes(state, 1000)
        file = _file(tmp_path)
        assert len(file["history"]) < 2 * SEGMENT_ROWS
        assert store.partitions() == [P]  # the segment folder is not a partition
        assert "_segments" not in store.read(P) and "history" in store.read(P)
        assert state.history_count(P) == 1000 and state.verify_history(P).ok
    with TinyDBStore(tmp_path) as again:  # a new process reads the same
        assert [e["summary"] for e in StateStore(store=again).history(P)] == [f"endring {n}" for n in range(1000)]


def test_an_old_store_with_every_row_in_the_partition_file_reads_and_then_moves(tmp_path: Path) -> None:
    entries = {f"{n:06d}": {"at": AT.isoformat(), "summary": f"gammel {n}"} for n in range(500)}
    (tmp_path / "cycle/agder").mkdir(parents=True)
    (tmp_path / "cycle/agder/2027.json").write_bytes(encode_tables({"history": entries, "milestones": {}}))
    with TinyDBStore(tmp_path) as store:
        state = StateStore(store=store)
        assert state.history_count(P) == 500 and state.latest(P, limit=1)[0]["summary"] == "gammel 499"
        _changes(state, 1)
        history = state.history(P)
        assert len(history) == 501 and history[0]["summary"] == "gammel 0" and history[-1]["summary"] == "endring 0"
        assert len(_file(tmp_path)["history"]) < 2 * SEGMENT_ROWS
        assert state.verify_history(P).ok


def test_a_crash_between_segment_and_partition_file_loses_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with TinyDBStore(tmp_path) as store:
        state = StateStore(store=store)
        _changes(state, 2 * SEGMENT_ROWS - 1)  # the next change moves rows into a segment
        calls = []
        real_kept = atomic_json.atomic_write_kept

        def segment_then_fail(path: str, *, data: bytes) -> None:
            calls.append(path)
            if len(calls) > 1:  # the segment was written; the partition file's write fails
                raise OSError(28, "No space left on device")
            os.close(real_kept(path, data=data))

        def kept_then_fail(path: str, *, data: bytes) -> int:  # the partition file's write, its file kept open
            segment_then_fail(path, data=data)
            return os.open(path, os.O_RDONLY)

        monkeypatch.setattr(rows_module, "atomic_write", segment_then_fail)
        monkeypatch.setattr("storage.atomic_json.atomic_write", segment_then_fail)
        monkeypatch.setattr("storage.atomic_json.atomic_write_kept", kept_then_fail)
        with pytest.raises(OSError):
            _changes(state, 1, start=999)
        monkeypatch.undo()
        assert os.path.exists(calls[0]) and ".rows" in calls[0]
    with TinyDBStore(tmp_path) as store:
        state = StateStore(store=store)
        assert state.history_count(P) == 2 * SEGMENT_ROWS - 1  # the failed change is not there
        _changes(state, 2, start=2 * SEGMENT_ROWS - 1)
        summaries = [e["summary"] for e in state.history(P)]
        assert summaries == [f"endring {n}" for n in range(2 * SEGMENT_ROWS + 1)]
        assert state.verify_history(P).ok


def test_start_up_checks_the_years_being_worked_on_not_the_archive(tmp_path: Path) -> None:
    (tmp_path / "cycle/agder").mkdir(parents=True)
    (tmp_path / "cycle/agder/2019.json").write_text("{ not json")
    with TinyDBStore(tmp_path) as store:
        store.verify(from_year=2026)  # 2019 is read (and named) only when someone asks for it
        with pytest.raises(StoreError, match=r"2019\.json"):
            store.verify()
        (tmp_path / "cycle/agder/2026.json").write_text("{ not json")
        with pytest.raises(StoreError, match=r"2026\.json"):
            store.verify(from_year=2026)
