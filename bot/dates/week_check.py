"""A date with its week number as a check («mandag 16. november (uke 47)»): civil servants write the week in
brackets beside the day. When the week is the day's, the phrase is that one day; when it is not, the writer
is asked which they meant, naming both (walk 17 F-a), never refused as «two dates» with an unrelated example."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from bot import i18n
from bot.dates.rules import Found
from bot.dates.text import month_name

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class WeekDisagrees:
    """The day and the week typed with it name different weeks: the sentence saying so and the two
    phrases to choose between."""

    message: str
    instead: tuple[str, str]


def day_with_week(first: Found, second: Found) -> Found | WeekDisagrees | None:
    """The day when one part is a whole date and the other the week it falls in; `WeekDisagrees` when the
    week is another; None when the two parts are not a date and a week."""
    for day, week in ((first, second), (second, first)):
        if week.kind != "week" or day.kind not in ("day", "day_of_month") or day.relative:
            continue
        typed_week = week.day.isocalendar().week
        if day.day.isocalendar()[:2] == week.day.isocalendar()[:2]:
            return day
        named = f"{day.day.day}. {month_name(day.day.month)}"
        message = i18n._("{day} er i uke {right}, ikke i uke {typed}.").format(
            day=named, right=day.day.isocalendar().week, typed=typed_week
        )
        return WeekDisagrees(message=message, instead=(named, i18n._("uke {week}").format(week=typed_week)))
    return None
