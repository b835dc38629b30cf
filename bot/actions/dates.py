"""`set_date`: a meeting's planned date, and why a date looks wrong (asked about before it is kept).

An implausible date is never kept silently: a weekend, a public holiday or day off, a day in the past,
outside the milestone's window, before the meeting it must follow, or only a month. The action then
returns a question and changes nothing until the person confirms.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from bot.actions.base import Acting, record
from bot.actions.date_removed import FIELD as TAKEN_BACK
from bot.actions.date_removed import TakenBack, taken_back
from bot.actions.rules import milestone_for, pick_year, require_coordinator, require_near_year, require_untaken_cycle
from bot.dates.named_days import name_of
from bot.dates.text import weekday_name
from bot.dates.workdays import holiday_name
from bot.i18n import N_, _
from bot.model.cycle import next_opening
from bot.model.order import and_join, plan_breaches, unrecorded_first
from bot.model.progress import progress_of
from bot.model.wheel import Item, done_word, window_contains
from bot.shown.replies import day_text, planned_text
from bot.state.store import DomainError, item_doc_key
from storage.base import Tables

if TYPE_CHECKING:
    from collections.abc import Callable

logger = logging.getLogger(__name__)

ACTION = "set_date"
EXAMPLE = "dato vår 22. april kl 10"
_DAY_NAMES = (
    N_("julaften"), N_("nyttårsaften"), N_("lillejulaften"), N_("påskeaften"), N_("sankthansaften"),
    N_("arbeidernes dag"), N_("grunnlovsdag"), N_("nyttårsdag"),
)  # fmt: skip
"""Named days as the date rules and the holiday tables name them (bokmål), for the catalogue."""


@dataclass(frozen=True)
class DateSet:
    item: Item
    when: datetime | None = None
    """What was stored (a day typed without a time on the planned day keeps the planned time)."""
    has_time: bool = False
    last_day: date | None = None
    """The last day of a meeting over several days, as stored."""
    replaced: datetime | None = None
    """The planned date this one replaced (kept in the history), None when there was none."""
    replaced_has_time: bool = False
    replaced_last_day: date | None = None
    kept_time: bool = False
    """A day was typed without a time: the planned time (and a one-day meeting's end) was kept, not dropped."""
    kept_end: str | None = None
    """The one-day meeting's end kept with its time («15:30»), so the reply names it as the calendar has it."""
    end: str | None = None
    """The one-day meeting's end as stored («14:00»), for a move notice's «kl. 10.00–14.00»."""
    replaced_end: str | None = None
    """The end the replaced date had."""
    held: datetime | None = None
    """The item was recorded as held on this day before; confirmed, the date set is now the day it was held."""
    after_removal: TakenBack | None = None
    """A first date after `dato … avlyst`: the date taken back and when (the channels heard «ingen dato»)."""
    confirmed_day: tuple[str, ...] = ()
    """What the day is that `bekreft` went past (a holiday, a Saturday): the reply names it, so an example
    typed with «bekreft» never plans a meeting on Easter Monday without a word (walk 13, W2)."""
    unrecorded_first: tuple[str, ...] = ()
    """Titles of the undated, unrecorded meetings this one follows (`unrecorded_first`): its minutes wait on
    them, and the reply says so now (walk 22 N2)."""


@dataclass(frozen=True)
class DateUnchanged:
    """The item already had this date: nothing recorded."""

    item: Item
    when: datetime | None = None
    has_time: bool = False
    kept_time: bool = False
    """The planned day was typed without its time: the time stays."""
    last_day: date | None = None
    end: str | None = None
    """The one-day meeting's stored end («14:00»), so «Ingenting er endret» names it too (walk 32 F5)."""


@dataclass(frozen=True)
class DateQuestion:
    """Not kept: the date needs a `bekreft` (`worries` says why; empty when only a month was given)."""

    item: Item
    worries: tuple[str, ...]
    held: datetime | None = None
    """The item is recorded as held (treated, adopted) on this day: a new date moves that day."""
    about_order: bool = False
    """A worry is the model's order (before the meeting it follows): the question quotes the model."""


def dating_year(acting: Acting, *, item_for: Callable[[int], Item]) -> int:
    """The cycle a `dato` without a year means: `pick_year`, except that a meeting recorded as held whose
    window has closed is never the default target of a new date: then the one whose window opens next
    («dato høst uke 45» in February plans the coming autumn, not last autumn's held day; walk 13, W2). Its
    held day is moved with its year typed («dato høst 2027 …»)."""
    year = pick_year(acting, item_for=item_for)
    item, today = item_for(year), acting.now.date()
    if item.deadline >= today or not progress_of(config=acting.config, state=acting.state, item=item).done:
        return year
    return next_opening(today=today, item_for=item_for)


def dated_item(acting: Acting, *, key: str, region: str | None, day: date) -> Item:
    """The cycle whose window holds the date; otherwise the cycle the milestone is due in now."""
    config = acting.config
    for year in range(day.year - 1, day.year + 2):
        item = milestone_for(config, key=key, year=year, region=region)
        if window_contains(item, day):
            return item
    year = dating_year(acting, item_for=lambda y: milestone_for(config, key=key, year=y, region=region))
    return milestone_for(config, key=key, year=year, region=region)


def set_date(
    acting: Acting,
    *,
    key: str,
    region: str | None,
    year: int | None,
    when: datetime,
    has_time: bool,
    vague: bool,
    confirmed: bool,
    last_day: date | None = None,
    until: tuple[int, int] | None = None,
) -> DateSet | DateUnchanged | DateQuestion:
    """Plan `key` (in `region`, national when None) at `when`: the typed `year`'s cycle, else the one whose
    window holds the date. `vague` (a month without a day) and any worry ask for `confirmed` first.
    `last_day`: a meeting over several days ends then (its minutes are due after it, the feed spans it)."""
    last_day = last_day if last_day is not None and last_day > when.date() else None
    end = _end(when, has_time=has_time, last_day=last_day, until=until)
    for near in (year, when.year):  # «22. april 2099» is as far off as «dato vår 2099 …», for every meeting
        if near is not None:
            require_near_year(acting, near, example=lambda: _example(acting, key=key, region=region))
    if year is not None:
        item = milestone_for(acting.config, key=key, year=year, region=region)
    else:
        item = dated_item(acting, key=key, region=region, day=when.date())
    require_coordinator(acting, item=item)
    if year is not None:  # «dato politisk 2026 …» in November 2026: the cycle of agreement 2026 is history
        require_untaken_cycle(acting, item=item, confirmed=confirmed)
    earlier = progress_of(config=acting.config, state=acting.state, item=item)
    held = earlier.done_at if earlier.done and not earlier.not_relevant else None
    if held is not None:
        require_held_day(acting, item=item, when=when, held=held)
    before, before_has_time = earlier.planned, earlier.planned_has_time
    kept_time = bool(before and before_has_time and not has_time)
    if kept_time and before is not None:
        # «10. desember» after «10. desember kl 10.00»: the time stays; so it does on another day typed without
        # one (walk 33 F2: moved a week and back, the meeting had silently lost its 09.00–15.30)
        when, has_time = when.replace(hour=before.hour, minute=before.minute, second=0, microsecond=0), True
        if end is None and last_day is None and earlier.planned_last_day is None:
            end = earlier.planned_end
    same_end = end is None or end == earlier.planned_end  # a start typed again keeps the end typed before
    same_days = earlier.planned_last_day == last_day
    if before == when and before_has_time == has_time and same_days and same_end:
        # before any question: the stored date typed again changes nothing to confirm (walk 22 N5)
        return DateUnchanged(
            item=item, when=when, has_time=has_time, kept_time=kept_time, last_day=last_day, end=earlier.planned_end
        )
    if not confirmed:
        worries = date_worries(acting, item=item, when=when, last_day=last_day)
        if year is None and (meant := _meant_cycle(acting, item=item)) is not None:
            worries.append(_("i vinduet for {item}, ikke for {meant}").format(item=item.title(), meant=meant.title()))
        if held is not None and held.date() != when.date():  # a held meeting's day moves only when asked
            return DateQuestion(item=item, worries=tuple(w for w in worries if w != _("passert")), held=held)
        if vague or worries:
            order = plan_breaches(
                config=acting.config, state=acting.state, item=item, day=when.date(), today=acting.now.date()
            )
            return DateQuestion(item=item, worries=tuple(worries), about_order=bool(order))
    after_removal = taken_back(acting.state.item_doc(item)) if before is None else None

    def mutate(tables: Tables) -> None:
        doc = tables.setdefault("milestones", {}).setdefault(item_doc_key(item), {})
        doc.pop(TAKEN_BACK, None)  # told once, with this date
        doc["planned"] = when.isoformat()
        doc["planned_has_time"] = has_time
        doc["planned_set"] = acting.now.isoformat()  # a lead this made due is not «sent late» (walk 7 F21)
        if end is not None:
            doc["planned_end"] = end
        elif not (before == when and before_has_time == has_time):
            doc.pop("planned_end", None)  # another start: the end typed for the old one no longer holds
        if last_day is not None:
            doc["planned_last_day"] = last_day.isoformat()
        else:
            doc.pop("planned_last_day", None)
        if held is not None:  # the day it was held is the meeting's date, so the two never disagree
            doc["done_at"] = when.isoformat()

    record(
        acting,
        action=ACTION,
        item=item,
        summary=lambda: _("Satte dato for {item} til {when}").format(
            item=item.title(), when=planned_text(when, has_time=has_time, last_day=last_day)
        ),
        mutate=mutate,
    )
    return DateSet(
        item=item,
        when=when,
        has_time=has_time,
        last_day=last_day,
        # Only the end changed: the meeting is where it was, so nothing was replaced nor moved.
        replaced=None if before == when and before_has_time == has_time and same_days else before,
        replaced_has_time=before_has_time,
        replaced_last_day=earlier.planned_last_day,
        kept_time=kept_time,
        kept_end=end if kept_time else None,
        end=end
        if end is not None
        else (earlier.planned_end if before == when and before_has_time == has_time else None),
        replaced_end=earlier.planned_end,
        held=held,
        after_removal=after_removal,
        confirmed_day=tuple(day_worries(acting, day=when.date())) if confirmed else (),
        unrecorded_first=tuple(
            first.title()
            for first in unrecorded_first(
                config=acting.config, state=acting.state, item=item, day=when.date(), today=acting.now.date()
            )
        ),
    )


def _end(when: datetime, *, has_time: bool, last_day: date | None, until: tuple[int, int] | None) -> str | None:
    """The end typed for a one-day meeting with a start («kl 10–15»), "HH:MM", when after the start: the
    calendar feed shows the meeting until then, not an end of its own making (walk 7 F19)."""
    if until is None or not has_time or last_day is not None or until <= (when.hour, when.minute):
        return None
    return f"{until[0]:02d}:{until[1]:02d}"


def _meant_cycle(acting: Acting, *, item: Item) -> Item | None:
    """The item a `dato` without a year means now (bot/model/cycle.py), when the typed date is in another
    cycle's window: «dato vår 29. februar» in April 2027 must not silently plan the spring meeting of 2028.
    Planning the next one is no slip: after an overdue item's deadline (the action plan 2027, unfinished in
    August 2027), the cycle whose window opens next is meant as well, unless the overdue
    one is nearer today (`overdue_nearer`)."""
    config = acting.config

    def item_for(year: int) -> Item:
        return milestone_for(config, key=item.key, year=year, region=item.region)

    year = dating_year(acting, item_for=item_for)
    if item.year == year:
        return None
    meant = item_for(year)
    today = acting.now.date()
    if item.year == next_opening(today=today, item_for=item_for) and not overdue_nearer(
        acting, meant=meant, planned=item
    ):
        return None
    return meant


def overdue_nearer(acting: Acting, *, meant: Item, planned: Item) -> bool:
    """The meant item is overdue and unfinished, and its deadline nearer today than the next window's
    start: «dato haust 10.12.2027» on 11 January 2027, with last autumn's meeting not held, is a slip
    for that meeting or a plan far ahead, so it is asked (walk 8, N7); in August, the action plan due
    last December is not what «dato handlingsplan 2.12.2027» means (its next window opens within weeks).
    Otherwise a question about the overdue one names the planned one too, with its button (walk 10, X12)."""
    today = acting.now.date()
    if meant.deadline >= today or progress_of(config=acting.config, state=acting.state, item=meant).done:
        return False
    return (planned.start - today) >= (today - meant.deadline)


def require_held_day(acting: Acting, *, item: Item, when: datetime, held: datetime) -> None:
    """A meeting recorded as held has had its day: a date that has not come cannot be it."""
    if when.date() > acting.now.date():
        raise DomainError(
            _(
                "Ikke lagret: {item} er registrert som {done} {held}, og {day} har ikke kommet ennå, så den "
                "kan ikke være dagen."
            ).format(item=item.title(), done=done_word(item), held=day_text(held.date()), day=day_text(when.date()))
        )


def date_worries(acting: Acting, *, item: Item, when: datetime, last_day: date | None = None) -> list[str]:
    """Why a date looks wrong, each as what the date "er": "en lørdag", "passert", …; a meeting over
    several days (`last_day`) is asked about each of its days, and the worry names the days that are off."""
    config = acting.config
    day = when.date()
    worries = []
    if day < acting.now.date():
        worries.append(_("passert"))
    days = [day + timedelta(days=n) for n in range(((last_day or day) - day).days + 1)]
    worries += _weekend_worries(days)
    for off in days:
        worries += _day_off_worries(acting, day=off, in_span=len(days) > 1)

    if not window_contains(item, day):
        worries.append(
            _("utenfor vinduet for {item} ({start}–{end})").format(
                item=item.title(), start=day_text(item.start), end=day_text(item.deadline)
            )
        )
    worries += [
        breach.rule
        for breach in plan_breaches(config=config, state=acting.state, item=item, day=day, today=acting.now.date())
    ]
    return worries


def day_worries(acting: Acting, *, day: date) -> list[str]:
    """What the day itself is, each as what it "er": "en lørdag", "andre påskedag (helligdag)", a day off."""
    return _weekend_worries([day]) + _day_off_worries(acting, day=day, in_span=False)


def _weekend_worries(days: list[date]) -> list[str]:
    """A day on a weekend is «en lørdag»; a span says whether it is all weekend and which days are off
    («en helg (lørdag og søndag)», «delvis i helgen (lørdag)»), never only its first day's name."""
    weekend = [day for day in days if day.weekday() >= 5]
    if not weekend:
        return []
    if len(days) == 1:
        return [_("en lørdag") if days[0].weekday() == 5 else _("en søndag")]
    names = list(dict.fromkeys(weekday_name(day) for day in weekend))
    worry = _("en helg ({days})") if len(weekend) == len(days) else _("delvis i helgen ({days})")
    return [worry.format(days=and_join(names))]


def _day_off_worries(acting: Acting, *, day: date, in_span: bool) -> list[str]:
    """A public holiday or a configured day off; inside a span it is «med …», one of the span's days."""
    if (name := holiday_said(day)) is not None:
        worry = _("med {name} (helligdag)") if in_span else _("{name} (helligdag)")
        return [worry.format(name=name)]
    if (day.month, day.day) in acting.config.reminders.days_off_set:  # e.g. julaften: no holiday, yet off
        off = name_of(day)
        worry = _("med {name} (fridag)") if in_span else _("{name} (fridag)")
        return [worry.format(name=_(off) if off else _("en fridag"))]
    return []


def holiday_said(day: date) -> str | None:
    """The public holiday on `day` as a sentence says it in the reader's written form («første nyttårsdag»),
    else None: a date's question and the day a thing happened name it alike."""
    name = holiday_name(day)
    return _(_lower_first(name)) if name is not None else None


def _lower_first(name: str) -> str:
    """ "Grunnlovsdag" reads "grunnlovsdag" inside a sentence; "Kristi himmelfartsdag" keeps its capital."""
    parts = name.split(" og ")
    return " og ".join(part if part.startswith("Kristi") else part[:1].lower() + part[1:] for part in parts)


def _example(acting: Acting, *, key: str, region: str | None) -> str:
    """The meeting's own `dato` example, from the clock and the wheel (fixbf 3; that module reads this one)."""
    from bot.actions.date_example import meeting_example

    return meeting_example(acting, key=key, region=region)
