"""`ikke aktuelt <milepæl> [region] [år]`: an optional milestone is not relevant this year (e.g. no
assignment agreements at all). It is then settled: no reminders, not overdue, shown as "Ikke aktuelt i år".
`… angre` at the end takes the mark back.
"""

from __future__ import annotations

import logging

from bot.context import Context
from bot.i18n import N_, _
from bot.messages import Outcome, Request, Visibility
from bot.parsing import fold
from bot.progress import progress_of
from bot.replies import make_reply
from bot.state import DomainError, item_doc_key
from bot.wheel import done_word
from handlers.common import (
    milestone_for,
    read_args,
    record,
    reject_extra,
    require_coordinator,
    require_near_year,
    require_region,
    write_year,
)

logger = logging.getLogger(__name__)

EXAMPLE = N_("ikke aktuelt oppdrag 2027")


def handle(request: Request, ctx: Context) -> Outcome:
    words = ctx.args.split()
    if words and fold(words[0]) == "aktuelt":
        words = words[1:]
    undo = bool(words) and fold(words[-1]) == "angre"
    words = words[:-1] if undo else words
    args = read_args(ctx, words, want=("milestone", "region", "year"))
    reject_extra(args.rest, example=EXAMPLE)
    spec = ctx.config.milestone(args.milestone) if args.milestone else None
    optional = [m for m in ctx.config.milestones if m.optional]
    names = ", ".join(m.aliases[0] if m.aliases else m.key for m in optional) or _("ingen")
    if spec is None:
        raise DomainError(
            _("Hvilket punkt er ikke aktuelt i år? Skriv f.eks. «{example}». Valgfrie punkter: {names}.").format(
                example=_(EXAMPLE), names=names
            )
        )
    if not spec.optional:
        raise DomainError(
            _(
                "«{name}» er en fast del av modellen og kan ikke markeres som ikke aktuelt. Valgfrie punkter: {names}."
            ).format(name=spec.name, names=names)
        )
    if args.year is not None:
        require_near_year(ctx, args.year, example=_(EXAMPLE))
    region = None if spec.scope == "national" else require_region(ctx, args.region, example=f"{_(EXAMPLE)} agder")
    require_coordinator(ctx, item=milestone_for(ctx, key=spec.key, year=ctx.now.year, region=region))
    year = write_year(
        ctx,
        typed=args.year,
        item_for=lambda y: milestone_for(ctx, key=spec.key, year=y, region=region),
        example=f"{_(EXAMPLE).rsplit(' ', 1)[0]} {ctx.now.year + 1}",
    )
    item = milestone_for(ctx, key=spec.key, year=year, region=region)
    progress = progress_of(config=ctx.config, state=ctx.state, item=item)
    if undo and not progress.not_relevant:
        raise DomainError(
            _("{item} er ikke markert som ikke aktuelt, så det er ingenting å angre.").format(item=item.title())
        )
    if not undo and progress.not_relevant:
        reply = make_reply(
            title=_("Allerede registrert"),
            lead=_("{item} er allerede ikke aktuelt. Ingenting er endret.").format(item=item.title()),
        )
        return Outcome(reply=reply)
    if not undo and progress.done:
        raise DomainError(
            _("{item} er allerede registrert som {done}, så det er aktuelt i år.").format(
                item=item.title(), done=done_word(item)
            )
        )

    def mutate(tables: dict) -> None:
        doc = tables.setdefault("milestones", {}).setdefault(item_doc_key(item), {})
        if undo:
            doc.pop("not_relevant", None)
            doc.pop("done", None)
            doc.pop("done_at", None)
        else:
            doc.update({"not_relevant": True, "done": True, "done_at": ctx.now.isoformat()})

    what = N_("er aktuelt igjen") if undo else N_("er ikke aktuelt")
    record(ctx, request, item=item, summary=lambda: f"{item.title()} {_(what)}", mutate=mutate)
    lead = (
        _("Påminnelsene for det kommer tilbake.")
        if undo
        else _("Det får ingen påminnelser og regnes ikke som forsinket.")
    )
    reply = make_reply(
        title=f"{item.title()} {_(what)}",
        lead=lead
        + " "
        + _("Registrert av {name} for {party}.").format(
            name=ctx.caller.name, party=ctx.config.party_name(region) if region else _("hele landet")
        ),
        visibility=Visibility.CHANNEL,
    )
    return Outcome(reply=reply)
