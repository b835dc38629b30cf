"""A follow-up point's owner written without @, as minutes are often pasted: «notat til Kari Nordmann innen
1.12», «Sende tall (IN)», «Lage notat, ansvar: Siva». A registered person's whole name, or a party's name or
short name in brackets or after «ansvar:», is read as its owner the way `@…` is (`handlers.minutes_owners`).

Never a guess: a name that is unknown or names two people, or two different people named in one point, leaves
the point without an owner; it is kept (the rest of the minutes are never refused for it) and the reply says
it has no owner and how to give one (`unowned_note`).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable

from bot.context import Context
from bot.i18n import ngettext
from bot.mentions import resolve
from bot.messages import Request
from bot.model.followups import Followup
from bot.parsing import shown

logger = logging.getLogger(__name__)

_RESPONSIBLE = re.compile(
    r"[,;.–-]?\s*\b(?:ansvar(?:lig|leg)?|ansv\.)\s*[:–-]?\s*(?P<who>[^;,()]+?)\s*"
    r"(?=$|[.;,)]|\s+(?:innen|innan|senest|seinast|før|frist)\b)",
    re.IGNORECASE,
)
"""«ansvar: Siva», «ansvarlig Kari Nordmann», «ansvarleg: IN» (nynorsk), up to a deadline or the end."""
_BRACKET = re.compile(r"\s*\(\s*(?P<who>[^()@]+?)\s*\)")
"""«Sende tall (IN)»: a party or a person in brackets after the task."""
_TO = re.compile(r"\btil\s+$", re.IGNORECASE)
"""«notat til Kari Nordmann»: the «til» before a name read as the owner is no part of the task."""


def named_owner(ctx: Context, clause: str, *, request: Request) -> dict:
    """The point `clause` holds, with its owner read from words without @: {"text", "owner", "owner_name",
    "owner_party"}, the owner fields empty when none could be read (unknown, or not one)."""
    found = _RESPONSIBLE.search(clause)
    if found:
        owner = _owner(ctx, found.group("who"), request=request)
        if owner is not None:
            return _point(clause[: found.start()] + " " + clause[found.end() :], owner)
        return _point(clause, None)  # «ansvar: Petter», nobody known by it: said, never guessed
    for bracket in _BRACKET.finditer(clause):
        owner = _owner(ctx, bracket.group("who"), request=request)
        if owner is not None:
            return _point(clause[: bracket.start()] + " " + clause[bracket.end() :], owner)
    spans = _whole_names(ctx, clause, platform=request.platform)
    people = {key for _start, _end, key in spans}
    if len(people) == 1 and (key := next(iter(people))):
        start, end, _key = spans[0]
        named = ctx.directory.people_named(name=clause[start:end])
        name, party = named[key]
        before = _TO.sub("", clause[:start])
        return _point(before + " " + clause[end:], {"owner": key, "owner_name": name, "owner_party": party})
    return _point(clause, None)


def unowned_note(points: Iterable[Followup]) -> str | None:
    """What the reply says of points kept without an owner: nobody is reminded of them until one is given."""
    unowned = [point for point in points if not point.owner and not point.closed]
    if not unowned:
        return None
    listed = "; ".join(f"«{shown(point.text)}» [{point.id}]" for point in unowned)
    return ngettext(
        "Oppfølgingspunktet {points} har ingen ansvarlig jeg kjenner, så ingen blir minnet på det. Gi det en "
        "ved å skrive referatet på nytt med den ansvarlige med @ i punktet (f.eks. «{example}») og «bekreft».",
        "Oppfølgingspunktene {points} har ingen ansvarlig jeg kjenner, så ingen blir minnet på dem. Gi dem en "
        "ved å skrive referatet på nytt med den ansvarlige med @ i hvert punkt (f.eks. «{example}») og «bekreft».",
        len(unowned),
    ).format(points=listed, example=f"{shown(unowned[0].text)} @IN")


def _point(text: str, owner: dict | None) -> dict:
    words = re.sub(r"\s+([,.;:])", r"\1", " ".join(text.split())).strip(" ,;:–-")
    return {"text": words, **(owner or {"owner": "", "owner_name": "", "owner_party": None})}


def _owner(ctx: Context, words: str, *, request: Request) -> dict | None:
    """A party (its name or short name) or one known person named by `words`; None for nobody or two."""
    who = " ".join(words.split()).strip(" .,;:")
    if not who:
        return None
    party = ctx.vocab.party(who)
    if party:
        return {"owner": party, "owner_name": ctx.config.party_name(party), "owner_party": party}
    named = ctx.directory.people_named(name=who)
    if len(named) == 1:
        key, (name, party_of) = next(iter(named.items()))
        return {"owner": key, "owner_name": name, "owner_party": party_of}
    if named:
        return None  # two people of that name: never a guess
    person = resolve(who, request=request, directory=ctx.directory)  # a key or id («kari»)
    if person is None or not person.known:
        return None
    return {"owner": person.key or person.user_id, "owner_name": person.name, "owner_party": person.party}


def _whole_names(ctx: Context, clause: str, *, platform: str) -> list[tuple[int, int, str]]:
    """Where a known person's whole name (two words or more) stands in `clause`: (start, end, their key, or
    "" when the name is two people's)."""
    names = {person.name for person in ctx.config.people}
    names |= {name for _user, name in ctx.directory.registered(platform=platform)}  # registered in chat
    found: list[tuple[int, int, str]] = []
    for name in names:
        if len(name.split()) < 2:
            continue
        words = r"\s+".join(re.escape(word) for word in name.split())
        for match in re.finditer(rf"(?<!\w){words}(?!\w)", clause, re.IGNORECASE):
            named = ctx.directory.people_named(name=name)
            found.append((match.start(), match.end(), next(iter(named)) if len(named) == 1 else ""))
    return sorted(found)
