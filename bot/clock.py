"""The one source of time. Production uses `SystemClock`; tests set a `FixedClock`."""

from __future__ import annotations

import abc
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

OSLO = ZoneInfo("Europe/Oslo")


class Clock(abc.ABC):
    def __init__(self, *, tz: ZoneInfo = OSLO) -> None:
        self.tz = tz

    @abc.abstractmethod
    def now(self) -> datetime:
        """The current time, timezone-aware, in the configured zone."""


class SystemClock(Clock):
    def now(self) -> datetime:
        return datetime.now(self.tz)


class FixedClock(Clock):
    """A clock that only moves when told to."""

    def __init__(self, at: datetime, *, tz: ZoneInfo = OSLO) -> None:
        super().__init__(tz=tz)
        self._at = at if at.tzinfo else at.replace(tzinfo=tz)

    def now(self) -> datetime:
        return self._at.astimezone(self.tz)

    def set(self, at: datetime) -> None:
        self._at = at if at.tzinfo else at.replace(tzinfo=self.tz)

    def advance(self, delta: timedelta) -> None:
        self._at = self._at + delta
