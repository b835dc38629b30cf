"""A partition written again, paying for what the write changed rather than for the whole partition.

Why: a write to a tinydb partition used to parse the whole file for the copy it changes, encode the whole
copy, and parse the written bytes again for the next read. The partition carries its history tail (up to
127 entries, each with the records it touched before and after), so most of that work was the same rows
every time: a `dato` spent about half its CPU in `json` (issue 21).

What is kept instead, with each cached partition (`Encoded`):
- the parsed tables, exactly as decoding the file would give them (fresh JSON values, never the objects a
  writer handed in, so a read never sees a tuple where the file holds a list);
- for the row tables (`storage.base.ROW_TABLES`: history, ledger, request ids, and `REPLACED_ROW_TABLES`:
  the outbox's pending announcements) each row's JSON text with the row it encodes.

`work_copy` hands a writer a copy to change: the row tables shallow (their rows are never changed in
place, only added, replaced or deleted, so the rows can be shared), every other table deep. A row changed in
place would keep its old text: the outbox replaces its rows (tests/test_outbox_shared.py watches it).
`encode_partition` writes the copy back: a row whose object is the one encoded before reuses its text (a
partition this process only read has no texts yet: a row the read gave keeps its object, encoded, not
decoded again);
the rest (new rows, the other tables, small and changed in place) is encoded and checked as
`encode_tables` does, and decoded again for the readers. The bytes are exactly `encode_tables`'s (tests/storage/test_fragments.py), so a partition's version,
the digest of its bytes, does not depend on which way it was written.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field
from itertools import islice
from operator import is_, itemgetter
from typing import Any

from storage.base import REPLACED_ROW_TABLES, ROW_TABLES, Document, Tables
from storage.codec import KEY_FIELD, check_table, encode_doc, keyed_doc

logger = logging.getLogger(__name__)

_ROWS = frozenset(ROW_TABLES) | frozenset(REPLACED_ROW_TABLES)
_decode = json.JSONDecoder().decode
_first = itemgetter(0)


@dataclass
class Encoded:
    """A partition as last written: its tables, and the JSON text of each row of its row tables."""

    tables: Tables
    rows: dict[str, dict[str, tuple[Document, str]]] = field(default_factory=dict)
    """Row table -> key -> (the row in `tables`, its JSON text with its ``_key``)."""
    texts: dict[str, str] = field(default_factory=dict)
    """Table -> its whole text: a row table's, so a write that only appends rows adds theirs to it; any
    other's, so a table written again as the same text keeps its decoded tables (no decoding again)."""
    docs: dict[str, dict[str, str]] = field(default_factory=dict)
    """Table (other than the row tables) -> key -> its document's JSON text with its ``_key``: a document
    written again as the same text keeps its decoded object."""


def json_copy(value: Any) -> Any:
    """A deep copy of decoded JSON (dicts, lists and scalars): what `copy.deepcopy` does, at a fifth of its cost."""
    kind = type(value)
    if kind is dict:
        return {key: json_copy(item) for key, item in value.items()}
    if kind is list:
        return [json_copy(item) for item in value]
    return value


class WorkCopy(dict[str, dict[str, Document]]):
    """A writer's copy of a partition (`work_copy`), which also holds the tables it was copied from.

    Why: a change records what it did by comparing the model tables before and after
    (`bot.state.replay.changes_since`). With the tables as the update opened them at hand (never changed:
    the writer changes this copy), that is a comparison of decoded values, not every table encoded twice."""

    __slots__ = ("opened",)

    def __init__(self, copied: Tables, *, opened: Tables) -> None:
        super().__init__(copied)
        self.opened: Tables = opened
        """The tables this copy was made from: the readers' own, read-only."""


def work_copy(tables: Tables) -> WorkCopy:
    """The copy an update changes: row tables shallow (rows are shared, see the module docstring), the rest
    deep, so nothing the writer does reaches `tables`, which readers share."""
    copied = {name: dict(docs) if name in _ROWS else json_copy(docs) for name, docs in tables.items()}
    return WorkCopy(copied, opened=tables)


def encode_partition(work: Tables, *, before: Encoded | None) -> tuple[bytes, Encoded]:
    """`encode_tables(work)`'s bytes, and the partition as a reader will see it (see the module docstring).

    Raises what `encode_tables` raises for a value it refuses, before anything is written."""
    if not isinstance(work, dict):
        raise TypeError(f"a partition must be a dict of tables, got {type(work).__name__}")
    known = before or Encoded(tables={})
    after = Encoded(tables={})
    parts: list[str] = []
    for name, docs in work.items():
        check_table(name, docs)
        if name in _ROWS:
            text = _row_table(name, docs, known=known, after=after)
        else:
            text = _table(name, docs, known=known, after=after)
        parts.append(f"{encode_doc(name)}:{text}")
    return ("{" + ",".join(parts) + "}").encode("ascii"), after


def _table(name: str, docs: dict[str, Document], *, known: Encoded, after: Encoded) -> str:
    """A table other than the row tables, encoded whole (they are small, and changed in place); the same
    text as before keeps the table decoded before (equal text, equal JSON: nothing is taken on trust), and
    in a changed table each document whose text is as before keeps its decoded object.

    Why the objects: what follows from a stored document alone is kept by its identity (an item's progress,
    its description, a partition's follow-up points: `bot.memo.IdentityMemo`), and a write changes one
    document of a table; decoding the whole table again made the next read work out every item anew."""
    texts = {key: _row_text(name, key, doc) for key, doc in docs.items()}
    text = "{" + ",".join(f'"{n}":{doc}' for n, doc in enumerate(texts.values(), 1)) + "}"
    same = known.texts.get(name) == text and name in known.tables
    before, before_texts = known.tables.get(name), known.docs.get(name)
    if same:
        after.tables[name] = known.tables[name]
    elif before is not None and before_texts is not None:
        after.tables[name] = {
            key: before[key] if before_texts.get(key) == doc_text and key in before else _decoded_doc(doc_text)
            for key, doc_text in texts.items()
        }
    else:
        after.tables[name] = _decoded_table(text)
    after.texts[name] = text
    after.docs[name] = texts
    return text


def _row_table(name: str, docs: dict[str, Document], *, known: Encoded, after: Encoded) -> str:
    """A row table, row by row: a row that is the object encoded before keeps its text; when the rows before
    are all still there, first and in order (a write appends), the table's text before is kept whole."""
    rows = known.rows.get(name, {})
    whole = known.texts.get(name)
    read = known.tables.get(name, {}) if not rows else {}  # a partition read, not written, by this process
    if whole is not None and rows and len(docs) == len(rows) and _starts_with(docs, rows):
        # The same rows, as encoded before (a write that left this table alone, as a `signer` its ledger's
        # ~100 rows): the table, its rows' texts and its text are the ones kept, shared, never copied.
        after.tables[name] = known.tables[name]
        after.rows[name] = rows
        after.texts[name] = whole
        return whole
    if whole is not None and len(docs) >= len(rows) and _starts_with(docs, rows):
        table = dict(known.tables[name])
        texts = dict(rows)
        parts = [whole[:-1]] if rows else ["{"]
        numbered = enumerate(list(docs.items())[len(rows) :], len(rows) + 1)
        start = "," if rows else ""
    else:
        table, texts, parts = {}, {}, ["{"]
        numbered = enumerate(docs.items(), 1)
        start = ""
    for number, (key, doc) in numbered:
        seen = rows.get(key)
        if seen is not None and seen[0] is doc:
            kept, text = seen
        elif read.get(key) is doc:  # the row as the file gave it: the readers' own object (never changed in place)
            kept, text = doc, _row_text(name, key, doc)
        else:
            text = _row_text(name, key, doc)
            kept = _decode(text)
            del kept[KEY_FIELD]
        table[key] = kept
        texts[key] = (kept, text)
        parts.append(f'{start}"{number}":{text}')
        start = ","
    parts.append("}")
    joined = "".join(parts)
    after.tables[name] = table
    after.rows[name] = texts
    after.texts[name] = joined
    return joined


def _starts_with(docs: dict[str, Document], rows: dict[str, tuple[Document, str]]) -> bool:
    """Whether `docs` begins with exactly the rows encoded before (same keys, same objects, same order).
    Compared in C (`islice`, `map`): a row table holds up to ~130 rows, looked at on every write."""
    count = len(rows)
    return list(islice(docs, count)) == list(rows) and all(
        map(is_, islice(docs.values(), count), map(_first, rows.values()))
    )


def _row_text(table: str, key: str, doc: Any) -> str:
    return encode_doc(keyed_doc(table, key, doc))


def _decoded_doc(text: str) -> Document:
    """One document's text (with its ``_key``) as decoding the file gives it."""
    doc = _decode(text)
    del doc[KEY_FIELD]
    return doc


def _decoded_table(text: str) -> dict[str, Document]:
    """The documents of a table's text as decoding the file gives them (keyed by ``_key``)."""
    docs: dict[str, Document] = {}
    for doc in _decode(text).values():
        key = doc.pop(KEY_FIELD)
        docs[key] = doc
    return docs
