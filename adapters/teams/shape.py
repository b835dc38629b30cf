"""Is a JSON body shaped like a Bot Framework activity where botbuilder and our handler read it?

Why before the SDK: botbuilder deserialises leniently and then dereferences without checking, so a signed
(or, in Emulator mode, any) activity without a conversation, with a `channelData.team` that is a string, or
a conversation update without channel data failed inside the turn with a traceback, and a `serviceUrl`
that is not an http(s) address was retried against as if the connector were down. Such a body is refused
with 400 and one log line instead. Only what is read is checked; unknown fields pass.
"""

from __future__ import annotations

import logging
from urllib.parse import urlsplit

logger = logging.getLogger(__name__)

_TEXT_FIELDS = ("type", "id", "channelId", "serviceUrl", "replyToId", "name", "action", "locale", "textFormat")
_ACCOUNTS = ("from", "recipient")
_CHANNEL_DATA_OBJECTS = ("team", "channel", "tenant", "settings", "meeting")


def activity_problem(body: object) -> str | None:
    """Why `body` is not an activity the bot can answer (a short English reason for the log), or None."""
    if not isinstance(body, dict):
        return "body is not an activity"
    for key in _TEXT_FIELDS:
        if body.get(key) is not None and not isinstance(body[key], str):
            return f"{key} is not text"
    if not body.get("type"):
        return "activity without a type"
    service_url = body.get("serviceUrl")
    if not isinstance(service_url, str) or not _is_http_url(service_url):
        return "serviceUrl is not an http(s) address"
    conversation = body.get("conversation")
    if not isinstance(conversation, dict) or not isinstance(conversation.get("id"), str) or not conversation["id"]:
        return "activity without a conversation id"
    for key in _ACCOUNTS:
        account = body.get(key)
        if account is not None and (not isinstance(account, dict) or not isinstance(account.get("id", ""), str)):
            return f"{key} is not an account"
    channel_data = body.get("channelData")
    if channel_data is not None:
        if not isinstance(channel_data, dict):
            return "channelData is not an object"
        for key in _CHANNEL_DATA_OBJECTS:
            if channel_data.get(key) is not None and not isinstance(channel_data[key], dict):
                return f"channelData.{key} is not an object"
        if channel_data.get("eventType") is not None and not isinstance(channel_data["eventType"], str):
            return "channelData.eventType is not text"
    elif body.get("type") == "conversationUpdate" and body.get("channelId") == "msteams":
        return "Teams conversation update without channelData"
    for key in ("membersAdded", "membersRemoved"):
        members = body.get(key)
        if members is not None and not (isinstance(members, list) and all(_is_account(m) for m in members)):
            return f"{key} is not a list of accounts"
    return None


def _is_account(value: object) -> bool:
    return isinstance(value, dict) and isinstance(value.get("id"), str)


def _is_http_url(value: str) -> bool:
    try:
        parts = urlsplit(value)
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and bool(parts.hostname) and " " not in value
