"""The date inside a whole sentence from an e-mail or a chat: «Vi foreslår å flytte møtet til tirsdag 13. april
kl. 10–14, går det?».

The grammar reads whole phrases only, so noise around a number is never a date («blah 12», «møtet 3. mars»). A
sentence is different: its other words are plainly a sentence (a pronoun or a verb: «vi», «eg», «kan», «passar»,
or a full stop or question mark at its end), and it says one day once. Such a sentence is read as the day it names, on conditions that keep a wrong date out:

- every word that could say which day (a digit, a weekday, a month, «neste», «veke», a feast) lies inside the
  date's words, so a second date, a case number or a phone number anywhere refuses the sentence, unless its label
  or unit says it is no day («rom 4.12», «kr 13.400», «45 %», «tlf 915 12 345»: `bot.dates.labelled`);
- no word says the day is not the meeting's: «ikke»/«ikkje», «avlyst», an alternative («eller», «evt.»), or that
  it has been («hadde», «møttes»: without its year the day would be read as the coming one);
- numbers alone are no date in a sentence («1/2 time», «2.5 timar»): it names a weekday, a month or a relative
  day, has its year or a clock time;
- the date is not the start of something or a day counted from («fra 13. april», «etter 13. april»), and in a
  sentence that moves a meeting the day is the one it moves to («flytte møtet til tirsdag 13. april»), never the
  one it moves from («møtet 13. april er flytta»).

`date_phrases` yields the date's words to try, longest first; `bot.dates.grammar` reads them.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from functools import lru_cache
from itertools import pairwise
from typing import TYPE_CHECKING

from bot.dates.away import AWAY_WORDS, after_away_but, before_away, before_busy_otherwise, before_otherwise, is_away
from bot.dates.labelled import labelled_numbers
from bot.dates.named_days import feast_week_words, named_day_words
from bot.dates.sentence_words import REFUSING_WORDS, SENTENCE_WORDS
from bot.dates.words import (
    COMING_WORDS,
    DAY_ORDINALS,
    DAY_UNITS,
    HOUR_UNITS,
    MONTH_UNITS,
    MONTHS,
    NUMBERS,
    ORDINALS,
    SPELLING,
    WEEK_SHIFT,
    WEEK_UNITS,
    WEEKDAYS,
    WORKDAY_WORDS,
)

if TYPE_CHECKING:
    from datetime import datetime

    from bot.dates.parsed import ParsedDate

logger = logging.getLogger(__name__)

_YEAR_WORDS = frozenset({"år", "året", "aar", "aaret"})
# Words right before a date that make it a start or a day counted from, not the day meant.
_NOT_BEFORE = frozenset({"fra", "frå", "from", "etter", "after", "siden", "sidan", "since", "enn", "mellom"})
# A part of a period left out of the date read («i slutten av neste uke» is no Monday): the part was not read with it.
_PART_OF = frozenset(
    {"utgangen", "utgongen", "slutten", "enden", "starten", "begynnelsen", "byrjinga", "midten", "midt", "løpet"}
)
# A sentence that moves a meeting names the day it moves to after «til».
_MOVE_STEMS = ("flytt", "utsett", "utsatt", "endr", "skyv", "forskyv")
_TO_WORDS = frozenset({"til", "to"})
_FROM = frozenset({"fra", "frå"})
# «Møtet blir etter nyttår, dato kjem.», «tidspunkt følger»: the day is still to be set, whatever else is named.
_DATE_TALK = frozenset({"dato", "datoen", "datoar", "datoer", "tidspunkt", "tidspunktet", "forslag", "framlegg"})
_DAY_LATER = (["dato", "datoen", "tidspunkt", "tidspunktet", "dag", "dagen"], ["kommer", "kjem", "følger", "fylgjer"])
# «Vi ses etter påske(ferien)», «… rett etter helga»: «etter» a feast or a weekend names a day of its own (the first
# working day after), unlike «etter 17. mai», which is no day.
_AFTER_PERIODS = frozenset(
    {*("påske", "påsken", "påska", "påskeferien", "påskeferia", "påskehelga", "påskehelgen", "pinse", "pinsen")}
    | {*("pinsa", "nyttår", "jul", "jula", "julen", "helga", "helgen", "helgi")}
)
# The small words inside feasts' names («i påskeuka», «rett etter påske»), which name no day alone.
_FEAST_GLUE = frozenset(
    {
        *("i", "av", "på", "før", "etter", "efter", "rett", "like", "over", "til", "og", "den", "dagen", "mellom"),
        *("stille", "lille", "kr", "kr.", "sankt", "aften", "arbeidernes"),  # «stille uke», «kr 500», «lille Ola»
    }
)
_NOT_THE_DAY = REFUSING_WORDS - AWAY_WORDS
_EITHER = frozenset({"anten", "enten"})
_SHIFT_WORDS = frozenset({*WEEK_SHIFT, *COMING_WORDS})
_FULL_NUMERIC_RE = re.compile(r"[0-9]{1,2}[./-][0-9]{1,2}[./-](?:[0-9]{2}|[0-9]{4})|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}")
_COLON_TIME_RE = re.compile(r"[0-9]{1,2}:[0-9]{2}")
_CLOCK_WORDS = frozenset({"kl", "kl.", "klokka", "klokken", "klokkå"})
_PUNCTUATION = ".,;:!?()[]«»\"'"
_MAX_WORDS = 45
"""A longer text is a message, not a sentence with a date."""
_MAX_MARKS = 8
"""More words that name days than a date with its time has: not one date (and a cap on the work for junk)."""
_MAX_RUN = 12
"""«frå tysdag 16. mars kl 10 til onsdag 17. mars kl 14» is the longest date: words that name days further apart are
more than one date."""
_REACH = 3
"""At most this many small words before the first date word («om ei veke», «første arbeidsdag») or after the
last («halv ni», «kvart over ti») belong to the date."""
# The small words a date starts with («i morgon», «om ei veke», «den 13.», «første tysdag», «dagen etter») and ends with
# («kl 10», «halv ni», «kvart på ti», «heile dagen»).
_CLOCK_GLUE = frozenset({"kl", "klokka", "klokken", "halv", "kvart", "over", "ca", "rundt", "ved", "kring", "omkring"})
_LEFT_GLUE = frozenset(
    {
        *_CLOCK_GLUE,
        *("i", "om", "på", "den", "innen", "innan", "senest", "seinast", "frist", "fristen", "før", "siste", "nest"),
        *("dagen", "etter", "fra", "frå"),
        # a part of a month («innen utgangen av mars», «i slutten av mars», «ultimo mars»): asked as that part
        *("utgangen", "utgongen", "slutten", "enden", "starten", "begynnelsen", "byrjinga", "midten", "midt", "av"),
        *("primo", "medio", "ultimo", "tidlig", "tidleg", "seint", "sent", "sist", "først", "fyrst", "løpet"),
        *NUMBERS,
        *ORDINALS,
        # «fjortende mars», «lille julaften», «ein gong i oktober»: a day in words, a feast's first word, «some day»
        *DAY_ORDINALS,
        *("lille", "vesle", "gang", "gong"),
    }
)
# «ein gong i jula»: some time in a period read alone as its first day, never that day.
_SOME_TIME = frozenset({"gang", "gong"})
# «Vi tar det i romjula en gang», «… neste uke en gang»: «some time» after the date is the date's own, read with it
# (some time of a period is no day of it, of a month the month asked, of a day that day), never left out.
_ONCE = (["en", "gang"], ["ein", "gong"], ["en", "gong"], ["ein", "gang"], ["engang"], ["eingong"], ["eingang"])
_DEADLINE_GLUE = frozenset({"innen", "innan", "senest", "seinast", "frist", "fristen"})
# A precondition's verb right before its day's numbers («legges fram 6.10.», «vert vedteke 14.12.» is refused by «vert»
# only when it has been: «vart»).
_COMING_VERBS = frozenset(
    {"fram", "frem", "vedtas", "vedtast", "behandles", "handsamast", "handsama", "sendes", "sendast", "signeres"}
)
_DAY_MONTH_RE = re.compile(r"[0-9]{1,2}\.[0-9]{1,2}\.?")
_QUANTITY_UNITS = frozenset(
    {*HOUR_UNITS, *DAY_UNITS, *WEEK_UNITS, *MONTH_UNITS, "min", "minutt", "minutter", "mill", "mrd", "kr", "prosent"}
)
_RIGHT_GLUE = frozenset({*_CLOCK_GLUE, "presis", "hele", "heile", "dagen", *NUMBERS, "am", "pm", "a.m", "p.m"})
# «fredag 22. oktober etter lunsj»: a meal after the date is a part of its day, not a day counted from.
_MEALS = frozenset({"lunsj", "lunsjen", "lunch"})
_MEAL_LEAD = frozenset({"etter", "før", "til", "over", "ved", "under"})


def date_phrases(text: str) -> Iterator[str]:
    """The words of the one date a sentence names, to read, longest first; nothing when `text` is no sentence
    with one date in it."""
    words = text.split()
    if not 3 <= len(words) <= _MAX_WORDS:  # a date and two words of a sentence at least
        return
    plain = [_plain(word) for word in words]
    if any(a in _DAY_LATER[0] and b in _DAY_LATER[1] for a, b in pairwise(plain)):
        return
    if but := after_away_but(plain):  # «Eg er borte heile neste veke, men fredag 14. mai går fint.»
        yield from date_phrases(" ".join(words[but:]))
        return
    quantities = labelled_numbers(plain)  # «rom 4.12», «kr 13.400», «tlf 22 33 44 55»: no day
    marks = [
        i
        for i, word in enumerate(plain)
        if (_marks_a_day(word, words[i]) or _yesterday(plain, i)) and not _adjective(plain, i) and i not in quantities
    ]
    marks = before_busy_otherwise(plain, marks)
    if not marks or len(marks) > _MAX_MARKS:
        return
    first, last = marks[0], marks[-1]
    if _spoken_hours(plain[last + 1 : last + 1 + len(_SPOKEN_HOURS)]):
        last += len(_SPOKEN_HOURS)  # «onsdag 20. januar fra ni til tre»: the date's hours, in words
    if last - first >= _MAX_RUN:
        return
    ended = text.rstrip().endswith((".", "?", "!"))  # «Minner om møtet i morgen kl. 10.»: written as a sentence
    moves = any(word.startswith(_MOVE_STEMS) for word in plain)
    left = first
    # a small word said twice («den den 16.», «kl kl») is no part of a date
    while left > 0 and first - left < _REACH and plain[left - 1] in _LEFT_GLUE and plain[left - 1] != plain[left]:
        left -= 1
    right = last + 1
    while (
        right < len(words)
        and right - last - 1 < _REACH
        and (
            plain[right] in _RIGHT_GLUE
            or plain[right - 1 : right + 1] == ["kvart", "på"]
            or plain[right] in _MEALS
            or (plain[right] in _MEAL_LEAD and not _MEALS.isdisjoint(plain[right + 1 : right + 2]))
        )
        and plain[right] != plain[right - 1]
    ):
        right += 1
    once = next((i + len(o) for i in range(last + 1, right + 1) for o in _ONCE if _once_at(plain, i, o)), 0)
    right = max(right, once)
    spans = [
        (start, end)
        for start in range(left, first + 1)
        for end in range(once or last + 1, right + 1)
        # «om ei veke», «kvart over ti»: never more small words; «i» of «i morgon» besides a time of three
        if first - start + end - last - 1 <= _REACH + (plain[start] == "i")
    ]
    # longest first; of two as long, the one reaching further right («torsdag 11. mars (hele dagen)» before «av
    # torsdag 11. mars (hele»): words after a date are more often its own than words before it
    for start, end in sorted(spans, key=lambda span: (span[0] - span[1], -span[1])):
        around = plain[:start] + plain[end:]
        told = plain[:start] + _without_meals(_either_or(before_away(before_otherwise(plain[end:]))))
        own_start, own_end = _own_sentence(words, start=start, end=end)
        near = plain[own_start:start] + before_away(before_otherwise(plain[end:own_end]))
        if (
            not _NOT_THE_DAY.isdisjoint(told)
            or not _PART_OF.isdisjoint(told)
            or not AWAY_WORDS.isdisjoint(near)
            or any(is_away(word) for word in near)
        ):
            return
        before = plain[start - 1] if start else ""
        if before in _SOME_TIME:
            return None  # «ein gong i jula», longest first: «ein gong i oktober» was read (the month, asked) before
        span = plain[start] in _FROM and "til" in plain[start:end]  # «frå 22. til 23. september»: a meeting's days
        after_period = (
            plain[start] == "etter"
            and plain[start + 1 : end]
            and plain[start + 1] in _AFTER_PERIODS
            and start > own_start  # «Etter helga sender eg forslag.»: when something is done, no meeting's day
            and _DATE_TALK.isdisjoint(plain)  # «… etter påske, så kjem eg med dato»: the day is still to be set
        )
        if (
            (plain[start] in _NOT_BEFORE and not span and not after_period)
            or before in _NOT_BEFORE
            or (moves and before not in _TO_WORDS)
        ):
            continue
        if len(around) < 2 or (SENTENCE_WORDS.isdisjoint(around) and not ended):
            continue
        after = plain[end] if end < len(plain) else ""
        verb = before if before in _COMING_VERBS else _verb_with_body(plain[:start])
        if not _surely_a_date(plain[start:end], words[start:end]) and not _deadline_day(
            plain[start:end], after=after, before=verb
        ):
            continue
        phrase = " ".join(words[start:end]).rstrip(",;:!?")
        yield phrase
        if phrase.endswith("."):
            yield phrase.rstrip(".")  # «kl. 12.», «i veke 39.» at the end of the sentence


def _without_meals(after: list[str]) -> list[str]:
    """The words after a date without «før lunsj» further on («torsdag 25. november, helst før lunsj»): a part of
    the day named, not a day counted from (dates18), as a meal right after the date is its own."""
    return [w for i, w in enumerate(after) if not (w in _MEAL_LEAD and not _MEALS.isdisjoint(after[i + 1 : i + 2]))]


def month_implied(phrase: str, found: ParsedDate, *, now: datetime) -> bool:
    """«Me tek det på Teams den 18. kl 13.», «Kan vi ta det fredag den 29.?»: in a sentence a day without its month
    is a date only with «den» before it, a clock time or a weekday with it, and still to come this month; a bare «26.»
    there may be a point or a floor, and a day that has passed this month is more likely one that has been («Kan du
    sende referatet fra møtet den 12. kl 10?» on the 13th) than next month's."""
    return (
        "den" in phrase.lower().split()
        and (found.has_time or found.weekday is not None)
        and (found.when.year, found.when.month) == (now.year, now.month)
    )


def _either_or(after: list[str]) -> list[str]:
    """The words after a date without the «eller» of «anten fysisk eller på Teams»: an alternative of how, not of
    which day (a second day among them is still a second date)."""
    either = next((i for i, word in enumerate(after) if word in _EITHER), None)
    if either is None:
        return after
    return after[: either + 1] + [word for word in after[either + 1 :] if word != "eller"]


def _own_sentence(words: list[str], *, start: int, end: int) -> tuple[int, int]:
    """The word indices of the sentence the date's words stand in, in a text of several («Beklager sent svar – eg
    er på ferie. Passar det med måndag 16. august kl 13?»): a sentence ends with a word of letters and its full
    stop, question or exclamation mark before a capital letter («kl. 10», «16. august» end none)."""
    first, last = 0, len(words)
    for i, word in enumerate(words[:-1]):
        # «kl 13? Eg er tilbake …»: a question or exclamation mark ends a sentence after digits too (dates15)
        mark = word[-1:] in "?!" or (word[-1:] == "." and word[:-1].isalpha() and len(word) > 3)
        ends = mark and words[i + 1][:1].isupper()
        if ends and i < start:
            first = i + 1
        elif ends and i >= end - 1:
            last = i + 1
            break
    return first, last


def _verb_with_body(before: list[str]) -> str:
    """The precondition's verb before «i <body>» in front of the day («vert handsama i fylkestinget 14.12.», «vedtas
    i kommunestyret 3.5.»: dates20; «legges fram for kommunestyret 10.6.», «behandles av styret 3.5.»: dates21), or nothing."""
    if len(before) >= 3 and before[-2] in ("i", "på", "for", "av") and before[-3] in _COMING_VERBS:
        return before[-3]
    return ""


def _deadline_day(plain: list[str], *, after: str, before: str = "") -> bool:
    """«Seinast 1.6 ber vi om svar»: a day and a month after a deadline word are a date, not a quantity, unless a
    unit follows («innen 2.5 timar»); a slash («innen 1/2 time») stays a fraction. So are they right after a
    precondition's verb («blir lagt fram 6.10.», «vedtas 14.12.», dates20)."""
    return (
        (plain[0] in _DEADLINE_GLUE or before in _COMING_VERBS)
        and any(_DAY_MONTH_RE.fullmatch(word) for word in plain[plain[0] in _DEADLINE_GLUE :])
        and after not in _QUANTITY_UNITS
    )


def _surely_a_date(plain: list[str], words: list[str]) -> bool:
    """Numbers alone («1/2 time», «2.5 timar», «13/4») may be a fraction or a quantity in a sentence: a date there
    names a weekday, a month or a relative day, or is a whole date with its year, or has a clock time."""
    return (
        any(_marks_a_day(word, "") for word in plain)
        or any(_FULL_NUMERIC_RE.fullmatch(word.rstrip(".,")) for word in words)
        or any(word in _CLOCK_WORDS or _COLON_TIME_RE.fullmatch(word) for word in plain)
        or any(_spoken_hours(plain[i : i + len(_SPOKEN_HOURS)]) for i in range(len(plain)))
    )


_SPOKEN_HOURS = ("fra", "ni", "til", "tre")
"""The shape of a range of hours in words after a date: «fra ni til tre», «frå ti til to» (`bot.dates.times`)."""


def _spoken_hours(plain: list[str]) -> bool:
    """Whether the words are a range of hours in words («fra ni til tre»), which belong to the date before them."""
    return (
        len(plain) == len(_SPOKEN_HOURS)
        and plain[0] in _FROM
        and plain[2] == "til"
        and plain[1] in NUMBERS
        and plain[3] in NUMBERS
    )


def _yesterday(plain: list[str], i: int) -> bool:
    """«i går» names a day («Vi tek det i går i morgen.» is two), though «går» alone is a verb («går det?»)."""
    return plain[i] == "går" and i > 0 and plain[i - 1] == "i"


def _adjective(plain: list[str], i: int) -> bool:
    """«neste møte», «forrige referat»: a word that moves a day only names one before a day («neste fredag»)."""
    after = plain[i + 1] if i + 1 < len(plain) else ""
    # «neste år», «forrige året» name another year: a word that says which day («Neste år blir møtet 10. november»)
    return plain[i] in _SHIFT_WORDS and not (
        after in _day_words() or after in _YEAR_WORDS or any(ch.isdigit() for ch in after)
    )


def _once_at(plain: list[str], i: int, once: list[str]) -> bool:
    """«en gang» at `i`, not «en gang til» (once more: «Vi møtes fredag kl 10 en gang til»)."""
    return plain[i : i + len(once)] == once and plain[i + len(once) : i + len(once) + 1] != ["til"]


def _plain(word: str) -> str:
    """A word as the date words are written: lower case, one spelling, no punctuation around it."""
    plain = word.lower().strip(_PUNCTUATION)
    return SPELLING.get(plain, plain)


def _marks_a_day(plain: str, word: str) -> bool:
    """A digit or a word that says which day."""
    return any(ch.isdigit() for ch in word) or any(part in _day_words() for part in plain.split())


@lru_cache(maxsize=1)
def _day_words() -> frozenset[str]:
    """Weekdays, months, weeks, feasts and the words that move a day («neste», «førstkommende»): a word that names
    a day anywhere in a sentence. Numbers and ordinals in words («to», «andre») are ordinary words too, and «denne»
    («denne saka») and «går» («går det?») are left out."""
    feasts = {w for name in (*named_day_words(), *feast_week_words()) for w in name.split()} - _FEAST_GLUE
    words = {
        *WEEKDAYS,
        *MONTHS,
        *WEEK_UNITS,
        *DAY_UNITS,
        *MONTH_UNITS,
        *WORKDAY_WORDS,
        *WEEK_SHIFT,
        *COMING_WORDS,
        *feasts,
        *("helga", "helgen", "helgi", "morgen", "morgon", "morra", "imorgen", "imorgon", "imorra", "idag", "igår"),
        *("overmorgen", "overmorgon", "romjul", "romjula", "jul", "jula", "julen", "påske", "påska", "pinse"),
    }
    return frozenset(words - {"denne", "går", "man", "mån", "tor", "sun", "hans", *NUMBERS, *ORDINALS})
