"""Who owns a follow-up point typed in minutes (`oppfølging: Lage felles tall @IN @SIVA`): every owner it
names, a party (`@IN`, `@agder`) or a person (`@kari`, a platform mention).

A point names one owner in the store, who keeps it, is reminded of it and closes it (`ferdig`), so a point
with several owners becomes one point per owner with the same words: each owner keeps its own, and the reply
lists each with its owner (walk 6, F2: «@IN @SIVA» used to keep IN alone, and Siva heard nothing).
"""

from __future__ import annotations

import logging
import re

from bot.context import Context
from bot.i18n import _
from bot.mentions import TOKEN, MentionedPerson, resolve
from bot.messages import Request
from bot.parsing import fold, shown
from bot.state.store import DomainError

logger = logging.getLogger(__name__)

WORD = re.compile(r"(?<!\w)@(\S+)")
"""An owner typed as a word: `@IN`, `@agder`, `@kari` (not the middle of an e-mail address)."""
NAME_PART = re.compile(r"[ \t]+([^\s@;<>]+)")
"""A word that may continue a person's name after `@Ola` («Berg»)."""
_JOINED = re.compile(r"\s*(?:,|og|samt|&)\s*(?=@)", re.IGNORECASE)
"""What joins two owners of one task («@IN og @SIVA», «@IN, @SIVA»): no part of the point's words."""
MORE_NAMES = 3

EVERYONE = frozenset(
    {"alle", "all", "aktorene", "aktorane", "aktorer", "aktorar", "virkemiddelaktorene", "virkemiddelaktorane"}
)
"""Words for «everyone» after an @ («@alle aktørene»), folded: no party, but the refusal says how to give a
point to every actor (walk 21 A6)."""
ALL_REGIONS = frozenset(
    {"regionene", "regionane", "regioner", "regionar", "fylkeskommunene", "fylkeskommunane", "fylkene", "fylka"}
)
"""Words for «every region» after an @ («@regionene»), folded: no party; the refusal names how to give a point to
each region, as for the actors (walk 33 F6: AU's autumn minutes were refused with «Jeg kjenner ikke»)."""
"""At most this many words after the first are tried as the rest of a name («@Anne Marie Berg Lie»)."""


def owned_points(ctx: Context, text: str, *, request: Request) -> list[dict]:
    """One stored point per owner `text` names, in the order named: {"text", "owner", "owner_name",
    "owner_party"}. An owner nobody knows is refused with its name, so nothing is written half-way."""
    owners: dict[str, dict] = {}
    for token in TOKEN.finditer(text):  # platform mentions (<@U0KARI>): the one resolver says who it is
        person = resolve(token.group(0), request=request, directory=ctx.directory)
        if person is not None and not person.known and person.name != person.user_id:
            raise DomainError(  # a Teams mention of someone the bot has never met: never an owner nobody is
                _(
                    "Jeg kjenner ikke {name}, som er nevnt i «{text}». Registrer personen med "
                    "«person @navn region rolle», eller bruk en part som ansvarlig (f.eks. @IN)."
                ).format(
                    name=shown(person.name),
                    text=shown(_plain(text).replace(f"@{person.user_id}", f"@{person.name}")),
                )
            )
        if person is None or not person.known:
            raise DomainError(
                _(
                    "Jeg kjenner ikke personen som er nevnt i «{text}». Registrer personen med "
                    "«person @navn region rolle», eller bruk en part som ansvarlig (f.eks. @IN)."
                ).format(text=shown(_plain(text)))
            )
        key = person.key or person.user_id
        owners.setdefault(key, {"owner": key, "owner_name": person.name, "owner_party": person.party})
    words = TOKEN.sub(" ", text)
    spans: list[tuple[int, int]] = []
    for match in WORD.finditer(words):
        if spans and match.start() < spans[-1][1]:
            continue  # an @ inside a name already read
        end, owner = _owner_at(ctx, words, match=match, request=request)
        end = _office_end(ctx, words, end=end, owner=owner)
        spans.append((match.start(), end))
        owners.setdefault(owner["owner"], owner)
    if not owners:
        raise unowned_refusal([text])
    joins = [(end, joined.end()) for _start, end in spans if (joined := _JOINED.match(words, end))]
    for start, end in sorted(spans + joins, reverse=True):  # «@IN og @SIVA»: the «og» joins owners
        words = words[:start] + " " + words[end:]
    what = " ".join(words.split())
    return [{"text": what, **owner} for owner in owners.values()]


def has_owner(text: str) -> bool:
    """Whether `text` names an owner at all (`@…` or a platform mention), known or not."""
    return bool(TOKEN.search(text) or WORD.search(text))


def unowned_refusal(texts: list[str]) -> DomainError:
    """Points that name no owner, all in one reply, so a pasted list is mended in one round (walk 15 N2)."""
    if len(texts) == 1:
        return DomainError(
            _("Oppfølgingspunktet «{text}» mangler ansvarlig. Skriv f.eks. «oppfølging: Sende utkast @IN».").format(
                text=shown(texts[0])
            )
        )
    return DomainError(
        _(
            "{n} oppfølgingspunkter mangler ansvarlig: {points}. Skriv den ansvarlige med @ i hvert punkt, "
            "f.eks. «oppfølging: Sende utkast @IN». Ingenting er lagret."
        ).format(n=len(texts), points="; ".join(f"«{shown(text)}»" for text in texts))
    )


def _owner_at(ctx: Context, words: str, *, match: re.Match[str], request: Request) -> tuple[int, dict]:
    """The owner named at `match` and where its name ends: a person's whole name when the words after the @
    make one («@Ola Berg», as the terminal and Teams send a display name; Slack sends a token), so the
    surname is not left in the point's words (walk 9 W7); else the one word (a party, a key, a first name)."""
    first = match.group(1).rstrip(".,")
    following: list[re.Match[str]] = []
    at = match.end()
    while first == match.group(1) and len(following) < MORE_NAMES and (part := NAME_PART.match(words, at)):
        following.append(part)  # «@kari, rapport»: the comma ends the name
        at = part.end()
    for count in range(len(following), 0, -1):  # a party's name of several words first («@Innovasjon Norge»)
        name = " ".join([first, *(part.group(1).rstrip(".,") for part in following[:count])])
        if ctx.vocab.party(name):
            return following[count - 1].end(), _word_owner(ctx, name, request=request)
    if first == match.group(1) and not ctx.vocab.party(first):
        for count in range(len(following), 0, -1):
            name = " ".join([first, *(part.group(1).rstrip(".,") for part in following[:count])])
            person = resolve(name, request=request, directory=ctx.directory)
            if person is not None:
                return following[count - 1].end(), _person_owner(person)
    return match.end(), _word_owner(ctx, first, request=request)


def _office_end(ctx: Context, words: str, *, end: int, owner: dict) -> int:
    """Where an actor's name ends when a region follows it («@Siva Agder», «@IN Vestland»: the actor's office
    there, walk 12 m8): the region word belongs to the owner, not to the point's words."""
    if owner["owner"] != owner.get("owner_party") or ctx.vocab.region(owner["owner"]):
        return end  # a person, or a region itself
    part = NAME_PART.match(words, end)
    return part.end() if part and ctx.vocab.region(part.group(1).rstrip(".,;")) else end


def _person_owner(person: MentionedPerson) -> dict:
    return {"owner": person.key or person.user_id, "owner_name": person.name, "owner_party": person.party}


def _word_owner(ctx: Context, word: str, *, request: Request) -> dict:
    owner = ctx.vocab.party(word)
    person = None if owner else resolve(word, request=request, directory=ctx.directory)
    owner_name = ctx.config.party_name(owner) if owner else person.name if person else None
    if owner_name is None and fold(word.rstrip(".,;:")) in EVERYONE:
        actors = " ".join(f"@{actor.key}" for actor in ctx.config.enabled_actors)
        raise DomainError(
            _(
                "«@{word}» er ingen part. Et punkt til alle aktørene skrives med hver av dem, f.eks. «{actors}»: "
                "da får hver sitt punkt, og hver lukker sitt."
            ).format(word=shown(word), actors=actors)
        )
    if owner_name is None and fold(word.rstrip(".,;:")) in ALL_REGIONS:
        regions = " ".join(f"@{region.key}" for region in ctx.config.parties.regions)
        raise DomainError(
            _(
                "«@{word}» er ingen part. Et punkt til alle regionene skrives med hver av dem, f.eks. «{regions}»: "
                "da får hver sitt punkt, og hver lukker sitt."
            ).format(word=shown(word), regions=regions)
        )
    if owner_name is None:
        raise DomainError(
            _("Jeg kjenner ikke «@{word}». Bruk en part (f.eks. @IN, @agder) eller en person (f.eks. @kari).").format(
                word=shown(word)
            )
        )
    return {
        "owner": owner or (person.key if person and person.key else word),
        "owner_name": owner_name,
        "owner_party": owner or (person.party if person else None),
    }


def _plain(text: str) -> str:
    """A follow-up as the person reads it: the mention token shown as `@…`, not as markup."""
    return " ".join(TOKEN.sub(lambda m: "@" + (m.group(2) or m.group(1)), text).split())
