"""The door of POST /slack/events: junk is refused before Bolt sees it, and costs one short log line.

This is where signatures are verified (Bolt's own check is switched off in adapters/slack/app.py, so a
request is verified once): Bolt's reads any body whole and logs the whole body of a badly signed request
(20 forged 1 MB posts were 21 MB of log), and a non-numeric timestamp or a JSON body with a control
character made it answer 500 with a traceback. Here, in this order, each refusal with its status:

1. a body over `MAX_BODY_BYTES` -> 413, read no further than the cap;
2. a missing, non-numeric or stale (over 5 minutes) X-Slack-Request-Timestamp, or a missing, malformed
   or wrong X-Slack-Signature -> 401;
3. a body that is not valid UTF-8, JSON or form data, or JSON not shaped as Slack's where Bolt reads it
   (`shape_problem`: a signed request from a broken client) -> 400.

A refusal is logged as method, path, size and reason: never the body, never a header value.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import parse_qs

from aiohttp import web

from adapters.request_guard import answer_and_close, read_capped, request_label

logger = logging.getLogger(__name__)

MAX_BODY_BYTES = 512 * 1024
"""Slack's largest requests are block_actions payloads, which carry the clicked message: our messages stay
under 50 blocks of at most 3000 characters (URL-encoded, well under 512 KB). Anything larger is not Slack."""
MAX_SKEW_SECONDS = 300
_SIGNATURE = re.compile(r"v0=[0-9a-f]{64}")


@dataclass(frozen=True)
class Admitted:
    body: str


def refuse(request: web.Request, *, status: int, reason: str, size: int | None) -> web.Response:
    """The one log line of a refused request (method, path, size, reason) and a body-less answer."""
    logger.warning("refused %s (%s bytes): %s", request_label(request), "?" if size is None else size, reason)
    return web.Response(status=status, text=_TEXT.get(status, "refused"))


async def refuse_unread(request: web.Request, *, reason: str, size: int | None) -> web.StreamResponse:
    """413 for a body left unread: the answer is sent, then the connection is closed at once, instead of
    aiohttp's default of reading and discarding the rest for up to 10 seconds (a connection held open by
    junk costs a slot)."""
    return await answer_and_close(request, refuse(request, status=413, reason=reason, size=size))


_TEXT = {400: "bad request", 401: "invalid signature", 413: "request too large"}


def signature_problem(
    *, headers: web.Request | object, body: bytes, secret: str, now: Callable[[], float] = time.time
) -> str | None:
    """Why the request is not Slack's (a short reason for the log), or None when the signature holds."""
    get = getattr(headers, "headers", headers).get  # type: ignore[union-attr]
    timestamp = str(get("X-Slack-Request-Timestamp") or "")
    signature = str(get("X-Slack-Signature") or "")
    if not timestamp or not signature:
        return "missing signature headers"
    if not timestamp.isascii() or not timestamp.isdigit() or len(timestamp) > 12:
        return "malformed timestamp"
    if abs(now() - int(timestamp)) > MAX_SKEW_SECONDS:
        return "stale timestamp"
    if not _SIGNATURE.fullmatch(signature):
        return "malformed signature"
    base = b"v0:" + timestamp.encode() + b":" + body
    expected = "v0=" + hmac.new(secret.encode(), base, hashlib.sha256).hexdigest()
    if not hmac.compare_digest(expected, signature):
        return "signature mismatch"
    return None


def body_problem(*, content_type: str, text: str) -> str | None:
    """Why a signed body cannot be read (Bolt would fail on it with a traceback), or None."""
    try:
        if content_type == "application/json":
            return shape_problem(json.loads(text))
        if "payload=" not in text:  # a slash command: form fields Bolt reads as text, nothing to check
            return None
        form = parse_qs(text, keep_blank_values=True, strict_parsing=False)
        for payload in form.get("payload", ()):
            problem = shape_problem(json.loads(payload))
            if problem:
                return problem
    except (ValueError, RecursionError):  # RecursionError: JSON nested deeper than Python's stack
        return "malformed body"
    return None


_TEXT_KEYS = ("type", "text", "command", "user_id", "channel_id", "team_id", "trigger_id", "response_url", "ts")
_EVENT_TEXT_KEYS = ("type", "subtype", "text", "ts", "thread_ts", "channel_type", "tab", "bot_id")


def shape_problem(payload: object) -> str | None:
    """Why a JSON payload is not shaped as Slack shapes it where Bolt and our listeners read it, or None.

    Bolt reads `user`, `channel`, `team`, `event`, `actions` and `view` without checking their types, so a
    signed list, string or number in the wrong place was a 500 with a traceback. Only the places read
    are checked (blocks inside a clicked message carry dicts where these names hold text)."""
    if not isinstance(payload, dict):
        return "payload is not an object"
    problem = _keys_problem(payload, text_keys=_TEXT_KEYS)
    if problem:
        return problem
    for key in ("team", "enterprise"):
        if payload.get(key) is not None and not isinstance(payload[key], dict):
            return f"{key} is not an object"
    for key in ("event", "view", "container", "message", "state"):
        if key in payload and not isinstance(payload[key], dict):
            return f"{key} is not an object"
    event = payload.get("event")
    if isinstance(event, dict):
        problem = _keys_problem(event, text_keys=_EVENT_TEXT_KEYS)
        if problem:
            return f"event: {problem}"
        for key in ("item", "message", "previous_message"):
            if key in event and not isinstance(event[key], dict):
                return f"event: {key} is not an object"
    for key in ("authorizations", "response_urls"):  # Bolt reads item 0 of each as an object
        listed = payload.get(key, [])
        if not (isinstance(listed, list) and all(isinstance(item, dict) for item in listed)):
            return f"{key} is not a list of objects"
    actions = payload.get("actions", [])
    if not isinstance(actions, list) or not all(_is_action(action) for action in actions):
        return "actions are not a list of actions"
    if payload.get("type") == "block_actions" and not (actions and all("action_id" in a for a in actions)):
        return "block_actions without an action id"  # Bolt reads actions[0]["action_id"]
    view = payload.get("view")
    if isinstance(view, dict) and not _is_view(view):
        return "view is not a view"
    if payload.get("type") == "view_submission" and not (isinstance(view, dict) and "type" in view):
        return "view_submission without a view type"  # Bolt reads view["type"]
    return None


def _keys_problem(data: dict[str, object], *, text_keys: tuple[str, ...]) -> str | None:
    for key in text_keys:
        if key in data and not isinstance(data[key], str):
            return f"{key} is not text"
    for key in ("user", "channel"):  # an id, or an object with an id
        value = data.get(key)
        if value is None or isinstance(value, str):
            continue
        if not isinstance(value, dict) or not isinstance(value.get("id", ""), str):
            return f"{key} is neither an id nor an object with one"
    return None


def _is_action(action: object) -> bool:
    return isinstance(action, dict) and all(
        isinstance(action.get(key, ""), str) for key in ("type", "action_id", "block_id", "value")
    )


def _is_view(view: dict[str, object]) -> bool:
    if not all(isinstance(view.get(key, ""), str) for key in ("id", "type", "callback_id", "private_metadata")):
        return False
    state = view.get("state", {})
    if not isinstance(state, dict):
        return False
    values = state.get("values", {})
    return isinstance(values, dict) and all(
        isinstance(block, dict) and all(isinstance(element, dict) for element in block.values())
        for block in values.values()
    )


async def admit(request: web.Request, *, secret: str) -> Admitted | web.StreamResponse:
    """The request's body when it is Slack's and readable, else the refusal to send."""
    raw = await read_capped(request, limit=MAX_BODY_BYTES)
    if raw is None:
        return await refuse_unread(request, reason="body over cap", size=request.content_length)
    problem = signature_problem(headers=request, body=raw, secret=secret)
    if problem:
        return refuse(request, status=401, reason=problem, size=len(raw))
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return refuse(request, status=400, reason="body not utf-8", size=len(raw))
    problem = body_problem(content_type=request.content_type, text=text)
    if problem:
        return refuse(request, status=400, reason=problem, size=len(raw))
    return Admitted(body=text)
