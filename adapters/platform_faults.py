"""What a platform's API does to every call of the bot alike, per platform, for /healthz and one log line:
shared by a refusal of the bot's credentials (`adapters.refused_credentials`) and an outage, Slack answering
5xx or not at all for longer than a call's retries (`adapters.platform_outage`). Each is noted when a call
fails so and cleared when a call goes through; the log says it when it starts and when it ends, not per call.
"""

from __future__ import annotations

import logging
import threading

logger = logging.getLogger(__name__)


class PlatformFaults:
    """Per platform, why its calls fail now (a short reason, never a secret)."""

    def __init__(self) -> None:
        self._why: dict[str, str] = {}
        self._lock = threading.Lock()

    def note(self, *, platform: str, reason: str) -> bool:
        """Note `reason` for `platform`; True when it was not noted before (the caller logs it then)."""
        with self._lock:
            first = platform not in self._why
            self._why[platform] = reason
        return first

    def clear(self, *, platform: str) -> bool:
        """A call went through; True when a fault was noted (the caller logs its end)."""
        with self._lock:
            return self._why.pop(platform, None) is not None

    def current(self) -> dict[str, str]:
        """{platform: reason} for /healthz."""
        with self._lock:
            return dict(self._why)
