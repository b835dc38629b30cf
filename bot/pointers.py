"""The commands a plain question points to (walk 16 F5): «hva skjer neste uke?», «når er dialogmøtet?»,
«hvordan signerer jeg», «what is next» name no command as their first word, but their words do. Read by
the unknown-command reply and by `hjelp <word>`, so both point the same way instead of listing everything."""

from __future__ import annotations

import logging
import re

from bot.i18n import _
from bot.parsing import Vocabulary, fold
from bot.router import Command, Router

logger = logging.getLogger(__name__)

COMING = frozenset(
    {"neste", "next", "skjer", "uke", "veke", "week", "frist", "fristen", "frister", "deadline"}
    | {"gjore", "gjere", "gjor", "gjer", "jul", "jula", "julen", "venter", "ventar"}
)
"""Words of «what is coming» («hva skjer neste uke») and of «what must we do» («hva må vi gjøre før jul?»,
nynorsk «kva må vi gjere», walk 36 F4): `neste`."""
MEETING = frozenset({"meeting", "meetings", "mote", "motet", "moter", "mota"})
"""Words of a meeting besides the wheel's own names: `status` (when), `dato` and `referat`."""
SIGNING = frozenset({"sign", "signing", "signature", "underskrift"})
"""English and other words of signing: `signer`."""
WEEK_WORDS = frozenset({"uke", "uka", "veke", "veka", "week"})
"""The words of «neste uke» (nynorsk «neste veke», English «next week»): `neste` answers for the coming week."""
SIGNED = frozenset({"signert", "signerte", "underskrevet", "underskrive", "underskrivne", "signed"})
"""Words asking whether the agreement is signed («har vi signert?», «hvem har signert?», «kven har
underskrive?»): `status` shows each signature, `kvittering` the receipt. Read before the prefix rule, which
pointed «signert» to `signer`, the command that signs (walk 43)."""
JOIN = frozenset({"blir", "medlem", "tilgang", "registrert", "registrere", "registrer", "join"})
"""Words of «how do I get in» («hvordan blir jeg med?», «korleis får eg tilgang?», «er jeg registrert?»):
`bli med`, the join request (walk 43)."""
QUESTION = frozenset(
    {"hvordan", "korleis", "hva", "kva", "hvorfor", "kvifor", "korfor", "hvor", "kvar", "kor", "nar", "kan", "har"}
    | {"er", "ma"}
    | {"skal", "how", "what", "when", "where", "why"}
)
"""A sentence's first word that makes it a question («korleis får eg tilgang?»): its words point to commands
before the command word's spelling is guessed at («korleis» is not «koble», walk 43)."""
GREETING = frozenset({"hei", "heisann", "hallo", "halla", "morn", "morna", "god", "goddag", "hi", "hello", "hey"})
"""A first word that greets («hei», «god morgen», «hallo!»): answered with what to type first, not as a
misspelt command with the list of every command (walk 43)."""
WHEN = frozenset({"nar", "naar", "when", "kor tid", "kva tid", "hva tid", "nar tid"})
"""A question's first word(s) asking when («når må vi signere?», nynorsk «kor tid er vårmøtet?»): `neste`, which shows each deadline, comes
first, so the pointer is never only a command that records (walk 43)."""
THANKS = frozenset({"takk", "tusen", "thanks", "thank", "thx"})
"""A first word thanking («takk», «tusen takk!»): answered kindly, not «Mente du «opptak»?» (walk 43)."""
SHORTEST_PREFIX = 4
"""A word that starts with a command's name of at least this length is that command («signerer», «datoen»)."""


def pointers(*, router: Router, vocab: Vocabulary, text: str) -> list[Command]:
    """The commands `text`'s words point to, in the order their words come, each once."""
    found: list[Command] = []
    words = re.findall(r"[^\W\d_]+", text)
    if (
        words
        and (fold(words[0]) in WHEN or fold(" ".join(words[:2])) in WHEN)
        and (coming := router.find("neste")) is not None
    ):
        found.append(coming)
    for word in words:
        folded = fold(word)
        for name in _names(router, vocab, folded):
            command = router.find(name)
            if command is not None and command not in found:
                found.append(command)
    return found


THIS_WEEK = frozenset({"denne", "this", "inneverande", "innevaerende"})
"""Words of the week we are in («hva skjer denne uka?»): not the coming week `neste uke` shows first."""


def asks_next_week(words: list[str]) -> bool:
    """Whether `words` ask about the coming week («neste uke», «hva skjer neste veke?»), not this one
    («denne uka» was pointed to «neste uke», next week's dates, walk 37)."""
    folded = [fold(word).strip("?!.,") for word in words]
    return any(word in WEEK_WORDS for word in folded) and not any(word in THIS_WEEK for word in folded)


def asks(word: str) -> bool:
    """Whether a sentence starting with `word` is a question, not a misspelt command (`QUESTION`)."""
    return fold(word).strip("?!.,") in QUESTION


def greets(word: str) -> bool:
    """Whether a message starting with `word` is a greeting (`GREETING`)."""
    return fold(word).strip("?!.,") in GREETING


def thanks(word: str) -> bool:
    """Whether a message starting with `word` thanks the bot (`THANKS`)."""
    return fold(word).strip("?!.,") in THANKS


def either(names: list[str]) -> str:
    """««status», «dato» eller «referat»»: the commands named in a sentence, in the reader's form."""
    quoted = [f"«{name}»" for name in names]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " " + _("eller") + " " + quoted[-1]


def _names(router: Router, vocab: Vocabulary, folded: str) -> list[str]:
    if folded in COMING:
        return ["neste"]
    if folded in SIGNED:
        return ["status", "kvittering"]
    if folded in SIGNING:
        return ["signer"]
    if folded in JOIN:
        return ["bli"]
    command = router.find(folded)
    if command is not None:
        return [command.name]
    milestone = vocab.milestone(folded, scope=None)
    if milestone is not None and milestone == vocab.milestone("signering", scope=None):
        return ["signer"]
    if folded in MEETING or folded.endswith(("mote", "motet")) or milestone:
        return ["status", "dato", "referat"]
    return [
        command.name
        for command in router.commands
        if len(command.name) >= SHORTEST_PREFIX and folded.startswith(fold(command.name))
    ]
