"""Norwegian working days: no weekends, no public holidays (from the maintained `holidays` tables)."""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

import holidays


@lru_cache(maxsize=64)
def _holidays(year: int) -> frozenset[date]:
    return frozenset(holidays.country_holidays("NO", years=year).keys())


def is_working_day(day: date) -> bool:
    return day.weekday() < 5 and day not in _holidays(day.year)


def on_or_before(day: date) -> date:
    """The working day itself, or the last one before it (a reminder is never late because of Easter)."""
    while not is_working_day(day):
        day -= timedelta(days=1)
    return day


def on_or_after(day: date) -> date:
    while not is_working_day(day):
        day += timedelta(days=1)
    return day


@lru_cache(maxsize=64)
def _holiday_names(year: int) -> dict[date, str]:
    return dict(holidays.country_holidays("NO", years=year, language="no").items())


def holiday_name(day: date) -> str | None:
    """The Norwegian name of the public holiday on `day` ("Grunnlovsdag", "Kristi himmelfartsdag"), else None.

    A plain Sunday is not named: the weekend is a reason of its own. Two feasts on one day are joined
    ("Andre pinsedag og Grunnlovsdag").
    """
    parts = [part.strip() for part in _holiday_names(day.year).get(day, "").split(";")]
    names = [part for part in parts if part and part != "Søndag"]
    return " og ".join(names) or None
