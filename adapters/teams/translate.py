"""Teams activity -> `Request`: who (AAD object id), where (conversation id), what (the command text).

Plain functions over the SDK's `Activity`, testable without a network.
"""

from __future__ import annotations

import html
import re

from botbuilder.schema import Activity

from bot.messages import Request

from .cards import parse_submit, submit_request_id

PLATFORM = "teams"
_AT_TAG = re.compile(r"<at>[^<]*</at>", re.IGNORECASE)
_PREFIX = re.compile(r"^/?samhandling(?:\s+|$)", re.IGNORECASE)
_SPACE = re.compile(r"\s+")


def channel_key(conversation_id: str) -> str:
    """A channel's id without the thread suffix: ``19:x@thread.tacv2;messageid=1`` -> ``19:x@thread.tacv2``.

    Teams addresses a reply thread as ``<channel>;messageid=<root>``; the channel binding and the stored
    conversation reference are per channel, so both use the bare id.
    """
    return conversation_id.split(";messageid=", 1)[0]


def user_key(activity: Activity) -> str:
    """The person's AAD object id (stable across chats and teams); the Emulator has none, so its id."""
    sender = activity.from_property
    if sender is None:
        return ""
    return sender.aad_object_id or sender.id or ""


def command_text(activity: Activity) -> str:
    """The command without the bot's @mention, HTML entities, or a leading ``/samhandling``."""
    text = activity.text or ""
    recipient_id = activity.recipient.id if activity.recipient else None
    for entity in activity.entities or []:
        if entity.type != "mention":
            continue
        props = entity.additional_properties or {}
        mentioned = props.get("mentioned") or {}
        if mentioned.get("id") == recipient_id and props.get("text"):
            text = text.replace(props["text"], " ")
    text = _AT_TAG.sub(" ", text)  # a mention of the bot whose entity Teams left out
    text = html.unescape(text).replace("\xa0", " ")
    text = _SPACE.sub(" ", text).strip()
    return _PREFIX.sub("", text, count=1).strip()


def to_request(activity: Activity) -> Request | None:
    """The core's request for a message or a card submit; None when there is nothing to run."""
    conversation_id = channel_key(activity.conversation.id if activity.conversation else "")
    user_id = user_key(activity)
    user_name = activity.from_property.name if activity.from_property else None
    submit = parse_submit(activity.value) if activity.value is not None else None
    if submit is not None:
        command, fields, submit_id = submit
        if not command:
            return None
        return Request(
            platform=PLATFORM,
            user_id=user_id,
            channel_id=conversation_id,
            text=command,
            user_name=user_name,
            fields=fields,
            request_id=submit_request_id(submit_id=submit_id, activity_id=activity.id, user_id=user_id, fields=fields),
        )
    text = command_text(activity)
    if not text:
        text = "hjelp"  # a bare "@Samhandling" asks what the bot can do
    return Request(
        platform=PLATFORM,
        user_id=user_id,
        channel_id=conversation_id,
        text=text,
        user_name=user_name,
        request_id=f"teams:activity:{activity.id}" if activity.id else None,
    )
