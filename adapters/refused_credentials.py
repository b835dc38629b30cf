"""A platform that refuses the bot's own credentials (Slack: a revoked or invalid token, a missing scope).

Such a refusal is not one channel's problem and no retry mends it: every reminder and announcement to that
platform waits until the operator gives the bot working credentials. It is said once in the log with what to
do (never the token) and shown on /healthz as «degraded» until a call is accepted again (walk 34 F2: the
health check said «ok» while Slack refused every post, and the log only «will retry on the next pass»).
What waits is kept as any failed post is, and goes once the credentials work.
"""

from __future__ import annotations

import logging

from adapters.platform_faults import PlatformFaults

logger = logging.getLogger(__name__)


class RefusedCredentials(PlatformFaults):
    """Per platform, why its API refuses the bot's credentials now; one per process (`REFUSED`)."""

    def refused(self, *, platform: str, reason: str, fix: str) -> None:
        """Note a refusal: logged as an error the first time, and until `accepted`."""
        if self.note(platform=platform, reason=reason):
            logger.error(
                "%s refuses the bot's credentials (%s): nothing reaches %s, and what should be posted there waits "
                "(kept, posted once this is fixed). %s",
                platform,
                reason,
                platform,
                fix,
            )

    def accepted(self, *, platform: str) -> None:
        """A call went through: the credentials work again."""
        if self.clear(platform=platform):
            logger.warning("%s accepts the bot's credentials again; what waited is posted", platform)


REFUSED = RefusedCredentials()
