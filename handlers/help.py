"""`hjelp [kommando]`: short help with examples, built from the router's own registrations."""

from __future__ import annotations

from collections.abc import Callable

from bot.context import Context
from bot.messages import Fact, Outcome, Request, Section
from bot.parsing import shown
from bot.replies import make_reply
from bot.router import Router


def make_help(router: Router) -> Callable[[Request, Context], Outcome]:
    def handle(request: Request, ctx: Context) -> Outcome:
        word = ctx.args.split()[0] if ctx.args.split() else ""
        command = router.find(word) if word else None
        if command is not None:
            facts = [Fact("Slik skriver du", f"«{command.usage}»")] + [
                Fact("Eksempel", f"«{example}»") for example in command.examples
            ]
            reply = make_reply(
                title=f"Hjelp: {command.name}", lead=command.summary, sections=[Section(title="", facts=tuple(facts))]
            )
            return Outcome(reply=reply)
        lead = "Skriv kommandoene her (i Slack med /samhandling foran). Kanalen bestemmer region eller aktør; "
        lead += "en region eller et år i kommandoen går foran. Uten år viser «status» og «oversikt» årets syklus "
        lead += "(avtalen og møtene i år), og fra høsten det som er åpent for neste avtale under. En registrering "
        lead += "uten år gjelder den syklusen der punktets vindu er åpent nå (eller et forsinket punkt som ikke er "
        lead += "ferdig); ellers spør jeg om året. Modellens rekkefølge: referat etter møtet det følger og etter "
        lead += "planlagt dato, politisk behandling etter høstens dialogmøte, signering i januar. Skriv «bekreft» "
        lead += "til slutt for å registrere likevel; det merkes utenfor modellens rekkefølge i «status» og «logg»."
        if word:
            lead = f"Jeg kjenner ikke «{shown(word)}». " + lead
        sections = [
            Section(
                title=f"«{command.usage}»",  # «…»: each platform's renderer shows it as typed there
                text=f"{command.summary} F.eks. «{command.examples[0]}»." if command.examples else command.summary,
            )
            for command in router.commands
        ]
        return Outcome(
            reply=make_reply(
                title="Samhandlingsbot – kommandoer", lead=lead, sections=sections, context="«hjelp <kommando>» gir mer"
            )
        )

    return handle
