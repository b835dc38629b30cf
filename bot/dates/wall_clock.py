"""A typed clock time that Oslo's clock never shows, or shows twice, on the night daylight saving turns.

02.30 on the last Sunday of March does not exist (the clock goes from 02.00 to 03.00): stored as typed, it is the
instant 03.30, so the reply confirmed «kl. 02.30» and every later surface showed «kl. 03.30» (walk 34 F8).
02.30 on the last Sunday of October comes twice (summer time, then winter time): which one was meant cannot be
told. Both are refused with one Norwegian line and a time that exists to type instead, never stored as another.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime

from bot import i18n
from bot.clock import OSLO
from bot.dates.parsed import DateTrouble, ParsedDate
from bot.dates.text import format_short, weekday_name

logger = logging.getLogger(__name__)


def clock_trouble(found: ParsedDate) -> DateTrouble | None:
    """Why the typed time of `found` is not one Oslo time (the spring gap or the autumn fold), or None."""
    if not found.has_time:
        return None
    wall = found.when.replace(tzinfo=None)
    first, second = wall.replace(tzinfo=OSLO, fold=0), wall.replace(tzinfo=OSLO, fold=1)
    if first.utcoffset() == second.utcoffset():
        return None
    clock = f"{wall.hour:02d}.{wall.minute:02d}"
    day = wall.date()
    there = first.astimezone(UTC).astimezone(OSLO).replace(tzinfo=None)
    if there != wall:  # the spring gap: the wall time does not survive a round trip through UTC
        message = i18n._("Klokken {clock} finnes ikke natt til {day}: da stilles klokken fra 02.00 til 03.00.")
    else:
        message = i18n._("Klokken {clock} kommer to ganger natt til {day}: da stilles klokken fra 03.00 til 02.00.")
    example = f"{day.day}.{day.month}.{day.year} kl 03.00"  # after the turn, one time on either night
    return DateTrouble(reason="clock", message=message.format(clock=clock, day=_day(wall)), day=day, instead=(example,))


def _day(wall: datetime) -> str:
    return f"{weekday_name(wall.date())} {format_short(wall.date())}"
