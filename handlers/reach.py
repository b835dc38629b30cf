"""The channels the bot cannot post to (`bot.delivery.targets`), as `oversikt` shows them: where an admin
or AU looks, with what to do, so a reminder held for a channel nobody added the bot to is not a secret
kept in the server's log."""

from __future__ import annotations

from contextlib import suppress
from datetime import datetime

from bot.context import Context
from bot.delivery.targets import known, reason_text
from bot.i18n import _
from bot.messages import Fact, Section, platform_name
from bot.shown.replies import day_text


def unreachable_section(ctx: Context) -> Section | None:
    """One line per marked channel (None when every channel can be reached)."""
    marks = known(ctx.state)
    if not marks:
        return None
    facts: list[Fact] = []
    for mark in marks:
        where = ctx.directory.channel(platform=mark.to.platform, channel_id=mark.to.channel_id)
        party = where.actor or (ctx.config.party_name(where.region) if where.region else "")
        what = _("nasjonal") if where.kind == "national" else party
        platform = platform_name(mark.to.platform)
        label = _("{platform}-kanal {channel}").format(platform=platform, channel=mark.to.channel_id)
        value = _("Kan ikke nås: {reason}").format(reason=reason_text(mark))
        with suppress(ValueError):  # a hand-edited mark without its day still shows
            value += " " + _("(siden {day})").format(day=day_text(datetime.fromisoformat(mark.since).date()))
        facts.append(Fact(f"{label} ({what})" if what else label, value))
    return Section(title=_("Kanaler boten ikke når"), facts=tuple(facts))
