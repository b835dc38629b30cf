"""A button click answered after the ack: a click that recorded something updates the clicked message in
place (and, from an ephemeral message, tells the channel too); a click that recorded nothing (a read, a
refusal) is answered to the clicker alone. Where `response_url` fails, the reply is posted instead
(`delivery.post_reply`), so a click is never left unanswered.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from bot.messages import Reply, Request

from . import clicked, delivery, render
from .sender import SlackCallFailed, SlackPoster

logger = logging.getLogger(__name__)


async def respond(poster: SlackPoster, *, url: str, payload: dict[str, Any]) -> bool:
    """Post `payload` to a click's `response_url`; False (logged) when Slack would not take it."""
    try:
        await poster.respond(url, payload)
        return True
    except SlackCallFailed as exc:
        logger.warning("could not answer a click: %s", exc)
        return False


async def answer_click(poster: SlackPoster, *, body: dict[str, Any], request: Request, reply: Reply) -> None:
    """A click that recorded nothing (a read, a refusal): answered to the clicker alone; the clicked
    message stays as it is."""
    payload = {**render.message_payload(reply), "response_type": "ephemeral", "replace_original": False}
    url = body.get("response_url")
    if not url or not await respond(poster, url=str(url), payload=payload):
        await delivery.post_reply(poster, request=request, reply=reply, thread_ts=None)


async def update_clicked(
    poster: SlackPoster,
    *,
    body: dict[str, Any],
    action: dict[str, Any],
    request: Request,
    reply: Reply,
    when: Callable[[], str],
) -> None:
    """A click that recorded something: the clicked message is updated in place (who, when, the buttons
    that still apply). A click in an ephemeral message also tells the channel, as the command would. `when`
    is read here, after the ack: the first click loads babel's dates, never the ack's path."""
    container = body.get("container") or {}
    message = body.get("message") if not container.get("is_ephemeral") else None
    updated = clicked.updated_message(
        message=message, action=action, result=reply, user_id=request.user_id, when=when()
    )
    url = body.get("response_url")
    done = False
    if url:
        done = await respond(poster, url=str(url), payload={**updated, "replace_original": True})
    elif message and container.get("message_ts"):
        try:
            await poster.call("chat.update", channel=request.channel_id, ts=container["message_ts"], **updated)
            done = True
        except SlackCallFailed as exc:
            logger.warning("could not update the clicked message: %s", exc)
    if not container.get("is_ephemeral") and done:
        return
    public = {**render.message_payload(reply), "response_type": "in_channel", "replace_original": False}
    if not url or not await respond(poster, url=str(url), payload=public):
        await delivery.post_reply(poster, request=request, reply=reply, thread_ts=None)
