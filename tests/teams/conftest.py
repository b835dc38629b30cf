from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any

import pytest


@pytest.fixture
def run() -> Callable[[Awaitable[Any]], Any]:
    """Run one async scenario to completion (no pytest-asyncio in this project)."""
    return asyncio.run
