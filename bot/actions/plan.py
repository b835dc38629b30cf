"""`set_plan_period`: a region's coordinator sets the period of the regional plan for knowledge,
innovation and business development (the frame of the agreements, §2). Stored per period, each wins over
app.yaml for the cycles it covers."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from bot.actions.base import Acting, record
from bot.actions.coordinators_only import refuse_non_coordinator
from bot.actions.rules import replace_question, require_county_region, require_member
from bot.actions.typed_back import typed_with
from bot.i18n import _
from bot.model.config import AppConfig
from bot.state.store import META, DomainError, StateStore
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
    replaced: tuple[tuple[str, tuple[int, ...]], ...] = ()
    """Each period the new one replaces, with the cycles it framed until now: ((«2024–2027», (2025, …)),)."""
    meanwhile: str | None = None
    """The period that still frames this year's cycle when the new one starts later («2024–2027»)."""


def region_plan_period(*, config: AppConfig, state: StateStore, region: str, year: int) -> str | None:
    """The plan period that frames cycle `year`: the one set with `plan` that covers it (the latest to
    start, as a new plan replaces the old from its first year), else app.yaml's `plan_period` if that
    covers it, else None (a period that has run out frames nothing). Next period's plan, set ahead, leaves
    this year's alone."""
    return framing_period(config=config, region=region, year=year, stored=state.stored_plan_periods(region=region))


def framing_period(*, config: AppConfig, region: str, year: int, stored: tuple[str, ...]) -> str | None:
    """`region_plan_period` from the region's stored periods (`StateStore.stored_plan_periods`)."""
    return _framing(stored, _configured(config, region), year=year)


def ended_plan_period(*, config: AppConfig, state: StateStore, region: str, year: int) -> str | None:
    """The latest plan period (set with `plan`, else app.yaml's) that ended before cycle `year`: what
    `status` names when no period frames the cycle («2024–2027 er utløpt», walk 3 #10)."""
    return ended_period(config=config, region=region, year=year, stored=state.stored_plan_periods(region=region))


def ended_period(*, config: AppConfig, region: str, year: int, stored: tuple[str, ...]) -> str | None:
    """`ended_plan_period` from the region's stored periods (`StateStore.stored_plan_periods`)."""
    for periods in (stored, _configured(config, region)):
        ended = [span for span in map(period_years, periods) if span and span[1] < year]
        if ended:
            first, last = max(ended, key=lambda span: (span[1], span[0]))
            return f"{first}–{last}"
    return None


def _configured(config: AppConfig, region: str) -> tuple[str, ...]:
    spec = config.region(region)
    return (spec.plan_period,) if spec and spec.plan_period else ()


def _framing(stored: tuple[str, ...], configured: tuple[str, ...], *, year: int) -> str | None:
    for periods in (stored, configured):
        covering = [span for span in map(period_years, periods) if span and span[0] <= year <= span[1]]
        if covering:
            first, last = max(covering)
            return f"{first}–{last}"
    return None


def _overlaps(period: str, *, first: int, last: int) -> bool:
    span = period_years(period)
    return span is not None and span[0] <= last and first <= span[1]


def period_years(period: str) -> tuple[int, int] | None:
    """(first, last) of «2024–2027» (any dash), or None for a text that is not two years."""
    match = re.fullmatch(r"\s*(\d{4})\s*[-–—]\s*(\d{4})\s*", period)
    return (int(match[1]), int(match[2])) if match else None


def replaced_periods(
    *, config: AppConfig, state: StateStore, region: str, first: int, last: int
) -> tuple[tuple[str, tuple[int, ...]], ...]:
    """What setting `first`–`last` changes: each period that frames a cycle now and would no longer (the
    stored periods it overlaps are replaced whole), with those cycles; ((period, ()),) is never returned."""
    stored = state.stored_plan_periods(region=region)
    configured = _configured(config, region)
    after = (*(p for p in stored if not _overlaps(p, first=first, last=last)), f"{first}–{last}")
    spans = [span for span in map(period_years, (*stored, *configured)) if span]
    years = range(min([first, *(span[0] for span in spans)]), max([last, *(span[1] for span in spans)]) + 1)
    replaced: dict[str, list[int]] = {}
    for year in years:
        before = _framing(stored, configured, year=year)
        if before is not None and before != _framing(after, configured, year=year):
            replaced.setdefault(before, []).append(year)
    return tuple((old, tuple(cycles)) for old, cycles in replaced.items())


def replaced_text(replaced: tuple[tuple[str, tuple[int, ...]], ...]) -> str:
    """«2024–2027 (syklus 2025–2027)»: what a new period replaces, in words."""
    parts = []
    for old, years in replaced:
        cycles = str(years[0]) if len(years) == 1 else f"{years[0]}–{years[-1]}"
        parts.append(_("{period} (syklus {cycles})").format(period=old, cycles=cycles))
    return ", ".join(parts)


def set_plan_period(
    acting: Acting, *, region: str | None, first: int, last: int, confirmed: bool = False
) -> PlanPeriodSet:
    """`region` is the region meant (named or the context's). A period that replaces another for some cycle
    asks first and names it (`bekreft` replaces it; the earlier one stays in `logg`); one set ahead for the
    next cycles replaces nothing and says which period frames this year's meanwhile."""
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
    region = require_county_region(
        config=config,
        caller=acting.caller,
        command="plan",
        region=region,
        example=typed_with(acting, word=config.parties.regions[0].key),
    )
    require_member(
        acting, party=region, what=_("sette planperioden for {party}").format(party=config.party_name(region))
    )
    if acting.caller.role != "coordinator":
        raise refuse_non_coordinator(acting, region=region, what=_("sette planperioden"))
    period = f"{first}–{last}"
    replaced = replaced_periods(config=config, state=acting.state, region=region, first=first, last=last)
    framed = (
        region_plan_period(config=config, state=acting.state, region=region, year=y) for y in range(first, last + 1)
    )
    if not replaced and all(framing == period for framing in framed):
        return PlanPeriodSet(region=region, period=period, changed=False)
    if replaced and not confirmed:
        raise replace_question(what=_("planperioden {what}").format(what=replaced_text(replaced)))
    this_year = acting.now.year
    meanwhile = (
        region_plan_period(config=config, state=acting.state, region=region, year=this_year)
        if first > this_year
        else None
    )
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
        # The periods the new one overlaps are replaced (the question named them; `logg` keeps them).
        periods = {
            key: value
            for key, value in periods.items()
            if not _overlaps(str(value.get("period", "")), first=first, last=last)
        }
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
    return PlanPeriodSet(region=region, period=period, changed=True, replaced=replaced, meanwhile=meanwhile)
