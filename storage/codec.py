"""Partition names and the on-disk JSON shape, shared by every `Store` implementation.

The file format is a plain TinyDB database, so an operator can open a partition with ``tinydb.TinyDB``:
each of our tables is a TinyDB table, each document gets a numeric TinyDB id and carries its string key
in ``_key``. `MemoryStore` runs the same encoding on every write, so fast tests reject exactly what the
real store rejects (non-string keys, NaN, values JSON cannot hold).
"""

from __future__ import annotations

import json
import logging
import re
from typing import Any

from storage.base import StoreError, Tables

logger = logging.getLogger(__name__)

KEY_FIELD = "_key"
"""The field that carries a document's string key inside a TinyDB document."""

_PARTITION_RE = re.compile(r"[a-z0-9_-]+(?:/[a-z0-9_-]+)*")


def check_partition_name(partition: str) -> str:
    """Reject names that could escape the data folder or collide with our own files.

    Allowed: lowercase ASCII letters, digits, ``_``, ``-``, separated by single ``/``. A dot is never
    allowed, so ``..``, ``.lock`` and temporary files (which start with a dot) can never be partitions.
    """
    if not isinstance(partition, str) or not _PARTITION_RE.fullmatch(partition):
        raise ValueError(
            f"invalid partition name {partition!r}: use lowercase a-z, 0-9, '_', '-' in segments "
            "separated by single '/', with no leading or trailing '/' (e.g. 'cycle/agder/2027')"
        )
    return partition


_ENCODER = json.JSONEncoder(ensure_ascii=True, allow_nan=False, separators=(",", ":"))
"""The one encoding of stored JSON, built once (`json.dumps` with options builds an encoder per call)."""


def encode_doc(value: Any) -> str:
    """`value` as stored JSON text (ASCII, compact, no NaN); what JSON cannot hold raises as `encode_tables`."""
    try:
        return _ENCODER.encode(value)
    except TypeError as exc:
        raise TypeError(f"partition is not JSON-compatible: {exc}") from exc
    except ValueError as exc:
        raise ValueError(f"partition is not JSON-compatible: {exc}") from exc


def encode_tables(tables: Tables) -> bytes:
    """Serialize before touching the disk, so an invalid value fails the update and writes nothing.

    Wrong types (a non-dict table, a non-string key, a value JSON cannot hold) raise `TypeError`;
    NaN, infinity and the reserved ``_key`` field raise `ValueError`.
    """
    if not isinstance(tables, dict):
        raise TypeError(f"a partition must be a dict of tables, got {type(tables).__name__}")
    db: dict[str, dict[str, dict[str, Any]]] = {}
    for table_name, docs in tables.items():
        check_table(table_name, docs)
        db[table_name] = {str(n): keyed_doc(table_name, key, doc) for n, (key, doc) in enumerate(docs.items(), 1)}
    return encode_doc(db).encode("ascii")


def check_table(name: object, docs: object) -> None:
    """A table as a partition may hold it (a string name, a dict of documents), else `TypeError`."""
    if not isinstance(name, str):
        raise TypeError(f"table names must be strings, got {name!r}")
    if not isinstance(docs, dict):
        raise TypeError(f"table {name!r} must be a dict of documents, got {type(docs).__name__}")


def keyed_doc(table: str, key: object, doc: object) -> dict[str, Any]:
    """The document as the file holds it, its key in ``_key``; a wrong key or document raises."""
    if not isinstance(key, str):
        raise TypeError(f"document keys must be strings, got {key!r} in table {table!r}")
    if not isinstance(doc, dict):
        raise TypeError(f"document {key!r} in table {table!r} must be a dict, got {type(doc).__name__}")
    if KEY_FIELD in doc:
        raise ValueError(f"document {key!r} in table {table!r} uses the reserved field {KEY_FIELD!r}")
    return {KEY_FIELD: key, **doc}


class _NotJSON(ValueError):
    pass


def _no_constant(name: str) -> Any:
    raise _NotJSON(name)


def _corrupt(path: str, detail: str) -> StoreError:
    return StoreError(
        f"Storage file {path} is unreadable: {detail}. The bot will neither use nor overwrite it. "
        f"Stop the bot, move the file away (e.g. to {path}.corrupt), restore the partition from "
        "the latest backup if you have one, then start the bot again."
    )


def decode_tables(raw: bytes, *, path: str) -> Tables:
    """Parse a TinyDB file into fresh, mutable `Tables`; anything unexpected is a `StoreError`.

    An empty file counts as corrupt: our writes never produce one, and silently reading it as "no data"
    would let the next update replace a partition that was lost on disk.
    """
    if not raw.strip():
        raise _corrupt(path, "the file is empty")
    try:
        db = json.loads(raw, parse_constant=_no_constant)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise _corrupt(path, f"invalid JSON ({exc})") from exc
    except _NotJSON as exc:
        raise _corrupt(path, f"it holds {exc}, which JSON does not allow and no write could store again") from None
    except RecursionError:
        raise _corrupt(path, "it is nested too deeply to be one of our files") from None
    if not isinstance(db, dict):
        raise _corrupt(path, f"expected a JSON object of tables, found {type(db).__name__}")
    tables: Tables = {}
    for table_name, rows in db.items():
        if not isinstance(rows, dict):
            raise _corrupt(path, f"table {table_name!r} is not a JSON object")
        docs: dict[str, dict[str, Any]] = {}
        for doc_id, doc in rows.items():
            if not doc_id.isdigit():
                raise _corrupt(
                    path,
                    f"table {table_name!r} has a non-numeric document id {doc_id!r}",
                )
            if not isinstance(doc, dict):
                raise _corrupt(
                    path,
                    f"document {doc_id} in table {table_name!r} is not a JSON object",
                )
            key = doc.pop(KEY_FIELD, None)
            if not isinstance(key, str):
                raise _corrupt(
                    path,
                    f"document {doc_id} in table {table_name!r} has no string {KEY_FIELD!r}",
                )
            if key in docs:
                raise _corrupt(
                    path,
                    f"table {table_name!r} has two documents with {KEY_FIELD} {key!r}",
                )
            docs[key] = doc
        tables[table_name] = docs
    return tables
