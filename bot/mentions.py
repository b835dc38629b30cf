"""The one inbound mention resolver: `<@user_id>` tokens in what people typed -> people the bot knows.

Every adapter writes a platform mention into `Request.text` as the neutral token `<@user_id>` (Slack's own
form; Teams rewrites `<at>…</at>` from the activity's entities) and lists it in `Request.mentions`. Handlers
that take a person (`referat … oppfølging: … <@U0KARI>`, `person <@U0NEW> agder koordinator`) ask here,
so a mention means the same in Slack, Teams and the terminal, and replies name the person, never the id.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from bot.messages import Request
from bot.model.identity import Directory
from bot.parsing import fold

logger = logging.getLogger(__name__)

TOKEN = re.compile(r"<@([^<>|\s]+)(?:\|([^<>]*))?>")
"""A neutral mention token; `<@U123|kari>` (Slack's escaped form) is read the same as `<@U123>`."""


@dataclass(frozen=True)
class MentionedPerson:
    """Who a mention (or an `@name` typed in the terminal) stands for."""

    user_id: str
    """The person's id on the request's platform (what a runtime `person` binding is keyed by)."""
    name: str
    key: str | None = None
    """The person's key (app.yaml or a runtime binding); None for a user the bot does not know yet."""
    party: str | None = None

    @property
    def known(self) -> bool:
        return self.key is not None


def first_token(text: str) -> re.Match[str] | None:
    return TOKEN.search(text)


def resolve(word: str, *, request: Request, directory: Directory) -> MentionedPerson | None:
    """A token `<@id>` or a typed `@name`/`name` -> the person, or None when it names nobody.

    A token always yields a person: a known one with their name, else an unknown user whose platform id is
    the token's (the display name the platform showed, if any, as name). A typed name matches a person's
    key, their name, or their id on this platform (terminal ids are names such as `kari`).
    """
    match = TOKEN.fullmatch(word.strip().rstrip(".,;:"))
    if match:
        return _by_id(match.group(1), display=match.group(2), request=request, directory=directory)
    typed = word.strip().lstrip("@").rstrip(".,;:")
    if not typed:
        return None
    folded = fold(typed)
    for person in directory.config.people:
        ids = {fold(str(value)) for value in person.ids.values()}
        if folded in (fold(person.key), fold(person.name)) or folded in ids:
            own = person.ids.get(request.platform)  # type: ignore[call-overload]
            return MentionedPerson(user_id=own or typed, name=person.name, key=person.key, party=person.party)
    found = directory.caller(platform=request.platform, user_id=typed)
    if not found.known:  # registered in chat: by the whole name given then («@Mari Lunde»), any case
        registered = directory.registered(platform=request.platform)
        whole = len(folded.split()) > 1  # a whole name; one word is an id (a Slack name is no id: `person`)
        typed = next((uid for uid, name in registered if folded == fold(uid) or (whole and folded == fold(name))), "")
        found = directory.caller(platform=request.platform, user_id=typed)
    if found.known:
        return MentionedPerson(user_id=typed, name=found.name, key=found.key, party=found.party)
    return None


def _by_id(user_id: str, *, display: str | None, request: Request, directory: Directory) -> MentionedPerson:
    caller = directory.caller(platform=request.platform, user_id=user_id)
    if caller.known:
        return MentionedPerson(user_id=user_id, name=caller.name, key=caller.key, party=caller.party)
    for person in directory.config.people:  # known by app.yaml but with no role-bearing binding here
        if person.ids.get(request.platform) == user_id:  # type: ignore[call-overload]
            return MentionedPerson(user_id=user_id, name=person.name, key=person.key, party=person.party)
    shown = display or next((m.display for m in request.mentions if m.user_id == user_id and m.display), "")
    name = shown.lstrip("@").strip()
    named = directory.people_named(name=name) if name else {}
    if len(named) == 1:  # a Teams mention with only the Teams id: its name is the one known person's (N5)
        key, (known_name, party) = next(iter(named.items()))
        logger.info("Mention %s read as the known person %s by its display name", user_id, key)
        return MentionedPerson(user_id=user_id, name=known_name, key=key, party=party)
    return MentionedPerson(user_id=user_id, name=name or user_id)


def names_in(text: str, *, request: Request, directory: Directory) -> str:
    """Text with every mention token replaced by the person's name, for replies and stored text."""
    return TOKEN.sub(lambda m: resolve(m.group(0), request=request, directory=directory).name, text)  # type: ignore[union-attr]
