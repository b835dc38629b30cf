"""The words that make a text around a date a sentence, and the words that say its day is not the meeting's
(`bot.dates.sentence`): vocabulary kept apart from the reading, so each stays one purpose and a short file.
"""

from __future__ import annotations

import logging

from bot.dates.away import AWAY_WORDS

logger = logging.getLogger(__name__)

# A pronoun or a verb of proposing, asking or holding a meeting: the words around the date make a sentence.
SENTENCE_WORDS = frozenset(
    {
        *("vi", "me", "eg", "jeg", "du", "de", "dere", "dykk", "deg", "dokker", "oss", "meg", "han", "hun", "ho"),
        *("det", "hva", "kva", "hvordan", "korleis", "fungerer", "funkar", "funker", "sees", "ses", "sjåast"),
        *("kan", "passer", "passar", "går", "blir", "vert", "er", "har", "skal", "vil", "må", "bør", "kunne"),
        *("foreslår", "føreslår", "forslår", "foreslå", "føreslå", "ønsker", "ynskjer", "tar", "tek", "ta"),
        # a precondition's or a deadline's coming day («Forutsetning: statsbudsjettet legges fram 6. oktober»)
        *("legges", "leggast", "legg", "legger", "kommer", "kjem", "vedtas", "vedtast", "behandles", "handsamast"),
        *("sendes", "sendast", "forventes", "ventes", "signeres", "signerast", "godkjennes", "godkjennast"),
        # an invitation's heading names the meeting's day («Innkalling til dialogmøte tirsdag 13. april kl. 10»)
        *("innkalling", "innkallinga", "invitasjon", "påminnelse", "påminning", "velkommen"),
        *("inviterer", "inviterar", "arrangerer", "arrangerar", "møteinnkalling", "møteinvitasjon"),
        *("sett", "set", "hold", "noter", "reserver", "merk"),  # «Sett av 9. november», «Hold av …»: keep the day
        *(
            "minner",
            "starter",
            "startar",
            "begynner",
            "byrjar",
            "møtes",
            "møtest",
            "treffes",
            "treffast",
            "høres",
            "høyrest",
            "landar",
            "lander",
            "holdes",
            "haldast",
        ),
    }
)
# The day is not (or not surely) the meeting's.
REFUSING_WORDS = frozenset(
    {
        *("ikke", "ikkje", "ikkun", "aldri", "avlyst", "avlyses", "avlyse", "avlysast", "avlysa", "utgår"),
        *("eller", "el", "evt", "evt.", "eventuelt", "alternativt", "alternativ", "alternativet", "annenhver"),
        *("annakvar", "annankvar", "kvar", "hver", "annahver"),
        *AWAY_WORDS,
        # a day counted from the one named («så vi kan signere etter det»)
        *("etter", "efter", "før", "etterpå", "deretter", "seinare", "senere", "tidlegare", "tidligere", "dagen"),
        # a day that has been: without its year it would be read as the coming one
        *("hadde", "var", "vart", "ble", "blei", "møttes", "møtte", "holdt", "heldt", "skjedde", "hendte"),
        *("kom", "fikk", "fekk", "gikk", "gjekk", "sendte", "mottok", "vedtok", "signerte", "godkjende", "skrev"),
        *("skreiv", "sa", "gjennomførte", "avholdt", "avhaldt"),
        # last year's («Vi tok det 26. januar i fjor.»): without its year the day would be read as this year's
        *("fjor", "ifjor", "fjoråret", "fjorår"),
    }
)
