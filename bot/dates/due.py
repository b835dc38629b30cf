"""The words in front of a deadline's date («svarfrist», «frist for innspel:», «seinast innan») and of a day counted
from («fra», «etter»), cut before the date is read (`bot.dates.grammar`). Moved out of the grammar so it stays one
purpose per module.
"""

from __future__ import annotations

import logging
import re

from bot.dates.words import (
    DAY_UNITS,
    DEADLINE_WORDS,
    DUE_WORDS,
    FROM_WORDS,
    MONTHS,
    NUMBERS,
    WEEK_UNITS,
    WEEKDAYS,
    alternation,
)

logger = logging.getLogger(__name__)

# «svarfrist 1. april», «påmeldingsfristen er 1.4», «fristen er 1.3», «frist for innspel: 3. mai»: a deadline's
# compound is a deadline word too («svar innen 24.3», «tilbakemelding snarest, seinast 24. mars»: what is due first); «seinast innan 29.», «snarast og seinast 1. mars»: deadline words said twice.
# «frist innspill: 1. mars», «Frist for søknad til RFF: 15. april»: what is due, up to five words closed by a colon.
# A weekday or a month is never part of the label («frist fredag: 2. mars» keeps the weekday to check).
_LABEL_WORD = rf"(?!(?:{alternation(WEEKDAYS)}|{alternation(MONTHS)})(?![^\W\d_]))[^\W\d_](?:[^\W\d_]|-)*"
_DUE_LABEL = rf"\s+(?:for\s+)?{_LABEL_WORD}(?:\s+{_LABEL_WORD}){{0,4}}(?=\s*:)"
_DEADLINE_ONE = (
    rf"(?:(?:{alternation(DEADLINE_WORDS)}|[^\W\d_]+frist(?:en)?)"
    rf"(?:\s+for\s+[^\W\d_]+(?=\s*:|\s+er\s|\s+[0-9])|{_DUE_LABEL})?"
    r"(?:\s+er)?)"
)
# «med frist 15.01.27», «med svarfrist 26.03.»: a formal letter's «med» in front of the deadline word (dates20).
# «innspel til måndag», «frist til fredag»: «til» after what is due is a deadline word too; alone («til mandag») it
# stays an end, no meeting's day (tests/test_date_moved_to_words.py).
_DUE_UNTIL = rf"(?:(?:{alternation(DUE_WORDS)}|frist|fristen|[^\W\d_]+frist(?:en)?)\s+til(?!\s+og\s+med))"
# «snarest, senest 1.3», «Frist: snarast og seinast 1. mars» (dates21): «as soon as possible» before a deadline word,
# first or after another.
_SOON = r"(?:(?:snarast|snarest|straks)\s*,?\s+(?:og\s+)?)"
DEADLINE_RE = re.compile(
    rf"^(?:med\s+)?(?:{_DUE_UNTIL}\s+|(?:(?:{alternation(DUE_WORDS)})\s*,?\s+)?{_SOON}?{_DEADLINE_ONE}(?:\s*[:,]?\s+(?:og\s+)?{_SOON}?{_DEADLINE_ONE})*"
    r"\s*:?\s+)(?:den\s+|på\s+)?"
)
# «i tidsrommet 3.–5. mars», «i perioden 13.–15. april», «f.o.m. mandag 8. februar» (dates20): a letter's words
# opening a period or its first day, before a day's number or a weekday and its number («fra mandag» alone is no date).
_PERIOD_WORDS = r"i\s+(?:tidsrommet|tidsrommet\s+fr[aå]|perioden|perioden\s+fr[aå])"
FROM_DAY_RE = re.compile(
    rf"^(?:{alternation(FROM_WORDS)}|{_PERIOD_WORDS})\s+(?=[0-9]|den\s|(?:{alternation(WEEKDAYS)})\.?\s+(?:den\s+)?[0-9])"
)
# «innen to uker», «innan 14 dagar» (dates18): a length after a deadline word is the day it ends, as «om to uker».
_LENGTH_RE = re.compile(
    rf"^(?:[0-9]{{1,2}}|{alternation(tuple(NUMBERS))})\s+(?:{alternation((*DAY_UNITS, *WEEK_UNITS))})$"
)


def after_deadline(s: str) -> str:
    """A normalized phrase without its deadline words and «fra» («svar innen 24.3» → «24.3»); a length after a
    deadline word («innen to uker») becomes the day it ends («om to uker»): the same deadline, counted from today."""
    cut = FROM_DAY_RE.sub("", DEADLINE_RE.sub("", s))
    return f"om {cut}" if cut != s and DEADLINE_RE.match(s) and _LENGTH_RE.match(cut) else cut
