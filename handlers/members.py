"""`hvem [part]`: who is known for a party, and how (by their organisation or in person), privately.

One binding per organisation (`koble organisasjon`) stands for everyone from it, so a party's list names
the organisations first, then the people registered one by one (app.yaml, `person`, `bli med`).
"""

from __future__ import annotations

from bot.context import Context
from bot.i18n import N_, _, ngettext
from bot.messages import Fact, Outcome, Request, Section
from bot.model.identity import ROLE_NAMES, OrganisationBinding, organisation_label
from bot.parsing import fold
from bot.pointers import either, pointers
from bot.shown.replies import make_reply
from bot.state.store import DomainError
from handlers.announce import asker_alone
from handlers.common import read_args, reject_extra

WHO_EXAMPLE = N_("hvem IN")
NATIONAL = frozenset({"nasjonal", "nasjonalt"})


ONESELF = frozenset({"er", "jeg", "eg", "meg", "am", "i", "me"})
"""«hvem er jeg?», «kven er eg»: asked about oneself, answered as `hvem` alone, for the asker's party (walk 43)."""


def _refuse_rest(ctx: Context, rest: list[str], *, party: str | None) -> None:
    """Words `hvem` does not read, from someone asking in prose: «hvem har signert avtalen?» asks about the
    signatures (`status`), not who is known; «hvem er kontaktperson i Siva?» gets the example for the party it
    named, «hvem SIVA», so a copy of it answers (walk 43)."""
    router = ctx.router
    pointed = [] if router is None else pointers(router=router, vocab=ctx.vocab, text=" ".join(rest))
    others = [command.called for command in pointed if command.name != "hvem"]
    if others:
        raise DomainError(
            _("«{command}» viser hvem som er kjent for en part. Spør du om noe annet, prøv {commands}.").format(
                command=_(WHO_EXAMPLE).split()[0], commands=either(others)
            )
        )
    reject_extra(rest, example=f"{_(WHO_EXAMPLE).split()[0]} {party}" if party else _(WHO_EXAMPLE))


def who(request: Request, ctx: Context) -> Outcome:
    words = ctx.args.split()
    # «hvem nasjonal»: the national party, AU, as `status nasjonal` and `logg nasjonal` read the nation (walk 41)
    national = ctx.config.parties.coordinator.key if any(fold(w) in NATIONAL for w in words) else None
    args = read_args(ctx, [w for w in words if fold(w) not in NATIONAL], want=("party",))
    if args.rest and not (args.party is None and all(fold(word).strip("?!.") in ONESELF for word in args.rest)):
        _refuse_rest(ctx, args.rest, party=args.party)
    party = args.party or national or ctx.caller.party or ctx.channel.actor or ctx.channel.region
    if party is None:
        if bound := ctx.directory.organisations():
            return _every_organisation(request, ctx, bound)
        raise DomainError(_("Hvilken part? Skriv for eksempel «{example}».").format(example=_(WHO_EXAMPLE)))
    organisations = ctx.directory.organisations(party=party)
    people = ctx.directory.people_of(party=party)
    sections: list[Section] = []
    if organisations:
        facts = tuple(
            Fact(
                label=organisation_label(b.key),
                value=_("alle som {role}").format(role=_(ROLE_NAMES.get(b.role, b.role))),
            )
            for b in organisations
        )
        sections.append(Section(title=_("Gjennom organisasjonen"), facts=facts))
    if people:
        facts = tuple(Fact(label=m.name, value=_(ROLE_NAMES.get(m.role, m.role))) for m in people)
        sections.append(Section(title=_("Registrert hver for seg"), facts=facts))
    name = ctx.config.party_name(party)
    lead = (
        _("Disse er kjent for {party}.").format(party=name) + " " + _seen_by(request)
        if sections
        else _("Ingen er kjent for {party} ennå. En administrator kan skrive «koble organisasjon <id> {code}».").format(
            party=name, code=party
        )
    )
    return Outcome(
        reply=make_reply(title=_("Hvem er med for {party}").format(party=name), lead=lead, sections=sections)
    )


def _every_organisation(request: Request, ctx: Context, bound: list[OrganisationBinding]) -> Outcome:
    """A bare `hvem` from someone of no party (an admin in the national channel): every organisation bound,
    with the party and role it gives, so the twenty organisations are checked at once (walk 41)."""
    facts = tuple(
        Fact(
            label=organisation_label(b.key),
            value=_("{party}: alle som {role}").format(
                party=ctx.config.party_name(b.party), role=_(ROLE_NAMES.get(b.role, b.role))
            ),
        )
        for b in sorted(bound, key=lambda b: (ctx.config.party_name(b.party), b.key))
    )
    lead = ngettext(
        "{n} organisasjon er koblet til en part. Skriv «{example}» for hvem som er kjent for én part.",
        "{n} organisasjoner er koblet til en part. Skriv «{example}» for hvem som er kjent for én part.",
        len(facts),
    ).format(n=len(facts), example=_(WHO_EXAMPLE))
    lead += " " + _seen_by(request)
    return Outcome(
        reply=make_reply(
            title=_("Koblede organisasjoner"),
            lead=lead,
            sections=[Section(title=_("Organisasjoner"), facts=facts)],
        )
    )


def _seen_by(request: Request) -> str:
    """Who reads a `hvem` answer, said the same for one party's list and for every organisation bound (walk 41:
    in a Teams channel the whole channel reads the list of organisations, and it did not say so)."""
    if asker_alone(request):
        return _("Svaret ser bare du.")
    return _("Alle i kanalen ser svaret. Skriv «hvem» til boten i en personlig chat for å se det alene.")
