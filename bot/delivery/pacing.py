"""Pacing posts within one channel during a reminder pass (Slack allows about one message a second per
channel; Teams throttles a conversation that is posted to faster). Channels themselves are posted to at
once, by `bot.reminders.passes`; only posts to the same channel wait for each other."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from bot.messages import ChannelAddress

logger = logging.getLogger(__name__)

PACE_SECONDS = {"slack": 1.0, "teams": 1.0}
"""Least time between two posts to one channel, per platform (none for the terminal)."""


async def _sleep(seconds: float) -> None:
    """The pause itself (a test replaces it to see the pauses without waiting)."""
    import asyncio  # here, not at the top: `chat` imports the reminders and never needs the event loop

    await asyncio.sleep(seconds)


def _monotonic() -> float:
    import asyncio

    return asyncio.get_running_loop().time()


@dataclass
class Pacer:
    """When each channel was last posted to in this pass, so the next post to it waits its turn."""

    last_post: dict[ChannelAddress, float] = field(default_factory=dict)

    async def wait(self, to: ChannelAddress) -> None:
        last = self.last_post.get(to)
        pace = PACE_SECONDS.get(to.platform, 0.0)
        if last is not None and pace > 0:
            wait = last + pace - _monotonic()
            if wait > 0:
                logger.debug("pacing %s:%s for %.2f s", to.platform, to.channel_id, wait)
                await _sleep(wait)

    def posted(self, to: ChannelAddress) -> None:
        self.last_post[to] = _monotonic()
