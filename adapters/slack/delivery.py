"""A reply posted after the ack, and what happens when the channel will not take it.

A modal can be opened in a direct message with someone else or in a channel the bot is not in; the reply
(the recorded minutes, say) cannot be posted there (`channel_not_found`, `not_in_channel`). The person then
gets it as a direct message from the bot, with a line saying why and how to invite it. What fails even so is
logged with its reason: a failed post is never silent.
"""

from __future__ import annotations

import logging
from dataclasses import replace

from bot.i18n import N_, _, using
from bot.messages import Reply, Request, Visibility

from . import render
from .sender import SlackCallFailed, SlackPoster

logger = logging.getLogger(__name__)

UNREACHABLE_CHANNEL = (
    "channel_not_found",
    "not_in_channel",
    "is_archived",
    "cannot_dm_bot",
    "restricted_action",
    "user_not_in_channel",
)
"""Slack errors that mean "this channel will not take the post": the person is told directly instead."""

DM_NOTE = N_(
    "Jeg kunne ikke svare i kanalen der du spurte (jeg er ikke med i den, eller det er en direktemelding "
    "med noen andre), så svaret kommer her. Inviter meg med /invite @Samhandlingsbot for å få svar i kanalen."
)
"""Translated where it is shown, in the reply's written form."""

CONNECT_NOTE = N_(
    "{mention} Slack Connect lar meg ikke sende deg private svar eller direktemeldinger, fordi du er fra en annen "
    "organisasjon enn den som har installert meg. Det jeg svarte deg, ser du ikke her. Be en administrator i din "
    "organisasjon godkjenne appen for Slack Connect, eller les det samme med «status» og «neste» i en kanal."
)
"""Said in the channel (mentioning the person) when Slack Connect stopped both the private reply and the DM."""


async def post_reply(poster: SlackPoster, *, request: Request, reply: Reply, thread_ts: str | None = None) -> None:
    """To the channel when the reply records something, else to the asker alone; in `thread_ts` if given.
    An unreachable channel sends it to the person directly."""
    payload = render.message_payload(reply, more=request.text if not reply.form else None)
    if thread_ts:
        payload["thread_ts"] = thread_ts
    try:
        if reply.ok and reply.visibility == Visibility.CHANNEL:
            await poster.call("chat.postMessage", channel=request.channel_id, **payload)
        else:
            await poster.call("chat.postEphemeral", channel=request.channel_id, user=request.user_id, **payload)
        return
    except SlackCallFailed as exc:
        reason = str(exc)
    if not any(error in reason for error in UNREACHABLE_CHANNEL):
        logger.warning("could not deliver a reply to %s: %s", request.channel_id, reason)
        return
    logger.warning("channel %s unreachable (%s); sending the reply as a direct message", request.channel_id, reason)
    if await direct_message(poster, user_id=request.user_id, reply=reply) or not request.external:
        return
    logger.warning(
        "Slack Connect stopped a private reply and a direct message to %s of organisation %s",
        request.user_id,
        request.organisation,
    )
    with using(reply.lang):  # type: ignore[arg-type]
        note = _(CONNECT_NOTE).format(mention=f"<@{request.user_id}>")
    try:
        await poster.call("chat.postMessage", channel=request.channel_id, text=note, **_thread(thread_ts))
    except SlackCallFailed as exc:
        logger.error("could not tell %s that Slack Connect stopped the reply: %s", request.user_id, exc)


def _thread(thread_ts: str | None) -> dict[str, str]:
    return {"thread_ts": thread_ts} if thread_ts else {}


async def direct_message(poster: SlackPoster, *, user_id: str, reply: Reply, note: str | None = DM_NOTE) -> bool:
    """The reply in the bot's direct message with the person (conversations.open, then chat.postMessage);
    `note` says why it came there. False when Slack would not take it (Slack Connect stops an app's direct
    messages to people of another organisation)."""
    if note:
        with using(reply.lang):  # type: ignore[arg-type]
            note = _(note)
    context = " · ".join(part for part in (reply.context, note) if part) or None
    try:
        opened = await poster.call("conversations.open", users=user_id)
        channel = str((opened.get("channel") or {}).get("id") or user_id)
        await poster.call(
            "chat.postMessage", channel=channel, **render.message_payload(replace(reply, context=context))
        )
    except SlackCallFailed as exc:
        logger.error("could not deliver a reply to %s, not even as a direct message: %s", user_id, exc)
        return False
    return True
