"""Posting a card reply as pre-built JSON: the same bytes on the wire, without msrest walking the card.

Why: ``turn_context.send_activity`` deep-copies the reply, and the connector client's
``Serializer.body`` first *deserialises* the Activity model and then serialises it again; both walk every
node of the Adaptive Card dict (an untyped "object" to msrest). That was about a quarter of a Teams turn.
Here msrest serialises only a card-less shell of the activity (a few dozen fields), the card dicts are put
back in place as they are (they are plain JSON already: ``cards.render_card`` builds them), and the body
goes out through the same cached client with the headers and URL that ``reply_to_activity`` /
``send_to_conversation`` use. Anything this path does not know how to do the same way (no cached client
in the turn, ``expectReplies`` delivery, no attachments) goes through ``turn_context.send_activity``.
"""

from __future__ import annotations

import logging
from copy import copy
from enum import Enum
from typing import Any
from urllib.parse import quote

from botbuilder.core import BotAdapter, TurnContext
from botbuilder.schema import Activity, ActivityTypes, Attachment, DeliveryModes, ResourceResponse
from botframework.connector.models import ErrorResponseException
from msrest.serialization import Serializer

logger = logging.getLogger(__name__)

_REPLY_URL = "/v3/conversations/{conversationId}/activities/{activityId}"
_SEND_URL = "/v3/conversations/{conversationId}/activities"


def activity_json(activity: Activity, *, serializer: Serializer | None = None) -> dict[str, Any]:
    """The JSON msrest would post for ``activity``, with each attachment's content dict passed through.

    ``serializer``: the connector client's own (built once with the client), instead of a new one."""
    shell = copy(activity)
    contents = [attachment.content for attachment in activity.attachments or []]
    shell.attachments = (
        [
            Attachment(
                content_type=a.content_type,
                content_url=a.content_url,
                content={} if a.content is not None else None,
                name=a.name,
                thumbnail_url=a.thumbnail_url,
            )
            for a in activity.attachments
        ]
        if activity.attachments is not None
        else None
    )
    try:
        body = _plain_model(shell)
    except _NotPlain:
        body = shell.serialize() if serializer is None else serializer._serialize(shell, "Activity")
    for posted, content in zip(body.get("attachments") or [], contents, strict=True):
        if content is not None:
            posted["content"] = content
    return body


class _NotPlain(Exception):
    """A value `_plain_model` does not turn into JSON exactly as msrest would: let msrest do it."""


_BASIC = {"str": str, "bool": bool, "int": int}


def _plain_model(model: Any) -> dict[str, Any]:
    """msrest's JSON for a model whose values are all plain (str, bool, int, JSON dicts, enums, models).

    msrest tries every one of the ~50 attributes of an Activity, raising and catching an exception for
    each one that is None; this visits the same attribute map in the same order and skips the Nones."""
    out: dict[str, Any] = {}
    validation = model._validation
    for attr, desc in model._attribute_map.items():
        value = getattr(model, attr, None)
        if value is None:
            continue
        key = desc["key"]
        if "." in key or attr == "additional_properties" or validation.get(attr, {}).get("readonly"):
            raise _NotPlain(attr)
        out[key] = _plain_value(value, desc["type"])
    return out


def _plain_value(value: Any, kind: str) -> Any:
    basic = _BASIC.get(kind)
    if basic is not None:
        if type(value) is basic:
            return value
        if kind == "str" and isinstance(value, Enum) and type(value.value) is str:
            return value.value  # msrest's serialize_unicode: an enum goes as its value
        raise _NotPlain(kind)
    if kind == "object":
        _check_json(value)
        return value
    if kind.startswith("[") and kind.endswith("]") and type(value) is list:
        inner = kind[1:-1]
        return [_plain_value(item, inner) if item is not None else _raise(inner) for item in value]
    if hasattr(value, "_attribute_map"):
        return _plain_model(value)
    raise _NotPlain(kind)


def _raise(kind: str) -> Any:
    raise _NotPlain(kind)


def _check_json(value: Any) -> None:
    """msrest copies an untyped value as is only when it is made of dicts, lists, str, int and bool."""
    kind = type(value)
    if kind is dict:
        for key, item in value.items():
            if type(key) is not str:
                raise _NotPlain("key")
            if item is not None:
                _check_json(item)
    elif kind is list:
        for item in value:
            if item is None:
                raise _NotPlain("null item")
            _check_json(item)
    elif kind not in (str, bool, int):
        raise _NotPlain(kind.__name__)


async def send_prebuilt(turn_context: TurnContext, activity: Activity) -> ResourceResponse | None:
    """Send one reply in this turn as ``turn_context.send_activity`` would, with the card as-is."""
    client = turn_context.turn_state.get(BotAdapter.BOT_CONNECTOR_CLIENT_KEY)
    incoming = turn_context.activity
    if (
        client is None
        or not activity.attachments
        or (activity.type or ActivityTypes.message) != ActivityTypes.message
        or incoming.delivery_mode == DeliveryModes.expect_replies
    ):
        return await turn_context.send_activity(activity)
    # What send_activity does to its (deep) copy, here on a shallow one: the card dicts are never changed.
    shell = TurnContext.apply_conversation_reference(copy(activity), TurnContext.get_conversation_reference(incoming))
    shell.type = shell.type or ActivityTypes.message
    shell.input_hint = shell.input_hint or "acceptingInput"
    shell.id = None
    conversation_id = shell.conversation.id
    headers = {
        "Accept": "application/json",
        "Content-Type": "application/json; charset=utf-8",
        "x-ms-conversation-id": conversation_id,
    }
    service = client.conversations._client  # the msrest ServiceClient the generated operations use
    path = {"conversationId": quote(str(conversation_id), safe="")}
    if shell.reply_to_id:
        path["activityId"] = quote(str(shell.reply_to_id), safe="")
        url = service.format_url(_REPLY_URL, **path)
    else:
        url = service.format_url(_SEND_URL, **path)
    request = service.post(url, {}, headers, activity_json(shell, serializer=client.conversations._serialize))
    response = await service.async_send(request, stream=False)
    if response.status_code not in (200, 201, 202):
        raise ErrorResponseException(client.conversations._deserialize, response)
    turn_context.responded = True
    return client.conversations._deserialize("ResourceResponse", response)
