"""Files sent to the bot in a Teams chat (`avtale` with the agreement attached).

Teams hands a bot a file sent in a personal chat as an attachment of type
`application/vnd.microsoft.teams.file.download.info` with a short-lived, pre-authenticated `downloadUrl`
(no token needed) and the file's `contentUrl` in OneDrive/SharePoint (the link people open later). A file
posted in a channel arrives only as a reference the bot cannot read without Graph rights: it becomes an
attachment with an error, and the core says it could not read it.
"""

from __future__ import annotations

import logging
from typing import Any

from botbuilder.schema import Activity
from botbuilder.schema import Attachment as BotAttachment

from adapters.files import fetch
from bot.messages import Attachment

logger = logging.getLogger(__name__)

FILE_INFO = "application/vnd.microsoft.teams.file.download.info"
REFERENCE = "reference"


def _content(attachment: Any) -> dict[str, Any]:
    content = attachment.content
    return content if isinstance(content, dict) else {}


def attachments_of(activity: Activity) -> list[BotAttachment]:
    """The activity's attachments that are attachments: botbuilder keeps a null or a number in the list as
    it came, and reading it as one failed the turn («noe gikk galt»)."""
    listed = activity.attachments
    return [a for a in listed if isinstance(a, BotAttachment)] if isinstance(listed, list) else []


def shared_files(activity: Activity) -> list[Any]:
    """The activity's attachments that are files (not the message's own HTML or a card)."""
    return [a for a in attachments_of(activity) if a.content_type in (FILE_INFO, REFERENCE)]


async def read_files(activity: Activity) -> tuple[Attachment, ...]:
    found: list[Attachment] = []
    for shared in shared_files(activity):
        name = shared.name or "fil"
        download = _content(shared).get("downloadUrl")
        link = shared.content_url or download or ""
        if shared.content_type != FILE_INFO or not download:
            found.append(Attachment(name=name, url=link, error="a file reference without a download link"))
            continue
        found.append(await fetch(name=name, url=str(download), link=str(link)))
    return tuple(found)
