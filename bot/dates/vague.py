"""Phrases that name a time of year but no day: «sein haust», «til våren», «etter sommarferien», «slutten av
veka». The grammar reads none of them; this says they are vague, so the reply names what is missing instead
of «not understood». A month part («slutten av oktober», «medio mai») is not vague: it is asked about as a
month (`bot.dates.rules`).
"""

from __future__ import annotations

import logging
import re
from calendar import monthrange
from datetime import date, timedelta
from typing import Literal

from bot.dates.workdays import DaysOff, is_working_day

logger = logging.getLogger(__name__)

_SEASONS = (
    "vår", "våren", "våra", "vårparten", "sommer", "sommeren", "sommar", "sommaren", "høst", "høsten", "haust",
    "hausten", "vinter", "vinteren", "vintren", "seinhaust", "seinhausten", "seinhaustes", "senhøstes",
    "senhøsten", "tidlegvåren", "tidligvåren", "vårhalvåret", "høsthalvåret", "hausthalvåret",
    "ferien", "ferie", "sommerferien", "sommarferien", "høstferien", "haustferien", "vinterferien",
    "fellesferien", "sommarferie", "sommerferie",
    "påska", "påsken", "påske", "pinsen", "pinsa", "pinse",  # «i påska»: some day of Easter (read alone as its Sunday)
)  # fmt: skip
# Words that only place a vague time: «i», «til», «neste», «seint», «midten av», «i løpet av».
_AROUND = (
    "i", "til", "neste", "kommende", "komande", "denne", "over", "etter", "før", "utpå", "ut", "på", "om", "mot",
    "av", "løpet", "seint", "sent", "sein", "sen", "tidleg", "tidlig", "midt", "midten", "slutten", "starten",
    "begynnelsen", "byrjinga", "enden", "innen", "innan", "en", "ein", "gang", "gong", "engang", "eingong", "rundt", "ca", "ca.",
    "dag", "eller", "annan", "annen",  # «ein dag neste veke», «neste uke en eller annen dag»
)  # fmt: skip
# A part of a week or a year without which day: «slutten av veka», «midt i uka», «i løpet av året».
_PERIODS = ("uke", "uka", "uken", "veka", "veke", "året", "halvåret", "helga", "helgen")
# «i helga», «i helgen», «neste helg»: a weekend is two days, Saturday or Sunday, also typed on a Friday (dates20).
_WEEKEND = ("helga", "helgen", "helg", "helgi")
_PART_OF = (
    "midten",
    "midt",
    "slutten",
    "starten",
    "begynnelsen",
    "byrjinga",
    "løpet",
    "sist",
    "først",
    "fyrst",
    "seint",
    # «neste uke en gang», «tidleg neste veke»: some day of the week, not its Monday (dates13)
    "gang",
    "gong",
    "engang",
    "eingong",
    "dag",
    "tidlig",
    "tidleg",
)
_YEAR_RE = re.compile(r"\s*,?\s*(?:i\s+)?[0-9]{4}$")


def vague(s: str) -> bool:
    """Whether a normalized phrase names only a season, a holiday period or a part of a week or a year."""
    words = _YEAR_RE.sub("", s).replace("-", " ").split()
    if not words or len(words) > 6:
        return False
    seasons = [w for w in words if w in _SEASONS]
    if seasons:
        return all(w in _SEASONS or w in _AROUND or w in _PERIODS for w in words)  # «veka etter haustferien»
    periods = [w for w in words if w in _PERIODS or w in _WEEKEND]
    part = any(w in _PART_OF for w in words) or (len(periods) == 1 and periods[0] in _WEEKEND)
    return len(periods) == 1 and part and all(w in _PERIODS or w in _WEEKEND or w in _AROUND for w in words)


def anchor(s: str) -> str:
    """A vague phrase without the words that make it vague («neste uke en gang» → «neste uke»): the period it is
    in, which `dato` offers a day of when asking which day."""
    return " ".join(
        w for w in s.split() if w not in _PART_OF and w not in ("en", "ein", "i", "av", "eller", "annan", "annen")
    )


MonthPart = Literal[
    "whole", "start", "middle", "end", "first_week", "second_week", "third_week", "fourth_week", "last_week"
]
"""Which part of a month a phrase named: «i april», «starten av», «midten av», «slutten av», «første uka i», «andre
/ tredje / fjerde uka i», «siste veka i»."""


def period(*, day: date, part: MonthPart) -> tuple[date, date]:
    """The days a month phrase covers in `day`'s month, first and last: what a day offered for it must lie in."""
    last = monthrange(day.year, day.month)[1]
    first_day, last_day = {
        "whole": (1, last),
        "start": (1, 10),
        "middle": (11, 20),
        "end": (21, last),
        "first_week": (1, 7),
        "second_week": (8, 14),
        "third_week": (15, 21),
        "fourth_week": (22, 28),
        "last_week": (last - 6, last),
    }[part]
    return day.replace(day=first_day), day.replace(day=last_day)


_BY_ITS_END = frozenset({"whole", "first_week", "second_week", "third_week", "fourth_week", "last_week"})


def deadline_day(*, day: date, part: MonthPart) -> date:
    """The day a deadline naming a month or a week of one falls on: the period's last day («innen desember»,
    «innen første uke i desember»: 31 and 7 December), as «innen utgangen av desember» is (dates13); a month's
    start, middle or end keep the day they name («innen medio mai» is the 15th)."""
    return period(day=day, part=part)[1] if part in _BY_ITS_END else day


def working_days_in(*, day: date, part: MonthPart, days_off: DaysOff = ()) -> list[date]:
    """The working days a month phrase covers, nearest its anchor first (the 15th for «midten», the last day for
    «slutten» and «siste uka», else the first): the day `dato` offers for it comes first, so a «Lagre likevel» is
    never a weekend or a holiday outside what was typed."""
    first, last = period(day=day, part=part)
    anchor = {"middle": day.replace(day=15), "end": last, "last_week": last}.get(part, first)
    days = [first + timedelta(days=n) for n in range((last - first).days + 1)]
    working = [d for d in days if is_working_day(d, days_off=days_off)]
    return sorted(working, key=lambda d: (abs((d - anchor).days), d))
