"""Which year a `dato` typed without one is read in (the handler's half of the cycle rule of bot/model/cycle.py).

A day typed without a year is read in the window of the cycle a `dato` without a year means, when it is
nearer today there, else this year's (asked about when passed), else its next occurrence; it is never moved
to another year behind the person's back. A weekday typed with it («torsdag 25. november») is part of the
date: it is read only in a year where that day is that weekday (walk 10, X12).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING

from bot.actions.base import Acting
from bot.actions.dates import dating_year
from bot.actions.rules import milestone_for
from bot.model.cycle import next_opening
from bot.model.progress import progress_of
from bot.model.wheel import Item, window_contains

if TYPE_CHECKING:
    from collections.abc import Callable

    from bot.dates.grammar import DateTrouble, ParsedDate

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Choice:
    """The date to ask about, and the same date next year when this year's has passed."""

    parsed: ParsedDate
    next_year: date | None = None
    absent_in: int | None = None
    """The year today is in, when the typed day does not exist in it (29 February): said before the question."""
    unfinished: bool = False
    """The date was read in the window of an overdue, unfinished item (`next_year` is the next cycle's)."""
    forward: bool = False
    """Words that point forward («over påske») were read in a typed year where that day has passed:
    `next_year` is the coming one, offered beside it whatever its own worries (they are named)."""
    passed_over: tuple[Item, date] | None = None
    """The other cycle's item a `dato` without a year may mean, and the typed day in its window, where the
    typed weekday does not fit: the question names it, with no button that would save a day not typed."""


def year_choice(acting: Acting, *, key: str, region: str | None, parsed: ParsedDate) -> Choice:
    """A date typed without a year: next occurrence only within the planned cycle's window, else this year's.

    "dato vår 1. mars" typed on 15 March means this year's 1 March (passed, so the bot asks), not
    1 March next year, unless next year's 1 March is in the window of the cycle being planned.
    """
    if parsed.year_typed or parsed.relative or parsed.in_year is None or parsed.named:
        return Choice(parsed=parsed)  # «over påske» after Easter: the coming one, as the grammar read it
    today = acting.now.date()
    found = parsed.when.date()
    this_year = parsed.in_year(today.year)
    if this_year is None and found.year > today.year:  # «29. februar» typed in 2027
        return Choice(parsed=parsed, absent_in=today.year)

    def item_for(year: int) -> Item:
        return milestone_for(acting.config, key=key, year=year, region=region)

    meant = _in_meant_window(acting, parsed=parsed, item_for=item_for)
    if meant is not None and meant != found and abs(meant - today) < abs(found - today):
        # «dato haust 10. desember» on 11 January: last autumn's overdue meeting, not next autumn's
        later = found if found > meant and found >= today else None  # the same day next year, offered too
        overdue = item_for(dating_year(acting, item_for=item_for)).deadline < today
        return Choice(parsed=on_day(parsed, meant), next_year=later, unfinished=later is not None and overdue)
    passed_over = _passed_over(acting, parsed=parsed, key=key, region=region)
    if this_year is None or not fits(parsed, this_year) or this_year == found or found.year <= today.year:
        return Choice(parsed=parsed, passed_over=passed_over)
    planned = item_for(next_opening(today=today, item_for=item_for))
    if window_contains(planned, found) or meant == found or (found - today) < (today - this_year):
        return Choice(parsed=parsed)  # «5.1» on 28 December is next week, not a year back
    return Choice(parsed=on_day(parsed, this_year), next_year=found)


def typed_year_choice(acting: Acting, *, parsed: ParsedDate) -> Choice:
    """A date read in the window of a typed year: as typed, and when its words point forward («dato vår
    2027 over påske» after Easter 2027) and that day has passed, the coming one is named beside it."""
    today = acting.now.date()
    if not parsed.named or parsed.in_year is None or parsed.when.date() >= today:
        return Choice(parsed=parsed)
    coming = [day for y in range(today.year, today.year + 2) if (day := parsed.in_year(y)) and day >= today]
    return Choice(parsed=parsed, next_year=coming[0] if coming else None, forward=bool(coming))


def fits(parsed: ParsedDate, day: date) -> bool:
    """`day` is the weekday typed with the date, or none was typed."""
    return parsed.weekday is None or day.weekday() == parsed.weekday


def on_day(parsed: ParsedDate, day: date) -> ParsedDate:
    """The typed date moved to `day` (another year's), its time kept and a two-day meeting's last day
    moved with it, so «6.–7. mai» read in another year stays two days."""
    shift = day - parsed.when.date()
    end = parsed.span_end + shift if parsed.span_end is not None else None
    return replace(parsed, when=parsed.when + shift, span_end=end)


def weekday_fitting(acting: Acting, text: str, *, key: str, region: str | None) -> ParsedDate | None:
    """A date whose typed weekday does not fit the year the grammar chose, read in the window of a cycle a
    `dato` without a year may mean (the one meant, the one opening next) where it fits: «onsdag 25. november»
    in May 2027 is the open autumn meeting of 2026 (a Wednesday), not a slip for Thursday 2027. None when
    it fits in neither."""
    from bot.dates.grammar import ParsedDate, read_date

    for item in _candidates(acting, key=key, region=region):
        found = read_date(text, now=acting.now, window=(item.start, item.deadline))
        if isinstance(found, ParsedDate) and window_contains(item, found.when.date()):
            return found
    return None


def weekday_read(
    acting: Acting, text: str, *, trouble: DateTrouble, key: str, region: str | None
) -> ParsedDate | DateTrouble:
    """A date whose typed weekday does not fit the year the grammar chose: the reading where it fits
    (`weekday_fitting`), else the refusal told for the year the same day without its weekday is read in
    (`year_choice`), so «mandag 22. april» the day after 22 April 2027 names Thursday 22 April 2027, the
    date «22. april» means, not a Saturday a year ahead (walk 13, W4)."""
    from bot.dates.grammar import DateTrouble, ParsedDate, read_date

    fitting = weekday_fitting(acting, text, key=key, region=region)
    if fitting is not None or trouble.day is None:
        return fitting or trouble
    bare = read_date(f"{trouble.day.day}.{trouble.day.month}", now=acting.now)
    if not isinstance(bare, ParsedDate):
        return trouble
    meant = year_choice(acting, key=key, region=region, parsed=bare).parsed.when.date()
    again = read_date(text, now=acting.now, window=(meant, meant))
    return again if isinstance(again, DateTrouble) and again.day == meant else trouble


def _candidates(acting: Acting, *, key: str, region: str | None) -> list[Item]:
    """The cycles a `dato` without a year may mean: the one `pick_year` means and the one whose window opens
    next, the first only while it is unfinished (two when last year's is still open)."""

    def item_for(year: int) -> Item:
        return milestone_for(acting.config, key=key, year=year, region=region)

    today = acting.now.date()
    meant = item_for(dating_year(acting, item_for=item_for))
    following = item_for(next_opening(today=today, item_for=item_for))
    if progress_of(config=acting.config, state=acting.state, item=meant).done:
        return [following]
    return [meant] if meant == following else [meant, following]


def _passed_over(acting: Acting, *, parsed: ParsedDate, key: str, region: str | None) -> tuple[Item, date] | None:
    """The other cycle a `dato` without a year may mean, and the typed day in its window, where the typed
    weekday does not fit: «torsdag 25. november» in May 2027 is read as 2027's, and the autumn meeting of
    2026, still open, is named beside it (its 25 November was a Wednesday), and the other way round."""
    if parsed.weekday is None or parsed.in_year is None:
        return None
    found = parsed.when.date()
    for item in _candidates(acting, key=key, region=region):
        if window_contains(item, found):
            continue
        days = [day for y in range(item.start.year, item.deadline.year + 1) if (day := parsed.in_year(y))]
        inside = [day for day in days if window_contains(item, day) and not fits(parsed, day)]
        if inside:
            return item, inside[0]
    return None


def _in_meant_window(acting: Acting, *, parsed: ParsedDate, item_for: Callable[[int], Item]) -> date | None:
    """The typed day (last, this or next year) inside the window of the cycle a `dato` without a year means:
    the one rule of bot/model/cycle.py (`pick_year`), as `referat` has it, so the typed day never silently
    chooses another cycle (an overdue autumn meeting of last year stays the one meant in January). The one
    nearest today where two fit; None when none does. The caller reads it only when it is nearer today than
    the next such day: «dato handlingsplan 2. desember» in August plans the coming one, not one 8 months gone.
    Only a day that is the typed weekday counts."""
    assert parsed.in_year is not None
    today = acting.now.date()
    item = item_for(dating_year(acting, item_for=item_for))
    days = [day for y in range(today.year - 1, today.year + 2) if (day := parsed.in_year(y)) is not None]
    inside = [day for day in days if window_contains(item, day) and fits(parsed, day)]
    return min(inside, key=lambda day: abs((day - today).days)) if inside else None
