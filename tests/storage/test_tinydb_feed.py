"""The writes feed (storage/tinydb_feed.py): a request trusts a partition it looked at before, with no stat,
until the feed names a write to it; what it may not do is hide a write once a request started after it,
whichever process made it, a writer that died half-way, a feed started anew, or a write past the store."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from storage import tinydb_feed
from storage.tinydb_store import TinyDBStore

PARTITION = "cycle/agder/2028"


def _put(store: TinyDBStore, key: str, value: object, partition: str = PARTITION) -> None:
    with store.update(partition) as tables:
        tables.setdefault("milestones", {})[key] = {"value": value}


def _seen(store: TinyDBStore, partition: str = PARTITION) -> set[str]:
    with store.one_look():
        return set(store.read(partition).get("milestones", {}))


def _stats(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The partition files stat'ed from now on."""
    stated: list[str] = []
    real = os.stat

    def stat(path: str | os.PathLike[str], *args: object, **kwargs: object) -> os.stat_result:
        if str(path).endswith(".json"):
            stated.append(str(path))
        return real(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "stat", stat)
    return stated


def _both_looked_at(tmp_path: Path, *, written_by_mine: bool) -> tuple[TinyDBStore, TinyDBStore]:
    """Two stores on one folder (this process's and another's), two partitions written by one of them and
    looked at by the first."""
    mine, other = TinyDBStore(tmp_path), TinyDBStore(tmp_path)
    writer = mine if written_by_mine else other
    _put(writer, "a", 1)
    _put(writer, "x", 1, partition="cycle/agder/2027")
    assert _seen(mine) == {"a"} and _seen(mine, "cycle/agder/2027") == {"x"}
    return mine, other


def test_a_partition_named_by_no_write_is_not_stated_and_another_process_write_shows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    mine, other = _both_looked_at(tmp_path, written_by_mine=False)
    stated = _stats(monkeypatch)
    assert _seen(mine) == {"a"}
    assert stated == []  # trusted: no write named since
    _put(other, "b", 2)
    assert _seen(mine) == {"a", "b"}  # the next request sees it
    assert _seen(mine, "cycle/agder/2027") == {"x"}
    assert [Path(path).name for path in stated if "2027" in path] == []  # the other partition still trusted


def test_a_partition_never_written_is_trusted_absent_until_one_writes_it(tmp_path: Path) -> None:
    mine, other = TinyDBStore(tmp_path), TinyDBStore(tmp_path)
    _put(other, "a", 1, partition="cycle/agder/2027")  # a feed to read
    assert _seen(mine) == set()
    _put(other, "a", 1)
    assert _seen(mine) == {"a"}


def test_a_writer_that_died_between_its_names_leaves_the_partition_looked_at_every_time(tmp_path: Path) -> None:
    mine, other = TinyDBStore(tmp_path), TinyDBStore(tmp_path)
    _put(other, "a", 1)
    assert _seen(mine) == {"a"}
    with open(tmp_path / tinydb_feed.FEED_NAME, "ab") as feed:  # `>` appended, then the process died
        feed.write(f">{PARTITION}\n".encode())
    assert _seen(mine) == {"a"}
    with _unheard(other):  # its replace lands without a `<` (as a writer dying after it)
        _put(other, "b", 2)
    assert _seen(mine) == {"a", "b"}
    with _unheard(other):
        _put(other, "c", 3)
    assert _seen(mine) == {"a", "b", "c"}  # still looked at: never trusted without its `<`


def test_a_line_being_appended_is_read_whole_the_next_time(tmp_path: Path) -> None:
    mine, other = TinyDBStore(tmp_path), TinyDBStore(tmp_path)
    _put(other, "a", 1)
    assert _seen(mine) == {"a"}
    with open(tmp_path / tinydb_feed.FEED_NAME, "ab") as feed:
        feed.write(f">{PARTITION}".encode())  # no newline yet
    assert _seen(mine) == {"a"}
    with _unheard(other):
        _put(other, "b", 2)
    with open(tmp_path / tinydb_feed.FEED_NAME, "ab") as feed:
        feed.write(f"\n<{PARTITION}\n".encode())
    assert _seen(mine) == {"a", "b"}


def test_a_feed_started_anew_trusts_nothing_until_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tinydb_feed, "ROTATE_BYTES", 64)
    mine, other = TinyDBStore(tmp_path), TinyDBStore(tmp_path)
    _put(other, "a", 1)
    assert _seen(mine) == {"a"}
    inodes = set()
    for n in range(5):  # each write past 64 bytes starts the feed anew
        _put(other, f"k{n}", n)
        inodes.add(os.stat(tmp_path / tinydb_feed.FEED_NAME).st_ino)
        assert _seen(mine) == {"a", *(f"k{m}" for m in range(n + 1))}
    assert len(inodes) > 1


def test_a_write_past_the_store_is_seen_once_trust_runs_out(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    mine, other = TinyDBStore(tmp_path), TinyDBStore(tmp_path)
    _put(other, "a", 1)
    assert _seen(mine) == {"a"}
    with _unheard(other):  # plain TinyDB, a restore by hand: no name in the feed
        _put(other, "b", 2)
    monkeypatch.setattr(tinydb_feed, "TRUST_SECONDS", 0.0)
    assert _seen(mine) == {"a", "b"}


def test_reads_outside_a_request_and_writes_look_at_the_file(tmp_path: Path) -> None:
    mine, other = TinyDBStore(tmp_path), TinyDBStore(tmp_path)
    _put(other, "a", 1)
    assert _seen(mine) == {"a"}
    with _unheard(other):
        _put(other, "b", 2)
    assert set(mine.read(PARTITION)["milestones"]) == {"a", "b"}  # no one_look: a stat, as ever
    _put(mine, "c", 3)  # a write starts from the file as it is
    assert set(other.read(PARTITION)["milestones"]) == {"a", "b", "c"}


@contextmanager
def _unheard(store: TinyDBStore) -> Iterator[None]:
    """A write by `store` that the feed does not hear of (a writer past the store, or one that died)."""
    feed = store._feed
    store._feed = tinydb_feed.WritesFeed(os.path.join(store.directory, "nowhere"))
    try:
        yield
    finally:
        store._feed = feed


def test_a_store_skips_its_own_write_in_the_feed_but_reads_another_process_write_after_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    mine, other = _both_looked_at(tmp_path, written_by_mine=True)
    reads: list[int] = []
    real = os.pread

    def pread(fd: int, length: int, offset: int) -> bytes:
        reads.append(length)
        return real(fd, length, offset)

    monkeypatch.setattr(os, "pread", pread)
    _put(mine, "b", 2)
    assert _seen(mine) == {"a", "b"}
    assert reads == []  # its own two lines: known without reading them
    _put(mine, "c", 3)
    _put(other, "y", 2, partition="cycle/agder/2027")  # another process's, after this one's
    assert _seen(mine) == {"a", "b", "c"} and _seen(mine, "cycle/agder/2027") == {"x", "y"}
    _put(other, "d", 4)  # another's first, then this one's: its own lines are not where it stopped reading
    _put(mine, "z", 3, partition="cycle/agder/2027")
    assert _seen(mine) == {"a", "b", "c", "d"} and _seen(mine, "cycle/agder/2027") == {"x", "y", "z"}
    assert reads  # the other's lines were read
    stated = _stats(monkeypatch)
    assert _seen(mine) == {"a", "b", "c", "d"}
    assert stated == []  # and what it read is trusted again
