"""Slack settings, read from the environment only, so no secret ever lives in a file or a log line."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from adapters.platform_config import PlatformConfigError

DEFAULT_API_URL = "https://slack.com/api/"


class SlackConfigError(PlatformConfigError):
    """Slack is configured by half (a token without its signing secret, or the other way round)."""


@dataclass(frozen=True)
class SlackSettings:
    """What the Slack adapter needs. Secrets are excluded from `repr` so logging a settings object is safe."""

    bot_token: str = field(repr=False)
    signing_secret: str = field(repr=False)
    app_token: str | None = field(default=None, repr=False)
    api_url: str = DEFAULT_API_URL
    command: str = "/samhandling"

    @property
    def socket_mode(self) -> bool:
        return bool(self.app_token)

    @classmethod
    def from_env(cls, environ: Mapping[str, str]) -> SlackSettings | None:
        """None when Slack is not configured (the server then runs without it); SlackConfigError when it is
        by half: a token set without its secret runs no silent bot (walk 27 F5)."""
        bot_token = environ.get("SLACK_BOT_TOKEN", "").strip()
        signing_secret = environ.get("SLACK_SIGNING_SECRET", "").strip()
        app_token = environ.get("SLACK_APP_TOKEN", "").strip()
        needed = {"SLACK_BOT_TOKEN": bot_token, "SLACK_SIGNING_SECRET": signing_secret}
        if not all(needed.values()):
            if any(needed.values()) or app_token:
                missing = " and ".join(name for name, value in needed.items() if not value)
                raise SlackConfigError(
                    f"Slack is configured by half: {missing} not set (SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET "
                    "go together; see README.md)."
                )
            return None
        api_url = environ.get("SLACK_API_URL", "").strip() or DEFAULT_API_URL
        if not api_url.endswith("/"):
            api_url += "/"
        return cls(
            bot_token=bot_token,
            signing_secret=signing_secret,
            app_token=app_token or None,
            api_url=api_url,
        )

    def secrets(self) -> tuple[str, ...]:
        """The values a log filter must never let through."""
        return tuple(s for s in (self.bot_token, self.signing_secret, self.app_token) if s)
