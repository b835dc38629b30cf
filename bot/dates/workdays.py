"""Norwegian working days: no weekends, no public holidays (from the maintained `holidays` tables).

Reminders also skip the extra days off of app.yaml (`reminders.days_off`, e.g. 24 and 31 December, which
are not public holidays but on which nobody reads a reminder); those are passed in as `days_off`.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import date, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from holidays import HolidayBase

DaysOff = Collection[tuple[int, int]]
"""Extra (month, day) pairs that are off every year."""


@lru_cache(maxsize=1)
def _norway() -> type[HolidayBase]:
    """Norway's holiday class, imported when a working day is first asked about.

    Importing it the usual way runs ``holidays.countries/__init__``, which imports all ~200 countries
    (0.1–0.25 s, most of `chat`'s time to its first answer). The package is stood in for while Norway's own
    module loads, then taken out again, so a later ``import holidays.countries`` still gets the real one."""
    import importlib
    import importlib.util
    import sys
    import types

    import holidays

    if "holidays.countries" not in sys.modules:
        spec = importlib.util.find_spec("holidays.countries")
        if spec is not None and spec.submodule_search_locations:
            stand_in = types.ModuleType("holidays.countries")
            stand_in.__path__ = list(spec.submodule_search_locations)
            stand_in.__spec__ = spec
            sys.modules["holidays.countries"] = stand_in
            try:
                return importlib.import_module("holidays.countries.norway").Norway
            finally:
                if sys.modules.get("holidays.countries") is stand_in:
                    del sys.modules["holidays.countries"]
    return holidays.country_holidays("NO").__class__


@lru_cache(maxsize=64)
def _holidays(year: int) -> frozenset[date]:
    return frozenset(_norway()(years=year).keys())


def is_working_day(day: date, *, days_off: DaysOff = ()) -> bool:
    return day.weekday() < 5 and day not in _holidays(day.year) and (day.month, day.day) not in days_off


def on_or_before(day: date, *, days_off: DaysOff = ()) -> date:
    """The working day itself, or the last one before it (a reminder is never late because of Easter)."""
    while not is_working_day(day, days_off=days_off):
        day -= timedelta(days=1)
    return day


def on_or_after(day: date, *, days_off: DaysOff = ()) -> date:
    while not is_working_day(day, days_off=days_off):
        day += timedelta(days=1)
    return day


def first_working_day_of_week(day: date, *, days_off: DaysOff = ()) -> date | None:
    """The first working day of `day`'s ISO week (None in a week without one, e.g. Christmas)."""
    monday = day - timedelta(days=day.weekday())
    for offset in range(5):
        candidate = monday + timedelta(days=offset)
        if is_working_day(candidate, days_off=days_off):
            return candidate
    return None


def is_first_working_day_of_week(day: date, *, days_off: DaysOff = ()) -> bool:
    return first_working_day_of_week(day, days_off=days_off) == day


@lru_cache(maxsize=64)
def _holiday_names(year: int) -> dict[date, str]:
    return dict(_norway()(years=year, language="no").items())


def holiday_name(day: date) -> str | None:
    """The Norwegian name of the public holiday on `day` ("Grunnlovsdag", "Kristi himmelfartsdag"), else None.

    A plain Sunday is not named: the weekend is a reason of its own. Two feasts on one day are joined
    ("Andre pinsedag og Grunnlovsdag").
    """
    parts = [part.strip() for part in _holiday_names(day.year).get(day, "").split(";")]
    names = [part for part in parts if part and part != "Søndag"]
    return " og ".join(names) or None
