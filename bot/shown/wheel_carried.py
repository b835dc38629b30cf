"""What a year's wheel carries into January: the items still open from before 1 January that the year
answers for, drawn from 1 January (`carried_span`) and listed under January in `årshjul`'s text.

Two kinds, one rule for the picture and the text: this year's agreement's own items whose window closed
last year and which are overdue (on 5 January the action plan and budgets of the agreement being signed are
late), and what earlier cycles left unfinished that the region's cycle still answers for
(`bot.facts.earlier_open`, which `status`, the status page and `neste` name) once held with its record still
missing (walk 26 F1: a spring meeting of 2027 over without minutes was named everywhere but gone from the
2028 wheel).
"""

from __future__ import annotations

import logging
from datetime import date, timedelta

from bot.facts.earlier_open import earlier_unfinished
from bot.facts.item_state import minutes_missing
from bot.model.config import AppConfig
from bot.model.progress import progress_of
from bot.model.wheel import Item
from bot.shown.states import state_of
from bot.state.store import StateStore

logger = logging.getLogger(__name__)

CARRIED_MIN_DAYS = 31
"""A carried-over overdue item's arc spans at least January (the month the agreement it holds up is to be
signed in), which also gives its label room on its ring."""


def carried(*, config: AppConfig, state: StateStore, item: Item, year: int, today: date) -> bool:
    """An item of this year's agreement (cycle `year`) whose window closed last year and which is still
    overdue, or an earlier cycle's regional item its region's cycle `year` still answers for
    (`carried_earlier`): the year's wheel shows it from 1 January, as `status` names it."""
    if item.deadline >= date(year, 1, 1):
        return False
    if item.year == year:
        return state_of(config=config, state=state, item=item, today=today)[0] == "overdue"
    if item.year > year or item.region is None:
        return False
    return item.ident in {
        one.ident for one in carried_earlier(config=config, state=state, region=item.region, year=year, today=today)
    }


def carried_earlier(*, config: AppConfig, state: StateStore, region: str, year: int, today: date) -> list[Item]:
    """The items of cycles before `year`, closed before 1 January, that `region`'s cycle `year` still
    answers for (`earlier_unfinished`) and that were held with their record still missing (a meeting over
    without minutes, a planned decision's day passed unrecorded: `minutes_missing`), in their order. An
    earlier agreement's items never dated stay on their own year's wheel (a later year does not carry what
    was late before it); one held and not written down is work still to do this year."""
    first = date(year, 1, 1)
    return [
        item
        for item in earlier_unfinished(config=config, state=state, region=region, year=year, today=today)
        if item.year < year
        and item.deadline < first
        and minutes_missing(progress_of(config=config, state=state, item=item), today=today)
    ]


def carried_span(*, year: int, today: date) -> tuple[date, date]:
    """Where a carried-over overdue item is drawn: from 1 January until today (it has been late all that
    while), at least CARRIED_MIN_DAYS, within the year."""
    first = date(year, 1, 1)
    end = max(min(today, date(year, 12, 31)), first + timedelta(days=CARRIED_MIN_DAYS - 1))
    return first, end
