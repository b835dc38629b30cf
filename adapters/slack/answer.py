"""A slash command's answer as the JSON Bolt's `ack` sends, from the kept JSON of the blocks that did not change.

A `neste` worked out anew (after a write) is a new `Reply`, but most of its sections are the same objects
as before (the core keeps an unchanged item's section: `handlers.describe`), and so are their blocks
(`render.section_blocks`, kept by the section). Encoding the whole ~4-10 KB of blocks again was ~20 µs of a
region's answer; each section block's JSON is kept by the block's identity instead (a block is never
changed once made), as is a header's and a context line's (shared per text), and only the fallback text
and the buttons are encoded per reply.
`json.dumps` of a dict or list is its parts' encodings joined by ", " (the default separators), so the bytes
are exactly those of `json.dumps` of the whole (`tests/slack/test_render.py`).
A new reply equal to one answered before (the same texts, buttons and section objects: a channel whose
answer a write elsewhere did not change) is given that one's JSON whole (`_content_key`).
"""

from __future__ import annotations

import json
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import fields

from bot.memo import IdentityMemo, drop_oldest
from bot.messages import Reply, Section

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
        key = _content_key(reply, response_type=response_type, more=more)
        found = _BY_CONTENT.get(key) if key is not None else None
        if found is not None and _same_sections(found[0], reply.sections):
            _BY_CONTENT.move_to_end(key)
            return _ANSWERS.put(reply, found[1], (response_type, more))
        text, blocks = payload_parts(reply, more=more)
        encoded = f'{{"text": {json.dumps(text)}, "response_type": {json.dumps(response_type)}, "blocks": [{_joined(blocks)}]}}'
        kept = _ANSWERS.put(reply, encoded, (response_type, more))
        if key is not None:
            _BY_CONTENT[key] = (reply.sections, encoded)
            if len(_BY_CONTENT) > _ANSWERS_KEPT:
                drop_oldest(_BY_CONTENT)
    return kept


ContentKey = tuple[str, str | None, tuple[object, ...], tuple[int, ...]]

_BY_VALUE = tuple(field.name for field in fields(Reply) if field.name not in ("sections", "mentions"))
"""Every field of a reply but its sections, taken from the dataclass itself, so a field added to `Reply` is in
the key without anyone remembering to add it."""


def _content_key(reply: Reply, *, response_type: str, more: str | None) -> ContentKey | None:
    """What the answer is made of, for a new reply equal to one answered before (a channel's `neste` worked out
    anew after a write elsewhere says what it said, in the same kept sections: `handlers.describe`): every
    field of the reply by value, and the sections by identity (their blocks are kept by it, and comparing
    them by value would cost about what encoding them does). None for a reply that mentions people (rare;
    their ids are a mapping) or holds a value that cannot be a key; its answer is encoded as before."""
    if reply.mentions:
        return None
    key = (response_type, more, tuple(getattr(reply, name) for name in _BY_VALUE), tuple(map(id, reply.sections)))
    try:
        hash(key)
    except TypeError:
        return None
    return key


def _same_sections(kept: tuple[Section, ...], sections: tuple[Section, ...]) -> bool:
    """The kept answer's sections are these very objects (held with it, so an id is not another's)."""
    return len(kept) == len(sections) and all(a is b for a, b in zip(kept, sections, strict=True))


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


_ANSWERS_KEPT = 256
_ANSWERS: IdentityMemo[str] = IdentityMemo(maxsize=_ANSWERS_KEPT)
_BY_CONTENT: OrderedDict[ContentKey, tuple[tuple[Section, ...], str]] = OrderedDict()
"""The answers last encoded, by what they are made of (`_content_key`), with the sections they hold."""
