"""Slack views: the form modal, its refusal as `response_action: errors`, and the App Home tab.

A refused form keeps the modal open with what was typed: Slack shows the message under the input it is
keyed to (`errors: {block_id: text}`), instead of a new view that would throw the inputs away. Slack cuts a
modal title at 24 characters, so the title is short and a context block names meeting, region and year.
Where to confirm (the channel, the thread) travels in `private_metadata`.
"""

from __future__ import annotations

import json
import logging
from typing import Any

from bot.messages import Form, Reply
from bot.parsing import fold

from .render import MAX_CONTEXT_TEXT, Block, _plain, clip, context_block, escape, render_blocks

logger = logging.getLogger(__name__)

FORM_CALLBACK_ID = "samhandling_form"
FORM_INPUT_ACTION = "value"

MAX_MODAL_BLOCKS = 100
MAX_HOME_BLOCKS = 100
MAX_MODAL_TITLE = 24
MAX_PRIVATE_METADATA = 3000
MAX_INPUT_LABEL = 2000
MAX_HINT = 2000
MAX_PLACEHOLDER = 150
MAX_INPUT_MULTILINE = 3000
"""Slack's own maximum for a plain_text_input; the core refuses commands over 4000 characters anyway."""
MAX_INPUT_LINE = 500
MAX_ERROR_TEXT = 300


def form_view(form: Form, *, private_metadata: dict[str, str]) -> dict[str, Any]:
    """A modal with one input per form field (block_id = field name), each with a max_length."""
    blocks: list[Block] = []
    if form.context:
        blocks.append(context_block(form.context))
    for f in form.fields[: MAX_MODAL_BLOCKS - len(blocks)]:
        element: Block = {
            "type": "plain_text_input",
            "action_id": FORM_INPUT_ACTION,
            "multiline": f.multiline,
            "max_length": MAX_INPUT_MULTILINE if f.multiline else MAX_INPUT_LINE,
        }
        block: Block = {
            "type": "input",
            "block_id": f.name[:255],
            "label": _plain(f.label, MAX_INPUT_LABEL),
            "optional": f.optional,
            "element": element,
        }
        if f.hint:
            element["placeholder"] = _plain(f.hint, MAX_PLACEHOLDER)
        blocks.append(block)
    return {
        "type": "modal",
        "callback_id": FORM_CALLBACK_ID,
        "title": _plain(short_title(form.title), MAX_MODAL_TITLE),
        "submit": _plain(form.submit_label, MAX_MODAL_TITLE),
        "close": _plain("Avbryt", MAX_MODAL_TITLE),
        "private_metadata": encode_metadata(private_metadata),
        "blocks": blocks,
    }


def short_title(title: str) -> str:
    """A title that fits Slack's 24 characters at a word boundary, never "Referat: Regionalt dial…"."""
    if len(title) <= MAX_MODAL_TITLE:
        return title
    words = title.replace(":", " ").split()
    kept = ""
    for word in words:
        candidate = f"{kept} {word}".strip()
        if len(candidate) > MAX_MODAL_TITLE:
            break
        kept = candidate
    return kept or clip(title, MAX_MODAL_TITLE)


def form_errors(reply: Reply, *, view: dict[str, Any]) -> dict[str, str]:
    """`response_action: errors` for a refused submission: the message keyed to the input it is about.

    The core's refusal names what was wrong in words ("Oppfølgingspunktet …", "Lenken …"); the input whose
    name or label shares a word with it gets the message, else the first input.
    """
    listed = view.get("blocks")
    inputs = [  # the view as sent back: a broken client's block may be no object, its id or label no text
        b
        for b in (listed if isinstance(listed, list) else ())
        if isinstance(b, dict) and b.get("type") == "input" and isinstance(b.get("block_id"), str) and b["block_id"]
    ]
    message = clip(" ".join(reply.text.split()) or reply.title, MAX_ERROR_TEXT)
    if not inputs:
        return {}
    said = fold(message)
    for block in inputs:
        label = block.get("label")
        label = str(label.get("text", "")) if isinstance(label, dict) else ""
        words = label.replace("(", " ").replace(")", " ").replace(",", " ").split()
        stems = {fold(block["block_id"])[:6]} | {fold(w)[:6] for w in words[:1]}
        stems |= {fold(w.lstrip("@"))[:6] for w in words if w.startswith("@")}  # "med @ansvarlig"
        if any(len(stem) >= 4 and stem in said for stem in stems):
            return {str(block["block_id"]): message}
    return {str(inputs[0]["block_id"]): message}


def reply_view(reply: Reply) -> dict[str, Any]:
    """A modal that only shows a reply (when a submission cannot be keyed to an input)."""
    return {
        "type": "modal",
        "title": _plain(short_title(reply.title or "Samhandling"), MAX_MODAL_TITLE),
        "close": _plain("Lukk", MAX_MODAL_TITLE),
        "blocks": render_blocks(reply, max_blocks=MAX_MODAL_BLOCKS, with_buttons=False),
    }


def home_view(reply: Reply, *, note: str) -> dict[str, Any]:
    """The App Home tab: the viewer's own `neste`, with its buttons, and a line on how to ask for more."""
    blocks = render_blocks(reply, max_blocks=MAX_HOME_BLOCKS - 1, more="neste")
    blocks.append({"type": "context", "elements": [{"type": "mrkdwn", "text": clip(escape(note), MAX_CONTEXT_TEXT)}]})
    return {"type": "home", "blocks": blocks}


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
