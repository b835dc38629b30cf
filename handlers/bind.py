"""`koble …` and `person …`: an admin binds the current channel, or a person, at runtime.

Bindings are stored in the `meta` partition and win over app.yaml for that channel or person.
"""

from __future__ import annotations

from bot.context import Context
from bot.i18n import N_, _
from bot.identity import binding_key
from bot.mentions import resolve
from bot.messages import Outcome, Reply, Request, Visibility
from bot.parsing import fold, shown
from bot.replies import make_reply
from bot.state import META, DomainError
from handlers.common import read_args, record, reject_extra, require_admin

BIND_EXAMPLE = N_("koble region agder | koble aktør IN [region] | koble nasjonal")
PERSON_EXAMPLE = "person @kari agder koordinator"
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
    require_admin(ctx)
    words = ctx.args.split()
    kind = fold(words[0]) if words else ""
    args = read_args(ctx, words[1:], want=("region", "party"))
    reject_extra(args.rest, example=BIND_EXAMPLE)
    if kind == "nasjonal":
        binding, what = {"national": True}, lambda: _("den nasjonale kanalen")
    elif kind == "region" and args.region:
        region = args.region
        binding, what = {"region": region}, lambda: _("kanalen til {party}").format(party=ctx.config.party_name(region))
    elif kind in ("aktor", "aktoer") and args.party and ctx.config.actor(args.party):
        binding = {"actor": args.party, "region": args.region}
        actor, in_region = args.party, args.region

        def what() -> str:
            where = " " + _("i {region}").format(region=ctx.config.party_name(in_region)) if in_region else ""
            return _("kanalen til {party}").format(party=actor) + where
    else:
        raise DomainError(_("Skriv «{example}».").format(example=_(BIND_EXAMPLE)))
    key = binding_key(request.platform, request.channel_id)
    if ctx.state.tables(META).get("channels", {}).get(key) == binding:  # the same again: nothing to record
        return Outcome(reply=_already(_("Denne kanalen er allerede {what}. Ingenting er endret.").format(what=what())))
    record(
        ctx,
        request,
        partition=META,
        summary=lambda: _("Koblet {platform}-kanal {channel} som {what}").format(
            platform=request.platform, channel=request.channel_id, what=what()
        ),
        mutate=lambda tables: tables.setdefault("channels", {}).__setitem__(key, binding),
    )
    reply = make_reply(
        title=_("Kanalen er koblet"),
        lead=_("Denne kanalen er nå {what}. Påminnelser for den kommer hit.").format(what=what()),
        visibility=Visibility.CHANNEL,
    )
    return Outcome(reply=reply)


def bind_person(request: Request, ctx: Context) -> Outcome:
    require_admin(ctx)
    words = ctx.args.split()
    if len(words) < 3:
        raise DomainError(
            _("Skriv «{example}» (rolle: koordinator, rådgiver, au eller admin).").format(example=PERSON_EXAMPLE)
        )
    role = ROLES.get(fold(words[-1]))
    party = ctx.vocab.party(" ".join(words[1:-1]))
    if role is None:
        raise DomainError(
            _("Ukjent rolle «{role}». Bruk koordinator, rådgiver, au eller admin.").format(role=shown(words[-1]))
        )
    if party is None:
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
    user_id = who.user_id if who else words[0].lstrip("@")
    known = ctx.config.person_with_id(request.platform, user_id)
    key = binding_key(request.platform, user_id)
    entry = {
        "party": party,
        "role": role,
        "person": known.key if known else (who.key if who and who.key else user_id),
        "name": known.name if known else (who.name if who else user_id),
    }
    if ctx.state.tables(META).get("people", {}).get(key) == entry:  # the same again: nothing to record
        return Outcome(
            reply=_already(
                _("{name} er allerede {role} for {party}.").format(
                    name=entry["name"], role=words[-1], party=ctx.config.party_name(party)
                )
            )
        )
    record(
        ctx,
        request,
        partition=META,
        summary=lambda: _("Registrerte {name} ({platform} {user}) som {role} for {party}").format(
            name=entry["name"], platform=request.platform, user=user_id, role=role, party=party
        ),
        mutate=lambda tables: tables.setdefault("people", {}).__setitem__(key, entry),
    )
    reply = make_reply(
        title=_("Personen er registrert"),
        lead=_("{name} er nå {role} for {party}.").format(
            name=entry["name"], role=words[-1], party=ctx.config.party_name(party)
        ),
        visibility=Visibility.CHANNEL,
    )
    return Outcome(reply=reply)


def _already(lead: str) -> Reply:
    return make_reply(title=_("Allerede registrert"), lead=lead)
