"""Slack payloads -> `Request`. Plain functions, testable without a network.

Slack escapes what people type: a user mention arrives as `<@U123|kari>`, a link as `<https://…|label>`,
and `&`, `<`, `>` as entities. The core expects plain text with each user mention as the neutral token
`<@U123>` (listed in `Request.mentions`, see bot/messages.py and bot/mentions.py), so that is done here.

Slack Connect: a person from another organisation in a shared channel comes with their own workspace
(`user_team` in an event, `user.team_id` in a click or a form) beside the installing one (`team_id`,
`team.id`, `authorizations`). Their workspace is `Request.organisation`, so `koble organisasjon T…` binds
them; `Request.external` says they are from elsewhere, for the few things Slack Connect stops.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache
from types import MappingProxyType
from typing import Any

from bot.messages import Delivery, MentionedUser, Request

from .views import FORM_INPUT_ACTION, decode_metadata

PLATFORM = "slack"

_ANGLE = re.compile(r"<([^<>]*)>")
_BROADCASTS = frozenset({"here", "channel", "everyone"})
"""Slack's broadcast mentions (`<!here>`, legacy `<!here|here>`): read as the «@here» the person saw."""


def _unangle(match: re.Match[str], found: list[MentionedUser]) -> str:
    inner = match.group(1)
    target, _, label = inner.partition("|")
    if target.startswith("@") and len(target) > 1:  # <@U123|kari>: the neutral mention token
        found.append(MentionedUser(user_id=target[1:], display=label.lstrip("@")))
        return f"<@{target[1:]}>"
    if target.startswith("#"):  # <#C123|agder>: «#agder», as the person saw it (the id when Slack sent no name)
        return "#" + label if label else target[1:]
    if target.startswith("!"):  # <!here>, <!subteam^S1|@team>: what the person saw, «@here», never a ping
        name = target[1:].partition("^")[0]
        return "@" + name if name in _BROADCASTS or not label else label
    if target.startswith("mailto:"):  # an e-mail address Slack linked: the address as typed
        return label or target.removeprefix("mailto:")
    return target  # a link: keep the URL, which is what minutes need


@lru_cache(maxsize=1024)
def read_text(text: str) -> tuple[str, tuple[MentionedUser, ...]]:
    """Slack's escaped message text -> the text the person meant, with each user mention as `<@U123>`,
    and the mentions. Line breaks are kept (each line of `vedtak:` is one decision). Kept per text (the
    answer is immutable): most commands are typed again as they were (`neste`)."""
    found: list[MentionedUser] = []
    plain = _ANGLE.sub(lambda m: _unangle(m, found), text or "")
    plain = plain.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
    lines = [" ".join(line.split()) for line in plain.strip().splitlines()]
    plain = "\n".join(line for line in lines if line)
    return plain, tuple(dict.fromkeys(found))


def normalize_text(text: str) -> str:
    """The text of `read_text`, without the list of mentions."""
    return read_text(text)[0]


_MENTION_PREFIX = re.compile(r"^\s*<@[A-Z0-9]+(?:\|[^>]*)?>\s*")


def strip_leading_mention(text: str) -> str:
    """`<@UBOT> neste` (an app mention) -> `neste`."""
    return _MENTION_PREFIX.sub("", text or "", count=1)


def command_request(body: Mapping[str, Any]) -> Request:
    """A slash command. Slack does not resend slash commands, but a trigger_id is unique per invocation, so
    a proxy's replay of the same request still never records twice."""
    text, mentions = read_text(str(body.get("text", "")))
    request_id = _rid("cmd", body.get("team_id"), body.get("trigger_id"))
    return Request(
        platform=PLATFORM,
        user_id=str(body.get("user_id", "")),
        channel_id=str(body.get("channel_id", "")),
        text=text,
        mentions=mentions,
        user_name=body.get("user_name") or None,
        request_id=request_id,
        delivery=_delivery(request_id),
        personal=is_direct(channel_id=body.get("channel_id"), channel_type=body.get("channel_name")),
        **_organisation(user_team=body.get("user_team") or body.get("team_id"), home=body.get("team_id")),
    )


def action_request(body: Mapping[str, Any], action: Mapping[str, Any]) -> Request:
    """A button click runs the button's command as the person who clicked.

    The id names the message, the button and the clicker, not the click: a double click (two payloads with
    different action_ts) is one request to the core.
    """
    user = _named(body.get("user"))
    container = body.get("container") or {}
    channel_id = _named(body.get("channel")).get("id") or container.get("channel_id") or ""
    message_ts = container.get("message_ts") or (body.get("message") or {}).get("ts") or action.get("action_ts")
    request_id = _rid("action", channel_id, message_ts, action.get("block_id"), action.get("action_id"), user.get("id"))
    return Request(
        platform=PLATFORM,
        user_id=str(user.get("id", "")),
        channel_id=str(channel_id),
        text=normalize_text(str(action.get("value", ""))),
        user_name=user.get("name") or user.get("username") or None,
        request_id=request_id,
        delivery=_delivery(request_id, again_unless_recorded=True),
        personal=is_direct(channel_id=channel_id),
        **_organisation(user_team=user.get("team_id"), home=(body.get("team") or {}).get("id")),
    )


def view_request(body: Mapping[str, Any]) -> Request:
    """A modal submission: the form's submit command with the typed values. The view id is stable for the
    life of the modal, so a second submit of the same modal is the same request."""
    view = body.get("view") or {}
    user = _named(body.get("user"))
    meta = decode_metadata(view.get("private_metadata"))
    request_id = _rid("view", view.get("id"))
    fields: dict[str, str] = {}
    for block_id, actions in ((view.get("state") or {}).get("values") or {}).items():
        entry = (actions or {}).get(FORM_INPUT_ACTION) or {}
        value = entry.get("value")
        if value is not None and str(value).strip():
            fields[str(block_id)] = str(value).strip()
    return Request(
        platform=PLATFORM,
        user_id=str(user.get("id", "")),
        channel_id=meta.get("channel", ""),
        text=meta.get("command", ""),
        user_name=user.get("name") or user.get("username") or None,
        fields=MappingProxyType(fields),
        request_id=request_id,
        delivery=_delivery(request_id, again_unless_recorded=True),
        personal=is_direct(channel_id=meta.get("channel")),
        **_organisation(user_team=user.get("team_id"), home=(body.get("team") or {}).get("id")),
    )


def mention_request(body: Mapping[str, Any]) -> Request:
    """`@Samhandlingsbot status agder` in a channel. Slack retries events with the same event_id."""
    event = body.get("event") or {}
    text, mentions = read_text(strip_leading_mention(str(event.get("text", ""))))
    request_id = _rid("event", body.get("event_id"))
    return Request(
        platform=PLATFORM,
        user_id=str(event.get("user", "")),
        channel_id=str(event.get("channel", "")),
        text=text,
        mentions=mentions,
        user_name=_profile_name(event.get("user_profile")),
        request_id=request_id,
        delivery=_delivery(request_id),
        personal=is_direct(channel_id=event.get("channel"), channel_type=event.get("channel_type")),
        **_organisation(user_team=event.get("user_team") or event.get("team"), home=installed_team(body)),
    )


def from_home_opened(body: Mapping[str, Any]) -> Request | None:
    """The App Home tab opened: the viewer's own `neste`, asked as in her direct message with the bot (the tab
    is hers alone: `personal`, so her written form, Vestland's coordinator's nynorsk) and from her workspace
    (`organisation`: a workspace bound with `koble organisasjon` makes her its party's, walk 38 F2). None for
    the Messages tab, or an event that names no one."""
    event = body.get("event") or {}
    if event.get("tab", "home") != "home" or not event.get("user"):
        return None
    return home_request(
        user_id=str(event["user"]),
        channel_id=str(event.get("channel") or ""),
        **_organisation(user_team=event.get("user_team") or body.get("team_id"), home=installed_team(body)),
    )


def home_request(*, user_id: str, channel_id: str, organisation: str | None, external: bool) -> Request:
    """The `neste` the App Home shows `user_id` (`from_home_opened`; after a click in the tab, from the click's
    person and workspace)."""
    return Request(
        platform=PLATFORM,
        user_id=user_id,
        channel_id=channel_id,
        text="neste",
        personal=True,
        organisation=organisation,
        external=external,
    )


def _named(value: object) -> Mapping[str, Any]:
    """A payload's `user` or `channel`: an object with an id as Slack sends it, or (from a broken client, which
    the gate lets through) the bare id; read as a string it was an AttributeError and a 500."""
    if isinstance(value, Mapping):
        return value
    return {"id": value} if isinstance(value, str) else {}


def is_direct(*, channel_id: object, channel_type: object = None) -> bool:
    """A direct message with the bot (`Request.personal`): not a channel, so never told it is unbound.
    Events say `channel_type: im`, a slash command `channel_name: directmessage`; a DM's id begins with D."""
    if channel_type in ("im", "directmessage"):
        return True
    return isinstance(channel_id, str) and channel_id.startswith("D")


def _profile_name(profile: object) -> str | None:
    """The name a message event carries in `user_profile` (Slack Connect people are not in our users list)."""
    if not isinstance(profile, Mapping):
        return None
    name = profile.get("display_name") or profile.get("real_name") or profile.get("name")
    return str(name) if name else None


def installed_team(body: Mapping[str, Any]) -> str | None:
    """The workspace the bot is installed in, that received the event (not the person's own in Slack Connect)."""
    for authorization in body.get("authorizations") or ():
        if isinstance(authorization, Mapping) and authorization.get("team_id"):
            return str(authorization["team_id"])
    return str(body["team_id"]) if body.get("team_id") else None


def _organisation(*, user_team: object, home: object) -> dict[str, Any]:
    """`Request.organisation` and `Request.external` from the person's workspace and the installing one."""
    team = str(user_team) if user_team else None
    return {"organisation": team, "external": bool(team and home and team != str(home))}


def thread_of(body: Mapping[str, Any]) -> str | None:
    """The thread a mention was written in, so the reply stays there (None for a top-level message)."""
    thread = (body.get("event") or {}).get("thread_ts")
    return str(thread) if thread else None


def _rid(kind: str, *parts: object) -> str | None:
    present = [str(p) for p in parts if p]
    return f"slack:{kind}:" + ":".join(present) if present else None


def _delivery(request_id: str | None, *, again_unless_recorded: bool = False) -> Delivery | None:
    """Slack's ids for a request name its delivery too: a retry or a replay comes with the same one. A
    click or a form may come again on purpose when the first recorded nothing (a read, a refusal)."""
    return Delivery(request_id, again_unless_recorded=again_unless_recorded) if request_id else None
