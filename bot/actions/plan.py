"""`set_plan_period`: a region's coordinator sets the period of the regional plan for knowledge,
innovation and business development (the frame of the agreements, §2). Stored, it wins over app.yaml."""

from __future__ import annotations

import logging
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


@dataclass(frozen=True)
class PlanPeriodSet:
    region: str
    period: str
    """«2028–2031»."""
    changed: bool
    """False when the period was already so: nothing recorded."""


def region_plan_period(*, config: AppConfig, state: StateStore, region: str) -> str | None:
    """The region's plan period: set with `plan` (stored), else app.yaml's `plan_period`."""
    stored = state.stored_plan_period(region=region)
    if stored:
        return stored
    spec = config.region(region)
    return spec.plan_period if spec else None


def set_plan_period(acting: Acting, *, region: str | None, first: int, last: int) -> PlanPeriodSet:
    """`region` is the region meant (named or the context's)."""
    config = acting.config
    if not (2000 <= first < last <= first + 12):
        raise DomainError(
            _("Perioden {first}–{last} ser feil ut: siste år må komme etter første. Skriv f.eks. «{example}».").format(
                first=first, last=last, example=EXAMPLE
            )
        )
    region = require_region(region, example=f"{EXAMPLE} agder")
    require_member(
        acting, party=region, what=_("sette planperioden for {party}").format(party=config.party_name(region))
    )
    if acting.caller.role != "coordinator":
        raise DomainError(_("Bare fylkeskommunens koordinatorer kan sette planperioden."))
    period = f"{first}–{last}"
    if region_plan_period(config=config, state=acting.state, region=region) == period:
        return PlanPeriodSet(region=region, period=period, changed=False)
    entry = {"period": period, "by": acting.caller.name, "at": acting.now.isoformat()}

    def mutate(tables: Tables) -> None:
        tables.setdefault("plan_periods", {})[region] = entry

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
