"""`signer … signert 21. januar`: the day a signature was given, read from the words after «signert»
(walk 33 F3). The rules for that day are the action's (`bot.actions.signing_day`); this reads the words."""

from __future__ import annotations

from datetime import date, datetime

from bot.i18n import _
from bot.model.config import AppConfig
from bot.model.wheel import signing_milestone
from bot.parsing import fold
from bot.shown.replies import day_text
from bot.state.store import DomainError
from handlers.minutes_held import day_after
from handlers.placeholder_day import plausible_day

SIGNED_WORDS = frozenset({"signert", "signerte", "underskrevet", "underskrive", "underskriven"})
"""Words after which `signer` reads the day it was signed («signert 21. januar», nynorsk «underskrive»)."""
BY_WORDS = frozenset({"av"})
"""«signert av fylkesordføreren 11. januar»: who signed on paper, which a signature does not keep (walk 39 F5)."""


def take_signed_day(
    words: list[str], *, now: datetime, command: str, config: AppConfig
) -> tuple[list[str], date | None]:
    """The words before «signert» and the day after it, or the words unchanged and None without the verb.
    Words after the verb that name no whole day are refused: a signature is never recorded on a guess, and
    the example keeps what was typed before the verb («signer agder 2027 signert 21. januar»)."""
    at = next((index for index, word in enumerate(words) if fold(word).lower() in SIGNED_WORDS), None)
    if at is None:
        return words, None
    after = [word for word in words[at + 1 :] if fold(word).lower() != "den"]  # «signert den 21. januar»
    happened = day_after(after, now=now) if after else None
    if after and fold(after[0]).lower() in BY_WORDS:
        raise DomainError(_by_someone(words, at=at, day=happened.date() if happened else now.date(), command=command))
    if happened is None:
        spec = signing_milestone(config)  # a day from the clock and the wheel, never a fixed one (fixbf 3)
        year = next((int(word) for word in words[:at] if word.isdigit() and len(word) == 4), None)
        day = plausible_day(config=config, window=spec.window if spec else None, year=year, today=now.date())
        raise DomainError(
            _("Jeg forstod ikke dagen i «{words}». Skriv for eksempel «{example} signert {day}».").format(
                words=" ".join(words[at:]), example=" ".join([command, *words[:at]]), day=day_text(day)
            )
        )
    return words[:at], happened.date()


def _by_someone(words: list[str], *, at: int, day: date, command: str) -> str:
    """The refusal of «signert av fylkesordføreren 11. januar»: the signature would be recorded in the typist's
    name with the signer's words silently dropped, so «Kari Nordmann signerte» stood where the county mayor had
    signed (walk 39 F5). Nothing is recorded; the reply says whose name a signature carries and how to write it."""
    example = " ".join([command, *words[:at], "signert", day_text(day)])  # the day typed, else today
    return _(
        "En signatur føres i navnet til den som skriver den, for sin part; hvem som signerte på papir («{words}»), "
        "lagres ikke. Skriv «{example}» for å føre signaturen med dagen avtalen ble signert. Ingenting er endret."
    ).format(words=" ".join(words[at + 1 :]), example=example)
