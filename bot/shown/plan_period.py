"""A region whose regional plan period has run out, said once for every surface: `status` names it in its
plan fact, and `neste` and the action plan's reminders tell the coordinator to register the next period
(`plan …`), so a cycle is never prepared without the frame of its agreement (§2) going unremarked."""

from __future__ import annotations

import logging
from datetime import date

from bot.actions.plan import PLAN_YEARS, ended_period, ended_plan_period, framing_period, region_plan_period
from bot.i18n import _, current
from bot.memo import per_config
from bot.model.config import AppConfig
from bot.model.cycle import read_cycles
from bot.state.store import StateStore

logger = logging.getLogger(__name__)


def no_plan_period(*, config: AppConfig, state: StateStore, region: str, year: int) -> str:
    """No period frames cycle `year`: that, what ran out, and how to set the next (`status`'s plan fact,
    walk 3, #10: from cycle 2028 with app.yaml's 2024–2027)."""
    ended = ended_plan_period(config=config, state=state, region=region, year=year)
    text = _("ingen registrert for syklus {year}").format(year=year)
    if ended:
        text += " " + _("({period} er utløpt)").format(period=ended)
    return text + ". " + _("Koordinatoren skriver «{command}»").format(command=next_period_command(year))


def upcoming_plan_period(*, config: AppConfig, state: StateStore, region: str, year: int, today: date) -> str:
    """The period the next agreement is prepared within, once its preparation has opened and a period other than
    cycle `year`'s is set for it ("" otherwise): shown beside the running cycle's, never instead, by `status` and
    the status page alike (walk 29 F5: `status` said «Neste planperiode: 2028–2031», the page did not)."""
    view = read_cycles(config, today=today)
    if year != view.year or not view.preparing:
        return ""
    upcoming = region_plan_period(config=config, state=state, region=region, year=view.preparing)
    current_period = region_plan_period(config=config, state=state, region=region, year=year)
    return upcoming if upcoming and upcoming != current_period else ""


def plan_period_reminder(*, config: AppConfig, state: StateStore, region: str, year: int) -> str | None:
    """«Planperioden 2024–2027 dekker ikke syklus 2028 …: koordinatoren skriver «plan 2028–2031».» when a period the region
    had (app.yaml's or one set with `plan`) ended before cycle `year` and none frames it; None otherwise (a
    region that never had one is not told every day)."""
    return _reminder(config, region=region, year=year, stored=state.stored_plan_periods(region=region), lang=current())


@per_config(maxsize=1024)
def _reminder(config: AppConfig, *, region: str, year: int, stored: tuple[str, ...], lang: str) -> str | None:
    """What follows from the configuration and the region's stored periods, in written form `lang` (a region's
    `neste` asks it twice per request, and the periods change once in years)."""
    if framing_period(config=config, region=region, year=year, stored=stored) is not None:
        return None
    ended = ended_period(config=config, region=region, year=year, stored=stored)
    if ended is None:
        return None
    return _(
        "Planperioden {period} dekker ikke syklus {year}, og ingen ny er registrert: koordinatoren skriver «{command}»."
    ).format(period=ended, year=year, command=next_period_command(year))


def next_period_command(year: int) -> str:
    return f"plan {year}–{year + PLAN_YEARS - 1}"
