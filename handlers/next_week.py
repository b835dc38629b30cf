"""`neste uke`: what falls due next week, in one line before the ordinary list (walk 16 F9: «uke» was
silently dropped, so «what's on next week?» got the list up to January with no word about the week)."""

from __future__ import annotations

import logging
from datetime import date, datetime, time, timedelta

from bot.dates.text import format_norwegian
from bot.i18n import _
from bot.model.config import AppConfig
from bot.model.progress import Progress
from bot.shown.replies import days_text

logger = logging.getLogger(__name__)


def week_text(items: list[Progress], *, today: date, config: AppConfig, spans_regions: bool) -> str:
    """«Neste uke (14.–20. desember 2026): Politisk behandling 2027: onsdag 16. desember 2026.» or that nothing
    falls due then; by each item's planned date, else its deadline (`Progress.target`), each day with its weekday
    as the bot writes a day (walk 42: «… 2027 15. desember 2026» ran the year and the day together)."""
    monday = today + timedelta(days=7 - today.weekday())
    sunday = monday + timedelta(days=6)
    span = days_text(monday, sunday)
    due = sorted((p for p in items if monday <= p.target <= sunday), key=lambda p: p.target)
    if not due:
        return _("Neste uke ({span}) har ingen frister eller møter.").format(span=span)
    listed = "; ".join(
        (f"{config.party_short(p.item.region)} · " if spans_regions and p.item.region else "")
        + f"{p.item.title()}: {format_norwegian(datetime.combine(p.target, time()), with_time=False)}"
        for p in due
    )
    return _("Neste uke ({span}): {items}.").format(span=span, items=listed)
