"""`oppdrag <aktør> [sendt|ingen] [region] [år]`: an assignment agreement sent to one actor, or none this year.

The model (§3.3): assignment agreements, where there are any, are sent to the actor in January. The
milestone is done when every actor has one of the two answers.
"""

from __future__ import annotations

from bot.context import Context
from bot.i18n import N_, _
from bot.messages import Outcome, Request, Visibility
from bot.parsing import fold
from bot.replies import make_reply
from bot.state import DomainError, item_doc_key, item_partition
from handlers.common import (
    milestone_for,
    read_args,
    record,
    reject_extra,
    require_coordinator,
    require_region,
    write_year,
)

EXAMPLE = "oppdrag IN sendt"
STATUSES = {"sendt": "sent", "ingen": "none"}


def handle(request: Request, ctx: Context) -> Outcome:
    words = ctx.args.split()
    status_words = [word for word in words if fold(word) in STATUSES]
    words = [word for word in words if fold(word) not in STATUSES]
    args = read_args(ctx, words, want=("party", "region", "year"))
    reject_extra(args.rest, example=EXAMPLE)
    enabled = [a.key for a in ctx.config.enabled_actors]
    actor = args.party if args.party in enabled else None
    if actor is None:
        raise DomainError(
            _("Hvilken aktør? Skriv f.eks. «{example}» eller «oppdrag SIVA ingen».").format(example=EXAMPLE)
        )
    status = STATUSES[fold(status_words[0])] if status_words else "sent"
    region = require_region(ctx, args.region, example=f"oppdrag {actor} sendt agder")
    spec = next((m for m in ctx.config.milestones if m.kind == "assignments"), None)
    if spec is None:
        raise DomainError(_("Årshjulet har ingen oppdragsavtaler."))
    require_coordinator(ctx, item=milestone_for(ctx, key=spec.key, year=ctx.now.year, region=region))
    year = write_year(
        ctx,
        typed=args.year,
        item_for=lambda y: milestone_for(ctx, key=spec.key, year=y, region=region),
        example=f"oppdrag {actor} sendt {ctx.now.year + 1}",
    )
    item = milestone_for(ctx, key=spec.key, year=year, region=region)
    require_coordinator(ctx, item=item)
    actors = [a.key for a in ctx.config.enabled_actors]
    what = N_("sendt") if status == "sent" else N_("ingen i år")
    stored = ctx.state.tables(item_partition(item))
    earlier = stored.get("assignments", {}).get(actor, {})
    relevant = not stored.get("milestones", {}).get(item_doc_key(item), {}).get("not_relevant")
    if earlier.get("status") == status and relevant:  # the same again: nothing to record
        lead = _("Oppdragsavtale {year} for {party} er allerede registrert: {what}. Ingenting er endret.").format(
            year=year, party=ctx.config.party_name(actor), what=_(what)
        )
        return Outcome(reply=make_reply(title=_("Allerede registrert"), lead=lead))

    def mutate(tables: dict) -> bool:
        sent = tables.setdefault("assignments", {})
        sent[actor] = {"status": status, "at": ctx.now.isoformat(), "by": ctx.caller.name}
        complete = all(key in sent for key in actors)
        doc = tables.setdefault("milestones", {}).setdefault(item_doc_key(item), {})
        if doc.pop("not_relevant", None):  # something was sent after all: relevant again
            doc.pop("done", None)
            doc.pop("done_at", None)
        if complete:
            doc.update({"done": True, "done_at": ctx.now.isoformat()})
        return complete

    complete = record(
        ctx,
        request,
        item=item,
        summary=lambda: _("Oppdragsavtale {year} for {party}: {what}").format(
            year=year, party=ctx.config.party_name(actor), what=_(what)
        ),
        mutate=mutate,
    )
    done = " " + _("Alle aktører er avklart, så punktet er ferdig.") if complete else ""
    reply = make_reply(
        title=_("Oppdragsavtale {year} – {party}: {what}").format(
            year=year, party=ctx.config.party_name(actor), what=_(what)
        ),
        lead=_("Registrert av {name} for {party}.").format(name=ctx.caller.name, party=ctx.config.party_name(region))
        + done,
        visibility=Visibility.CHANNEL,
    )
    return Outcome(reply=reply)
