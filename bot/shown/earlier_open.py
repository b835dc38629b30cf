"""What earlier cycles left open in a region, as `status` and the status page show it beside the current
cycle: the items of last cycle not done after their deadline (an agreement still unsigned) and the open
follow-up points of the region's earlier meetings (walk 19 F4: the page read «all done but one signature»
while `neste` and the digests named three points months overdue). The items are decided once
(`bot.facts.earlier_open`); the points are those `neste` lists for the region's own meetings."""

from __future__ import annotations

from datetime import date

from bot.facts.earlier_open import earlier_items, region_scopes
from bot.facts.item_state import minutes_missing
from bot.facts.kinds import is_signing
from bot.i18n import _
from bot.model.config import AppConfig
from bot.model.followups import Followup, followups_in, stored_cycles
from bot.model.followups_shown import meeting_label, point_line
from bot.model.progress import progress_of
from bot.shown.states import over_text
from bot.state.store import StateStore


def earlier_open_lines(*, config: AppConfig, state: StateStore, region: str, year: int, today: date) -> tuple[str, ...]:
    """One line per unfinished item of an earlier cycle the region still answers for
    (`bot.facts.earlier_open.earlier_unfinished`), then one per open follow-up point of the region's meetings
    in cycles before `year`, each naming its meeting and year."""
    lines: list[str] = []
    scopes = region_scopes(region)
    for item in earlier_items(config=config, state=state, regions=scopes, year=year, today=today):
        progress = progress_of(config=config, state=state, item=item)
        if is_signing(item) and progress.missing:
            missing = ", ".join(map(config.party_prose, progress.missing))
            lines.append(f"{item.title()}: " + _("mangler signatur fra {parties}").format(parties=missing))
        elif minutes_missing(progress, today=today):  # the meeting is over, not merely late (walk 20 F-f)
            lines.append(f"{item.title()}: {over_text(item)}")
        else:
            day = item.deadline.strftime("%d.%m.%Y")
            lines.append(f"{item.title()}: " + _("På overtid (frist {day})").format(day=day))
    for point in earlier_points(
        config=config, state=state, region=region, year=year, today=today
    ):  # followups_in names a departed owner's point as the party's (hand_on)
        lines.append(f"{meeting_label(point)}: {point_line(point, today=today)}")
    return tuple(lines)


def earlier_points(*, config: AppConfig, state: StateStore, region: str, year: int, today: date) -> list[Followup]:
    """The open follow-up points of the region's meetings in cycles before `year`: the section's second part,
    which `neste` names in its line of the same heading too (walk 29 F6)."""
    # the region's own cycles before `year` alone: the nation's points and the cycles since are not asked
    cycles = stored_cycles(config=config, state=state, today=today, regions=[region], before=year, nation=False)
    points = [
        point
        for point in followups_in(config=config, state=state, cycles=cycles)
        if not point.closed and point.item.region == region and point.item.year < year
    ]
    return sorted(points, key=lambda point: (point.item.year, point.item.deadline, point.id))
