"""Files shared with a command in Slack (`@Samhandlingsbot avtale` with the agreement attached).

Slack gives each file a `url_private` that only answers with the bot token (scope `files:read`). The
token goes only to Slack's own hosts (or the configured API host, for the local stand-in), never to a
URL from anywhere else.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlparse

from adapters.files import fetch
from bot.messages import Attachment

from .settings import SlackSettings

logger = logging.getLogger(__name__)

PERMALINK = re.compile(r"https://[A-Za-z0-9.-]+\.slack\.com/files/[A-Za-z0-9]+/(F[A-Z0-9]+)(?:/\S*)?")
"""A Slack file's permalink typed in a command (`/samhandling avtale https://x.slack.com/files/U1/F2/a.pdf`)."""


def event_files(event: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    return [f for f in event.get("files") or [] if isinstance(f, Mapping)]


def token_may_go_to(url: str, settings: SlackSettings) -> bool:
    target = urlparse(url)
    host = (target.hostname or "").lower()
    if target.scheme == "https" and (host == "slack.com" or host.endswith(".slack.com")):
        return True
    api = urlparse(settings.api_url)
    return (target.scheme, target.netloc) == (api.scheme, api.netloc)


def linked_file_ids(text: str) -> list[str]:
    return PERMALINK.findall(text or "")


async def read_linked_files(text: str, *, client: Any, settings: SlackSettings) -> tuple[Attachment, ...]:
    """The files a command links to by their Slack permalinks: `files.info` gives each url_private."""
    shared: list[Mapping[str, Any]] = []
    for file_id in linked_file_ids(text):
        try:
            answer = await client.files_info(file=file_id)
            info = answer.get("file") if answer.get("ok") else None
        except Exception as exc:  # slack_sdk raises SlackApiError, aiohttp its own; the reason is logged
            logger.info("files.info %s failed: %s", file_id, type(exc).__name__)
            info = None
        shared.append(info if isinstance(info, Mapping) else {"name": file_id})
    return await read_files({"files": shared}, settings=settings)


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
