from __future__ import annotations

import pytest

from tests.driver import BotDriver, make_bot


@pytest.fixture
def bot() -> BotDriver:
    """A bot on the demo app.yaml and an in-memory store, at Monday 23 November 2026 09:00 in Oslo."""
    return make_bot()
