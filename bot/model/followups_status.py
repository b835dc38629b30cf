"""Follow-up points as `status` and AU's `oversikt` say them: the one count and the one list per item, so
chat and the status page agree (walk 9 W3).
"""

from __future__ import annotations

from datetime import date

from bot.i18n import _, ngettext
from bot.model.config import AppConfig
from bot.model.followups import all_followups, followups_of
from bot.model.followups_shown import point_line
from bot.model.wheel import Item
from bot.state.store import StateStore


def count_text(*, config: AppConfig, state: StateStore, today: date) -> str:
    """AU's `oversikt`: how many follow-up points are open, and how many of them are overdue ("" for none)."""
    points = [point for point in all_followups(config=config, state=state, today=today) if not point.closed]
    if not points:
        return ""
    late = sum(point.overdue(today) for point in points)
    text = ngettext("{n} åpent oppfølgingspunkt", "{n} åpne oppfølgingspunkter", len(points)).format(n=len(points))
    return text + (" " + _("({n} på overtid)").format(n=late) if late else "") + "."


def status_lines(*, config: AppConfig, state: StateStore, item: Item, today: date) -> tuple[str, ...]:
    """The points of an item's minutes as `status` says them, closed ones ticked, one line each: chat joins
    them, the status page lists them (walk 9 W3: the page showed none while chat said two were overdue)."""
    points = followups_of(config=config, state=state, item=item)
    return tuple(point_line(point, today=today) for point in points)  # a departed owner's: the party's (F3)


def status_text(*, config: AppConfig, state: StateStore, item: Item, today: date) -> str | None:
    """The points of an item's minutes for `status`, closed ones ticked; None when there are none with ids."""
    return "; ".join(status_lines(config=config, state=state, item=item, today=today)) or None
