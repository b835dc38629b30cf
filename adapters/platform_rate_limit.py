"""A platform that asks the bot to wait longer than a call waits inline (Slack or Teams answering 429 with a long
Retry-After): every post to it is held (`bot.delivery.sending.SendHeld`, no try counted) until it accepts
calls again. /healthz says «degraded» naming the platform, as for refused credentials and an outage (walk 40:
announcements waited while it said «ok»); the log says when it began and when it ended, not per post."""

from __future__ import annotations

import logging

from adapters.platform_faults import PlatformFaults

logger = logging.getLogger(__name__)


class RateLimits(PlatformFaults):
    """Per platform, the rate limit its posts wait on now; one per process (`LIMITED`)."""

    def held(self, *, platform: str, reason: str) -> None:
        """A call gave up on a rate limit: noted, and logged the first time."""
        if self.note(platform=platform, reason=reason):
            logger.warning("%s limits the bot's calls (%s): what should be posted there waits", platform, reason)

    def lifted(self, *, platform: str) -> None:
        """A call went through: the limit is over."""
        if self.clear(platform=platform):
            logger.warning("%s accepts the bot's calls again; what waited is posted", platform)


LIMITED = RateLimits()
