"""The version of a partition (`Store.version`), what `sealed_history` remembers (`forget_sealed`), and the
store's own obligations (`faults`, `verify`, `close`), on every store: the rest of the contract suite.

Each check is also run on a store that breaks it (a version that never changes, a store that never forgets
a summary), which must fail it: the suite catches what the issue found no test for."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

import pytest

from bot.clock import OSLO
from bot.state.store import Author, StateStore
from storage import MemoryStore, Store, Versioned
from tests.storage import test_contract as contract_suite

P = "cycle/agder/2027"
OLD = ("cycle/agder/2027", "cycle/agder/2028")
AUTHOR = Author(person="kari", name="Kari", platform="terminal", channel="agder")
AT = datetime(2030, 1, 1, 9, 0, tzinfo=OSLO)


def _write(store: Store, partition: str, summary: str, *, at: datetime | None = None) -> None:
    state = StateStore(store=store)
    state.change(partition=partition, author=AUTHOR, at=at or AT, summary=summary, mutate=lambda tables: None)


# -- versions ---------------------------------------------------------------------------------------------


def test_a_version_changes_with_every_write(store: Store) -> None:
    assert store.version(P) == 0 and store.read_versioned(P) == Versioned({}, 0)
    seen = [store.version(P)]
    with store.update(P) as tables:
        tables["t"] = {"k": {"v": 1}}
    seen.append(store.version(P))
    with store.update(P) as tables:  # the same tables, a history row more: still a write
        store.append(tables, partition=P, table="history", entry={"n": 1})
    seen.append(store.version(P))
    assert store.record_once(partition=P, table="ledger", key="r:1", doc={"n": 1})
    seen.append(store.version(P))
    store.record_many(partition=P, table="ledger", docs={"r:2": {"n": 2}})
    seen.append(store.version(P))
    assert len(set(seen)) == len(seen), f"a write left the version as it was: {seen}"
    assert store.read_versioned(P).version == seen[-1]


def test_a_failed_write_leaves_the_version(store: Store) -> None:
    _write(store, P, "first")
    before = store.version(P)

    def refuse(tables: dict) -> None:
        tables["t"] = {"k": {"v": 2}}
        raise RuntimeError("refused")

    with pytest.raises(RuntimeError, match="refused"):
        StateStore(store=store).change(partition=P, author=AUTHOR, at=AT, summary="no", mutate=refuse)
    assert store.version(P) == before
    store.record_once(partition="meta", table="ledger", key="x", doc={})
    assert store.version(P) == before  # another partition's write is not this one's


def test_versions_are_per_partition_and_asked_together(store: Store) -> None:
    for name in ("meta", P):
        with store.update(name) as tables:
            tables["t"] = {"k": {"name": name}}
    assert store.versions(["meta", P, "national/2027"]) == (store.version("meta"), store.version(P), 0)
    before = store.version("meta")
    with store.update(P) as tables:
        tables["t"] = {}
    assert store.version("meta") == before
    with pytest.raises(ValueError, match="invalid partition name"):
        store.version("../x")


def test_a_write_through_another_instance_changes_the_version_at_once(two_instances: tuple[Store, Store]) -> None:
    """Another process on the tinydb folder, the other replica on PostgreSQL."""
    here, there = two_instances
    assert here.version(P) == 0
    with there.update(P) as tables:
        tables["t"] = {"k": {"v": 1}}
    first = here.read_versioned(P)
    assert first.version == there.version(P) != 0 and first.tables == {"t": {"k": {"v": 1}}}
    for n in range(2, 5):  # same size every time
        with there.update(P) as tables:
            tables["t"]["k"]["v"] = n
        now = here.read_versioned(P)
        assert now.version != first.version and now.tables["t"]["k"]["v"] == n
        first = now
    there.record_once(partition=P, table="ledger", key="r:1", doc={})
    assert here.version(P) != first.version


# -- sealed history --------------------------------------------------------------------------------------


def test_a_write_to_a_sealed_year_shows_in_the_next_summary(store: Store) -> None:
    """The same question before and after a write by this instance: the answer must follow the write (a
    store that remembers summaries and never calls `forget_sealed` fails here)."""
    for name in OLD:
        _write(store, name, f"{name} first", at=datetime(2028, 1, 1, 9, 0, tzinfo=OSLO))
    before = store.sealed_history("cycle/agder/", names=OLD, limit=5)
    assert before[1] == 2
    _write(store, OLD[0], "late fix")
    found, total = store.sealed_history("cycle/agder/", names=OLD, limit=5)
    assert total == 3 and found[0]["summary"] == "late fix"


def test_forget_sealed_takes_in_a_write_made_elsewhere(two_instances: tuple[Store, Store]) -> None:
    here, there = two_instances
    _write(here, OLD[0], "first", at=datetime(2028, 1, 1, 9, 0, tzinfo=OSLO))
    assert here.sealed_history("cycle/agder/", names=OLD, limit=5)[1] == 1
    _write(there, OLD[1], "elsewhere")
    here.forget_sealed(OLD[1])  # what a writer outside this instance may say
    found, total = here.sealed_history("cycle/agder/", names=OLD, limit=5)
    assert total == 2 and found[0]["summary"] == "elsewhere"


# -- the store itself -------------------------------------------------------------------------------------


def test_a_well_store_has_no_faults_and_verifies(store: Store) -> None:
    _write(store, P, "x")
    assert store.faults() == {}
    store.verify()
    store.verify(from_year=2030)


def test_a_store_is_a_context_manager_that_closes(store: Store) -> None:
    with store as same:
        assert same is store
    store.close()  # a second close does nothing


# -- a store that breaks an obligation fails the check ------------------------------------------------------


class _FrozenVersion(MemoryStore):
    def version(self, partition: str) -> int:
        return 1

    def read_versioned(self, partition: str) -> Versioned:
        return Versioned(super().read_versioned(partition).tables, 1)


class _NeverForgets(MemoryStore):
    """Remembers summaries (as `MemoryStore`), but its writes never say that one went stale."""

    def forget_sealed(self, partition: str) -> None:
        pass


@pytest.mark.parametrize(
    ("broken", "check"),
    [
        (_FrozenVersion, test_a_version_changes_with_every_write),
        (_FrozenVersion, contract_suite.test_a_read_is_never_changed_by_a_later_write_and_its_version_names_it),
        (_NeverForgets, test_a_write_to_a_sealed_year_shows_in_the_next_summary),
    ],
)
def test_a_store_that_breaks_an_obligation_fails_its_check(broken: type[Store], check: Callable[[Store], None]) -> None:
    with pytest.raises(AssertionError):
        check(broken())
