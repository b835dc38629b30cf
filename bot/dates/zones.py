"""The time zone named after a pasted or typed time, as calendars print it: «(Greenwich Mean Time)», Outlook's
«(UTC+00:00) Dublin, Edinburgh, Lisboa, London» and «(UTC+01:00) Amsterdam, Berlin, Bern, Roma, Stockholm, Wien»,
Windows' «W. Europe Standard Time», Google's «(GMT+01:00) Central European Time - Oslo», an IANA name
(«Europe/London»).

A zone is a set of rules, not an offset: Outlook labels a zone by its winter offset all year, so «(UTC+01:00)
Amsterdam, …» is Oslo's own clock in July too, and «(UTC+00:00) … London» is one hour behind it all year. The
grammar reads a time followed by a zone that keeps Oslo's clock on that day as Oslo time; any other zone is
refused with the Oslo hour it is (`oslo_time`), never saved or advised at the typed hour.
"""

from __future__ import annotations

import logging
import re
from datetime import UTC, datetime, timedelta, timezone, tzinfo
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bot.clock import OSLO

logger = logging.getLogger(__name__)

_OSLO = "Europe/Oslo"
_LONDON = "Europe/London"
_NAMES: dict[str, str] = {
    # Oslo's own rules (Windows', Outlook's, Google's and Teams' names, English and Norwegian)
    **dict.fromkeys(
        (
            "central european time", "central european standard time", "central european summer time",
            "central europe standard time", "central europe daylight time", "central european daylight time",
            "w. europe standard time", "w europe standard time", "w. europe daylight time", "western europe standard time",
            "romance standard time", "romance daylight time", "central european", "cet", "cest", "met", "mest",
            "sentraleuropeisk tid", "sentraleuropeisk normaltid", "sentraleuropeisk sommertid", "mellomeuropeisk tid",
            "mellomeuropeisk normaltid", "mellomeuropeisk sommartid", "sentraleuropeisk sommartid", "norsk tid",
        ),
        _OSLO,
    ),
    **dict.fromkeys(
        (
            "gmt standard time", "british time", "uk time", "irish standard time", "western european time",
            "vesteuropeisk tid", "vesteuropeisk normaltid", "britisk tid",
        ),
        _LONDON,
    ),
    **dict.fromkeys(
        (
            "greenwich mean time", "gmt", "greenwich standard time", "coordinated universal time", "universal time",
            "utc", "z", "zulu", "koordinert universaltid", "universaltid", "greenwich-tid",
        ),
        "UTC",
    ),
    **dict.fromkeys(
        (
            "eastern european time", "eastern european standard time", "eastern european summer time",
            "e. europe standard time", "fle standard time", "gtb standard time", "østeuropeisk tid",
            "austeuropeisk tid", "østeuropeisk normaltid",
        ),
        "Europe/Helsinki",
    ),
    **dict.fromkeys(
        ("eastern standard time", "eastern time", "østlig tid"),
        "America/New_York",
    ),
    **dict.fromkeys(("central standard time", "central time"), "America/Chicago"),
    **dict.fromkeys(("mountain standard time", "mountain time"), "America/Denver"),
    **dict.fromkeys(
        ("pacific standard time", "pacific time", "stillehavstid"),
        "America/Los_Angeles",
    ),
}  # fmt: skip
_SUMMER: dict[str, int] = {
    "british summer time": 1, "western european summer time": 1, "gmt daylight time": 1, "irish summer time": 1,
    "vesteuropeisk sommertid": 1, "britisk sommertid": 1, "britisk sommartid": 1,
    "eastern european summer time": 3, "østeuropeisk sommertid": 3, "eastern daylight time": -4,
    "central daylight time": -5, "mountain daylight time": -6, "pacific daylight time": -7,
}  # fmt: skip
"""A summer time's name is one offset whatever the day («10:00 British Summer Time» is 11.00 in Oslo in November
too); abbreviations («BST», «EDT») are dateparser's to read (`bot.dates.fallback`)."""
# The first city of Outlook's zone label names its rules (nb and en spellings).
_CITIES: dict[str, str] = {
    **dict.fromkeys(("dublin", "edinburgh", "lisboa", "lisbon", "london"), _LONDON),
    **dict.fromkeys(("amsterdam", "berlin", "bern", "roma", "rome", "stockholm", "wien", "vienna", "oslo"), _OSLO),
    **dict.fromkeys(("brussel", "brussels", "københavn", "copenhagen", "madrid", "paris"), _OSLO),
    **dict.fromkeys(("beograd", "belgrade", "bratislava", "budapest", "ljubljana", "praha", "prague"), _OSLO),
    **dict.fromkeys(("sarajevo", "skopje", "warszawa", "warsaw", "zagreb"), _OSLO),
    **dict.fromkeys(("helsinki", "kyiv", "kiev", "riga", "sofia", "tallinn", "vilnius"), "Europe/Helsinki"),
    **dict.fromkeys(("athen", "athens", "bucuresti", "bucharest"), "Europe/Bucharest"),
    **dict.fromkeys(("monrovia", "reykjavik"), "Atlantic/Reykjavik"),
    "casablanca": "Africa/Casablanca",
}  # fmt: skip
_OFFSET_RE = re.compile(r"(?:utc|gmt)\s*(?:([+-])\s*([0-9]{1,2})(?::?([0-9]{2}))?)?(?![0-9])\s*(.*)")
_IANA_RE = re.compile(r"[a-z]+(?:/[a-z_-]+)+")
_WIDEST = timedelta(hours=14)
"""The widest offset any zone uses (Kiribati, UTC+14; the westmost is UTC-12)."""
_MAX_WORDS = 9
"""Outlook's longest label («(UTC+01:00) Beograd, Bratislava, Budapest, Ljubljana, Praha») and a little more."""


def zone_named(words: str) -> tzinfo | None:
    """The zone `words` name (nothing else in them), or None: what a calendar prints after a time."""
    s = " ".join(words.lower().replace("(", " ").replace(")", " ").replace("\u2212", "-").split()).strip(" ,.-–")
    if not s:
        return None
    if " - " in s and s.split(" - ")[0] in _NAMES:  # Google's «Sentraleuropeisk tid - Oslo»
        s = s.split(" - ")[0]
    if s in _NAMES:
        return _zone(_NAMES[s])
    if s in _SUMMER:
        return timezone(timedelta(hours=_SUMMER[s]))
    if _IANA_RE.fullmatch(s):
        return _zone(s.title())
    m = _OFFSET_RE.fullmatch(s)
    if m is None:
        return None
    sign, hours, minutes, rest = m.groups()
    rest = rest.strip(" ,.-–")
    if rest:
        words = re.split(r"[\s,]+", rest)
        # «Central European Time - Oslo», «Eastern Time (USA og Canada)», «Amsterdam, Berlin, …»
        named = next((_NAMES[key] for n in range(len(words), 0, -1) if (key := " ".join(words[:n])) in _NAMES), None)
        named = named or _CITIES.get(re.split(r"[\s,]+", rest.split(" - ")[-1])[0]) or _CITIES.get(words[0])
        if named is None and not all(_CITY_RE.fullmatch(part.strip()) for part in rest.split(",")):
            return None  # «UTC+1 og så videre»: not a zone's label
        if named is not None:
            return _zone(named)
    if not hours:
        return UTC
    offset = timedelta(hours=int(hours), minutes=int(minutes or 0))
    if int(minutes or 0) >= 60 or offset > _WIDEST:
        return None  # «UTC+99», «GMT+25»: no zone on earth (and past ±24 h `timezone` raises)
    return timezone(-offset if sign == "-" else offset)


_CITY_RE = re.compile(r"[^\W\d_]+(?:[ .-][^\W\d_]+)*\.?")


def split_zone(text: str) -> tuple[str, tzinfo] | None:
    """`text` as the words before a zone named at its end, and that zone; None when it ends in no zone."""
    words = text.split()
    for cut in range(max(1, len(words) - _MAX_WORDS), len(words)):
        if (zone := zone_named(" ".join(words[cut:]))) is not None:
            return " ".join(words[:cut]).rstrip(" ,(–-"), zone
    return None


def keeps_oslo_clock(zone: tzinfo, *, wall: datetime) -> bool:
    """Whether the clock time `wall` in `zone` is the same clock time in Oslo (CET in winter, CEST in summer)."""
    naive = wall.replace(tzinfo=None)
    return naive.replace(tzinfo=zone).utcoffset() == naive.replace(tzinfo=OSLO).utcoffset()


def oslo_time(zone: tzinfo, *, wall: datetime) -> datetime:
    """The Oslo time of the clock time `wall` read in `zone`."""
    return wall.replace(tzinfo=None).replace(tzinfo=zone).astimezone(OSLO)


def foreign_time(text: str, *, now: datetime) -> datetime | None:
    """The Oslo time of a date and time followed by a zone whose clock is not Oslo's on that day
    («26. november 2026 10:00 (Greenwich Mean Time)» is 11.00), or None."""
    from bot.dates.grammar import parse_norwegian_date  # the grammar reads a zone through this module

    zoned = split_zone(text)
    if zoned is None:
        return None
    head, zone = zoned
    found = parse_norwegian_date(head, now=now)
    if found is None or not found.has_time or keeps_oslo_clock(zone, wall=found.when):
        return None
    return oslo_time(zone, wall=found.when)


@lru_cache(maxsize=64)
def _zone(key: str) -> tzinfo | None:
    if key == "UTC":
        return UTC
    try:
        return ZoneInfo(key)
    except (ZoneInfoNotFoundError, ValueError):
        return None
