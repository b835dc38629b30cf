"""After a tinydb write, a document (and a table) the write left as it was is the very object readers had
(storage/fragments.py `_table`), so what is kept by a document's identity (`bot.memo.IdentityMemo`) stays;
a changed one is new and exactly what the file holds."""

from __future__ import annotations

from pathlib import Path

from storage.codec import decode_tables
from storage.tinydb_store import TinyDBStore

PARTITION = "cycle/agder/2028"


def _set(store: TinyDBStore, table: str, key: str, doc: dict) -> None:
    with store.update(PARTITION) as tables:
        tables.setdefault(table, {})[key] = doc


def test_unchanged_documents_and_tables_keep_their_objects_across_a_write(tmp_path: Path) -> None:
    store = TinyDBStore(tmp_path)
    _set(store, "milestones", "signing", {"done": False, "planned": "2028-03-01T10:00:00+01:00"})
    _set(store, "milestones", "assignments", {"done": False})
    _set(store, "signatures", "IN", {"at": "2028-01-10T10:00:00+01:00", "name": "Ola"})
    before = store.read(PARTITION)
    _set(store, "milestones", "assignments", {"done": False, "not_relevant": True})
    after = store.read(PARTITION)
    assert after is not before
    assert after["milestones"]["signing"] is before["milestones"]["signing"]  # left as it was
    assert after["milestones"]["assignments"] is not before["milestones"]["assignments"]
    assert after["milestones"]["assignments"] == {"done": False, "not_relevant": True}
    assert after["signatures"] is before["signatures"]  # a table the write did not touch
    # What a reader gets is what the file holds, whichever objects it is made of.
    assert after == decode_tables((tmp_path / "cycle" / "agder" / "2028.json").read_bytes(), path="x")


def test_a_value_that_compares_equal_but_is_written_differently_is_new(tmp_path: Path) -> None:
    store = TinyDBStore(tmp_path)
    _set(store, "milestones", "signing", {"done": 1})
    _set(store, "milestones", "other", {"x": 1})
    before = store.read(PARTITION)
    _set(store, "milestones", "signing", {"done": True})  # == {"done": 1} in Python, not in the file
    after = store.read(PARTITION)
    assert after["milestones"]["signing"]["done"] is True
    assert after["milestones"]["other"] is before["milestones"]["other"]


def test_another_process_write_is_read_whole(tmp_path: Path) -> None:
    mine, other = TinyDBStore(tmp_path), TinyDBStore(tmp_path)
    _set(mine, "milestones", "signing", {"done": False})
    _set(mine, "milestones", "assignments", {"done": False})
    seen = mine.read(PARTITION)
    _set(other, "milestones", "assignments", {"done": True})
    now = mine.read(PARTITION)
    assert now["milestones"]["assignments"] == {"done": True}
    assert (
        now["milestones"]
        == decode_tables((tmp_path / "cycle" / "agder" / "2028.json").read_bytes(), path="x")["milestones"]
    )
    assert seen["milestones"]["assignments"] == {"done": False}  # what was handed out is never changed
