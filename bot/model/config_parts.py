"""app.yaml's building blocks: a text in both written forms, a day of the cycle, a window, and the reminder
settings (leads, overdue notices, days off, the schedule). The sections that use them are in
bot/model/config.py; how a section is checked, in bot/model/schema.py.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any, Literal

from bot import i18n
from bot.model.schema import rule, section

_PLAIN_CRON = re.compile(r"\d{1,2} \d{1,2} \* \* (\*|[0-6](-[0-6])?)")


@section
class LocalText:
    """A text people read, in both written forms: ``{nb: "Høstmøtet", nn: "Haustmøtet"}``. Both are
    required, so a reader in Vestland never gets bokmål by silent fallback (a missing form names its line)."""

    nb: str = rule(min_length=1)
    nn: str = rule(min_length=1)

    def __str__(self) -> str:
        return i18n.local({"nb": self.nb, "nn": self.nn})

    @property
    def forms(self) -> tuple[str, str]:
        return self.nb, self.nn


def local_text(text: LocalText | None, default: str = "") -> str:
    """The text in the reader's written form, or `default` when app.yaml gives none."""
    return str(text) if text is not None else default


@section
class DayRef:
    """A month-day in cycle year A, or in A + year (year -1 = the autumn before)."""

    date: str
    year: int = rule(default=0, ge=-1, le=1)

    @staticmethod
    def _before(value: Any) -> Any:
        return {"date": value} if isinstance(value, str) else value

    @staticmethod
    def _valid_date(value: str) -> str:
        match = re.fullmatch(r"(\d{2})-(\d{2})", value)
        if not match:
            raise ValueError('write the date as "MM-DD", e.g. "03-31"')
        date(2024, int(match[1]), int(match[2]))  # 2024: a leap year accepts 02-29; raises if impossible
        return value

    def resolve(self, cycle_year: int) -> date:
        month, day = (int(part) for part in self.date.split("-"))
        year = cycle_year + self.year
        if (month, day) == (2, 29) and not (year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)):
            day = 28
        return date(year, month, day)


@section
class Window:
    from_: DayRef = rule(alias="from")
    to: DayRef

    def resolve(self, cycle_year: int) -> tuple[date, date]:
        return self.from_.resolve(cycle_year), self.to.resolve(cycle_year)


@section
class Lead:
    days: int = rule(ge=1, le=365)
    to: tuple[Literal["responsible", "prepare"], ...] = ("responsible",)
    note_forms: LocalText | None = rule(default=None, alias="note")
    before: Literal["anchor", "opens"] = "anchor"
    """What the lead counts back from without a planned date: `anchor` (the suggested month's first day,
    else the deadline) or `opens` (when the item's window opens or its suggested month begins): a summons
    "in good time" must come before the first day the meeting may be held, not before the last."""

    @property
    def note(self) -> str | None:
        return str(self.note_forms) if self.note_forms else None


@section
class Overdue:
    every_days: int = rule(default=7, ge=1, le=60)
    max_times: int = rule(default=12, ge=0, le=100)


@section
class ReminderSettings:
    cron: str = "0 9 * * 1-5"
    leads: tuple[Lead, ...] = ()
    overdue: Overdue = Overdue()
    days_off: tuple[str, ...] = ()
    """Extra days off for reminders every year, "MM-DD" (e.g. "12-24"): a reminder moves to the day before."""

    @staticmethod
    def _valid_days_off(value: tuple[str, ...]) -> tuple[str, ...]:
        for day in value:
            match = re.fullmatch(r"(\d{2})-(\d{2})", day)
            if not match:
                raise ValueError(f'write each day off as "MM-DD", e.g. "12-24" (not {day!r})')
            try:
                date(2024, int(match[1]), int(match[2]))
            except ValueError:
                raise ValueError(f"{day!r} is not a day of the year") from None
        return value

    @property
    def days_off_set(self) -> frozenset[tuple[int, int]]:
        """The days off as (month, day) pairs, as `bot.dates.workdays` takes them."""
        return frozenset((int(day[:2]), int(day[3:])) for day in self.days_off)

    @staticmethod
    def _valid_cron(value: str) -> str:
        if _PLAIN_CRON.fullmatch(value) and int(value.split()[0]) < 60 and int(value.split()[1]) < 24:
            return value  # «M H * * D[-D]», what every configuration has: valid without importing croniter
        from croniter import croniter  # ~15 ms of imports that `chat` and a plain schedule never need

        if not croniter.is_valid(value):
            raise ValueError(f"not a valid cron expression: {value!r}")
        return value
