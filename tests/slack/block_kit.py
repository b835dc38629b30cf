"""What Slack would refuse in a message (`chat.postMessage` answers `invalid_blocks`, or drops the
message): Block Kit's documented limits for the blocks and elements the bot sends, checked on a rendered
payload. Limits from https://docs.slack.dev/reference/block-kit/blocks and …/block-elements and
…/composition-objects: a message has at most 50 blocks; a header's plain text at most 150 characters; a
section's text at most 3000, at most 10 fields of at most 2000; a context at most 10 elements; an actions
block at most 25 elements; a button's text at most 75, its value 2000, its action_id 255 and unique in the
message; a confirm dialog's title 100, text 300, its buttons 30; a block_id 255 and unique; no text object
empty. In mrkdwn a `<` opens a mention or a link, so one from stored text must arrive escaped."""

from __future__ import annotations

import re
from typing import Any

ALLOWED_ANGLE = re.compile(r"<(?:@[UW][A-Z0-9]+|#C[A-Z0-9]+|![a-z]+|https?://[^>|\s]+(?:\|[^>]*)?)>")

LIMITS = {"header": 150, "section": 3000, "field": 2000, "context": 2000, "button": 75}


def problems(payload: dict[str, Any], *, max_blocks: int = 50) -> list[str]:
    """Every way `payload` (`text` + `blocks`) breaks a Block Kit rule; empty when Slack would take it."""
    found: list[str] = []
    blocks = payload.get("blocks", [])
    if not payload.get("text"):
        found.append("no fallback text")
    if len(payload.get("text", "")) > 40000:
        found.append("fallback text over 40000")
    if len(blocks) > max_blocks:
        found.append(f"{len(blocks)} blocks > {max_blocks}")
    action_ids: list[str] = []
    block_ids: list[str] = []
    for n, block in enumerate(blocks):
        where = f"block {n} ({block.get('type')})"
        if "block_id" in block:
            block_ids.append(block["block_id"])
            if len(block["block_id"]) > 255:
                found.append(f"{where}: block_id over 255")
        found += [f"{where}: {p}" for p in _block(block, action_ids)]
    for ids, what in ((action_ids, "action_id"), (block_ids, "block_id")):
        twice = sorted({i for i in ids if ids.count(i) > 1})
        if twice:
            found.append(f"{what} used twice: {twice}")
    return found


def _block(block: dict[str, Any], action_ids: list[str]) -> list[str]:
    kind = block.get("type")
    if kind == "header":
        return _text(block.get("text"), LIMITS["header"], plain=True)
    if kind == "section":
        if "text" not in block and not block.get("fields"):
            return ["a section with neither text nor fields"]
        found = _text(block["text"], LIMITS["section"]) if "text" in block else []
        fields = block.get("fields", [])
        if len(fields) > 10:
            found.append(f"{len(fields)} fields > 10")
        for field in fields:
            found += _text(field, LIMITS["field"])
        return found
    if kind == "context":
        elements = block.get("elements", [])
        found = [] if 0 < len(elements) <= 10 else [f"{len(elements)} context elements"]
        for element in elements:
            found += _text(element, LIMITS["context"])
        return found
    if kind == "actions":
        elements = block.get("elements", [])
        found = [] if 0 < len(elements) <= 25 else [f"{len(elements)} action elements"]
        for element in elements:
            found += _button(element, action_ids)
        return found
    if kind in ("divider", "image"):
        return []
    return [f"unexpected block type {kind!r}"]


def _button(element: dict[str, Any], action_ids: list[str]) -> list[str]:
    if element.get("type") != "button":
        return [f"unexpected element {element.get('type')!r}"]
    found = _text(element.get("text"), LIMITS["button"], plain=True)
    action_id = element.get("action_id", "")
    action_ids.append(action_id)
    if not 0 < len(action_id) <= 255:
        found.append(f"action_id of {len(action_id)} characters")
    if not 0 < len(element.get("value", "x")) <= 2000:
        found.append("button value empty or over 2000")
    if element.get("style") not in (None, "primary", "danger"):
        found.append(f"button style {element['style']!r}")
    confirm = element.get("confirm")
    if confirm:
        found += _text(confirm.get("title"), 100, plain=True) + _text(confirm.get("text"), 300)
        found += _text(confirm.get("confirm"), 30, plain=True) + _text(confirm.get("deny"), 30, plain=True)
    return found


def _text(obj: Any, limit: int, *, plain: bool = False) -> list[str]:
    if not isinstance(obj, dict) or obj.get("type") not in ("plain_text", "mrkdwn"):
        return [f"not a text object: {obj!r:.80}"]
    if plain and obj["type"] != "plain_text":
        return [f"must be plain_text: {obj['text']!r:.80}"]
    text = obj.get("text", "")
    found = []
    if not text.strip():
        found.append("empty text")
    if len(text) > limit:
        found.append(f"{len(text)} characters > {limit}: {text[:60]!r}…")
    if obj["type"] == "mrkdwn" and "<" in ALLOWED_ANGLE.sub("", text):
        found.append(f"an unescaped < in mrkdwn: {text[:80]!r}")
    return found


def modal_problems(view: dict[str, Any]) -> list[str]:
    """A modal's limits: title, submit and close at most 24 characters, at most 100 blocks, private_metadata
    at most 3000; each input's label 2000, placeholder 150, max_length at most 3000."""
    found = [f"{what}: {p}" for what in ("title", "submit", "close") if what in view for p in _text(view[what], 24)]
    if len(view.get("private_metadata", "")) > 3000:
        found.append("private_metadata over 3000")
    blocks = view.get("blocks", [])
    inputs = [b for b in blocks if b.get("type") == "input"]
    others = {"blocks": [b for b in blocks if b.get("type") != "input"], "text": "modal"}
    found += problems(others, max_blocks=100 - len(inputs))
    block_ids: list[str] = []  # an input's action_id need be unique only in its block; its block_id in the view
    for block in inputs:
        element = block.get("element", {})
        found += _text(block.get("label"), 2000, plain=True)
        if "placeholder" in element:
            found += _text(element["placeholder"], 150, plain=True)
        if not 0 < element.get("max_length", 3000) <= 3000:
            found.append(f"max_length {element.get('max_length')}")
        block_ids.append(block.get("block_id", ""))
        if not 0 < len(element.get("action_id", "")) <= 255:
            found.append("an input without an action_id")
    if len(set(block_ids)) != len(block_ids) or "" in block_ids:
        found.append(f"input block_ids missing or repeated: {block_ids}")
    return found
