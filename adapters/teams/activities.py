"""A reply as the message activity Teams gets: an Adaptive Card where the client shows one, else text,
always within the connector's size limit (cut with a pointer to the command that shows all)."""

from __future__ import annotations

from typing import Any

from botbuilder.schema import Activity, ActivityTypes, Attachment

from bot.messages import Reply

from .cards import CARD_CONTENT_TYPE, render_card
from .fit import BUDGET_BYTES, LONG_FACT, activity_bytes, cut_notice, fit_card
from .hints import for_teams, prefix_for

CARD_CHANNELS = frozenset({"msteams", "emulator", "webchat", "directline"})
"""Channels that render Adaptive Cards; anything else gets the reply's plain text."""


def reply_activity(reply: Reply, *, channel: str | None, origin: str | None = None, personal: bool = False) -> Activity:
    """A message activity for a reply: an Adaptive Card where the client can show one, else text; either
    way within the connector's size limit (cut with a pointer to ``origin``, the command that shows all),
    with command hints as typed there (``personal``: a one-to-one chat, where no @mention is needed)."""
    reply = for_teams(reply, personal=personal)
    pointer = f"{prefix_for(personal=personal)}{origin}" if origin else None
    whole = next((f.more for s in reply.sections for f in s.facts if f.more and len(f.value) > LONG_FACT), None)
    more = f"{prefix_for(personal=personal)}{whole}" if whole else None
    if channel not in CARD_CHANNELS:
        text = reply.text
        if activity_bytes(text) > BUDGET_BYTES:
            text = text[: BUDGET_BYTES // 4] + "\n…\n" + cut_notice(pointer, more=more, lang=reply.lang)
        return Activity(type=ActivityTypes.message, text=text, text_format="plain")
    card = render_card(reply, origin=origin)
    return card_activity(card, summary=reply.title, pointer=pointer, more=more, lang=reply.lang)


def card_activity(
    card: dict[str, Any],
    *,
    summary: str,
    pointer: str | None,
    activity_id: str | None = None,
    more: str | None = None,
    lang: str = "nb",
) -> Activity:
    """A message activity carrying ``card``, cut to fit the connector's limit as the connector counts."""

    def build(content: dict[str, Any]) -> Activity:
        return Activity(
            type=ActivityTypes.message,
            id=activity_id,
            summary=summary[:200],  # the notification / chat-list preview
            attachments=[Attachment(content_type=CARD_CONTENT_TYPE, content=content)],
        )

    def measure(content: dict[str, Any]) -> int:
        # The payload as plain JSON (msrest's serialisation costs a millisecond; the budget leaves room
        # for the ids, conversation and accounts the SDK adds around it).
        wrapper = {
            "type": "message",
            "summary": summary[:200],
            "attachments": [{"contentType": CARD_CONTENT_TYPE, "content": content}],
        }
        return activity_bytes(wrapper)

    return build(fit_card(card, measure=measure, pointer=pointer, more=more, lang=lang))
