"""Reply -> Block Kit, within Slack's limits.

Plain functions, no network: a header, each section as one block (title as text, facts as two-column
fields), buttons with confirm dialogs, and a context line. Anything over a limit is cut with an ellipsis,
and sections that do not fit in a message are summarised in one closing line instead of being dropped
silently.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from bot.messages import Button, Form, Mention, Reply, Section

Block = dict[str, Any]

# Slack's documented limits (https://docs.slack.dev/reference/block-kit/blocks)
MAX_MESSAGE_BLOCKS = 50
MAX_MODAL_BLOCKS = 100
MAX_HEADER = 150
MAX_SECTION_TEXT = 3000
MAX_FIELD = 2000
MAX_FIELDS = 10
MAX_CONTEXT_TEXT = 2000
MAX_BUTTONS = 25
MAX_BUTTON_TEXT = 75
MAX_BUTTON_VALUE = 2000
MAX_CONFIRM_TITLE = 100
MAX_CONFIRM_TEXT = 300
MAX_FALLBACK_TEXT = 3000
MAX_MODAL_TITLE = 24
MAX_PRIVATE_METADATA = 3000
MAX_INPUT_LABEL = 2000

BUTTON_ACTION_PREFIX = "samhandling_btn_"
FORM_CALLBACK_ID = "samhandling_form"
FORM_INPUT_ACTION = "value"

ELLIPSIS = "…"


def clip(text: str, limit: int) -> str:
    """Cut to `limit` characters, marking the cut."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + ELLIPSIS


def escape(text: str) -> str:
    """Slack's mrkdwn treats &, < and > as control characters; user text must not inject mentions or links."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _mrkdwn(text: str, limit: int) -> dict[str, str]:
    return {"type": "mrkdwn", "text": _clip_mrkdwn(escape(text), limit)}


def _clip_mrkdwn(escaped: str, limit: int) -> str:
    """Clip already-escaped mrkdwn, never inside an entity such as `&amp;`."""
    if len(escaped) <= limit:
        return escaped
    cut = escaped[: limit - 1]
    amp = cut.rfind("&")
    if amp != -1 and ";" not in cut[amp:]:
        cut = cut[:amp]
    return cut.rstrip() + ELLIPSIS


def _plain(text: str, limit: int) -> dict[str, Any]:
    return {"type": "plain_text", "text": clip(text, limit) or " ", "emoji": True}


def _bold(text: str) -> str:
    return f"*{text.strip()}*" if text.strip() else ""


def header_block(title: str, *, ok: bool = True) -> Block:
    return {"type": "header", "text": _plain(("⚠️ " if not ok else "") + (title or "Samhandling"), MAX_HEADER)}


def section_blocks(section: Section) -> list[Block]:
    """One block per section; a section with more than ten facts continues in fields-only blocks."""
    head = "\n".join(part for part in (_bold(escape(section.title)), escape(section.text or "")) if part)
    fields = [
        {"type": "mrkdwn", "text": _field_text(fact.label, fact.value)}
        for fact in section.facts
        if fact.label or fact.value
    ]
    blocks: list[Block] = []
    first: Block = {"type": "section"}
    if head:
        first["text"] = {"type": "mrkdwn", "text": _clip_mrkdwn(head, MAX_SECTION_TEXT)}
    if fields:
        first["fields"] = fields[:MAX_FIELDS]
    if "text" in first or "fields" in first:
        blocks.append(first)
    for start in range(MAX_FIELDS, len(fields), MAX_FIELDS):
        blocks.append({"type": "section", "fields": fields[start : start + MAX_FIELDS]})
    return blocks


def _field_text(label: str, value: str) -> str:
    label_part = _bold(escape(label))
    value_part = escape(value) if value.strip() else "–"
    return _clip_mrkdwn(f"{label_part}\n{value_part}" if label_part else value_part, MAX_FIELD)


def text_blocks(text: str) -> list[Block]:
    """A long plain text becomes several sections split at line breaks, never one unreadable wall."""
    chunks: list[str] = []
    current = ""
    for line in escape(text.strip()).splitlines():
        candidate = f"{current}\n{line}" if current else line
        if len(candidate) <= MAX_SECTION_TEXT:
            current = candidate
            continue
        if current:
            chunks.append(current)
        current = _clip_mrkdwn(line, MAX_SECTION_TEXT)
    if current:
        chunks.append(current)
    return [{"type": "section", "text": {"type": "mrkdwn", "text": chunk}} for chunk in chunks]


def button_element(button: Button, index: int) -> Block:
    element: Block = {
        "type": "button",
        "action_id": f"{BUTTON_ACTION_PREFIX}{index}",
        "text": _plain(button.label, MAX_BUTTON_TEXT),
        "value": button.command[:MAX_BUTTON_VALUE],
    }
    if button.primary:
        element["style"] = "primary"
    if button.confirm:
        element["confirm"] = {
            "title": _plain(clip(button.label, MAX_CONFIRM_TITLE), MAX_CONFIRM_TITLE),
            "text": _plain(button.confirm, MAX_CONFIRM_TEXT),
            "confirm": _plain("Ja", 30),
            "deny": _plain("Avbryt", 30),
        }
    return element


def context_block(text: str) -> Block:
    return {"type": "context", "elements": [_mrkdwn(text, MAX_CONTEXT_TEXT)]}


def mentions_block(mentions: Sequence[Mention]) -> Block:
    """The people a message calls on: `<@U…>` where their Slack id is known (Slack notifies them), the
    plain name otherwise."""
    names = [f"<@{m.ids['slack']}>" if m.ids.get("slack") else escape(m.name) for m in mentions]
    return {
        "type": "context",
        "elements": [{"type": "mrkdwn", "text": clip("Til: " + ", ".join(names), MAX_CONTEXT_TEXT)}],
    }


def render_blocks(reply: Reply, *, max_blocks: int = MAX_MESSAGE_BLOCKS, with_buttons: bool = True) -> list[Block]:
    """The whole reply as blocks, never more than `max_blocks`.

    Sections carry the structured content; `reply.text` (the full plain rendering) is shown only when there
    are no sections, so nothing is said twice.
    """
    buttons = [b for b in reply.buttons if b.command][:MAX_BUTTONS] if with_buttons else []
    tail: list[Block] = []
    if buttons:
        tail.append({"type": "actions", "elements": [button_element(b, i) for i, b in enumerate(buttons)]})
    if reply.context:
        tail.append(context_block(reply.context))
    if reply.mentions:
        tail.append(mentions_block(reply.mentions))

    body: list[Block] = []
    if reply.sections:
        per_section = [section_blocks(s) for s in reply.sections]
    else:
        per_section = [text_blocks(reply.text)] if reply.text.strip() else []

    budget = max_blocks - 1 - len(tail)  # the header
    shown = 0
    for blocks in per_section:
        if len(body) + len(blocks) > budget:
            break
        body.extend(blocks)
        shown += 1
    hidden = len(per_section) - shown
    if hidden:
        while body and len(body) + 1 > budget:
            body.pop()
            shown -= 1
            hidden += 1
        what = "deler" if reply.sections else "tekst"
        body.append(context_block(f"… {hidden} {what} til er ikke vist her (Slacks grense for én melding)."))
    return [header_block(reply.title, ok=reply.ok), *body, *tail]


def fallback_text(reply: Reply) -> str:
    """The notification and screen-reader text; Slack shows it where blocks cannot be shown."""
    first = reply.title.strip()
    rest = reply.text.strip()
    text = f"{first}\n{rest}" if first and rest else first or rest or "Samhandling"
    return _clip_mrkdwn(escape(text), MAX_FALLBACK_TEXT)


def message_payload(reply: Reply) -> dict[str, Any]:
    return {"text": fallback_text(reply), "blocks": render_blocks(reply)}


def form_view(form: Form, *, private_metadata: dict[str, str]) -> dict[str, Any]:
    """A modal with one input per form field. Each input's block_id is the field name."""
    blocks: list[Block] = []
    for f in form.fields[:MAX_MODAL_BLOCKS]:
        element: Block = {"type": "plain_text_input", "action_id": FORM_INPUT_ACTION, "multiline": f.multiline}
        block: Block = {
            "type": "input",
            "block_id": f.name[:255],
            "label": _plain(f.label, MAX_INPUT_LABEL),
            "optional": f.optional,
            "element": element,
        }
        if f.hint:
            block["hint"] = _plain(f.hint, MAX_INPUT_LABEL)
        blocks.append(block)
    return {
        "type": "modal",
        "callback_id": FORM_CALLBACK_ID,
        "title": _plain(form.title, MAX_MODAL_TITLE),
        "submit": _plain(form.submit_label, MAX_MODAL_TITLE),
        "close": _plain("Avbryt", MAX_MODAL_TITLE),
        "private_metadata": encode_metadata(private_metadata),
        "blocks": blocks,
    }


def reply_view(reply: Reply) -> dict[str, Any]:
    """A modal that shows a reply (used when a form submission is refused)."""
    return {
        "type": "modal",
        "title": _plain(reply.title or "Samhandling", MAX_MODAL_TITLE),
        "close": _plain("Lukk", MAX_MODAL_TITLE),
        "blocks": render_blocks(reply, max_blocks=MAX_MODAL_BLOCKS, with_buttons=False),
    }


def encode_metadata(data: dict[str, str]) -> str:
    encoded = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    if len(encoded) > MAX_PRIVATE_METADATA:
        raise ValueError("form metadata exceeds Slack's private_metadata limit")
    return encoded


def decode_metadata(raw: str | None) -> dict[str, str]:
    try:
        data = json.loads(raw or "{}")
    except ValueError:
        return {}
    return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}
