"""`signer … trekk`: a signature cannot be withdrawn, and the refusal says what to do instead (walk 33 F7).

The model has no withdrawal: a signature binds the text's version it was given on (`bot.agreement.signing`)
and stays in the history that proves the state. What undoes one given by mistake is a new version of the
text, which the region's coordinator registers (`avtale`): every party then signs the new version, and the
old signature is shown «signert på versjon N». A person typing «trekk» or «angre» after `signer` is told so,
with the command and who may type it, rather than «Jeg forstod ikke «trekk»»; nothing is changed.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable

from bot.actions.base import Acting
from bot.actions.coordinators_only import no_coordinator_note
from bot.i18n import _
from bot.model.cycle import read_cycles
from bot.parsing import fold
from bot.state.store import DomainError

logger = logging.getLogger(__name__)

WITHDRAW_WORDS = frozenset(
    {
        "trekk",
        "trekke",
        "trekkje",
        "tilbake",
        "tilbaketrekk",
        "tilbakekall",
        "tilbakekalle",
        "angre",
        "angrer",
        "angrar",
        "annuller",
        "annullere",
        "slett",
        "slette",
        "fjern",
        "fjerne",
        "avsla",
        "avvis",
        "avvise",
        "ugyldig",
    }
)
"""Words (folded: «avslå» is «avsla») that ask `signer` to take a signature back or decline it."""


def asks_withdrawal(words: Iterable[str]) -> bool:
    """Whether the words left after `signer`'s region, party and year ask to take a signature back."""
    return any(fold(word).lower().strip(".,!?") in WITHDRAW_WORDS for word in words)


def refuse_withdrawal(acting: Acting, *, region: str | None, year: int | None) -> DomainError:
    """The refusal to raise: no withdrawal in the model, and how a text is replaced so all sign anew."""
    config = acting.config
    caller_region = acting.caller.party if acting.caller.party and config.region(acting.caller.party) else None
    region = region or acting.channel.region or caller_region
    view = read_cycles(config, today=acting.now.date())
    year = year or view.preparing or view.year
    if region is None:
        who = _("regionens koordinatorer")
        command = f"avtale <region> {year} <lenke>"
    else:
        who = _("koordinatorene for {party}").format(party=config.party_name(region))
        command = f"avtale {region} {year} <lenke>"
    said = _(
        "En signatur kan ikke trekkes tilbake: den er bundet til teksten som ble signert, og står i historikken. "
        "Ble det signert ved en feil, eller skal teksten endres, ber du {who} registrere teksten på nytt med "
        "«{command}». Da må alle partene signere den nye versjonen, og den gamle signaturen står som «signert på "
        "versjon …». Ingenting er endret."
    ).format(who=who, command=command)
    note = no_coordinator_note(config=config, state=acting.state, region=region) if region else ""
    logger.info("signer: withdrawal asked and refused (region %s, year %s)", region, year)
    return DomainError(f"{said} {note}" if note else said)
