"""`oppdrag <aktør> [sendt|ingen] [region] [år]`: an assignment agreement sent to one actor, or none this year.

The rules are the action's (`bot.actions.assignments.record_assignment`); this module reads the words and
describes the result.
"""

from __future__ import annotations

from bot.actions.assignments import EXAMPLE, AssignmentAlready, Status, record_assignment, status_word
from bot.actions.base import Acting
from bot.context import Context
from bot.i18n import _
from bot.messages import Outcome, Request, Visibility
from bot.model.order import split_confirm
from bot.parsing import fold
from bot.shown.replies import make_reply
from handlers.common import context_region, read_args, reject_extra

STATUSES: dict[str, Status] = {"sendt": "sent", "ingen": "none"}


def handle(request: Request, ctx: Context) -> Outcome:
    words, confirmed = split_confirm(ctx.args.split())  # `oppdrag RFF ingen bekreft`: the word is taken
    status_words = [word for word in words if fold(word) in STATUSES]
    words = [word for word in words if fold(word) not in STATUSES]
    args = read_args(ctx, words, want=("party", "region", "year"))
    reject_extra(args.rest, example=EXAMPLE)
    result = record_assignment(
        Acting.of(ctx=ctx, request=request),
        actor=args.party or ctx.channel.actor,  # `oppdrag ingen` in Siva's channel means Siva (walk 8 m11)
        status=STATUSES[fold(status_words[0])] if status_words else None,
        region=context_region(ctx, args.region),
        year=args.year,
        confirmed=confirmed,
    )
    year, party, what = result.item.year, ctx.config.party_name(result.actor), _(status_word(result.status))
    if isinstance(result, AssignmentAlready):
        lead = _("Oppdragsavtale {year} for {party} er allerede registrert: {what}. Ingenting er endret.").format(
            year=year, party=party, what=what
        )
        return Outcome(reply=make_reply(title=_("Allerede registrert"), lead=lead))
    done = " " + _("Alle aktører er avklart, så punktet er ferdig.") if result.complete else ""
    if result.not_relevant == "kept":
        done = " " + _("Punktet er fortsatt markert som ikke aktuelt i år.")
    elif result.not_relevant == "lifted":
        done += " " + _("Punktet var markert som ikke aktuelt i år og er nå aktuelt igjen.")
    reply = make_reply(
        title=_("Oppdragsavtale {year} – {party}: {what}").format(year=year, party=party, what=what),
        lead=_("Registrert av {name} for {party}.").format(
            name=ctx.caller.name, party=ctx.config.party_name(result.item.region)
        )
        + done,
        visibility=Visibility.CHANNEL,
    )
    return Outcome(reply=reply)
