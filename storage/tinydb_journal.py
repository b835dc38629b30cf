"""The journal of marks noted beside a `TinyDBStore` partition (`Store.note`): one append-only file each.

Why: what became of a write's announcements was a second durable replace of the partition after the posts
(temporary file, fsync, rename, folder fsync: 0.4-0.6 ms of CPU per write that announces, issue 21). A
line appended to a small file is a few system calls and no fsync.

Layout: ``<directory>/.noted/<partition>.<generation>.jsonl``, one JSON document a line. The partition
file names its current generation in its segment counts' table (`storage.tinydb_rows.META`, row
``noted``: ``{"n": generation}``, 0 when absent). A fold (`fold_noted`, inside an update) reads the current
generation's marks and writes the partition with the next generation: that one durable replace is the step
after which the marks are the partition's, and before which they are still noted. The old file is deleted
after it; a crash before the delete leaves a file nobody reads again (marks folded are never applied twice,
even where a later write changed the same row).

Appends, folds and `read_noted` hold the store's folder lock, so a reader never sees a partition and a
journal of different generations, and no append falls between a fold's read and its write. Appends are not
fsynced: a mark survives the death of the process (it is in the page cache once `write` returned), not
necessarily a power cut; a torn last line is skipped, and each append starts on a line of its own. What
a lost mark costs is for the journal's owner to bear (`bot.delivery.outbox.settle` says what).
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Iterator
from contextlib import AbstractContextManager

from storage.base import Document, Tables
from storage.codec import encode_doc
from storage.faults import os_fault
from storage.tinydb_rows import Meta, segment_count

logger = logging.getLogger(__name__)

NOTED_FOLDER = ".noted"
"""Under the store's folder; the dot keeps it out of `partitions()`."""
NOTED = "noted"
"""The row of the partition's segment counts that names its journal's generation."""
_decode = json.JSONDecoder().decode


class NotedMarks:
    """`Store.note`, `read_noted` and `fold_noted` (mixed into `TinyDBStore`, which provides the folder, its
    lock, the partition reads with their segment counts and the open updates' counts)."""

    directory: str
    _open_meta: dict[str, Meta]
    _retiring: dict[str, str]
    _noted_folders: set[str]

    def _read_with_meta(self, partition: str) -> tuple[Tables, Meta]:
        raise NotImplementedError

    def _write_lock(self) -> AbstractContextManager[None]:
        raise NotImplementedError

    def _write_lock_if_free(self, *, wait: bool = False) -> AbstractContextManager[bool]:
        raise NotImplementedError

    def _noted_path(self, partition: str, generation: int) -> str:
        return os.path.join(self.directory, NOTED_FOLDER, *partition.split("/")) + f".{generation}.jsonl"

    def note(self, *, partition: str, marks: list[Document], wait: bool = True) -> bool:
        if not wait:  # only if no writer holds the folder (its fsyncs would make the caller wait)
            with self._write_lock_if_free() as held:
                return held and self._append(partition, marks)
        with self._write_lock():
            return self._append(partition, marks)

    def _append(self, partition: str, marks: list[Document]) -> bool:
        """Under the folder lock: the marks appended to the journal of the partition's generation."""
        data = "".join(f"\n{encode_doc(mark)}" for mark in marks).encode("ascii") + b"\n" if marks else b""
        _, meta = self._read_with_meta(partition)
        path = self._noted_path(partition, segment_count(meta, NOTED))
        if not data:
            return True
        try:
            folder = os.path.dirname(path)
            if folder not in self._noted_folders:
                os.makedirs(folder, exist_ok=True)
                self._noted_folders.add(folder)
            fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o666)
            try:
                view = memoryview(data)
                while view:
                    view = view[os.write(fd, view) :]
            finally:
                os.close(fd)
        except OSError as exc:
            raise os_fault(exc, path=path, doing="writing", partition=partition) from exc
        return True

    def read_noted(self, partition: str) -> tuple[Tables, list[Document]]:
        with self._write_lock():
            tables, meta = self._read_with_meta(partition)
            return tables, _marks(self._noted_path(partition, segment_count(meta, NOTED)), partition=partition)

    def fold_noted(self, tables: Tables, *, partition: str) -> list[Document]:
        meta = self._open_meta.get(partition)
        if meta is None:
            raise RuntimeError(f"fold_noted needs an open update of {partition!r}")
        generation = segment_count(meta, NOTED)
        path = self._noted_path(partition, generation)
        marks = _journal(path, partition=partition)  # one open, no stat before it (a write folds on every `signer`)
        if marks is None:
            return []
        meta[NOTED] = {"n": generation + 1}  # written with the update: from then on the marks are the partition's
        self._retiring[partition] = path
        return marks

    def _retire(self, partition: str, *, written: bool) -> None:
        """After an update: delete the journal it folded (if it was written), else keep it noted."""
        path = self._retiring.pop(partition, None)
        if path is None or not written:
            return
        try:
            os.unlink(path)
        except OSError:  # folded already: a file of an old generation is never read again
            logger.warning("could not delete %s after folding it into %s", path, partition, exc_info=True)


def _marks(path: str, *, partition: str) -> list[Document]:
    """The journal's marks, oldest first; a line that does not decode (torn by a power cut) is skipped."""
    found = _journal(path, partition=partition)
    return [] if found is None else found


def _journal(path: str, *, partition: str) -> list[Document] | None:
    """`_marks`, or None when there is no journal (a fold retires an empty one, as it did before)."""
    try:
        with open(path, "rb") as handle:
            raw = handle.read()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise os_fault(exc, path=path, doing="reading", partition=partition) from exc
    return list(_decoded(raw, path=path))


def _decoded(raw: bytes, *, path: str) -> Iterator[Document]:
    for line in raw.split(b"\n"):
        if not line:
            continue
        try:
            mark = _decode(line.decode("ascii"))
        except ValueError:
            logger.warning("skipped a torn line in %s", path)
            continue
        if isinstance(mark, dict):
            yield mark
