"""`hjelp [kommando]`: short help with examples, built from the commands' own declarations (`ctx.router`,
handlers/__init__.py `COMMANDS`), in the reader's written form (summaries, usages and examples go through
the catalogue: nynorsk examples in nynorsk)."""

from __future__ import annotations

from bot.actions.rules import join_party
from bot.context import Context
from bot.i18n import N_, _
from bot.messages import Fact, Outcome, Reply, Request, Section
from bot.model.followups_closable import closable_points
from bot.parsing import fold, shown
from bot.pointers import either, pointers
from bot.router import Command, Router, Who
from bot.shown.replies import make_reply
from handlers.help_examples import shown_example

ID = "<id>"
"""The placeholder for a follow-up point's id in an example (`ferdig <id>`)."""

FOR_ME = frozenset({"meg", "me", "oss", "us", "please", "plz", ""})
"""Words after `hjelp` that ask for help, not about a command («hjelp meg», «help me», «hjelp!»)."""

WHO_MAY = {
    Who.ANYONE: N_("Alle kan bruke den."),
    Who.MEMBER: N_("De som er registrert hos meg for en region eller en aktør (app.yaml eller «person»)."),
    Who.ADMIN: N_("Bare en administrator."),
}
"""Who may run a command, in words: from its declaration (`Command.who`), as the permission step checks it."""


def _who_may(command: Command) -> list[Section]:
    """Who may run it, and that its read forms (`Command.read_forms`, `referat vis`) are anyone's."""
    sections = [Section(title=_("Hvem kan bruke den"), text=_(WHO_MAY[command.who]))]
    if command.read_forms and command.who != Who.ANYONE:
        form = f"{command.shown} {command.read_forms[0]}"
        sections.append(
            Section(title="", text=_("«{form} …» kan alle bruke: det registrerer ingenting.").format(form=form))
        )
    return sections


def _own_id(ctx: Context, example: str) -> str:
    """An example naming a follow-up point («ferdig <id>») with the id of an open point the asker may close,
    their own first, else one of the meetings their party keeps, so it runs as typed (walk 13, W2; walk 14a
    F6); without one it stays, and typed back it says where the ids are."""
    if ID not in example:
        return example
    first = closable_points(config=ctx.config, state=ctx.state, caller=ctx.caller, today=ctx.now.date()).first
    return example.replace(ID, first.id) if first else example


def handle(request: Request, ctx: Context) -> Outcome:
    router = ctx.router if ctx.router is not None else Router()
    word = ctx.args.split()[0] if ctx.args.split() else ""
    if fold(word).strip("!?.,") in FOR_ME:  # «hjelp meg!», «help me»: the whole help (walk 43)
        word = ""
    command = router.find(word) if word else None
    if command is None and word:
        return Outcome(reply=_unknown_topic(ctx, router, word=word))
    if command is not None:
        facts = [Fact(_("Slik skriver du"), f"«{_(command.usage)}»")] + [
            Fact(_("Eksempel"), shown_example(ctx, command=command.name, example=_own_id(ctx, _(example))))
            for example in command.examples
        ]
        reply = make_reply(
            title=_("Hjelp: {command}").format(command=command.called),
            lead=_(command.summary),
            sections=[Section(title="", facts=tuple(facts)), *_who_may(command)],
        )
        return Outcome(reply=reply)
    how = (
        _("Skriv kommandoene med /samhandling foran.")
        if request.platform == "slack"
        else _("Skriv kommandoene her.")  # Teams, the terminal: Slack's slash command is not theirs (walk 4, m5)
    )
    lead = (
        how
        + " "
        + _(
            "Kanalen bestemmer region eller aktør; "
            "en region eller et år i kommandoen går foran. Uten år viser «status» og «oversikt» årets syklus "
            "(avtalen og møtene i år), og fra høsten det som er åpent for neste avtale under. En registrering "
            "uten år gjelder den syklusen der punktets vindu er åpent nå (eller et forsinket punkt som ikke er "
            "ferdig); ellers spør jeg om året. Modellens rekkefølge: referat etter møtet det følger og etter "
            "planlagt dato, politisk behandling etter høstens dialogmøte, signering i januar. Skriv «bekreft» "
            "til slutt for å registrere likevel; det merkes utenfor modellens rekkefølge i «status» og «logg»."
        )
    )
    if word:
        lead = _("Jeg kjenner ikke «{word}».").format(word=shown(word)) + " " + lead
    listed = [command for command in router.commands if command.open_to(role=ctx.caller.role)]
    sections = [
        Section(
            title=f"«{_(command.usage)}»",  # «…»: each platform's renderer shows it as typed there
            text=_("{summary} F.eks. «{example}».").format(summary=_(command.summary), example=_(command.examples[0]))
            if command.examples
            else _(command.summary),
        )
        for command in listed
    ]
    return Outcome(
        reply=make_reply(
            title=_("Samhandlingsbot – kommandoer"),
            lead=_newcomer(ctx) + lead,
            sections=sections,
            context=_("«hjelp <kommando>» gir mer") + _not_listed(router, listed),
        )
    )


def _newcomer(ctx: Context) -> str:
    """A person not registered reads first how to get in, with this channel's party as the example: the
    commands listed are what they may run, and most of them only read until then (walk 43)."""
    if ctx.caller.known:
        return ""
    example = join_party(ctx.channel) or "IN"
    return (
        _(
            "Du er ikke registrert hos meg ennå: du kan lese alt, men ikke registrere. Skriv «bli med <part>», "
            "f.eks. «bli med {example}», så slipper koordinatorene for parten deg inn."
        ).format(example=example)
        + " "  # one paragraph with the lead, as «Jeg kjenner ikke …» is
    )


def _not_listed(router: Router, listed: list[Command]) -> str:
    """The commands left out of the list as not this person's (admin's, members'): named, so a newcomer told
    of one («koble») knows it exists and why it is not offered (walk 43)."""
    left = [command.called for command in router.commands if command not in listed]
    return " · " + _("ikke for deg: {names}").format(names=", ".join(left)) if left else ""


def _unknown_topic(ctx: Context, router: Router, *, word: str) -> Reply:
    """`hjelp dialogmøte`: the closest topics in one line, not every command's help (walk 16 F5)."""
    pointed = [command.called for command in pointers(router=router, vocab=ctx.vocab, text=ctx.args)]
    near = pointed or [router.find(name).called for name in router.suggest(word) if router.find(name)]
    names = near or [command.called for command in router.commands if command.open_to(role=ctx.caller.role)]
    lead = _("Jeg kjenner ikke «{word}».").format(word=shown(word)) + " "
    if near:
        lead += _("Nærmest: {topics}.").format(topics=either([f"{_('hjelp')} {name}" for name in names]))
    else:
        lead += _("Kommandoene er: {names}.").format(names=", ".join(names))
    lead += " " + _("«hjelp» alene viser alle med eksempler.")
    return make_reply(title=_("Samhandlingsbot – kommandoer"), lead=lead)
