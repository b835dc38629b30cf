"""`bind_channel`, `bind_person` and `bind_organisation`: an admin binds a channel, a person or a whole
organisation at runtime (stored in `meta`, winning over app.yaml). The same binding again records nothing."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from bot.actions.base import Acting, record
from bot.actions.membership import JoinRequest, settle_requests, settled_by_organisation
from bot.actions.rules import require_admin, require_shared_channel
from bot.facts.signed_by import Made, signatures_text, signed_by, signed_through
from bot.i18n import _
from bot.model.config import AppConfig
from bot.model.identity import (
    ORGANISATIONS,
    ROLE_NAMES,
    ChannelContext,
    Directory,
    OrganisationBinding,
    binding_key,
    organisation_label,
)
from bot.model.order import confirm_word
from bot.state.store import META, DomainError
from storage.base import Document, Tables

logger = logging.getLogger(__name__)

BIND_CHANNEL = "bind_channel"
BIND_PERSON = "bind_person"
BIND_ORGANISATION = "bind_organisation"
ORGANISATION_ROLES = ("adviser", "coordinator", "au_member")
"""Roles an organisation may give its people; never admin, which is given to a person by name."""


@dataclass(frozen=True)
class ChannelBinding:
    """What a channel is for: the national channel, a region's, or an actor's (in one region or all)."""

    national: bool = False
    region: str | None = None
    actor: str | None = None

    def as_doc(self) -> Document:
        if self.national:
            return {"national": True}
        if self.actor:
            return {"actor": self.actor, "region": self.region}
        return {"region": self.region}

    def context(self) -> ChannelContext:
        """The channel as it reads once bound so: what its written form follows (`bot.written_form`)."""
        if self.national:
            return ChannelContext(kind="national")
        if self.actor:
            return ChannelContext(kind="actor", region=self.region, actor=self.actor)
        return ChannelContext(kind="region", region=self.region)

    def described(self, config: AppConfig) -> str:
        """«den nasjonale kanalen», «kanalen til Agder fylkeskommune», «kanalen til IN i Agder …»."""
        if self.national:
            return _("den nasjonale kanalen")
        if self.actor is None:
            return _("kanalen til {party}").format(party=config.party_name(self.region or ""))
        where = " " + _("i {region}").format(region=config.party_name(self.region)) if self.region else ""
        return _("kanalen til {party}").format(party=self.actor) + where


def _channel_binding(channel: ChannelContext) -> ChannelBinding | None:
    """What the channel is bound to now, as a binding; None when it is unbound."""
    if channel.kind == "national":
        return ChannelBinding(national=True)
    if channel.kind == "actor":
        return ChannelBinding(actor=channel.actor, region=channel.region)
    if channel.kind == "region":
        return ChannelBinding(region=channel.region)
    return None


@dataclass(frozen=True)
class PersonBinding:
    user_id: str
    """The person's id on the request's platform."""
    party: str
    """Empty for an admin, who is nobody's party member (walk 18 F15)."""
    role: str
    person: str
    """The person key (app.yaml's when known there)."""
    name: str

    def as_doc(self) -> Document:
        return {"party": self.party or None, "role": self.role, "person": self.person, "name": self.name}


@dataclass(frozen=True)
class Bound:
    changed: bool
    """False when the binding was already so: nothing recorded."""
    replaced: tuple[str, str] | None = None
    """The party and role a `person` took the person away from, or `koble organisasjon` the organisation
    (the reply says what changed)."""
    settled: tuple[JoinRequest, ...] = ()
    """The open `bli med` requests a `koble organisasjon` settled: their people are told where they asked."""


def bind_channel(
    acting: Acting, *, binding: Callable[[], ChannelBinding], confirmed: bool = False
) -> tuple[ChannelBinding, Bound]:
    """Bind the request's channel. `binding` is read after the admin check, so others hear the rule. A
    channel already bound to something else (by app.yaml or at runtime) is rebound only `confirmed`: the
    refusal names what it is now, since its reminders and overview would go elsewhere."""
    require_admin(acting)
    chosen = binding()
    require_shared_channel(acting)
    current = _channel_binding(acting.channel)
    if current is not None and current != chosen and not confirmed:
        raise DomainError(
            _("Denne kanalen er {now}. Skriv det samme med «{confirm}» til slutt for å gjøre den til {what}.").format(
                now=current.described(acting.config), confirm=confirm_word(), what=chosen.described(acting.config)
            )
        )
    request = acting.request
    key = binding_key(request.platform, request.channel_id)
    bound = _bind(
        acting,
        action=BIND_CHANNEL,
        table="channels",
        key=key,
        doc=chosen.as_doc(),
        now=acting.state.channel_binding(key=key),
        summary=lambda: _("Koblet {platform}-kanal {channel} som {what}").format(
            platform=request.platform, channel=request.channel_id, what=chosen.described(acting.config)
        ),
    )
    return chosen, bound


def bind_person(
    acting: Acting, *, binding: Callable[[], PersonBinding], confirmed: bool = False
) -> tuple[PersonBinding, Bound]:
    """Bind a person on the request's platform. `binding` is read after the admin check. A person is with
    one party in one role, so a binding that moves someone from the party or role they hold asks first
    (`confirmed`), naming what they lose (walk 7 F1: an AU member silently lost AU's rights)."""
    require_admin(acting)
    chosen = binding()
    require_role_fits(acting.config, party=chosen.party, role=chosen.role)
    platform = acting.request.platform
    key = binding_key(platform, chosen.user_id)
    now = acting.state.person_binding(key=key)
    held = _held(acting, now=now, person=chosen.person)
    moves = held is not None and held != (chosen.party, chosen.role)
    left = _signatures_left(acting, chosen=chosen)
    if moves and held and not confirmed and not _promotion(held, chosen):
        raise DomainError(
            _moving_text(acting.config, held=held, chosen=chosen) + signatures_text(acting.config, left),
            again=_("Flytt"),
        )
    if not confirmed and (text := _namesake_text(acting, chosen=chosen, now=now)) is not None:
        raise DomainError(text, again=_("Registrer likevel"))
    if left and not confirmed and not moves:  # known through an organisation, signed for another party
        raise DomainError(
            _("{name} har signert for en annen part enn {new}.").format(
                name=chosen.name, new=acting.config.party_name(chosen.party)
            )
            + signatures_text(acting.config, left)
            + " "
            + _("Skriv det samme med «{confirm}» til slutt for å registrere. Ingenting er endret.").format(
                confirm=confirm_word()
            ),
            again=_("Registrer"),
        )
    bound = _bind(
        acting,
        action=BIND_PERSON,
        table="people",
        key=key,
        doc=chosen.as_doc(),
        now=now,
        also=lambda tables: settle_requests(tables, platform=platform, user_id=chosen.user_id),
        summary=lambda: (
            _("Registrerte {name} ({platform} {user}) som {role} for {party}")
            if chosen.party
            else _("Registrerte {name} ({platform} {user}) som {role}")
        ).format(
            name=chosen.name,
            platform=platform,
            user=chosen.user_id,
            role=_(ROLE_NAMES.get(chosen.role, chosen.role)),
            party=acting.config.party_name(chosen.party) if chosen.party else "",
        ),
        region=chosen.party if chosen.party and acting.config.region(chosen.party) else None,  # its `logg` (F6)
    )
    return chosen, Bound(changed=bound.changed, replaced=held if moves and bound.changed else None)


def _namesake_text(acting: Acting, *, chosen: PersonBinding, now: Document | None) -> str | None:
    """The question before a new name that another person of the same party already has: receipts, «logg»,
    the channel's «X er rådgiver for …» and a follow-up's «@Kari Nordmann» would not tell them apart, and
    it reads as the coordinator demoted (walk 27 F3). None when the name is new there, or already theirs."""
    if not chosen.party or (now or {}).get("name") == chosen.name:
        return None
    directory = Directory(config=acting.config, state=acting.state)
    others = [
        key for key, (_name, party) in directory.people_named(name=chosen.name).items()
        if party == chosen.party and key != chosen.person
    ]  # fmt: skip
    if not others:
        return None
    return _(
        "{party} har allerede en person som heter {name}. To med samme navn kan ikke skilles i kvitteringer, "
        "«logg» og oppfølgingspunkter; bruk gjerne et navn som skiller dem. Skriv det samme med «{confirm}» til "
        "slutt for å registrere likevel. Ingenting er endret."
    ).format(party=acting.config.party_name(chosen.party), name=chosen.name, confirm=confirm_word())


def _signatures_left(acting: Acting, *, chosen: PersonBinding) -> list[Made]:
    """The signatures the person made for another party than the one they are bound to now: they stand
    (`bot.facts.signed_by`), and the question before the move names them (walk 28 F3)."""
    made: list[Made] = []
    for person in dict.fromkeys((chosen.person, chosen.user_id)):
        found = signed_by(
            config=acting.config, state=acting.state, at=acting.now, person=person, platform=acting.request.platform
        )
        made.extend(m for m in found if m not in made)
    return [m for m in made if m.party != chosen.party]


def _promotion(held: tuple[str, str], chosen: PersonBinding) -> bool:
    """An adviser made coordinator of the party they are with: nothing is lost, so nothing is asked (walk 18
    F8)."""
    return held == (chosen.party, "adviser") and chosen.role == "coordinator"


def _moving_text(config: AppConfig, *, held: tuple[str, str], chosen: PersonBinding) -> str:
    """The question before a `person` that takes someone from the party or role they hold, naming what they
    lose: a move to another party, another role in the same party, or the admin role (no party)."""
    values = {
        "name": chosen.name,
        "role": _(ROLE_NAMES.get(held[1], held[1])),
        "party": config.party_name(held[0]),
        "new_role": _(ROLE_NAMES.get(chosen.role, chosen.role)),
        "new": config.party_name(chosen.party),
        "confirm": confirm_word(),
    }
    if chosen.party == held[0] or not chosen.party:
        text = _(
            "{name} er {role} for {party}. Dette gjør {name} til {new_role} og fjerner rettene som {role} for "
            "{party}. Skriv det samme med «{confirm}» til slutt for å endre rollen. Ingenting er endret."
        )
    else:
        text = _(
            "{name} er {role} for {party}. Dette flytter {name} til {new} og fjerner rettene som {role} for "
            "{party}. Skriv det samme med «{confirm}» til slutt for å flytte. Ingenting er endret."
        )
    return text.format(**values)


def _held(acting: Acting, *, now: Document | None, person: str) -> tuple[str, str] | None:
    """The party and role the person holds now: their binding on this platform, else one made on another
    platform, else app.yaml's; None when they hold none."""
    found = now or Directory(config=acting.config, state=acting.state).moved(person=person)
    if found is None:
        found = next(
            ({"party": p.party, "role": p.role} for p in acting.config.people if p.key == person and p.party), None
        )
    if not found or not found.get("party") or not found.get("role"):
        return None
    return str(found["party"]), str(found["role"])


def require_role_fits(config: AppConfig, *, party: str | None, role: str) -> None:
    """An AU member is AU's: «AU-medlem for Agder fylkeskommune» (a person or an organisation) named a role
    that acts for no one there, so it is refused, naming the roles the party has (walk 41)."""
    if role != "au_member" or party is None or party == config.parties.coordinator.key:
        return
    raise DomainError(
        _("«au» er rollen i {au}. For {party}: koordinator eller rådgiver.").format(
            au=config.party_name(config.parties.coordinator.key), party=config.party_name(party)
        )
    )


def bind_organisation(
    acting: Acting, *, binding: Callable[[], OrganisationBinding], confirmed: bool = False
) -> tuple[OrganisationBinding, Bound]:
    """Bind an organisation to a party: everyone from it becomes the party's member (a person's own
    binding still wins). `binding` is read after the admin check. An organisation is bound to one party, so
    binding it to another party replaces the binding it has, and is asked first (`confirmed`), naming it
    (walk 18 F4: a county's tenant bound to RFF silently left its region)."""
    require_admin(acting)
    chosen = binding()
    if chosen.role not in ORGANISATION_ROLES:
        raise DomainError(_("En organisasjon kan gi rollene koordinator, rådgiver eller au, ikke administrator."))
    config = acting.config
    require_role_fits(config, party=chosen.party, role=chosen.role)
    now = acting.state.doc(META, ORGANISATIONS, chosen.key) or None
    held = (str(now["party"]), str(now["role"])) if now and now.get("party") and now.get("role") else None
    replaced = held if held is not None and held[0] != chosen.party else None
    settles = settled_by_organisation(acting, organisation=chosen.key) if now != chosen.as_doc() else []
    elsewhere = [f for f in settles if f.party != chosen.party]
    if replaced is not None and not confirmed:
        left = signed_through(
            config=config, state=acting.state, at=acting.now, organisation=chosen.key, party=replaced[0]
        )
        raise DomainError(
            _(
                "Alle fra {organisation} er {role} for {party}. En organisasjon er koblet til én part, så dette "
                "erstatter den koblingen med {new}."
            ).format(
                organisation=organisation_label(chosen.key),
                role=_(ROLE_NAMES.get(replaced[1], replaced[1])),
                party=config.party_name(replaced[0]),
                new=config.party_name(chosen.party),
            )
            + signatures_text(config, left)
            + _asked_elsewhere(config, elsewhere, chosen=chosen)
            + " "
            + _("Skriv det samme med «{confirm}» til slutt for å erstatte. Ingenting er endret.").format(
                confirm=confirm_word()
            ),
            again=_("Erstatt"),
        )
    if elsewhere and not confirmed:
        raise DomainError(
            _asked_elsewhere(config, elsewhere, chosen=chosen).strip()
            + " "
            + _("Skriv det samme med «{confirm}» til slutt for å koble. Ingenting er endret.").format(
                confirm=confirm_word()
            ),
            again=_("Koble"),
        )

    def summary() -> str:
        done = _("Koblet organisasjonen {organisation} til {party} som {role}").format(
            organisation=organisation_label(chosen.key),
            party=config.party_name(chosen.party),
            role=_(ROLE_NAMES.get(chosen.role, chosen.role)),
        )
        if replaced is None:
            return done
        return _("{done}; erstattet koblingen til {party} som {role}").format(
            done=done, party=config.party_name(replaced[0]), role=_(ROLE_NAMES.get(replaced[1], replaced[1]))
        )

    bound = _bind(
        acting,
        action=BIND_ORGANISATION,
        table=ORGANISATIONS,
        key=chosen.key,
        doc=chosen.as_doc(),
        now=now,
        also=lambda tables: settle_requests(tables, platform=acting.request.platform, organisation=chosen.key),
        summary=summary,
        region=chosen.party if config.region(chosen.party) else None,
    )
    return chosen, Bound(
        changed=bound.changed,
        replaced=replaced if bound.changed else None,
        settled=tuple(settles) if bound.changed else (),
    )


def _asked_elsewhere(config: AppConfig, asked: list[JoinRequest], *, chosen: OrganisationBinding) -> str:
    """« Xenia Ny har bedt om å bli med for Innovasjon Norge; koblingen gjør dem til rådgiver for Siva.» for
    each open request the binding settles for another party than asked (walk 28 F5)."""
    return "".join(
        " "
        + _("{name} har bedt om å bli med for {asked}; koblingen gjør dem til {role} for {party}.").format(
            name=f.name,
            asked=config.party_name(f.party),
            role=_(ROLE_NAMES.get(chosen.role, chosen.role)),
            party=config.party_name(chosen.party),
        )
        for f in asked
    )


def _bind(
    acting: Acting,
    *,
    action: str,
    table: str,
    key: str,
    doc: Document,
    now: Document | None,
    summary: Callable[[], str],
    region: str | None = None,
    also: Callable[[Tables], None] | None = None,
) -> Bound:
    """Store `doc` under `key` in `meta`, unless it is there already (`now`); `also` changes what the same
    write settles (a person's pending requests to join)."""
    if now == doc:
        return Bound(changed=False)

    def mutate(tables: Tables) -> None:
        tables.setdefault(table, {})[key] = doc
        if also is not None:
            also(tables)

    record(acting, action=action, partition=META, summary=summary, mutate=mutate, region=region)
    return Bound(changed=True)
