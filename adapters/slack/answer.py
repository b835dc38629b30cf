"""A slash command's answer as the JSON Bolt's `ack` sends, from the kept JSON of the blocks that did not change.

A `neste` worked out anew (after a write) is a new `Reply`, but most of its sections are the same objects
as before (the core keeps an unchanged item's section: `handlers.describe`), and so are their blocks
(`render.section_blocks`, kept by the section). Encoding the whole ~4-10 KB of blocks again was ~20 µs of a
region's answer; each section block's JSON is kept by the block's identity instead (a block is never
changed once made), as is a header's and a context line's (shared per text), and only the fallback text
and the buttons are encoded per reply.
`json.dumps` of a dict or list is its parts' encodings joined by ", " (the default separators), so the bytes
are exactly those of `json.dumps` of the whole (`tests/slack/test_render.py`).
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from bot.memo import IdentityMemo
from bot.messages import Reply

from .render import Block, payload_parts

_BLOCKS: IdentityMemo[str] = IdentityMemo(maxsize=4096)
"""Each section block's JSON, by the block's identity (the blocks of a kept section are the same dicts)."""
KEPT_TYPES = frozenset({"section", "header", "context"})
"""The blocks worth keeping: a section's, made once per `Section` object, and a header or context line,
shared per text (`render.header_block`, `render.context_block`); buttons are made per reply and would only
push the kept ones out."""


def answer_json(reply: Reply, *, response_type: str, more: str | None = None) -> str:
    """The whole answer to a slash command (`response_type`, `text`, `blocks`), the bytes of
    `json.dumps({"text": …, "response_type": …, "blocks": …})`: encoded once per reply object (a kept reply,
    bot/reply_cache.py, is the same object for every asker), and for a new reply from the kept JSON of
    its unchanged blocks. The keys are in the order `ack(response_type=…, text=…, blocks=…)` writes them."""
    kept = _ANSWERS.get(reply, (response_type, more))
    if kept is None:
        text, blocks = payload_parts(reply, more=more)
        encoded = f'{{"text": {json.dumps(text)}, "response_type": {json.dumps(response_type)}, "blocks": [{_joined(blocks)}]}}'
        kept = _ANSWERS.put(reply, encoded, (response_type, more))
    return kept


def _joined(blocks: Sequence[Block]) -> str:
    parts = []
    for block in blocks:
        encoded = _BLOCKS.get(block)
        if encoded is None:
            encoded = json.dumps(block)
            if block.get("type") in KEPT_TYPES:
                _BLOCKS.put(block, encoded)
        parts.append(encoded)
    return ", ".join(parts)


_ANSWERS: IdentityMemo[str] = IdentityMemo(maxsize=256)
