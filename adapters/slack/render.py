"""Reply -> Block Kit, within Slack's limits.

Plain functions, no network: a header, each section as one block (title as text, facts as two-column
fields), buttons with confirm dialogs, and a context line. Every limit is measured (50 blocks, 3000
characters per section text, 2000 per field and context element, 10 fields, 150 for a header); anything
over a limit is cut with an ellipsis, and when something was cut the message ends with a pointer to the
command that shows it whole («Se hele: …»), so nothing disappears silently. Command hints in core text
(«neste») are written as typed in Slack («/samhandling neste») by `bot.shown.hints.platform_hints`.

Modals and the App Home are in `views.py`; a clicked message updated in place in `clicked.py`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import lru_cache
from typing import Any

from bot.i18n import _, using
from bot.memo import IdentityMemo
from bot.messages import Button, Mention, Reply, Section
from bot.shown.hints import platform_hints

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
"""The notification text; Slack allows 40,000 characters of message text, a notification shows far less."""
MAX_MESSAGE_TEXT = 40000
MAX_CONTEXT_ELEMENTS = 10

BUTTON_ACTION_PREFIX = "samhandling_btn_"
PLATFORM = "slack"

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


@lru_cache(maxsize=1024)
def header_block(title: str, *, ok: bool = True) -> Block:
    """Shared (never change it): a reply worked out anew mostly has the title it had, and the same block
    keeps its JSON (`adapters.slack.answer`)."""
    return {"type": "header", "text": _plain(("⚠️ " if not ok else "") + (title or "Samhandling"), MAX_HEADER)}


def section_blocks(section: Section) -> list[Block]:
    """One block per section; a section with more than ten facts continues in fields-only blocks.

    The core hands out the same `Section` object for an unchanged item all day (`handlers.describe`), so
    its blocks are kept by the object's identity, the object with them (so its id cannot be reused). The
    blocks are shared between messages: callers serialise them, and never change them."""
    blocks = _SECTION_BLOCKS.get(section)
    return blocks if blocks is not None else _SECTION_BLOCKS.put(section, _section_blocks(section))


_SECTION_BLOCKS: IdentityMemo[list[Block]] = IdentityMemo()


def _section_blocks(section: Section) -> list[Block]:
    head = "\n".join(part for part in (_bold(escape(section.title)), escape(section.text or "")) if part)
    fields = [
        {"type": "mrkdwn", "text": _field_text(fact.label, fact.value)}
        for fact in section.facts
        if fact.label or fact.value
    ]
    blocks: list[Block] = []
    first: Block = {"type": "section"}
    if head and not fields:  # a text alone (the minutes read whole) goes on in the next blocks
        *long_head, head = _chunks(head)
        blocks += [{"type": "section", "text": {"type": "mrkdwn", "text": chunk}} for chunk in long_head]
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
    return [{"type": "section", "text": {"type": "mrkdwn", "text": chunk}} for chunk in _chunks(escape(text.strip()))]


def _chunks(text: str) -> list[str]:
    """An escaped text in pieces of at most a section's size, split at line breaks, a line longer than that
    between words (a word longer than that is clipped): a long text (the minutes read whole) is shown in
    several blocks, never cut off."""
    return _pack(
        text.splitlines(),
        sep="\n",
        too_long=lambda line: _pack(
            line.split(" "), sep=" ", too_long=lambda word: [_clip_mrkdwn(word, MAX_SECTION_TEXT)]
        ),
    )


def _pack(parts: Sequence[str], *, sep: str, too_long: Callable[[str], list[str]]) -> list[str]:
    """`parts` joined by `sep` into as few pieces of at most MAX_SECTION_TEXT as they fit in; a part that
    fits in none is split by `too_long`."""
    pieces: list[str] = []
    current = ""
    for part in parts:
        candidate = f"{current}{sep}{part}" if current else part
        if len(candidate) <= MAX_SECTION_TEXT:
            current = candidate
            continue
        if current:
            pieces.append(current)
        *whole, current = too_long(part) or [""]
        pieces += whole
    return [*pieces, current] if current else pieces


def button_element(button: Button, index: int, *, primary: bool | None = None) -> Block:
    """One button; `primary` overrides the button's own (a set has at most one primary button)."""
    element: Block = {
        "type": "button",
        "action_id": f"{BUTTON_ACTION_PREFIX}{index}",
        "text": _plain(button.label, MAX_BUTTON_TEXT),
        "value": button.command[:MAX_BUTTON_VALUE],
    }
    if button.primary if primary is None else primary:
        element["style"] = "primary"
    if button.confirm:
        element["confirm"] = {
            "title": _plain(clip(button.label, MAX_CONFIRM_TITLE), MAX_CONFIRM_TITLE),
            "text": _plain(button.confirm, MAX_CONFIRM_TEXT),
            "confirm": _plain("Ja", 30),
            "deny": _plain("Avbryt", 30),
        }
    return element


@lru_cache(maxsize=1024)
def context_block(text: str) -> Block:
    """Shared, as `header_block` (the context line is the same all day)."""
    return {"type": "context", "elements": [_mrkdwn(text, MAX_CONTEXT_TEXT)]}


def mentions_block(mentions: Sequence[Mention]) -> Block:
    """The people a message calls on: `<@U…>` where their Slack id is known (Slack notifies them), the
    plain name otherwise."""
    names = [f"<@{m.ids['slack']}>" if m.ids.get("slack") else escape(m.name) for m in mentions]
    return {
        "type": "context",
        "elements": [{"type": "mrkdwn", "text": clip("Til: " + ", ".join(names), MAX_CONTEXT_TEXT)}],
    }


def actions_block(buttons: list[Button] | tuple[Button, ...]) -> Block:
    """A set of buttons: the first one that asks to be primary is the only green one."""
    first_primary = next((i for i, b in enumerate(buttons) if b.primary), None)
    return {
        "type": "actions",
        "elements": [button_element(b, i, primary=i == first_primary) for i, b in enumerate(buttons[:MAX_BUTTONS])],
    }


def for_slack(reply: Reply) -> Reply:
    """The reply with every command hint written as typed in Slack («/samhandling neste»).

    Cheap when there is nothing to rewrite (no «): the reply itself is returned, nothing is rebuilt (most
    `neste` replies: a `dataclasses.replace` per request was ~3 µs of a fresh answer's ~40)."""
    sections = tuple(_hinted_section(s) for s in reply.sections)
    title, text = _hint(reply.title), _hint(reply.text)
    context = _hint(reply.context) if reply.context else reply.context
    if title is reply.title and text is reply.text and context is reply.context and sections == reply.sections:
        return reply
    return replace(reply, title=title, text=text, context=context, sections=sections)


def _hint(text: str) -> str:
    return platform_hints(text, platform=PLATFORM) if "«" in text else text


def _hinted_section(s: Section) -> Section:
    """A section with its hints for Slack; kept per section object, which the core reuses for an unchanged
    item (the section itself when it has nothing to rewrite)."""
    kept = _HINTED.get(s)
    if kept is not None:
        return kept
    if "«" not in s.title and "«" not in (s.text or "") and not any("«" in f.label or "«" in f.value for f in s.facts):
        return _HINTED.put(s, s)
    facts = tuple(replace(f, label=_hint(f.label), value=_hint(f.value)) for f in s.facts)
    hinted = replace(s, title=_hint(s.title), facts=facts, text=_hint(s.text) if s.text else s.text)
    return _HINTED.put(s, hinted)  # the item's state is kept with it


_HINTED: IdentityMemo[Section] = IdentityMemo()


def _overflows(reply: Reply) -> bool:
    """Whether some part of the reply is longer than the block it goes into (and so is clipped)."""
    return any(map(_section_overflows, reply.sections)) or len(escape(reply.context or "")) > MAX_CONTEXT_TEXT


def _cut_fact_more(reply: Reply) -> str | None:
    """The command named by the first fact that is cut here and says where it is shown whole."""
    for section in reply.sections:
        for fact in section.facts:
            if fact.more and len(escape(fact.label)) + len(escape(fact.value)) + 3 > MAX_FIELD:
                return fact.more
    return None


def _section_overflows(section: Section) -> bool:
    """Escaping makes a text at most five times longer: shorter texts are not escaped to be measured. Kept
    per section object, which the core reuses for an unchanged item."""
    kept = _OVERFLOWS.get(section)
    if kept is not None:
        return kept
    size = len(section.title) + len(section.text or "") + sum(len(f.label) + len(f.value) for f in section.facts)
    if 5 * size < MAX_FIELD:
        return _OVERFLOWS.put(section, False)
    head = len(escape(section.title)) + len(escape(section.text or "")) + 3
    over = head > MAX_SECTION_TEXT or any(
        len(escape(f.label)) + len(escape(f.value)) + 3 > MAX_FIELD for f in section.facts
    )
    return _OVERFLOWS.put(section, over)


_OVERFLOWS: IdentityMemo[bool] = IdentityMemo()


def render_blocks(
    reply: Reply,
    *,
    max_blocks: int = MAX_MESSAGE_BLOCKS,
    with_buttons: bool = True,
    more: str | None = None,
    hinted: bool = False,
) -> list[Block]:
    """The whole reply as blocks, never more than `max_blocks`.

    Sections carry the structured content; `reply.text` (the full plain rendering) is shown only when there
    are no sections, so nothing is said twice. `more`: the command that shows the whole (usually the one
    asked), named in the pointer when something had to be cut; a cut fact that names its own (`Fact.more`:
    the minutes' `referat vis …`) is pointed to instead, since asking again would cut it again. `hinted`:
    `for_slack` was applied already.
    """
    reply = reply if hinted else for_slack(reply)
    more = _cut_fact_more(reply) or more
    # A command longer than a button's value (long minutes typed with «Registrer likevel») is left out: cut, a
    # click would run another command than the one shown (the minutes' end and their «bekreft» lost); the
    # reply's text says how to write it (walk 41).
    buttons = [b for b in reply.buttons if 0 < len(b.command) <= MAX_BUTTON_VALUE][:MAX_BUTTONS] if with_buttons else []
    tail: list[Block] = []
    if buttons:
        tail.append(actions_block(buttons))
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
    if not hidden and not (more and len(body) < budget and _overflows(reply)):
        return [header_block(reply.title, ok=reply.ok), *body, *tail]  # nothing cut: no note (most replies)
    with using("nn" if reply.lang == "nn" else "nb"):  # the note in the reply's written form
        pointer = (
            " " + _("Se hele: {command}.").format(command=platform_hints(f"«{more}»", platform=PLATFORM))
            if more
            else ""
        )
        if hidden:
            while body and len(body) + 1 > budget:
                body.pop()
                shown -= 1
                hidden += 1
            note = (
                _("… {n} deler til er ikke vist her (Slacks grense for én melding).")
                if reply.sections
                else _("… {n} tekst til er ikke vist her (Slacks grense for én melding).")
            )
            body.append(context_block(note.format(n=hidden) + pointer))
        elif pointer and _overflows(reply) and len(body) < budget:
            body.append(context_block(_("Noe er forkortet (Slacks grense for én melding).") + pointer))
    return [header_block(reply.title, ok=reply.ok), *body, *tail]


def fallback_text(reply: Reply, *, hinted: bool = False) -> str:
    """The notification and screen-reader text; Slack shows it where blocks cannot be shown.

    The core's `text` starts with the title already; it is said once."""
    reply = reply if hinted else for_slack(reply)
    first = reply.title.strip()
    rest = reply.text.strip()
    if first and rest.startswith(first):
        rest = rest[len(first) :].strip()
    text = f"{first}\n{rest}" if first and rest else first or rest or "Samhandling"
    return _clip_mrkdwn(escape(text), MAX_FALLBACK_TEXT)


def message_payload(reply: Reply, *, more: str | None = None) -> dict[str, Any]:
    """`text` + `blocks` for chat.postMessage, chat.update, a response_url or an ack."""
    text, blocks = payload_parts(reply, more=more)
    return {"text": text, "blocks": list(blocks)}


def payload_parts(reply: Reply, *, more: str | None = None) -> tuple[str, list[Block]]:
    """The fallback text and the blocks of `message_payload`, shared: never change them.

    A reply the core kept (bot/reply_cache.py) comes back as the same object: its blocks are laid out once
    (the blocks themselves, of a section the core kept, are the same dicts across replies too)."""
    kept = _PAYLOADS.get(reply, more)
    if kept is None:
        hinted = for_slack(reply)
        kept = _PAYLOADS.put(
            reply, (fallback_text(hinted, hinted=True), render_blocks(hinted, more=more, hinted=True)), more
        )
    return kept


_PAYLOADS: IdentityMemo[tuple[str, list[Block]]] = IdentityMemo(maxsize=256)
