from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from storage import MemoryStore, Store, TinyDBStore


@pytest.fixture(params=["memory", "tinydb"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    """Every implementation, so the contract suite holds for each of them."""
    instance: Store = MemoryStore() if request.param == "memory" else TinyDBStore(tmp_path / "data")
    yield instance
    instance.close()


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def tiny(data_dir: Path) -> Iterator[TinyDBStore]:
    instance = TinyDBStore(data_dir)
    yield instance
    instance.close()
