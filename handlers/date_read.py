"""`dato`: the typed date read, or a Norwegian sentence that says what to write instead.

A date is read within the typed year's window when a year is typed. What is not read is named: a
misspelt region in front of the date, words around it («fylkestinget 14. desember»), a time in another
zone (refused with the Norwegian hour), a year far off; the advice's example day fits the meeting.
"""

from __future__ import annotations

import logging
import re
from datetime import datetime
from typing import TYPE_CHECKING

from bot.actions.base import Acting
from bot.actions.date_example import example_day, meeting_example
from bot.actions.rules import milestone_for, require_near_year
from bot.dates.fallback import foreign_zone, zone_after
from bot.dates.pasted import essence
from bot.dates.text import month_name
from bot.i18n import N_, _
from bot.model.wheel import Item
from bot.parsing import Vocabulary, year_of
from bot.parsing import shown as typed_back
from bot.state.store import DomainError
from handlers.date_place import names_no_day, place_after, place_refusal, second_date
from handlers.date_year import weekday_read

if TYPE_CHECKING:
    from bot.dates.grammar import ParsedDate

logger = logging.getLogger(__name__)

_FORMS = N_("«22.04.27 10.00», «tirsdag neste uke» eller «uke 17»")


def read_typed_date(
    acting: Acting, *, text: str, key: str, region: str | None, year: int | None, typed: str, vocab: Vocabulary
) -> tuple[ParsedDate, Item | None]:
    """The typed date (read within the typed year's window, returned with it), or a Norwegian sentence
    saying what to write instead."""
    # The date grammar is loaded by the first command that reads a date, not by every start-up.
    from bot.dates.grammar import DateTrouble, read_date
    from bot.dates.hints import mended_date
    from bot.dates.missing_day import missing_day
    from bot.dates.pasted import MOVED_TO_RE

    example = example_day(acting, key=key, region=region, year=year)
    if not text:
        raise DomainError(
            _("Hvilken dato? Skriv f.eks. «{typed} {day}», {forms}.").format(typed=typed, day=example, forms=_(_FORMS))
        )
    if year:
        require_near_year(acting, year, example=lambda: meeting_example(acting, key=key, region=region))
    window = milestone_for(acting.config, key=key, year=year, region=region) if year else None
    now = acting.now
    text = MOVED_TO_RE.sub("", text, count=1)
    if (new_day := moved_to_from(text)) is not None:
        raise DomainError(
            _(
                "«{text}» nevner både dagen møtet flyttes fra og dagen det flyttes til. Skriv bare den nye dagen, "
                "f.eks. «{typed} {day}»; jeg sier fra hvilken dato den erstatter."
            ).format(text=typed_back(text), typed=typed, day=new_day)
        )
    reading = read_date(text, now=now, window=(window.start, window.deadline) if window else None)
    if isinstance(reading, DateTrouble) and reading.reason == "weekday" and window is None:
        reading = weekday_read(acting, text, trouble=reading, key=key, region=region)  # «onsdag 25. november»
    if isinstance(reading, DateTrouble) and len(reading.instead) == 2:
        first, second = (f"{typed} {phrase}" for phrase in reading.instead)
        raise DomainError(
            reading.message + " " + _("Skriv «{first}» eller «{second}».").format(first=first, second=second)
        )
    if isinstance(reading, DateTrouble) and len(reading.instead) == 1:  # «10:00-25:00»: how to write it
        raise DomainError(
            reading.message + " " + _("Skriv f.eks. «{typed} {day}».").format(typed=typed, day=reading.instead[0])
        )
    if isinstance(reading, DateTrouble):
        day = f"{reading.day.day}. {month_name(reading.day.month)}" if reading.day else example
        raise DomainError(
            reading.message + " " + _("Skriv én dato, f.eks. «{typed} {day}».").format(typed=typed, day=day)
        )
    if reading is None and (missing := missing_day(text, year=window.start.year if window else None, today=now.date())):
        raise DomainError(missing + " " + _("Skriv f.eks. «{typed} {day}».").format(typed=typed, day=example))
    if reading is None and (mended := mended_date(text, now=now)) is not None:
        raise DomainError(
            _("Jeg forstod ikke datoen «{text}». Mente du «{typed} {mended}»?").format(
                text=typed_back(text), typed=typed, mended=mended
            )
        )
    first, _space, rest = text.partition(" ")
    if reading is None and rest and (near := vocab.near(first, kinds=("region",))) and _dated(rest, now=now):
        # "dato vår agdr 22. april", «dato høst agdеr 2026 …» (a Cyrillic е, walk 27 F6): a misspelt region in
        # front of the date (and the year after it), never read as part of it
        raise DomainError(
            _("Jeg forstod ikke «{words}». Mente du «{mended}»?").format(
                words=typed_back(f"{typed} {text}"), mended=typed_back(f"{typed} {near} {rest}")
            )
        )
    if reading is None and (far := _far_year(text)) is not None:
        # «0001-01-01» is far off, as «9999-12-31» (walk 27 F7)
        require_near_year(acting, far, example=lambda: meeting_example(acting, key=key, region=region))
    if reading is None and (oslo := foreign_zone(essence(text), now=now)) is not None:
        # «26. november 2026 10:00 GMT» is 11.00 in Oslo: never saved at the typed hour, nor advised to be
        raise DomainError(_zone_refusal(oslo, typed=typed))
    # «12. november kl 10-15 Scandic Kristiansand, møterom Sørlandet & Co»: a date and then its place
    around = (
        (place_after(text, now=now, window=window) or _date_among(text, now=now, window=window))
        if reading is None
        else None
    )
    if around is not None:
        # "dato politisk fylkestinget 14. desember": a body named with the date; name the words not read
        unread, date_words, found = around
        if found.has_time and (oslo := zone_after(unread, wall=found.when, now=now)) is not None:
            raise DomainError(_zone_refusal(oslo, typed=typed))  # «kl 10 UTC»: not «skriv bare datoen» at 10
        mended = f"{typed} {date_words.rstrip(',;:-–')}"
        if typed_back(mended) != mended:  # never an example cut with «…», which is refused when typed as shown
            mended = f"{typed} {found.when:%d.%m.%Y}" + (f" kl {found.when:%H.%M}" if found.has_time else "")
        if text.startswith(date_words) and (other := second_date(unread, now=now)) is not None:
            # «30. mars kl 10 eller 31. mars kl 10»: two days, never «a place» (dates21)
            raise DomainError(
                _("«{text}» er to datoer.").format(text=typed_back(f"{date_words} {other}"))
                + " "
                + _("Skriv én dato, f.eks. «{typed} {day}».").format(typed=typed, day=date_words)
            )
        if text.startswith(date_words) and names_no_day(unread):  # a meeting place, most likely (walk 35 F9)
            raise DomainError(place_refusal(unread=unread, mended=mended))
        raise DomainError(
            _("Jeg forstod ikke «{words}» i datoen. Skriv bare datoen, f.eks. «{mended}».").format(
                words=typed_back(unread), mended=mended
            )
        )
    if reading is None:
        raise DomainError(
            _("Jeg forstod ikke datoen «{text}». Skriv f.eks. «{typed} {day}», {forms}.").format(
                text=typed_back(text), typed=typed, day=example, forms=_(_FORMS)
            )
        )
    return reading, window


def _dated(text: str, *, now: datetime) -> bool:
    """Whether `text` is a date, or a cycle year and a date («2026 19.11.2026 10:00»)."""
    from bot.dates.grammar import read_date

    year, _space, after = text.partition(" ")
    return bool(read_date(text, now=now) or (after and year_of(year) and read_date(after, now=now)))


_ISO_YEAR = re.compile(r"(?<![0-9])([0-9]{4})-[0-9]{1,2}-[0-9]{1,2}(?![0-9])")


def _far_year(text: str) -> int | None:
    """The year of an ISO date the grammar did not read («0001-01-01»): asked about as far off, as «9999-12-31»
    is (a year typed after the day, «14.04.0830», stays a date not understood: tests/test_date_dato_typed.py)."""
    found = _ISO_YEAR.search(text)
    return None if found is None else int(found.group(1))


_AROUND = 3
"""At most this many words before or after a date are looked past to name them («fylkestinget 14. desember»)."""


def _zone_refusal(oslo: datetime, *, typed: str) -> str:
    """A time typed in another zone, refused with the Norwegian hour it is, so the advice saves the hour meant."""
    return _("Tiden er skrevet i en annen tidssone enn norsk tid. Skriv norsk tid, f.eks. «{typed} {when}».").format(
        typed=typed, when=f"{oslo:%d.%m.%Y} kl {oslo:%H.%M}"
    )


def _date_among(text: str, *, now: datetime, window: Item | None) -> tuple[str, str, ParsedDate] | None:
    """The words around a date that the grammar reads alone, the date's words and what they read: (unread,
    date, read), or None."""
    from bot.dates.grammar import parse_norwegian_date

    bounds = (window.start, window.deadline) if window else None
    words = text.split()
    for before in range(_AROUND + 1):
        for after in range(_AROUND + 1):
            unread = words[:before] + words[len(words) - after :]
            if not 0 < before + after < len(words) or any(char.isdigit() for word in unread for char in word):
                continue  # a number left out is part of the date («31. april», «13/4 0900 1000»): not this
            middle = words[before : len(words) - after]
            found = parse_norwegian_date(" ".join(middle), now=now, window=bounds)
            if found is not None and not (found.month_only or found.day_of_month or found.week_only):
                return " ".join(unread), " ".join(middle), found
    return None


MOVED_FROM_TO_RE = re.compile(
    r"^(?:(?:blir|ble|vert|blei|er)\s+)?(?:flytte[ts]?|flytta|flyttast|flytt|endre[ts]|endra|endrast|utsatt|"
    r"utsettes|utsett|utsettast)\s+(?:fra|frå)\s+\S.*?\s+til\s+(?=\S)",
    re.IGNORECASE,
)
"""«flyttes fra 16.11 til 23.11», «flytta frå 18. november til 25. november»: a move typed with the day it
leaves. The grammar reads no day of it (batch 17: the old day named too); `dato` refuses it saying to type the
new day alone, the one after «til» (walk 37 F-B: «forstod ikke» with an example that ignored the move)."""


def moved_to_from(text: str) -> str | None:
    """The words after «til» when `text` is a move from one day to another, else None."""
    found = MOVED_FROM_TO_RE.match(text)
    return text[found.end() :].strip() if found else None
