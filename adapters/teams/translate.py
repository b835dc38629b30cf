"""Teams activity -> `Request`: who (AAD object id), where (conversation id), what (the command text).

Plain functions over the SDK's `Activity`, testable without a network.

What a person typed arrives as ``activity.text`` (plain text with ``<at>…</at>`` mentions, lines split by
"\\n" or, from some clients, by ``<br>``/``<p>``/``<div>`` markup) and, from the Teams clients, also as a
``text/html`` attachment. Lines matter (each line of ``vedtak:`` is one decision), so they are kept:
markup line breaks become "\\n", and when the plain text lost the lines that the HTML still has, the HTML
is read instead. A mention of the bot is removed; a mention of a person becomes the neutral token
``<@user_id>`` (``bot.messages.MentionedUser``), which the core's one mention resolver turns into a person.

Across tenants: the person's organisation (``Request.organisation``) is their tenant. The activity names
the tenant the conversation lives in (``channelData.tenant.id``, ``conversation.tenantId``), which is the
person's own everywhere but in a shared channel, where an external member's own tenant comes from the
roster (``adapters.teams.members``).
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

from botbuilder.schema import Activity

from bot.messages import Delivery, MentionedUser, Request

from .cards import parse_submit, submit_request_id
from .files import attachments_of

PLATFORM = "teams"
_AT_TAG = re.compile(r"<at>[^<]*</at>", re.IGNORECASE)
_PREFIX = re.compile(r"^[/@]?samhandling(?:[ \t]+|\n|$)", re.IGNORECASE)
_LINE_SPACE = re.compile(r"[^\S\n]+")
_BREAK = re.compile(r"<br\s*/?>|</?(?:p|div|li|tr|h[1-6])(?:\s[^>]*)?>", re.IGNORECASE)
_TAG = re.compile(r"<(?!@)[^>]*>")
_HTML_MENTION = re.compile(
    r"<span[^>]*itemtype=\"http://schema\.skype\.com/Mention\"[^>]*>(.*?)</span>", re.IGNORECASE | re.DOTALL
)
_TOKEN = "\x00{}\x00"
_MAX_LINES = 400
NOBODY: Mapping[str, str] = MappingProxyType({})


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


def host_tenant(activity: Activity) -> str | None:
    """The tenant the conversation lives in (in a shared channel: the host team's)."""
    channel_data = activity.channel_data if isinstance(activity.channel_data, Mapping) else {}
    tenant = channel_data.get("tenant")
    tenant_id = tenant.get("id") if isinstance(tenant, Mapping) else None
    if not tenant_id and activity.conversation is not None:
        tenant_id = activity.conversation.tenant_id
    return str(tenant_id).lower() if tenant_id else None


def is_shared_channel(activity: Activity) -> bool:
    """A Teams Connect shared channel, whose members may come from other tenants (``channelData.channel``'s
    ``membershipType``, or ``type`` in older payloads)."""
    channel_data = activity.channel_data if isinstance(activity.channel_data, Mapping) else {}
    channel = channel_data.get("channel")
    if not isinstance(channel, Mapping):
        return False
    return "shared" in (str(channel.get("membershipType", "")).lower(), str(channel.get("type", "")).lower())


def _mention_entities(activity: Activity) -> list[tuple[str, Mapping[str, Any]]]:
    """(text as it appears, the mentioned account) for each mention entity."""
    found: list[tuple[str, Mapping[str, Any]]] = []
    for entity in activity.entities or []:
        if getattr(entity, "type", None) != "mention":  # a null in the list is kept as it came
            continue
        props = entity.additional_properties or {}
        mentioned = props.get("mentioned")
        text = props.get("text")
        if isinstance(mentioned, Mapping) and isinstance(text, str) and text:
            found.append((text, mentioned))
    return found


def _html_text(activity: Activity) -> str | None:
    """The text/html attachment as text with ``<at>`` mentions, the way ``activity.text`` writes them."""
    for attachment in attachments_of(activity):
        if attachment.content_type == "text/html" and isinstance(attachment.content, str):
            return _HTML_MENTION.sub(lambda m: f"<at>{m.group(1)}</at>", attachment.content)
    return None


def _line_count(text: str) -> int:
    return len([line for line in _plain(text).split("\n") if line.strip()])


def _plain(text: str) -> str:
    """Markup line breaks -> "\\n", other tags out (mention tokens kept), entities decoded."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _BREAK.sub("\n", text)
    text = _TAG.sub("", text)
    return html.unescape(text).replace("\xa0", " ")


def _source_text(activity: Activity) -> str:
    text = activity.text or ""
    rich = _html_text(activity)
    if rich is not None and _line_count(rich) > _line_count(text):
        return rich  # the client flattened the lines in activity.text; the HTML kept them
    return text


def read_command(activity: Activity, *, known: Mapping[str, str] = NOBODY) -> tuple[str, tuple[MentionedUser, ...]]:
    """The command (lines kept, the bot's mention and a ``/samhandling`` prefix removed) and the people
    mentioned in it, each written into the text as ``<@user_id>``: their AAD id when the mention carries it
    or `known` (Teams id -> AAD id of people met) has it, else the Teams id."""
    text = _source_text(activity)
    recipient_id = activity.recipient.id if activity.recipient else None
    mentions: list[MentionedUser] = []
    placeholders: dict[str, str] = {}
    for shown, mentioned in _mention_entities(activity):
        if shown not in text:
            continue
        if mentioned.get("id") == recipient_id:
            text = text.replace(shown, " ")
            continue
        teams_id = str(mentioned.get("id") or "")
        user_id = str(mentioned.get("aadObjectId") or known.get(teams_id) or teams_id)
        if not user_id:
            continue
        display = html.unescape(_TAG.sub("", shown)).strip()
        if all(m.user_id != user_id for m in mentions):
            mentions.append(MentionedUser(user_id=user_id, display=display))
        marker = _TOKEN.format(len(placeholders))
        placeholders[marker] = f"<@{user_id}>"
        text = text.replace(shown, f" {marker} ")
    text = _AT_TAG.sub(" ", text)  # a mention whose entity Teams left out (usually the bot's)
    text = _plain(text)
    for marker, token in placeholders.items():
        text = text.replace(marker, token)
    lines = [_LINE_SPACE.sub(" ", line).strip() for line in text.split("\n")[:_MAX_LINES]]
    text = "\n".join(line for line in lines if line)
    return _PREFIX.sub("", text, count=1).strip(), tuple(mentions)


def command_text(activity: Activity) -> str:
    """The command without the bot's @mention, HTML, or a leading ``/samhandling``; lines kept."""
    return read_command(activity)[0]


def to_request(activity: Activity, *, known: Mapping[str, str] = NOBODY) -> Request | None:
    """The core's request for a message or a card submit; None when there is nothing to run (`known`: the
    Teams ids -> AAD ids of people met, for mentions that carry only the Teams id)."""
    conversation_id = channel_key(activity.conversation.id if activity.conversation else "")
    user_id = user_key(activity)
    user_name = activity.from_property.name if activity.from_property else None
    submit = parse_submit(activity.value) if activity.value is not None else None
    personal = bool(activity.conversation and activity.conversation.conversation_type == "personal")
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
            delivery=delivery_of(activity),
            personal=personal,
            organisation=host_tenant(activity),
            locale=activity.locale if isinstance(activity.locale, str) else None,
        )
    text, mentions = read_command(activity, known=known)
    if not text:
        text = "hjelp"  # a bare "@Samhandling" asks what the bot can do
    return Request(
        platform=PLATFORM,
        user_id=user_id,
        channel_id=conversation_id,
        text=text,
        user_name=user_name,
        request_id=f"teams:activity:{activity.id}" if activity.id else None,
        mentions=mentions,
        delivery=delivery_of(activity),
        personal=personal,
        organisation=host_tenant(activity),
        locale=activity.locale if isinstance(activity.locale, str) else None,
    )


def delivery_of(activity: Activity) -> Delivery | None:
    """The channel redelivers an activity it thinks timed out, with the same id; a second click on a card is
    a new activity (its request id, made from the click, makes it record once)."""
    return Delivery(f"teams:activity:{activity.id}") if activity.id else None
