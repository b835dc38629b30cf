"""Stored values of the wrong type are named faults, like a corrupt file: checked once, in one place.

A hand-edited file or a bad import can hold a version number «abc», a signature time 5 or a meeting's
outcome as plain text. The readers (bot/model/progress.py, bot/agreement/versions.py, bot/model/identity.py …) trust the types
the writers put there; a wrong one used to surface as «Noe gikk galt» and a traceback in some commands
and not in others, while /healthz said ok. Here every partition the core reads is checked against the
types its writers use, when the store hands out a new snapshot of it (a snapshot is never mutated, so one
check per snapshot object is enough). A wrong value raises `StoreError(kind="damaged")` naming the
partition, table, document and field, noted on the store (logged once, shown on /healthz) until the
partition is mended; the person gets the store-fault reply, and every other partition keeps working.

Only fields that are present are checked (readers default the absent ones), and only tables named here:
a table this module does not know is left to its reader.
"""

from __future__ import annotations

import logging
import threading
import weakref
from collections.abc import Callable, Mapping
from datetime import datetime
from typing import Any

from bot.memo import IdentityMemo
from storage.base import ROW_TABLES, Store, StoreError, Tables

logger = logging.getLogger(__name__)

Check = Callable[[Any], bool]


def _integer(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _text(value: Any) -> bool:
    return isinstance(value, str)


def _flag(value: Any) -> bool:
    return isinstance(value, bool)


def _time(value: Any) -> bool:
    if not isinstance(value, str):
        return False
    try:
        datetime.fromisoformat(value)
    except ValueError:
        return False
    return True


def _optional(check: Check) -> Check:
    return lambda value: value is None or check(value)


def _outcome(value: Any) -> bool:
    """A meeting's outcome as `handlers/minutes.py` writes it: a summary, a link, lists of decisions and
    follow-ups (each follow-up a document)."""
    if value is None:
        return True
    if not isinstance(value, Mapping):
        return False
    return (
        _optional(_text)(value.get("summary"))
        and _optional(_text)(value.get("link"))
        and isinstance(value.get("decisions", []), list)
        and all(isinstance(d, str) for d in value.get("decisions", []))
        and isinstance(value.get("followups", []), list)
        and all(isinstance(f, Mapping) for f in value.get("followups", []))
    )


WHAT: dict[Check, str] = {}


def _named(check: Check, what: str) -> Check:
    WHAT[check] = what
    return check


INTEGER = _named(_integer, "a whole number")
OPTIONAL_INTEGER = _named(_optional(_integer), "a whole number or empty")
TEXT = _named(_text, "text")
OPTIONAL_TEXT = _named(_optional(_text), "text or empty")
FLAG = _named(_flag, "true or false")
TIME = _named(_time, "an ISO time")
OUTCOME = _named(_outcome, "an outcome (summary, link, decisions, follow-ups)")

_SIGNATURE = {
    "at": TIME,
    "version": OPTIONAL_INTEGER,
    "party": TEXT,
    "person": OPTIONAL_TEXT,
    "name": OPTIONAL_TEXT,
    "sha256": OPTIONAL_TEXT,
    "platform": OPTIONAL_TEXT,
    "channel": OPTIONAL_TEXT,
    "outside_order": OPTIONAL_TEXT,
    "outside_order_nn": OPTIONAL_TEXT,
    "organisation": OPTIONAL_TEXT,
}
_ITEM = {  # `planned` and `done_at` are not here: their reader (bot/model/progress.py `_when`) reads a bad one as unset
    "done": FLAG,
    "planned_has_time": FLAG,
    "not_relevant": FLAG,
    "outcome": OUTCOME,
    "outside_order": OPTIONAL_TEXT,
    "outside_order_nn": OPTIONAL_TEXT,
}
SCHEMA: dict[str, dict[str, Check]] = {
    "versions": {
        "number": INTEGER,
        "link": OPTIONAL_TEXT,
        "sha256": OPTIONAL_TEXT,
        "size": OPTIONAL_INTEGER,
        "file_name": OPTIONAL_TEXT,
        "source": OPTIONAL_TEXT,
        "person": OPTIONAL_TEXT,
        "name": OPTIONAL_TEXT,
        "at": TIME,
        "platform": OPTIONAL_TEXT,
        "channel": OPTIONAL_TEXT,
    },
    "signatures": _SIGNATURE,
    "earlier_signatures": _SIGNATURE,
    "milestones": _ITEM,
    "preconditions": _ITEM,
    "channels": {"region": OPTIONAL_TEXT, "actor": OPTIONAL_TEXT, "national": FLAG},
    "people": {"person": OPTIONAL_TEXT, "name": OPTIONAL_TEXT, "party": OPTIONAL_TEXT, "role": OPTIONAL_TEXT},
}
"""Per table: the fields whose type a reader relies on, and the check for each."""


def problem(partition: str, tables: Tables) -> str | None:
    """The first wrong value in `tables`, in words for the operator; None when every known field is right."""
    for table in SCHEMA:
        docs = tables.get(table)
        if docs is None or table in ROW_TABLES:
            continue
        if not isinstance(docs, Mapping):
            return f"partition {partition}, table {table}: not a table of documents"
        if _RIGHT.get(docs, table):  # a table a write left as it was keeps its object (storage.fragments)
            continue
        for key, doc in docs.items():
            if doc and _RIGHT.get(doc, table):  # a document a write left as it was (read alone before)
                continue
            found = doc_problem(partition, table, key, doc)
            if found is not None:
                return found
        if docs:
            _RIGHT.put(docs, True, table)
    return None


def doc_problem(partition: str, table: str, key: str, doc: Any) -> str | None:
    """The first wrong value in one document of `table` (a table not in `SCHEMA` is not checked)."""
    fields = SCHEMA.get(table)
    if fields is None:
        return None
    if not isinstance(doc, Mapping):
        return f"partition {partition}, table {table}, document {key!r}: not a document"
    for field, check in fields.items():
        if field in doc and not check(doc[field]):
            value = repr(doc[field])
            shown = value if len(value) <= 40 else value[:40] + "…"
            return (
                f"partition {partition}, table {table}, document {key!r}: field {field!r} is {shown}, not {WHAT[check]}"
            )
    return None


def checked_doc(store: Store, partition: str, table: str, key: str, doc: Any) -> Any:
    """One document, checked alone: a reader of one item (the planner asks for ~300) is not stopped by a
    wrong value elsewhere in the partition."""
    if not doc or _RIGHT.get(doc, table):
        return doc
    found = doc_problem(partition, table, key, doc)
    if found is None:
        _RIGHT.put(doc, True, table)
        return doc
    raise _fault(backing_store(store), partition, found)


_RIGHT: IdentityMemo[bool] = IdentityMemo(maxsize=32768)
"""Documents and tables found right (by identity and table) and partitions' tables (by identity and partition). A store
never mutates what it hands out (storage.base), so what was checked once stays right for as long as it lives;
a `neste` reads ~100 documents and AU's ~30 partitions, the same objects from one request to the next until
their partition changes (checking each anew was a third of an actor's `neste`)."""


_LOCK = threading.Lock()
_CHECKED: weakref.WeakKeyDictionary[Store, dict[str, tuple[Tables, str | None]]] = weakref.WeakKeyDictionary()
"""Per store and partition: the last snapshot checked and its problem (forgotten with the store)."""


def checked(store: Store, partition: str, tables: Tables) -> Tables:
    """`tables` when its values have the right types; else `StoreError(kind="damaged")`, noted on the store."""
    if _RIGHT.get(tables, partition):  # this very snapshot was checked and found right (AU's `neste` asks ~30)
        return tables
    root = backing_store(store)
    with _LOCK:
        known = _CHECKED.get(root)
        if known is None:
            known = _CHECKED[root] = {}
        seen = known.get(partition)
    if seen is not None and seen[0] is tables:
        found = seen[1]
    else:
        found = problem(partition, tables)
        with _LOCK:
            before = known.get(partition)
            known[partition] = (tables, found)
        if found is None and before is not None and before[1] is not None:
            root.clear_fault(fault_key(partition))
    if found is None:
        if tables:  # a partition never written is a new empty dict on each read: nothing to keep it by
            _RIGHT.put(tables, True, partition)
        return tables
    raise _fault(root, partition, found)


def _fault(root: Store, partition: str, found: str) -> StoreError:
    error = StoreError(_message(found), kind="damaged", partition=partition)
    error.noted = True  # type: ignore[attr-defined]  # note_fault logs it (once); the core need not again
    return root.note_fault(fault_key(partition), error)


def fault_key(partition: str) -> str:
    """Where /healthz lists a wrong value: apart from the partition's own file faults, which the store
    clears each time it reads the file well (the file is fine; a value in it is not)."""
    return f"{partition}#values"


def _message(found: str) -> str:
    return (
        f"A stored value has the wrong type ({found}). Mend it (or restore the partition from a backup); "
        "the rest of the store keeps working."
    )


def backing_store(store: Store) -> Store:
    """The store under the per-request and snapshot views of bot/state/store.py (they keep it as `_store`), so a
    fault is noted where /healthz reads it."""
    seen = 0
    while isinstance(getattr(store, "_store", None), Store) and seen < 8:
        store = store._store  # type: ignore[attr-defined]
        seen += 1
    return store
