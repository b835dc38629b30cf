"""A reply's picture (the wheel) posted to Slack as an image file, with its line of text in the reply's
written form."""

from __future__ import annotations

import asyncio
import logging
from typing import TYPE_CHECKING

from bot.i18n import _, using
from bot.messages import Reply, Request

from .sender import SlackCallFailed, SlackPoster, upload_png

if TYPE_CHECKING:
    from bot.port import CorePort

logger = logging.getLogger(__name__)


async def post_picture(
    *, poster: SlackPoster, core: CorePort, request: Request, reply: Reply, thread_ts: str | None = None
) -> None:
    """A reply's picture (the wheel) as an image file in the channel, drawn off the event loop."""
    if reply.picture is None:
        return
    from adapters.web.draw import picture_png

    picture = reply.picture
    png = await asyncio.get_running_loop().run_in_executor(None, picture_png, core, picture)
    if png is None:
        return
    try:
        await upload_png(
            poster,
            channel_id=request.channel_id,
            png=png,
            filename=f"{picture.name}.png",
            title=reply.title,
            alt=picture.alt,
            comment=picture_comment(reply),
            thread_ts=thread_ts,
        )
    except SlackCallFailed as exc:
        logger.warning("could not post the picture: %s", exc)


def picture_comment(reply: Reply) -> str:
    """The line posted with the wheel picture, in the reply's written form."""
    with using(reply.lang):  # type: ignore[arg-type]
        return _("{title} (bilde). Skriv «årshjul» for teksten.").format(title=reply.title)
