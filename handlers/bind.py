"""`koble …` and `person …`: an admin binds the current channel, an organisation, or a person, at runtime.

Bindings are stored in the `meta` partition and win over app.yaml for that channel or person.
"""

from __future__ import annotations

import re

from bot.actions import bindings as actions
from bot.actions.base import Acting
from bot.actions.bindings import ChannelBinding, PersonBinding
from bot.context import Context
from bot.i18n import N_, _, using
from bot.mentions import resolve
from bot.messages import Announcement, Outcome, Reply, Request, Visibility
from bot.model.identity import ROLE_NAMES, OrganisationBinding, organisation_key, organisation_label
from bot.model.order import is_confirm, split_confirm
from bot.parsing import fold, shown
from bot.shown.replies import make_reply
from bot.state.store import DomainError
from bot.written_form import channel_form
from handlers.announce import announce_to
from handlers.common import read_args, reject_extra
from handlers.unbind import told_settled, unbind_organisation

BIND_EXAMPLE = N_("koble region agder | koble aktør IN [region] | koble nasjonal")
PERSON_EXAMPLE = "person @kari agder koordinator"
ORGANISATION_EXAMPLE = "koble organisasjon innovasjonnorge.no IN"
ORGANISATION_WORDS = ("organisasjon", "organisation", "org")
REMOVE_WORDS = ("fjern", "fjerne", "ingen", "remove")
"""`koble organisasjon <id> fjern`: the binding removed (walk 28 F7)."""
ROLES = {
    "koordinator": "coordinator",
    "coordinator": "coordinator",
    "radgiver": "adviser",
    "radgjevar": "adviser",  # nynorsk: rådgjevar
    "adviser": "adviser",
    "au": "au_member",
    "au-medlem": "au_member",
    "au_member": "au_member",
    "admin": "admin",
    "administrator": "admin",
}


def bind_channel(request: Request, ctx: Context) -> Outcome:
    words = ctx.args.split()
    if words and fold(words[0]) in ORGANISATION_WORDS:
        return bind_organisation(request, ctx, words=words[1:])
    confirmed = bool(words) and is_confirm(words[-1])  # read fully (and refused if doubled) after the admin check
    chosen, bound = actions.bind_channel(
        Acting.of(ctx=ctx, request=request), binding=lambda: _channel(ctx), confirmed=confirmed
    )
    what = chosen.described(ctx.config)
    if not bound.changed:
        return Outcome(reply=_already(_("Denne kanalen er allerede {what}. Ingenting er endret.").format(what=what)))
    # The post is the channel's, which reads its new region's form from now on (walk 20 F-g: a nynorsk region's
    # channel was told it in bokmål).
    lang = channel_form(
        config=ctx.config,
        state=ctx.state,
        platform=request.platform,
        channel_id=request.channel_id,
        context=chosen.context(),
    )
    with using(lang):
        reply = make_reply(
            title=_("Kanalen er koblet"),
            lead=_("Denne kanalen er nå {what}. Påminnelser for den kommer hit.").format(
                what=chosen.described(ctx.config)
            ),
            visibility=Visibility.CHANNEL,
        )
    return Outcome(reply=reply)


def _channel(ctx: Context) -> ChannelBinding:
    words, _confirmed = split_confirm(ctx.args.split())
    kind = fold(words[0]) if words else ""
    args = read_args(ctx, words[1:], want=("region", "party"))
    reject_extra(args.rest, example=BIND_EXAMPLE)
    if kind == "nasjonal":
        return ChannelBinding(national=True)
    if kind == "region" and args.region:
        return ChannelBinding(region=args.region)
    if kind in ("aktor", "aktoer") and args.party and ctx.config.actor(args.party):
        return ChannelBinding(actor=args.party, region=args.region)
    raise DomainError(_("Skriv «{example}».").format(example=_(BIND_EXAMPLE)))


def bind_organisation(request: Request, ctx: Context, *, words: list[str]) -> Outcome:
    """`koble organisasjon <tenant-id | slack-team | e-postdomene> <part> [rolle]`."""
    confirmed = bool(words) and is_confirm(words[-1])  # read fully (and refused if doubled) below
    plain = split_confirm(words)[0]
    if len(plain) == 2 and fold(plain[1]) in REMOVE_WORDS:
        return unbind_organisation(request, ctx, typed=plain[0], confirmed=confirmed)
    chosen, bound = actions.bind_organisation(
        Acting.of(ctx=ctx, request=request),
        binding=lambda: _organisation(ctx, split_confirm(words)[0]),
        confirmed=confirmed,
    )
    values = {
        "organisation": organisation_label(chosen.key),
        "party": ctx.config.party_name(chosen.party),
        "role": _(ROLE_NAMES.get(chosen.role, chosen.role)),
    }
    if not bound.changed:
        return Outcome(reply=_already(_("{organisation} er allerede koblet til {party} som {role}.").format(**values)))
    lead = _(
        "Alle fra {organisation} er nå {role} for {party}, uten egen registrering. "
        "En person som er registrert selv, beholder sin egen rolle."
    ).format(**values)
    if bound.replaced is not None:
        old_party, old_role = bound.replaced
        lead += " " + _("De er ikke lenger {role} for {party}.").format(
            role=_(ROLE_NAMES.get(old_role, old_role)), party=ctx.config.party_name(old_party)
        )
    if chosen.key.startswith("domain:"):  # walk 28 F2: say where a domain can match, and where it cannot
        lead += " " + _(
            "Et e-postdomene kjennes igjen der plattformen gir boten adressen: på Teams fra medlemslisten. Slack "
            "gir den ikke, så der kobles folk med workspace-ID-en (team-ID, T…) i stedet."
        )
    reply = make_reply(title=_("Organisasjonen er koblet"), lead=lead, visibility=Visibility.CHANNEL)
    return Outcome(reply=reply, announcements=told_settled(ctx, chosen=chosen, settled=bound.settled))


def _organisation(ctx: Context, words: list[str]) -> OrganisationBinding:
    usage = _(
        "Skriv «{example}» (organisasjon: Teams-tenant-id, Slack-team-id eller e-postdomene), eller «{remove}» for "
        "å fjerne en kobling."
    ).format(example=ORGANISATION_EXAMPLE, remove="koble organisasjon innovasjonnorge.no fjern")
    if len(words) < 2:
        raise DomainError(usage)
    key = organisation_key(words[0])
    if key is None:
        raise DomainError(
            _("«{organisation}» er verken en tenant-id, en Slack-team-id eller et e-postdomene. {usage}").format(
                organisation=shown(words[0]), usage=usage
            )
        )
    role = ROLES.get(fold(words[-1]))
    party_words = words[1:-1] if role is not None else words[1:]
    if role is not None and not party_words:  # «AU» alone is the party, not the role «au» (walk 18 F16)
        role, party_words = None, words[1:]
    party = ctx.vocab.party(" ".join(party_words)) if party_words else None
    if party is None:
        raise DomainError(
            _("Ukjent part «{party}». Bruk en region (f.eks. agder) eller en aktør (IN, SIVA, NFR, RFF, AU).").format(
                party=shown(" ".join(party_words))
            )
        )
    return OrganisationBinding(key=key, party=party, role=role or _default_role(ctx, party))


def bind_person(request: Request, ctx: Context) -> Outcome:
    words = ctx.args.split()
    confirmed = bool(words) and is_confirm(words[-1])  # read fully (and refused if doubled) in `_person`
    chosen, bound = actions.bind_person(
        Acting.of(ctx=ctx, request=request),
        binding=lambda: _person(request, ctx, split_confirm(words)[0]),
        confirmed=confirmed,
    )
    if chosen.party:
        done = _("{name} er nå {role} for {party}.") if bound.changed else _("{name} er allerede {role} for {party}.")
    else:  # an admin is nobody's party member (walk 18 F15)
        done = _("{name} er nå {role}.") if bound.changed else _("{name} er allerede {role}.")
    role = _(ROLE_NAMES.get(chosen.role, chosen.role))
    lead = done.format(name=chosen.name, role=role, party=ctx.config.party_name(chosen.party))
    if bound.replaced is not None:
        old_party, old_role = bound.replaced
        gone = (
            _("Før var {name} {role}.")  # the same party: a promotion reads as one (walk 18 F8)
            if old_party == chosen.party
            else _("{name} er ikke lenger {role} for {party}.")
        )
        lead += " " + gone.format(
            name=chosen.name, role=_(ROLE_NAMES.get(old_role, old_role)), party=ctx.config.party_name(old_party)
        )
    if chosen.name == chosen.user_id:  # only the id: say how to give the name receipts and `logg` show
        typed = " ".join(["person", *_name_after_role(ctx, split_confirm(words)[0])[0]])
        lead += " " + _("{name} vises med brukernavnet; gi et navn med f.eks. «{example}».").format(
            name=chosen.name, example=typed + " " + _("Fornavn Etternavn")
        )
    if not bound.changed:
        return Outcome(reply=_already(lead))
    reply = make_reply(title=_("Personen er registrert"), lead=lead, visibility=Visibility.CHANNEL)
    return Outcome(reply=reply, announcements=_told_to_party(request, ctx, chosen=chosen))


def _told_to_party(request: Request, ctx: Context, *, chosen: PersonBinding) -> tuple[Announcement, ...]:
    """The party's own channels hear who now holds a role for it, as they hear who joined (walk 18 F6)."""

    def told() -> Reply:
        values = {
            "name": chosen.name,
            "role": _(ROLE_NAMES.get(chosen.role, chosen.role)),
            "party": ctx.config.party_name(chosen.party),
            "who": ctx.caller.name,
        }
        return make_reply(
            title=_("{name} er {role} for {party}").format(**values),
            lead=_("{who} registrerte {name} som {role} for {party}.").format(**values),
            visibility=Visibility.CHANNEL,
        )

    addresses = ctx.directory.channels_of_party(party=chosen.party)
    return announce_to(ctx, request=request, addresses=addresses, reply=told)


def _person(request: Request, ctx: Context, words: list[str]) -> PersonBinding:
    admin = len(words) >= 2 and ROLES.get(fold(words[1])) == "admin"
    if len(words) < 3 and not admin:
        raise DomainError(
            _("Skriv «{example}» (rolle: koordinator, rådgiver, au eller admin).").format(example=PERSON_EXAMPLE)
        )
    if admin:  # `person @berit admin [Berit Sjef]`: an admin is nobody's party member (walk 18 F15)
        words, name = words[:2], " ".join(words[2:]).strip("«»\"' ") or None
        role, party = "admin", ""
    else:
        words, name = _name_after_role(ctx, words)
        role = ROLES.get(fold(words[-1]))
        party = ctx.vocab.party(" ".join(words[1:-1])) or ""
    if (role == "admin" and party) or (not admin and len(words) >= 3 and ROLES.get(fold(words[2])) == "admin"):
        raise DomainError(
            _("En administrator er ikke med for en part, men for alle. Skriv «{example}». Ingenting er endret.").format(
                example=f"person {words[0]} admin"
            )
        )
    if role is None:
        raise DomainError(
            _("Ukjent rolle «{role}». Bruk koordinator, rådgiver, au eller admin.").format(role=shown(words[-1]))
        )
    if not party and role != "admin":
        raise DomainError(
            _("Ukjent part «{party}». Bruk en region (f.eks. agder) eller en aktør (IN, SIVA, NFR, RFF, AU).").format(
                party=shown(" ".join(words[1:-1]))
            )
        )
    # A mention (<@id>, from Slack or Teams) gives the user's platform id even for someone the bot does
    # not know yet; in Slack and Teams a typed @name that the platform did not turn into a mention must be a
    # known person; a bare word (or a terminal @name) is taken as the platform id.
    who = resolve(words[0], request=request, directory=ctx.directory)
    if who is None and words[0].startswith("@") and request.platform != "terminal":
        raise DomainError(
            _("Jeg finner ikke «{who}». Nevn personen (skriv @ og velg navnet i lista), f.eks. «{example}».").format(
                who=shown(words[0]), example=PERSON_EXAMPLE
            )
        )
    if name is not None and _MARKUP.search(name):
        raise DomainError(  # «*Eve* <https://…|Kari>» would be bold or a link wherever the name is shown (walk 27 F9)
            _("Et navn skrives uten lenker og formatering (*, _, ~, `): «{name}». Ingenting er endret.").format(
                name=shown(name)
            )
        )
    user_id = who.user_id if who else words[0].lstrip("@")
    known = ctx.config.person_with_id(request.platform, user_id)
    return PersonBinding(
        user_id=user_id,
        party=party,
        role=role,
        person=known.key if known else (who.key if who and who.key else user_id),
        name=name or (known.name if known else (who.name if who else user_id)),
    )


_MARKUP = re.compile(r"[*_~`<>|]|://|\bwww\.", re.IGNORECASE)
"""What a typed name may not hold: mrkdwn emphasis, code, a link or its parts."""


def _name_after_role(ctx: Context, words: list[str]) -> tuple[list[str], str | None]:
    """`person @mia agder koordinator Mia Hansen`: the words after the role are the person's name, shown on
    receipts and in `logg` instead of their user id (walk 6 F11). The role is the last role word whose
    words before it name a party, so a name holding «Au» is not read as the role."""
    for end in range(len(words) - 1, 2, -1):
        if fold(words[end - 1]) in ROLES and ctx.vocab.party(" ".join(words[1 : end - 1])) is not None:
            return words[:end], " ".join(words[end:]).strip("«»\"' ") or None
    return words, None


def _already(lead: str) -> Reply:
    return make_reply(title=_("Allerede registrert"), lead=lead)


def _default_role(ctx: Context, party: str) -> str:
    """The role an organisation gives when none is typed: AU's members are AU members, others advisers."""
    return "au_member" if party == ctx.config.parties.coordinator.key else "adviser"
