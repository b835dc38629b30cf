"""The day a meeting was held, as the minutes' own text names it: «holdt 6. mai», «vi møttes 6. mai»,
«vedteke 17. desember».

Minutes are often typed days after the meeting, and a meeting with no planned date would otherwise be
recorded as held the day they were typed. The summary is searched for a word that says it was held,
treated or adopted, followed by a date, perhaps after a few words that say what or where («vedtok utkastet
10. desember», «behandlet i fylkestinget 10. desember»); the date is read as the most recent such day (a held
day is never ahead of us). A skipped word never has a digit or is «å»/«at» («vedtatt å møtes 20. oktober»
names a plan, not the day of the decision). Only the summary is searched: a decision may well name a later day («vedtatt å møtes 20.
oktober»). Whether the day fits the meeting is the action's rule (bot/actions/minutes.py).

Minutes written in Word or an e-mail name their day in a header line instead (walk 15 N6, N7): «Dato: 3.
desember 2026», «Møtedato: 03.12.2026», «Tid og stad: torsdag 3. desember kl. 10–14, Molde», «Tid:»,
«Referat frå møte 3.12.26», «Møte 3. desember», or a line at the top that is only a date. Such a line is the
held day as much as «holdt 3. desember» is; only the line itself is read, never the next one.
"""

from __future__ import annotations

import logging
import re
from datetime import date, datetime, timedelta

from bot.actions.dates import holiday_said
from bot.actions.happened import Happened
from bot.dates.text import month_name
from bot.i18n import _
from bot.shown.replies import day_text
from bot.state.store import DomainError

logger = logging.getLogger(__name__)

_HELD_WORDS = re.compile(
    r"\b(?:av)?(?:holdt|haldt|halde|halden|møttes|møttest|møtest|vedtatt|vedtok|vedteke|vedteken|vedtekne|vedtekje|"
    r"behandlet|behandla|behandlede|handsama|handsamt|handsamet|godkjent|godkjend|godkjende)\b",
    re.IGNORECASE,
)
_RECEIVED_WORDS = re.compile(
    r"\b(?:mottatt|mottok|motteke|motteken|mottekne|fått|fekk|kom)\b|" + _HELD_WORDS.pattern, re.IGNORECASE
)
"""A precondition says the day it happened: adopted like a meeting's decision, or a letter received."""
_HEADER = re.compile(
    r"^[ \t•*#-]*(?:møte)?dato\b[ \t]*:?|^[ \t•*#-]*møtedag[ \t]*:|^[ \t•*#-]*(?:tid|tidspunkt)(?:[ \t]+og[ \t]+st[ae]d)?[ \t]*:"
    r"|^[ \t•*#-]*(?:møte)?(?:referat|protokoll)\b|^[ \t•*#-]*(?:[\wæøå]*møte)\b",
    re.IGNORECASE | re.MULTILINE,
)
"""A header line that names the meeting's day, in both written forms: «Dato:», «Møtedato:», «Tid og sted:»,
«Tid og stad:», «Referat fra/frå møte …», «Møte …», «Dialogmøte …»."""
_MAX_WORDS = 5  # «tirsdag 6. mai 2027 kl 10»: a date phrase is never longer
_SKIP = 3  # «i fylkestinget», «utkastet til plan»: the words between the verb and its day
_NOT_SKIPPED = frozenset({"å", "at", "om", "til"})
_PAST = timedelta(days=366)
_WEEK = timedelta(days=7)


def day_after(words: list[str], *, now: datetime) -> Happened | None:
    """The whole day that `words` (right after a verb: «signert 21. januar») name, read as a held day is
    (never ahead of the year before today, the most recent such day), or None."""
    return _after(words, now=now, window=(now.date() - _PAST, now.date()))


def happened_at(words: list[str]) -> int | None:
    """Where a precondition's words say when it happened («budsjett vedtatt 14. desember», «tildelingsbrev
    mottatt 22. desember»): the index of the verb, or None. The rest is read with `held_day(..., received=True)`."""
    return next((index for index, word in enumerate(words) if _RECEIVED_WORDS.fullmatch(word)), None)


def held_day(summary: str, *, now: datetime, received: bool = False) -> Happened | None:
    """The day the summary says the meeting was held (with its time, if typed, and whether its year was),
    or None when it names none.

    A phrase that reads as a date contradicting itself («onsdag 6. mai» on a Thursday) is refused, as
    `dato` refuses it; anything else after the word that is not a whole day (a month, a week, «6») is
    no held day, and the text stays the summary it is.
    """
    window = (now.date() - _PAST, now.date())
    for found in (_RECEIVED_WORDS if received else _HELD_WORDS).finditer(summary):
        words = summary[found.end() :].split()
        when = _after(words, now=now, window=window)
        if when is not None:
            return when
        _refuse_missing(words[: _SKIP + _MAX_WORDS], today=now.date())
    return None if received else _headed_day(summary, now=now, window=window)


def _refuse_missing(words: list[str], *, today: date) -> None:
    """«holdt 31.11.», «halde 31. november»: a day its month does not have, right after the verb, is refused as
    `dato` refuses it (walk 25 F2: the minutes were stored with the planned day, or today, without a word)."""
    from bot.dates.missing_day import missing_day

    if (missing := missing_day(" ".join(words), year=None, today=today)) is not None:
        raise DomainError(missing + " " + _("Skriv en dag som finnes."))


def _headed_day(summary: str, *, now: datetime, window: tuple[date, date]) -> Happened | None:
    """The day a header line names («Dato: 3. desember 2026», «Referat frå møte 3.12.26»), or a first line
    that is only a date; None when no header names one."""
    for found in _HEADER.finditer(summary):
        line = summary[found.end() :].split("\n", 1)[0]
        when = _after(line.split(), now=now, window=window)
        if when is not None:
            return when
    first = next((line.strip() for line in summary.splitlines() if line.strip()), "")
    words = first.rstrip(".:").split()
    if 0 < len(words) <= _MAX_WORDS:
        return _day_at(words, now=now, window=window, whole=True)
    return None


def named_day(text: str, *, now: datetime, window: tuple[date, date]) -> date | None:
    """The first whole day the text names anywhere in `window` («Godt møte 3.12 i Molde»), not said to be the
    held day: the example a «today was taken» note offers, rather than a day the text never named (walk 15 N7)."""
    words = text.split()
    for index, word in enumerate(words):
        if any(c.isdigit() for c in word):
            try:
                found = _day_at(words[index : index + _MAX_WORDS], now=now, window=window)
            except DomainError:  # a weekday that contradicts its date: no example from it
                continue
            if found is not None and window[0] <= found.date() <= window[1]:
                return found.date()
    return None


def _after(words: list[str], *, now: datetime, window: tuple[date, date]) -> Happened | None:
    """The day named right after a verb or a header, perhaps after a few words («i fylkestinget»)."""
    for skip in range(min(_SKIP, len(words)) + 1):
        if skip and not _skippable(words[skip - 1]):
            break
        when = _day_at(words[skip : skip + _MAX_WORDS], now=now, window=window)
        if when is not None:
            return when
    return None


def _skippable(word: str) -> bool:
    """A word between the verb and its day: no digit, no «å», and the sentence goes on after it."""
    return not any(c.isdigit() for c in word) and word.lower() not in _NOT_SKIPPED and word[-1] not in ".!?;:"


def _day_at(words: list[str], *, now: datetime, window: tuple[date, date], whole: bool = False) -> Happened | None:
    """The whole day the first of `words` read as (all of them when `whole`), or None."""
    from bot.dates.grammar import DateTrouble, ParsedDate, read_date

    for size in range(len(words), 0 if not whole else len(words) - 1, -1):
        phrase = " ".join(words[:size]).rstrip(",;:!?)")
        reading = read_date(phrase, now=now, window=window, sentence=False)  # its own search of the text
        if isinstance(reading, DateTrouble) and reading.reason == "weekday":
            held = min(window[1], now.date())  # a day that has come, in the meeting's window (fixbf 3)
            example = _("holdt {day}").format(day=f"{held.day}. {month_name(held.month)}")
            raise DomainError(
                reading.message
                + " "
                + _("Skriv dagen møtet ble holdt én gang, f.eks. «{example}».").format(example=example)
            )
        if isinstance(reading, DateTrouble) and reading.reason == "time":  # «holdt 6. mai 10:00-25:00»
            raise DomainError(
                reading.message + " " + _("Skriv sluttiden som et klokkeslett etter starten, eller bare dagen.")
            )
        if isinstance(reading, DateTrouble) and reading.reason == "two_dates" and _one_run(words[:size]):
            # «sendt i går i morgen»: never the first of them (dates13); «holdt i går, i morgen sender vi …» reads
            raise DomainError(reading.message + " " + _("Skriv bare den ene dagen det skjedde."))
        if not isinstance(reading, ParsedDate) or reading.month_only or reading.week_only or reading.day_of_month:
            continue
        when = reading.when
        if reading.relative and 0 < (when.date() - now.date()).days <= _WEEK.days:
            when -= _WEEK  # «holdt tirsdag»: the Tuesday that has been, not the coming one
        last = reading.span_end if reading.span_end and not reading.relative else None
        return Happened(when=when, year_fixed=reading.year_typed or reading.relative, last_day=last)
    return None


def happened_lead(*, day: date, again: str | None) -> str:
    """«Dagen det skjedde: 1. januar 2027.», and when that day is a public holiday, a word of it with the
    command that gives another day (walk 26 F3: «mottatt fredag» typed on Tuesday 5 January read as New
    Year's Day, a day no letter arrives, without a word; `dato` asks of such a day, this says it)."""
    lead = _("Dagen det skjedde: {day}.").format(day=day_text(day))
    name = holiday_said(day)
    if name is None:
        return lead
    if again is None:
        return (
            lead
            + " "
            + _("Det er {name} (helligdag); stemmer ikke dagen, skriv kommandoen med riktig dag.").format(name=name)
        )
    return (
        lead
        + " "
        + _("Det er {name} (helligdag); stemmer ikke dagen, skriv «{command}».").format(name=name, command=again)
    )


def _one_run(words: list[str]) -> bool:
    """Whether words run on without a comma or a sentence's end between them («i går i morgen», not «i går, i
    morgen …» or «6. mai. Neste …»): only then are two dates in them one phrase, not a day and the next sentence."""
    return not any(word[-1] in ",;:!?)" or (word.endswith(".") and not word[:-1].isdigit()) for word in words[:-1])
