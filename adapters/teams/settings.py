"""Teams settings from the environment. No botbuilder import here: the server asks this module before
it decides which address to bind, and that must not load the SDK."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass

from adapters.platform_config import PlatformConfigError

ENV_APP_ID = "MICROSOFT_APP_ID"
ENV_APP_PASSWORD = "MICROSOFT_APP_PASSWORD"
ENV_TENANT_ID = "MICROSOFT_APP_TENANT_ID"
ENV_OPENID_URL = "TEAMS_OPENID_METADATA_URL"
"""Where the channel's signing keys are listed; the Bot Framework's public endpoint unless set (tests use a
local stand-in, sovereign clouds their own)."""

ENV_SWITCH = "SAMHANDLING_TEAMS"
"""``off`` (or ``0``/``false``/``no``) leaves Teams out of the server, e.g. a Slack-only deployment."""

MESSAGES_PATH = "/api/messages"


class TeamsConfigError(PlatformConfigError):
    """The Teams settings are incomplete. The message is for the operator, in English."""


@dataclass(frozen=True)
class TeamsSettings:
    """The bot's Azure identity. An empty ``app_id`` means local development: no authentication."""

    app_id: str = ""
    app_password: str = ""
    tenant_id: str = ""
    openid_metadata_url: str = ""
    key_timeout: float = 5.0
    """Seconds a signing-key refresh may take before the request is refused."""

    @property
    def auth_enabled(self) -> bool:
        return bool(self.app_id)

    @classmethod
    def from_env(cls, *, env: Mapping[str, str] | None = None) -> TeamsSettings:
        source = os.environ if env is None else env
        settings = cls(
            app_id=source.get(ENV_APP_ID, "").strip(),
            app_password=source.get(ENV_APP_PASSWORD, "").strip(),
            tenant_id=source.get(ENV_TENANT_ID, "").strip(),
            openid_metadata_url=source.get(ENV_OPENID_URL, "").strip(),
        )
        settings.validate()
        return settings

    def validate(self) -> None:
        """A half-configured bot would accept Teams' requests and then fail every reply; refuse at start."""
        if not self.app_id:
            return
        missing = [
            name
            for name, value in ((ENV_APP_PASSWORD, self.app_password), (ENV_TENANT_ID, self.tenant_id))
            if not value
        ]
        if missing:
            raise TeamsConfigError(
                f"{ENV_APP_ID} is set but {', '.join(missing)} is not; the Teams bot is single-tenant "
                "and needs all three (see README.md, 'Koble til Microsoft Teams')."
            )


def teams_enabled(*, env: Mapping[str, str] | None = None) -> bool:
    source = os.environ if env is None else env
    return source.get(ENV_SWITCH, "").strip().lower() not in {"off", "0", "false", "no"}


def teams_requires_loopback(*, env: Mapping[str, str] | None = None) -> bool:
    """True when Teams is on without an app id: /api/messages then accepts unauthenticated requests (Bot
    Framework Emulator), so the server must listen on 127.0.0.1 only."""
    source = os.environ if env is None else env
    return teams_enabled(env=source) and not source.get(ENV_APP_ID, "").strip()


def loopback_warning() -> str:
    """The loud start-up message for the unauthenticated mode (English, for the operator's log)."""
    return (
        f"TEAMS: {ENV_APP_ID} is not set. POST {MESSAGES_PATH} accepts UNAUTHENTICATED requests "
        "(local development / Bot Framework Emulator only). The server must listen on 127.0.0.1 only. "
        f"Set {ENV_APP_ID}, {ENV_APP_PASSWORD} and {ENV_TENANT_ID} before exposing it, "
        f"or {ENV_SWITCH}=off to leave Teams out."
    )
