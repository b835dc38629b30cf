"""Command hints as typed in Teams: «@Samhandling neste» in a channel or group chat, «neste» in a personal
chat (where the bot hears every message and a mention cannot be typed). The rewriting itself is the core's
`bot.shown.hints.platform_hints`; this module only picks the prefix and applies it to every text of a reply."""

from __future__ import annotations

from dataclasses import replace

from bot.messages import Button, Reply, Section
from bot.shown.hints import PREFIXES, platform_hints

PLATFORM = "teams"


def prefix_for(*, personal: bool) -> str:
    return "" if personal else PREFIXES[PLATFORM]


def hint(text: str, *, personal: bool) -> str:
    if "«" not in text or personal:
        return text
    return platform_hints(text, platform=PLATFORM)


def for_teams(reply: Reply, *, personal: bool) -> Reply:
    """The reply with its hints rewritten; the same object when there is nothing to rewrite."""
    if personal:
        return reply

    def one(text: str) -> str:
        return hint(text, personal=False)

    def section(s: Section) -> Section:
        if "«" not in s.title and "«" not in (s.text or "") and not any("«" in f.value for f in s.facts):
            return s
        facts = tuple(replace(f, value=one(f.value)) for f in s.facts)
        return replace(s, title=one(s.title), facts=facts, text=one(s.text) if s.text else s.text)  # state kept

    def button(b: Button) -> Button:
        return replace(b, confirm=one(b.confirm)) if b.confirm and "«" in b.confirm else b

    return replace(
        reply,
        title=one(reply.title),
        text=one(reply.text),
        context=one(reply.context) if reply.context else reply.context,
        sections=tuple(section(s) for s in reply.sections),
        buttons=tuple(button(b) for b in reply.buttons),
    )
