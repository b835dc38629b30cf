from __future__ import annotations

import pytest

from bot.shown.hints import know_commands
from handlers import COMMANDS
from tests.driver import BotDriver, make_bot

# The command words the hints rewrite («neste» → «/samhandling neste»), as every core tells them: for the
# renderer tests that render canned replies without making a core.
know_commands(word for command in COMMANDS for word in (command.name, *command.aliases))


@pytest.fixture(autouse=True)
def _no_served_pictures() -> None:
    """Picture addresses follow the last server mounted in this process; each test starts without one."""
    from adapters.web.draw import PICTURE_LINKS

    PICTURE_LINKS.reset()


@pytest.fixture(autouse=True)
def _no_platform_outage() -> None:
    """A Slack outage a test scripted (5xx past the retries) is this process's; each test starts without one."""
    from adapters.platform_outage import DOWN
    from adapters.platform_rate_limit import LIMITED

    for faults in (DOWN, LIMITED):
        for platform in faults.current():
            faults.clear(platform=platform)


@pytest.fixture
def bot() -> BotDriver:
    """A bot on the demo app.yaml and an in-memory store, at Monday 23 November 2026 09:00 in Oslo."""
    return make_bot()
