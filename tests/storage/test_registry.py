"""Stores by name (`storage.register_store`), and what a store written from the ABC lacks
(`storage.contract.missing`): a store that lacks an obligation cannot be registered, and is told which."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

import storage
from storage import MemoryStore, Store, StoreError, TinyDBStore, Versioned, open_configured_store
from storage.base import Tables
from storage.contract import missing
from tests.storage.minimal_store import DictStore


class _HalfWritten(Store):
    """A store begun from the ABC: partitions, and nothing of rows, history, leases or itself."""

    def read_versioned(self, partition: str) -> Versioned:
        return Versioned({}, 0)

    def version(self, partition: str) -> int:
        return 0

    @contextmanager
    def update(self, partition: str) -> Iterator[Tables]:
        yield {}

    def partitions(self, prefix: str = "") -> list[str]:
        return []


@pytest.fixture
def registry() -> Iterator[None]:
    """The registry as it was, after a test that registers stores of its own."""
    saved = dict(storage._REGISTRY)
    yield
    storage._REGISTRY.clear()
    storage._REGISTRY.update(saved)


def test_a_store_from_the_abc_alone_is_told_exactly_what_it_lacks() -> None:
    assert [line.split("(")[0] for line in missing(_HalfWritten)] == [
        "append",
        "put_row",
        "row",
        "last_row",
        "rows",
        "sealed_history",
        "forget_sealed",
        "try_lease",
        "release_lease",
        "faults",
        "close",
    ]
    assert missing(_HalfWritten)[-2] == (
        'faults() -> dict[str, str]: What is wrong with the store now (partition or "store"/"database" -> the '
        "operator's message), for /healthz; empty when it is well."
    )
    assert missing(Store)[1] == (
        "version(partition: str) -> int: The partition's version now, as cheaply as the store can tell it: 0 while "
        "it was never written."
    )
    assert missing(dict) == ["dict is not a subclass of storage.base.Store"]


def test_every_store_in_use_and_the_minimal_one_lack_nothing() -> None:
    for store_class in (MemoryStore, TinyDBStore, DictStore, *(e.load() for e in storage.registered().values())):
        assert missing(store_class) == [], store_class


def test_a_store_that_lacks_something_cannot_be_registered(registry: None) -> None:
    with pytest.raises(TypeError) as excinfo:
        storage.register_store("half", store_class=_HalfWritten, opener=lambda cls, settings: cls())
    assert str(excinfo.value).splitlines()[0] == "store 'half' (_HalfWritten) cannot be registered; it lacks:"
    assert str(excinfo.value).splitlines()[1:] == [f"- {line}" for line in missing(_HalfWritten)]
    assert "half" not in storage.registered()
    storage.register_store("late", load=lambda: _HalfWritten, opener=lambda cls, settings: cls(), schemes=("late",))
    with pytest.raises(TypeError, match=r"store 'late' .* lacks:\n- append"):  # a lazy class: checked before opening
        open_configured_store(database_url="late://x", db_path=None, default_path="unused")


def test_a_third_store_is_added_by_registering_it(registry: None) -> None:
    storage.register_store("dict", store_class=DictStore, opener=lambda cls, settings: cls(), schemes=("dict",))
    store = open_configured_store(database_url="dict://anything", db_path=None, default_path="unused")
    assert isinstance(store, DictStore)
    with pytest.raises(ValueError, match="scheme 'dict' is served by store 'dict'"):
        storage.register_store("other", store_class=DictStore, opener=lambda cls, settings: cls(), schemes=("dict",))


def test_the_configured_store_is_chosen_by_the_url_or_the_folder(tmp_path: Path) -> None:
    assert set(storage.registered()) >= {"memory", "tinydb", "postgres"}
    with open_configured_store(database_url=None, db_path=str(tmp_path / "db"), default_path="unused") as tiny:
        assert isinstance(tiny, TinyDBStore) and tiny.directory == str(tmp_path / "db")
    with open_configured_store(database_url="memory://", db_path=None, default_path="unused") as memory:
        assert isinstance(memory, MemoryStore)
    with pytest.raises(StoreError, match="DATABASE_URL starts with mysql://, which no store serves"):
        open_configured_store(database_url="mysql://db/x", db_path=None, default_path="unused")
    assert {"postgresql", "postgres", ""} <= set(storage.registered()["postgres"].schemes)
