"""The start of an event copied from an .ics file or a calendar's source view: «DTSTART:20270413T090000».

People paste the raw lines when a calendar's export is all they have («DTSTART;TZID=W. Europe Standard
Time:20270223T100000», «DTSTART;VALUE=DATE:20270413»). The start line is the date; the others (DTEND, SUMMARY,
LOCATION) only frame it. The line is rewritten in the grammar's own forms, so its rules decide as for a typed
date: a UTC start («…Z») is an instant (`bot.dates.spans.iso_instant`), a named zone goes after the time and is
read or refused by `bot.dates.zones` (Oslo's names read as typed, «Europe/London» refused), a floating time
(no zone) is the calendar's local time, Oslo's.
"""

from __future__ import annotations

import logging
import re

logger = logging.getLogger(__name__)

_DTSTART_RE = re.compile(
    r"^[ \t]*DTSTART(?:;VALUE=DATE(?:-TIME)?)?(?:;TZID=\"?([^:\";\n]+)\"?)?(?:;VALUE=DATE(?:-TIME)?)?:"
    r"([0-9]{4})([0-9]{2})([0-9]{2})(?:T([0-9]{2})([0-9]{2})(?:[0-9]{2})?(Z)?)?[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)


def ics_start(text: str) -> str | None:
    """The DTSTART line of `text` as the grammar reads a date («2027-04-13 09:00», «2027-04-13T09:00:00Z»,
    «2027-04-13 09:00 Europe/London»), or None when `text` has no such line or more than one."""
    if "dtstart" not in text.lower():
        return None
    found = _DTSTART_RE.findall(text)
    if len(found) != 1:
        return None  # two events pasted: two dates
    zone, year, month, day, hour, minute, utc = found[0]
    day_text = f"{year}-{month}-{day}"
    if not hour:
        return day_text
    if utc:
        return f"{day_text}T{hour}:{minute}:00Z"
    return f"{day_text} {hour}:{minute}" + (f" {zone.strip()}" if zone else "")
