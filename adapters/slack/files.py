"""Files shared with a command in Slack (`@Samhandlingsbot avtale` with the agreement attached).

Slack gives each file a `url_private` that only answers with the bot token (scope `files:read`). The
token goes only to Slack's own hosts (or the configured API host, for the local stand-in), never to a
URL from anywhere else.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlparse

from adapters.files import fetch
from bot.messages import Attachment

from .settings import SlackSettings

logger = logging.getLogger(__name__)


def event_files(event: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    return [f for f in event.get("files") or [] if isinstance(f, Mapping)]


def token_may_go_to(url: str, settings: SlackSettings) -> bool:
    target = urlparse(url)
    host = (target.hostname or "").lower()
    if target.scheme == "https" and (host == "slack.com" or host.endswith(".slack.com")):
        return True
    api = urlparse(settings.api_url)
    return (target.scheme, target.netloc) == (api.scheme, api.netloc)


async def read_files(event: Mapping[str, Any], *, settings: SlackSettings) -> tuple[Attachment, ...]:
    """Each shared file as an `Attachment`, hashed; one the bot may not or cannot read carries an error."""
    found: list[Attachment] = []
    for shared in event_files(event):
        name = str(shared.get("name") or shared.get("title") or "fil")
        url = str(shared.get("url_private_download") or shared.get("url_private") or "")
        link = str(shared.get("permalink") or url)
        if not url:
            found.append(Attachment(name=name, url=link, error="no url_private (file not shared with the bot?)"))
        elif not token_may_go_to(url, settings):
            logger.warning("refused to send the bot token to %s", urlparse(url).netloc)
            found.append(Attachment(name=name, url=link, error="url_private is not on a Slack host"))
        else:
            found.append(
                await fetch(
                    name=name,
                    url=url,
                    link=link,
                    headers={"Authorization": f"Bearer {settings.bot_token}"},
                    html_is_error=True,
                )
            )
    return tuple(found)
