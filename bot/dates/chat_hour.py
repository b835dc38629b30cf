"""A weekday and a bare number typed in a chat («ok tirs 10?», «man 9?», «tors 10»): asked, never guessed (dates18).

A number alone is no day of the month (README: «22» is no date, «den 22.» is), so the number is most likely the
hour; but a hand that writes chat shorthand without points may mean the day («tors 10» for Thursday the 10th), and
the two give different days. So `dato` asks, offering the hour's reading to type: «Skriv f.eks. «dato vår tirsdag
kl 10.00».», never saving one of them silently. Only a working day's hour (07–17) is offered; anything else stays
unread.
"""

from __future__ import annotations

import logging
import re

from bot import i18n
from bot.dates.parsed import DateTrouble, ParsedDate
from bot.dates.text import day_names
from bot.dates.words import PREFIX_WEEKDAYS, alternation

logger = logging.getLogger(__name__)

_WEEKDAY_HOUR_RE = re.compile(rf"({alternation(PREFIX_WEEKDAYS)})\.?\s+([0-9]{{1,2}})")
_CHAT_HOURS = range(7, 18)


def chat_hour(s: str) -> str | None:
    """A normalized «tirsdag 10» as the phrase of the hour's reading, «tirsdag kl 10»; None for anything else."""
    m = _WEEKDAY_HOUR_RE.fullmatch(s)
    if m is None or int(m.group(2)) not in _CHAT_HOURS:
        return None
    return f"{m.group(1)} kl {int(m.group(2))}"


def hour_asked(typed: str, read: ParsedDate | DateTrouble | None, *, phrase: str) -> DateTrouble | None:
    """The question for «tors 10»: which of the day and the hour it is, with the hour's reading to type; None when
    that reading is no date either."""
    if not isinstance(read, ParsedDate):
        return None
    weekday = day_names()[PREFIX_WEEKDAYS[phrase.partition(" ")[0]]]
    number = typed.split()[-1]
    message = i18n._("«{text}» sier ikke om {number} er dagen eller klokkeslettet.").format(text=typed, number=number)
    return DateTrouble(reason="ambiguous", message=message, instead=(f"{weekday} kl {read.when:%H.%M}",))
