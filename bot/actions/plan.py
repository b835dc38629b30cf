"""`set_plan_period`: a region's coordinator sets the period of the regional plan for knowledge,
innovation and business development (the frame of the agreements, §2). Stored per period, each wins over
app.yaml for the cycles it covers."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from bot.actions.base import Acting, record
from bot.actions.rules import require_member, require_region
from bot.config import AppConfig
from bot.i18n import _
from bot.state import META, DomainError, StateStore
from storage.base import Tables

logger = logging.getLogger(__name__)

ACTION = "set_plan_period"
EXAMPLE = "plan 2028–2031"
PLAN_YEARS = 4
"""The regional plan for knowledge, innovation and business development is a four-year plan (§2)."""


@dataclass(frozen=True)
class PlanPeriodSet:
    region: str
    period: str
    """«2028–2031»."""
    changed: bool
    """False when the period was already so: nothing recorded."""


def region_plan_period(*, config: AppConfig, state: StateStore, region: str, year: int) -> str | None:
    """The plan period that frames cycle `year`: the one set with `plan` that covers it (the latest to
    start, as a new plan replaces the old from its first year), else app.yaml's `plan_period` if that
    covers it, else None (a period that has run out frames nothing). Next period's plan, set ahead, leaves
    this year's alone."""
    spec = config.region(region)
    configured = (spec.plan_period,) if spec and spec.plan_period else ()
    for periods in (state.stored_plan_periods(region=region), configured):
        covering = [span for span in map(period_years, periods) if span and span[0] <= year <= span[1]]
        if covering:
            first, last = max(covering)
            return f"{first}–{last}"
    return None


def period_years(period: str) -> tuple[int, int] | None:
    """(first, last) of «2024–2027» (any dash), or None for a text that is not two years."""
    match = re.fullmatch(r"\s*(\d{4})\s*[-–—]\s*(\d{4})\s*", period)
    return (int(match[1]), int(match[2])) if match else None


def set_plan_period(acting: Acting, *, region: str | None, first: int, last: int) -> PlanPeriodSet:
    """`region` is the region meant (named or the context's)."""
    config = acting.config
    if not (2000 <= first < last <= first + 12):
        raise DomainError(
            _("Perioden {first}–{last} ser feil ut: siste år må komme etter første. Skriv f.eks. «{example}».").format(
                first=first, last=last, example=EXAMPLE
            )
        )
    if last - first + 1 != PLAN_YEARS:
        raise DomainError(
            _("En regional plan gjelder fire år: {first}–{last} er {count} år. Skriv f.eks. «{example}».").format(
                first=first, last=last, count=last - first + 1, example=EXAMPLE
            )
        )
    region = require_region(region, example=f"{EXAMPLE} agder")
    require_member(
        acting, party=region, what=_("sette planperioden for {party}").format(party=config.party_name(region))
    )
    if acting.caller.role != "coordinator":
        raise DomainError(_("Bare fylkeskommunens koordinatorer kan sette planperioden."))
    period = f"{first}–{last}"
    if region_plan_period(config=config, state=acting.state, region=region, year=first) == period:
        return PlanPeriodSet(region=region, period=period, changed=False)
    entry = {"period": period, "by": acting.caller.name, "at": acting.now.isoformat()}

    def mutate(tables: Tables) -> None:
        # One entry per period, by its first year, so setting the next one leaves this one in place; a
        # store from before holds one `period` at the top, kept as the entry of its own first year.
        stored = dict(tables.setdefault("plan_periods", {}).get(region) or {})
        periods = dict(stored.get("periods") or {})
        if stored.get("period"):
            earlier = period_years(str(stored["period"]))
            key = str(earlier[0]) if earlier else str(stored["period"])
            periods.setdefault(key, {name: stored[name] for name in ("period", "by", "at") if name in stored})
        periods[str(first)] = entry
        tables["plan_periods"][region] = {"periods": periods}

    record(
        acting,
        action=ACTION,
        partition=META,
        region=region,
        summary=lambda: _("Satte planperioden for {party} til {period}").format(
            party=config.party_name(region), period=period
        ),
        mutate=mutate,
    )
    return PlanPeriodSet(region=region, period=period, changed=True)
