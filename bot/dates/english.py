"""English relative days as an English-writing colleague or a calendar's quick-add types them («next Tuesday»,
«Friday 3pm», «tomorrow at 9», «in two weeks», «8th April 2027 at 10»), said in the grammar's Norwegian before it reads
them (`bot.dates.words.normalize`). Only whole phrases of this shape are turned: an English weekday alone or with a
time, after «next»/«this»/«on»; «today»/«tomorrow»; «in N days/weeks»; «at» before a time ends a phrase that is
plainly English (an English weekday, an ordinal's «th», «today», a twelve-hour time). «next Tuesday» is «neste
tirsdag»: the Tuesday of next week, as Norwegian says it (README «relative»).
"""

from __future__ import annotations

import logging
import re

logger = logging.getLogger(__name__)

_WEEKDAYS = {
    "monday": "mandag", "tuesday": "tirsdag", "wednesday": "onsdag", "thursday": "torsdag", "friday": "fredag",
    "saturday": "lørdag", "sunday": "søndag",
}  # fmt: skip
# Calendars' short English weekdays, read only where they cannot be Norwegian: after «next»/«this» or before a
# twelve-hour time or «at» («Tue 10am», «next Thu»; «fri 22.4» is a day off, «sun» nynorsk «sundag»).
_SHORT = {
    "mon": "mandag", "tue": "tirsdag", "tues": "tirsdag", "wed": "onsdag", "thu": "torsdag", "thur": "torsdag",
    "thurs": "torsdag", "fri": "fredag", "sat": "lørdag", "sun": "søndag",
}  # fmt: skip
_SHIFT = {"next": "neste ", "this": "denne ", "on": "", "": ""}
_COUNTS = {"one": "en", "a": "en", "two": "to", "three": "tre", "four": "fire", "five": "fem", "six": "seks"}
_TIME = r"[0-9]{1,2}(?:[:.][0-9]{2})?\s*(?:[ap]\.?\s?m\b\.?)?"
_ENGLISH_TIME = r"(?:(?:at\s+)?[0-9]{1,2}(?:[:.][0-9]{2})?\s*[ap]\.?\s?m\b\.?|at\s+[0-9]{1,2}(?:[:.][0-9]{2})?)"
_DAY_RE = re.compile(rf"^(?:(next|this|on)\s+)?({'|'.join(_WEEKDAYS)}),?(?=$|\s+(?:at\s+)?{_TIME}$)")
_SHORT_RE = re.compile(
    rf"^(?:(next|this)\s+({'|'.join(_SHORT)})\.?,?(?=$|\s+{_ENGLISH_TIME}$)"
    rf"|({'|'.join(_SHORT)})\.?,?(?=\s+{_ENGLISH_TIME}$))"
)
# «Tuesday next week», «next week Tuesday»: a weekday of next week, «tirsdag neste uke».
_NEXT_WEEK_RE = re.compile(rf"^(?:next\s+week\s+({'|'.join(_WEEKDAYS)})|({'|'.join(_WEEKDAYS)})\s+next\s+week)$")
_TODAY_RE = re.compile(rf"^(today|tomorrow)(?=$|\s+(?:at\s+)?{_TIME}$)")
_IN_RE = re.compile(rf"^in\s+([0-9]{{1,2}}|{'|'.join(_COUNTS)})\s+(days?|weeks?)$")
_ENGLISH_RE = re.compile(
    rf"\b(?:{'|'.join(_WEEKDAYS)}|today|tomorrow|next|this|mon|tue|tues|wed|thu|thur|thurs)\b"
    r"|[0-9](?:st|nd|rd|th)\b|[0-9]\s*[ap]\.?\s?m\b"
)
_AT_TIME_RE = re.compile(rf"\s+at\s+(?={_TIME}$)")


def in_norwegian(s: str) -> str:
    """A lower-case phrase with its English relative words said as the grammar's («next tuesday 10am» → «neste
    tirsdag 10am»); any other phrase comes back as it is."""
    if not _ENGLISH_RE.search(s) and not s.startswith("in "):
        return s
    if m := _IN_RE.match(s):
        count, unit = m.groups()
        return f"om {_COUNTS.get(count, count)} {'uker' if unit.startswith('week') else 'dager'}"
    if m := _NEXT_WEEK_RE.match(s):
        return f"{_WEEKDAYS[m.group(1) or m.group(2)]} neste uke"
    s = _DAY_RE.sub(lambda m: _SHIFT[m.group(1) or ""] + _WEEKDAYS[m.group(2)], s, count=1)
    s = _SHORT_RE.sub(lambda m: _SHIFT[m.group(1) or ""] + _SHORT[m.group(2) or m.group(3)], s, count=1)
    s = _TODAY_RE.sub(lambda m: "i dag" if m.group(1) == "today" else "i morgen", s, count=1)
    return _AT_TIME_RE.sub(" kl ", s, count=1)
