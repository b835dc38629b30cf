"""Joining a party without waiting for an admin, and leaving it: `ask_to_join` (`bli med <part>`),
`answer_join` (a coordinator's or an admin's click on «Slipp inn» / «Avslå»), `withdraw_join` (`bli med
trekk`: the person takes back their own request), `leave` (`forlat <part>`, or an admin removing anyone).

A request names one person and one party; only that party's coordinators (or an admin) answer it, and the
answer writes only that person's own binding, as an adviser: nothing a person asks for changes another
party's rights, and a coordinator role is still given by an admin alone (`person`, `koble organisasjon`).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace

from bot.actions.base import Acting, record
from bot.actions.stranding import ask_before_stranding
from bot.i18n import _
from bot.model.config import AppConfig
from bot.model.identity import ROLE_NAMES, Caller, Directory, binding_key, organisation_key
from bot.reminders.notify import known_people
from bot.state.store import META, DomainError, StateStore
from storage.base import Document, Tables

logger = logging.getLogger(__name__)

ASK_TO_JOIN = "ask_to_join"
ANSWER_JOIN = "answer_join"
WITHDRAW_JOIN = "withdraw_join"
LEAVE = "leave"
JOIN_REQUESTS = "join_requests"
"""The `meta` table of join requests: number -> {platform, user_id, name, party, channel, status}."""
JOINED_ROLE = "adviser"


@dataclass(frozen=True)
class JoinRequest:
    number: str
    platform: str
    user_id: str
    name: str
    party: str
    channel: str
    """Where the person asked: the answer is told there."""
    status: str
    """pending, approved, refused, withdrawn (by the person who asked) or settled (the person got a role
    another way, `person` or their organisation: walk 18 F1)."""
    organisation: str = ""
    """The tenant or team the person asked from, and their e-mail domain: whether their organisation has
    been bound since (the request is then settled, not answered)."""
    email_domain: str = ""

    @classmethod
    def of(cls, number: str, doc: Document) -> JoinRequest:
        return cls(
            number=number,
            platform=str(doc.get("platform", "")),
            user_id=str(doc.get("user_id", "")),
            name=str(doc.get("name", "")),
            party=str(doc.get("party", "")),
            channel=str(doc.get("channel", "")),
            status=str(doc.get("status", "pending")),
            organisation=str(doc.get("organisation") or ""),
            email_domain=str(doc.get("email_domain") or ""),
        )

    def as_doc(self) -> Document:
        return {
            "platform": self.platform,
            "user_id": self.user_id,
            "name": self.name,
            "party": self.party,
            "channel": self.channel,
            "status": self.status,
            **({"organisation": self.organisation} if self.organisation else {}),
            **({"email_domain": self.email_domain} if self.email_domain else {}),
        }


@dataclass(frozen=True)
class JoinChange:
    """What `ask_to_join` and `answer_join` did to one request."""

    request: JoinRequest
    changed: bool
    """False when nothing was recorded: the same person had already asked to join the same party, or the
    request was already answered (a second click)."""


@dataclass(frozen=True)
class Left:
    party: str
    name: str
    user_id: str
    by_admin: bool
    last_coordinator: bool = False
    """The party's last coordinator left (confirmed): the handler tells the admins."""


def join_requests(acting: Acting) -> dict[str, JoinRequest]:
    """Every join request, by number."""
    return {n: JoinRequest.of(n, doc) for n, doc in acting.state.tables(META).get(JOIN_REQUESTS, {}).items()}


def pending_of(acting: Acting) -> JoinRequest | None:
    """The caller's own request to join that waits for an answer (a person asks for one party at a time)."""
    request = acting.request
    for found in join_requests(acting).values():
        if (found.platform, found.user_id, found.status) == (request.platform, request.user_id, "pending"):
            return found
    return None


def refuse_the_waiting(acting: Acting) -> None:
    """Someone who has asked to join and tries to record is told their request waits (walk 41: the refusal
    told them to ask again, with a «Bli med» button for the channel's party); else nothing."""
    if (found := pending_of(acting)) is None:
        return
    raise DomainError(
        _(
            "Forespørselen din om å bli med for {party} (forespørsel {number}) venter på svar, så du kan ikke "
            "registrere ennå. Til da kan du lese «neste», «status», «årshjul» og «logg»; svaret kommer i kanalen "
            "der du spurte."
        ).format(party=acting.config.party_name(found.party), number=found.number)
    )


def ask_to_join(acting: Acting, *, party: str) -> JoinChange:
    """A person asks to join `party`: recorded as pending, for its coordinators to answer."""
    caller, config, request = acting.caller, acting.config, acting.request
    name = config.party_name(party)
    if caller.known and caller.party == party:
        raise DomainError(_("Du er allerede med for {party}. Ingenting er endret.").format(party=name))
    if caller.known:
        own = config.party_name(caller.party) if caller.party else _("ingen part")
        raise DomainError(
            _(
                "Du er med for {own}, og en person er med for én part. Skriv «forlat {code}» først, eller be en "
                "administrator om å flytte deg."
            ).format(own=own, code=caller.party or "")
        )
    requests = join_requests(acting)
    if (found := pending_of(acting)) is not None:
        if found.party == party:
            return JoinChange(request=found, changed=False)
        # One person, one party: a second request waits for the first's answer.
        raise DomainError(
            _(
                "Du har allerede spurt om å bli med for {other} (forespørsel {number}), og en person er med "
                "for én part. Vent på svaret, trekk den selv med «bli med trekk», eller be den som svarer om "
                "å avslå den («opptak nei {number}») før du spør for {party}."
            ).format(other=config.party_name(found.party), number=found.number, party=name)
        )
    number = str(max((int(n) for n in requests if n.isdigit()), default=0) + 1)
    asked = JoinRequest(
        number=number,
        platform=request.platform,
        user_id=request.user_id,
        name=caller.name,
        party=party,
        channel=request.channel_id,
        status="pending",
        organisation=request.organisation or "",
        email_domain=request.email_domain or "",
    )
    record(
        acting,
        action=ASK_TO_JOIN,
        partition=META,
        summary=lambda: _("{name} ba om å bli med for {party} (forespørsel {number})").format(
            name=asked.name, party=config.party_name(party), number=number
        ),
        mutate=lambda tables: _put(tables, JOIN_REQUESTS, number, asked.as_doc(), unless_taken=True),
        region=party if config.region(party) else None,
    )
    return JoinChange(request=asked, changed=True)


def answering_roles(config: AppConfig, *, party: str) -> tuple[str, ...]:
    """The roles of a party that answer who joins it: its coordinators (AU: also its members); the admins
    answer for every party."""
    return ("coordinator", "au_member") if party == config.parties.coordinator.key else ("coordinator",)


def answerers(*, config: AppConfig, state: StateStore, party: str) -> list[dict[str, object]]:
    """The people who may answer a request to join `party` (`may_answer`), as `known_people` entries: its
    coordinators (AU: its members), else the admins. The request calls on them, names them, and a refusal to
    anyone else names them (walk 6, F13)."""
    people = list(known_people(config=config, state=state).values())
    roles = answering_roles(config, party=party)
    found = [p for p in people if p["party"] == party and p["role"] in roles]
    return found or [p for p in people if p["role"] == "admin"]


def answerers_text(*, config: AppConfig, state: StateStore, party: str) -> str:
    """«Kari Nordmann (koordinator for Agder fylkeskommune) eller en administrator», or «en administrator
    (Driftsansvarlig)»: who answers a request to join `party`, in words."""
    people = answerers(config=config, state=state, party=party)
    names = ", ".join(str(p["name"]) for p in people)
    if any(p["role"] != "admin" for p in people):
        return _("koordinatorene for {party} ({names}) eller en administrator").format(
            party=config.party_name(party), names=names
        )
    if names:
        return _("en administrator ({names})").format(names=names)
    return _("en administrator")


def may_answer(acting: Acting, *, party: str) -> bool:
    caller = acting.caller
    if caller.role == "admin":
        return True
    return caller.party == party and caller.role in answering_roles(acting.config, party=party)


def answer_join(acting: Acting, *, number: str, approve: bool) -> JoinChange:
    """Let the person in as an adviser of the party they asked for, or refuse; recorded once."""
    config = acting.config
    found = join_requests(acting).get(number)
    if found is None:
        raise DomainError(_("Jeg finner ingen forespørsel nummer {number}.").format(number=number))
    name = config.party_name(found.party)
    if not may_answer(acting, party=found.party):
        raise DomainError(
            _("Bare {who} kan svare på hvem som blir med for {party}. Ingenting er endret.").format(
                who=answerers_text(config=config, state=acting.state, party=found.party), party=name
            )
        )
    holder = held_role(acting, found) if found.status in ("pending", "settled") else None
    if holder is not None:  # a role given another way settles the request; no answer changes it (walk 18 F1)
        raise DomainError(settled_text(config, found, holder))
    if found.status == "settled":
        raise DomainError(
            _("Forespørsel {number} ble avgjort da {name} fikk en rolle på annen måte. Ingenting er endret.").format(
                number=number, name=found.name
            )
        )
    if found.status != "pending":
        return JoinChange(request=found, changed=False)
    person_key = binding_key(found.platform, found.user_id)
    answered = replace(found, status="approved" if approve else "refused")

    def mutate(tables: Tables) -> None:
        if (tables.get(JOIN_REQUESTS, {}).get(number) or {}).get("status", "pending") != "pending":
            raise DomainError(_("Forespørsel {number} ble besvart av noen andre akkurat nå.").format(number=number))
        _put(tables, JOIN_REQUESTS, number, answered.as_doc())
        if approve:
            doc = {"party": found.party, "role": JOINED_ROLE, "person": found.user_id, "name": found.name}
            _put(tables, "people", person_key, doc)

    def said() -> str:  # worded inside the summary, so the nynorsk entry is nynorsk throughout (walk 18 F11)
        if approve:
            return _("{who} slapp inn {name} som rådgiver for {party} (forespørsel {number})")
        return _("{who} avslo at {name} blir med for {party} (forespørsel {number})")

    record(
        acting,
        action=ANSWER_JOIN,
        partition=META,
        summary=lambda: said().format(
            who=acting.caller.name, name=found.name, party=config.party_name(found.party), number=number
        ),
        mutate=mutate,
        region=found.party if config.region(found.party) else None,
    )
    return JoinChange(request=answered, changed=True)


def held_role(acting: Acting, found: JoinRequest) -> Caller | None:
    """The role the person who asked holds now (their own binding, app.yaml's, or their organisation's), or
    None: a request from someone who has a role is settled, whatever its status says."""
    holder = Directory(config=acting.config, state=acting.state).caller(
        platform=found.platform,
        user_id=found.user_id,
        organisation=found.organisation or None,
        email_domain=found.email_domain or None,
    )
    return holder if holder.known else None


def settled_text(config: AppConfig, found: JoinRequest, holder: Caller) -> str:
    """Why a request is not answered: the person got a role another way, named with how."""
    how = _("gjennom organisasjonen sin") if holder.via == "organisation" else _("av en administrator")
    return _(
        "{name} er allerede {role} for {party} ({how}), så forespørsel {number} er avgjort. Ingenting er endret."
    ).format(
        name=holder.name if holder.name != found.user_id else found.name,
        role=_(ROLE_NAMES.get(holder.role or "", holder.role or "")),
        party=config.party_name(holder.party or ""),
        how=how,
        number=found.number,
    )


def settle_requests(
    tables: Tables, *, platform: str, user_id: str | None = None, organisation: str | None = None
) -> None:
    """Inside a write that gives a role (`person`, `koble organisasjon`): close the pending requests of the
    person (or of everyone from the organisation), so no later «Slipp inn» or «Avslå» changes the role."""
    rows = tables.get(JOIN_REQUESTS, {})
    for number, doc in rows.items():
        found = JoinRequest.of(number, doc)
        if found.status != "pending":
            continue
        mine = user_id is not None and (found.platform, found.user_id) == (platform, user_id)
        if mine or (organisation is not None and _from(found, organisation)):
            rows[number] = replace(found, status="settled").as_doc()


def settled_by_organisation(acting: Acting, *, organisation: str) -> list[JoinRequest]:
    """The pending requests a binding of `organisation` would settle: their people are told (walk 28 F5)."""
    return [f for f in join_requests(acting).values() if f.status == "pending" and _from(f, organisation)]


def _from(found: JoinRequest, organisation: str) -> bool:
    return organisation in (
        organisation_key(found.organisation) if found.organisation else None,
        organisation_key(found.email_domain) if found.email_domain else None,
    )


def withdraw_join(acting: Acting) -> JoinRequest:
    """The person takes back their own pending request (one at a time: `ask_to_join`), so they may ask for
    another party or not at all; the buttons already sent then answer that it was withdrawn."""
    request = acting.request
    mine = [
        found
        for found in join_requests(acting).values()
        if (found.platform, found.user_id, found.status) == (request.platform, request.user_id, "pending")
    ]
    if not mine:
        raise DomainError(_("Du har ingen forespørsel om å bli med som venter på svar. Ingenting er endret."))
    found = mine[0]
    withdrawn = replace(found, status="withdrawn")

    def mutate(tables: Tables) -> None:
        if (tables.get(JOIN_REQUESTS, {}).get(found.number) or {}).get("status", "pending") != "pending":
            raise DomainError(_("Forespørsel {number} ble besvart akkurat nå.").format(number=found.number))
        _put(tables, JOIN_REQUESTS, found.number, withdrawn.as_doc())

    config = acting.config
    record(
        acting,
        action=WITHDRAW_JOIN,
        partition=META,
        summary=lambda: _("{name} trakk forespørselen om å bli med for {party} (forespørsel {number})").format(
            name=found.name, party=config.party_name(found.party), number=found.number
        ),
        mutate=mutate,
        region=found.party if config.region(found.party) else None,
    )
    return withdrawn


def leave(
    acting: Acting, *, party: str, user_id: str | None = None, name: str | None = None, confirmed: bool = False
) -> Left:
    """The caller leaves `party`, or an admin removes `user_id` (on the request's platform) from it. The
    person's own binding then says they are no one's, so their organisation's binding no longer counts.
    The party's only registered person is asked first (`confirmed`): without them only an admin lets
    anyone in again."""
    caller, config, request = acting.caller, acting.config, acting.request
    party_name = config.party_name(party)
    by_admin = user_id is not None and user_id != request.user_id
    if by_admin:
        if caller.role != "admin":
            raise DomainError(_("Bare en administrator kan fjerne andre. Du kan selv skrive «forlat <part>»."))
        target = user_id or ""
        # The name the admin gave with `person` wins over app.yaml's (walk 18 F14).
        given = (acting.state.person_binding(key=binding_key(request.platform, target)) or {}).get("name")
        target_name = str(given) if given and given != target else name or target
        held = Directory(config=config, state=acting.state).caller(platform=request.platform, user_id=target)
        leaving = held if held.party == party else None
    else:
        if not caller.known or caller.party != party:
            raise DomainError(_("Du er ikke med for {party}, så det er ingenting å forlate.").format(party=party_name))
        target, target_name = request.user_id, caller.name
        leaving = caller
    last = False
    if leaving is not None:  # the same questions whoever removes the person (walk 18 F2)
        last = ask_before_stranding(
            acting,
            party=party,
            leaving=leaving,
            by_admin=by_admin,
            name=target_name,
            confirmed=confirmed,
            roles=answering_roles(config, party=party),
        )
    key = binding_key(request.platform, target)
    left = {"party": None, "role": None, "left": party, "person": target, "name": target_name}
    if acting.state.person_binding(key=key) == left:
        raise DomainError(_("{name} er allerede ute av {party}.").format(name=target_name, party=party_name))
    record(
        acting,
        action=LEAVE,
        partition=META,
        summary=lambda: (_("{who} fjernet {name} fra {party}") if by_admin else _("{name} forlot {party}")).format(
            who=caller.name, name=target_name, party=config.party_name(party)
        ),
        mutate=lambda tables: _put(tables, "people", key, left),
        region=party if config.region(party) else None,
    )
    return Left(party=party, name=target_name, user_id=target, by_admin=by_admin, last_coordinator=last)


def _put(tables: Tables, table: str, key: str, doc: Document, *, unless_taken: bool = False) -> None:
    """`unless_taken`: a new request's number, read before the write, was taken meanwhile by another
    process's request (a race): refuse rather than overwrite it."""
    rows = tables.setdefault(table, {})
    if unless_taken and key in rows:
        raise DomainError(_("Noen andre ba om å bli med i samme øyeblikk. Prøv igjen."))
    rows[key] = doc
