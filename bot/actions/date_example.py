"""The day a `dato` refusal's example suggests, from the clock and the wheel (walk 8 N5, fixbf 3): never a fixed
day such as «22. april», which is past for half the year."""

from __future__ import annotations

from datetime import date, timedelta

from bot.actions.base import Acting
from bot.actions.dates import dating_year
from bot.actions.rules import milestone_for
from bot.dates.text import month_name
from bot.dates.workdays import on_or_after
from bot.i18n import _
from bot.parsing import typed_name


def example_day(acting: Acting, *, key: str, region: str | None, year: int | None) -> str:
    """A day that fits the meeting in an example («22. november kl 10» for the autumn meeting, never an April
    day): the 22nd of its suggested month (else the month its window closes), or when that has passed a
    working day a week on, inside the window of the cycle the command means (walk 8 N5: never a past Sunday)."""
    spec = acting.config.milestone(key)
    month = (spec.suggested_month or int(spec.window.to.date.split("-")[0])) if spec else 4
    if spec is not None:
        item_for = lambda y: milestone_for(acting.config, key=key, year=y, region=region)  # noqa: E731
        item = item_for(year or dating_year(acting, item_for=item_for))
        today = acting.now.date()
        off = acting.config.reminders.days_off_set
        suggested = [date(y, month, 22) for y in (item.start.year, item.deadline.year)]
        day = next((d for d in suggested if item.start <= d <= item.deadline), item.start)
        day = on_or_after(day, days_off=off)
        if day <= today:
            day = on_or_after(today + timedelta(days=7), days_off=off)
        if item.start <= day <= item.deadline:
            return _("{day}. {month} kl 10").format(day=day.day, month=month_name(day.month))
    return _("{day}. {month} kl 10").format(day=22, month=month_name(month))


def meeting_example(acting: Acting, *, key: str, region: str | None) -> str:
    """The whole `dato` command an example suggests for the meeting (a year typed too far off: «dato høst 23.
    november kl 10», the cycle a write means)."""
    spec = acting.config.milestone(key)
    word = typed_name(spec) if spec is not None else key
    return f"dato {word} {example_day(acting, key=key, region=region, year=None)}"
