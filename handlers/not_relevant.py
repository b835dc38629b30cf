"""`ikke aktuelt <milepæl> [region] [år]`: an optional milestone is not relevant this year (e.g. no
assignment agreements at all). It is then settled: no reminders, not overdue, shown as "Ikke aktuelt i år".
`… angre` at the end takes the mark back; `… bekreft` marks it over recorded assignment answers.
"""

from __future__ import annotations

import logging

from bot.actions.base import Acting
from bot.actions.optional import EXAMPLE, NotRelevantAlready, mark_not_relevant, marked_word, optional_names
from bot.context import Context
from bot.i18n import _
from bot.messages import Outcome, Request, Visibility
from bot.model.order import split_confirm
from bot.parsing import fold
from bot.shown.replies import make_reply
from bot.state.store import DomainError
from handlers.common import context_region, read_args, reject_extra

logger = logging.getLogger(__name__)


def handle(request: Request, ctx: Context) -> Outcome:
    words, confirmed = split_confirm(ctx.args.split())
    if words and fold(words[0]) == "aktuelt":
        words = words[1:]
    undo = bool(words) and fold(words[-1]) == "angre"
    words = words[:-1] if undo else words
    args = read_args(ctx, words, want=("milestone", "region", "year"))
    _one_actor(ctx, args.rest)
    reject_extra(args.rest, example=EXAMPLE)
    if args.milestone is None or ctx.config.milestone(args.milestone) is None:
        raise DomainError(
            _("Hvilket punkt er ikke aktuelt i år? Skriv f.eks. «{example}». Valgfrie punkter: {names}.").format(
                example=_(EXAMPLE), names=optional_names(ctx.config)
            )
        )
    result = mark_not_relevant(
        Acting.of(ctx=ctx, request=request),
        key=args.milestone,
        region=context_region(ctx, args.region),
        year=args.year,
        undo=undo,
        confirmed=confirmed,
    )
    item = result.item
    if isinstance(result, NotRelevantAlready):
        lead = _("{item} er allerede ikke aktuelt. Ingenting er endret.").format(item=item.title())
        return Outcome(reply=make_reply(title=_("Allerede registrert"), lead=lead))
    lead = (
        _("Påminnelsene for det kommer tilbake.")
        if undo
        else _("Det får ingen påminnelser og regnes ikke som forsinket.")
    )
    reply = make_reply(
        title=f"{item.title()} {_(marked_word(undo=undo))}",
        lead=lead
        + " "
        + _("Registrert av {name} for {party}.").format(
            name=ctx.caller.name, party=ctx.config.party_name(item.region) if item.region else _("hele landet")
        ),
        visibility=Visibility.CHANNEL,
    )
    return Outcome(reply=reply)


def _one_actor(ctx: Context, words: list[str]) -> None:
    """`ikke aktuelt oppdrag SIVA`: one actor's «none this year» is `oppdrag SIVA ingen`; said so rather than
    «Jeg forstod ikke «SIVA»» (walk 8 m5)."""
    party = read_args(ctx, list(words), want=("party",)).party if words else None
    if party and ctx.config.actor(party):
        short = ctx.config.party_short(party)
        raise DomainError(
            _("For én aktør skriver du «{command}»; «ikke aktuelt» gjelder punktet for alle aktørene.").format(
                command=f"oppdrag {short} ingen"
            )
        )
