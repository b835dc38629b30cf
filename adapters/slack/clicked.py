"""A clicked message, updated in place: who did what and when, and only the buttons that still apply.

Without this every click adds a top-level message and the clicked message keeps its buttons, so a second
person clicks the same button again ("Allerede signert"). After a click that recorded something, the
message keeps its content, loses the clicked button, shows one line per recorded click ("✅ Signert for
Agder fylkeskommune – @Kari, 12. januar 2027 kl. 10.00") and keeps one primary button at most.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from typing import Any

from bot.messages import Reply

from .render import MAX_CONTEXT_TEXT, MAX_MESSAGE_BLOCKS, Block, clip, escape, message_payload

DONE_PREFIX = "✅ "


def done_line(result: Reply, *, user_id: str, when: str) -> str:
    """One line for the clicked message: what was recorded, by whom (a Slack mention shows the name), when."""
    title = escape(result.title.strip() or "Registrert")
    return clip(f"{DONE_PREFIX}{title} – <@{escape(user_id)}>, {escape(when)}", MAX_CONTEXT_TEXT)


def updated_message(
    *, message: Mapping[str, Any] | None, action: Mapping[str, Any], result: Reply, user_id: str, when: str
) -> dict[str, Any]:
    """The clicked message as it should look now (text + blocks for `replace_original` or chat.update).

    `message` is the original from the click payload (absent for an ephemeral message: then the result
    itself is shown, with the line).
    """
    line = {"type": "context", "elements": [{"type": "mrkdwn", "text": done_line(result, user_id=user_id, when=when)}]}
    if not message or not message.get("blocks"):
        payload = message_payload(result)
        payload["blocks"] = [b for b in payload["blocks"] if b.get("type") != "actions"][: MAX_MESSAGE_BLOCKS - 1]
        payload["blocks"].append(line)
        return payload
    blocks: list[Block] = []
    clicked = (str(action.get("action_id", "")), str(action.get("value", "")))
    for block in copy.deepcopy(list(message["blocks"])):
        if block.get("type") != "actions":
            blocks.append(block)
            continue
        left = [e for e in block.get("elements") or () if (e.get("action_id"), e.get("value")) != clicked]
        had_primary = any(e.get("style") == "primary" for e in block.get("elements") or ())
        for element in left:
            element.pop("style", None) if element.get("style") == "primary" else None
        if left and had_primary:
            left[0]["style"] = "primary"
        if left:
            blocks.append({**block, "elements": left})
    # the new line goes after the last earlier line (or at the end), before the remaining buttons
    actions_at = next((i for i, b in enumerate(blocks) if b.get("type") == "actions"), len(blocks))
    blocks.insert(actions_at, line)
    while len(blocks) > MAX_MESSAGE_BLOCKS:
        blocks.pop(1)  # the oldest content after the header; the buttons and the newest line stay
    return {"text": str(message.get("text") or result.title), "blocks": blocks}
