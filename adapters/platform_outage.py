"""A platform that does not answer: Slack giving 5xx pages, or no connection, for longer than one call's retries.

Every reminder and announcement to it then waits (kept, as any failed post is, and tried again by the next
pass), so it is not one channel's problem: /healthz says «degraded» naming the platform until a call goes
through again (walk 34 F2: it said «ok» through a Slack outage of minutes), and the log says when it began and
when it ended, besides the «will retry on the next pass» lines of each post.
"""

from __future__ import annotations

import logging

from adapters.platform_faults import PlatformFaults

logger = logging.getLogger(__name__)


class PlatformOutage(PlatformFaults):
    """Per platform, what its last failed call met (`HTTP 503 on chat.postMessage`); one per process (`DOWN`).
    Cleared by a call of the method that failed: a look-up that Slack answers while its posts still fail (a
    partial outage) does not end it, so the log does not say «answers again» and «does not answer» by turns."""

    def __init__(self) -> None:
        super().__init__()
        self._calls: dict[str, str] = {}

    def down(self, *, platform: str, call: str, reason: str) -> None:
        """`call` used up its retries on answers that say the platform is down, not that the call is wrong."""
        self._calls[platform] = call
        if self.note(platform=platform, reason=f"{reason} on {call}"):
            logger.error(
                "%s does not answer (%s on %s): what should be posted there waits and is posted once it answers",
                platform,
                reason,
                call,
            )

    def up(self, *, platform: str, call: str) -> None:
        """`call` went through: the outage is over when it is the call that failed."""
        if self._calls.get(platform, call) == call and self.clear(platform=platform):
            logger.warning("%s answers again; what waited is posted", platform)


DOWN = PlatformOutage()
