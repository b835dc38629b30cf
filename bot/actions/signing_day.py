"""The day a signature was given, when it is typed (`signer agder 2027 signert 21. januar`), beside
`bot.actions.signing` (walk 33 F3).

A party adopting the bot mid-cycle, or one that signed on paper or a day before typing it, records its
signature with its real day. The signature keeps when it was recorded (`at`: the history entry's own time, so
the chain still verifies) and carries the day given (`signed_on`, read by `versions.signed_day`/`signed_at`
on every surface). The model's window and deadline are weighed at that day, not the day it was typed.

The day is never ahead of today, and never before the text that was signed existed as far as the bot knows:
before the version's registration a party cannot have signed that version, unless it is the first version
the bot has (the text existed outside the bot before it was registered here); the reply then says so.
"""

from __future__ import annotations

import logging
from datetime import date, datetime, time

from bot.actions.base import Acting
from bot.agreement.versions import Version
from bot.i18n import _
from bot.shown.replies import day_text
from bot.state.store import DomainError

logger = logging.getLogger(__name__)


def signing_moment(acting: Acting, *, day: date | None) -> datetime:
    """When the signature counts for the model's window and deadline: noon of the day given, else now."""
    if day is None:
        return acting.now
    return datetime.combine(day, time(12), tzinfo=acting.now.tzinfo)


def require_signed_day(acting: Acting, *, day: date, text: Version) -> str:
    """Refuse a day ahead or one before the version signed was registered (an earlier version existed then);
    the note the reply gives when the bot had no text before the day, else ""."""
    today = acting.now.date()
    if day > today:
        raise DomainError(
            _("{day} har ikke kommet ennå. Skriv dagen avtalen ble signert, f.eks. «signert {example}».").format(
                day=day_text(day), example=day_text(today)
            )
        )
    registered = datetime.fromisoformat(text.at).date()
    if day >= registered:
        return ""
    if text.number > 1:
        raise DomainError(
            _(
                "Versjon {number} av avtaleteksten ble registrert {registered}, etter {day}: en signatur {day} "
                "gjaldt en tidligere tekst. Signer den gjeldende versjonen uten dag, eller med en dag fra "
                "{registered}."
            ).format(number=text.number, registered=day_text(registered), day=day_text(day))
        )
    logger.info("a signature dated %s, before the text's registration %s (its first version)", day, registered)
    return _(
        "Teksten ble registrert her {registered}, etter {day}; signaturen er ført som gitt {day} på denne teksten."
    ).format(registered=day_text(registered), day=day_text(day))
