"""`forutsetning <statsbudsjett|budsjett|tildelingsbrev> [aktør] [region] [år]`: record a signing precondition.

The state budget is one national fact (recorded by AU or any county coordinator); a region's budget is
recorded by its coordinators; an allocation letter by a member of that actor. When the last missing
precondition of a region's agreement is recorded, every party's channel is told it can now sign.
"""

from __future__ import annotations

from datetime import datetime

from bot.context import Context
from bot.i18n import N_, _
from bot.messages import Outcome, Request, Visibility
from bot.progress import progress_of
from bot.replies import day_text, make_reply
from bot.state import DomainError, item_doc_key
from bot.wheel import Item, precondition_items
from handlers.announce import ready_announcements, ready_regions
from handlers.common import context_region, read_args, record, reject_extra, require_member, write_year

EXAMPLE = N_("forutsetning tildelingsbrev IN 2027")


def handle(request: Request, ctx: Context) -> Outcome:
    args = read_args(ctx, ctx.args.split(), want=("precondition", "party", "region", "year"))
    reject_extra(args.rest, example=EXAMPLE)
    if args.precondition is None:
        keys = ", ".join(item.key for item in ctx.config.preconditions)
        raise DomainError(
            _("Hvilken forutsetning? Velg en av: {keys}. Skriv f.eks. «{example}».").format(
                keys=keys, example=_(EXAMPLE)
            )
        )
    spec = ctx.config.precondition(args.precondition)
    assert spec is not None
    region: str | None = None
    actor: str | None = None
    if spec.owner == "region":
        region = context_region(
            ctx, args.region or (args.party if args.party and ctx.config.region(args.party) else None)
        )
        if region is None:
            raise DomainError(
                _("Hvilken regions budsjett? Skriv f.eks. «{command}».").format(
                    command=_("forutsetning") + f" {spec.key} agder"
                )
            )
        require_member(
            ctx, party=region, what=_("registrere budsjettet til {party}").format(party=ctx.config.party_name(region))
        )
    elif spec.owner == "actor":
        actor = args.party if args.party and ctx.config.actor(args.party) else ctx.channel.actor or ctx.caller.party
        if actor is None or ctx.config.actor(actor) is None:
            raise DomainError(_("Hvilken aktørs tildelingsbrev? Skriv f.eks. «{example}».").format(example=_(EXAMPLE)))
        if actor not in (enabled.key for enabled in ctx.config.enabled_actors):
            raise DomainError(
                _("{party} er ikke part i avtalene, så det trengs ikke tildelingsbrev.").format(
                    party=ctx.config.party_name(actor)
                )
            )
        require_member(ctx, party=actor, what=_("registrere sitt tildelingsbrev"))
    elif ctx.caller.role not in ("au_member", "coordinator"):
        raise DomainError(_("Statsbudsjettet registreres av AU eller en fylkeskommunal koordinator."))

    def item_for(year: int) -> Item:
        return next(
            item
            for item in precondition_items(ctx.config, year=year, region=region or ctx.config.parties.regions[0].key)
            if item.key == spec.key and item.actor == actor and (spec.owner != "region" or item.region == region)
        )

    year = write_year(
        ctx, typed=args.year, item_for=item_for, example=_("forutsetning") + f" {spec.key} {ctx.now.year + 1}"
    )
    item = item_for(year)
    progress = progress_of(config=ctx.config, state=ctx.state, item=item)
    if progress.done:
        return _already(item, ctx.state.item_doc(item))
    ready_before = ready_regions(ctx, year=year, regions=_affected_regions(ctx, item))

    def mutate(tables: dict) -> None:
        preconditions = tables.setdefault("preconditions", {})
        existing = preconditions.get(item_doc_key(item)) or {}
        if existing.get("done"):  # recorded by someone else between our read and the lock
            raise _AlreadyRecorded(existing)
        preconditions[item_doc_key(item)] = {
            "done": True,
            "done_at": ctx.now.isoformat(),
            "by": ctx.caller.name,
        }

    try:
        record(
            ctx,
            request,
            item=item,
            summary=lambda: _("Registrerte: {item}").format(item=item.title()),
            mutate=mutate,
        )
    except _AlreadyRecorded as already:
        return _already(item, already.doc)
    affected = ready_regions(ctx, year=year, regions=_affected_regions(ctx, item))
    newly_ready = [region for region in affected if region not in ready_before]
    announcements = ready_announcements(ctx, request=request, regions=newly_ready, year=year)
    ready_note = (
        " "
        + _("Nå kan avtalen {year} signeres i: {regions}.").format(
            year=year, regions=", ".join(ctx.config.party_name(r) for r in newly_ready)
        )
        if newly_ready
        else ""
    )
    reply = make_reply(
        title=_("Registrert: {item}").format(item=item.title()),
        lead=_("Registrert av {name}.").format(name=ctx.caller.name) + ready_note,
        visibility=Visibility.CHANNEL,
    )
    return Outcome(reply=reply, announcements=announcements)


def _affected_regions(ctx: Context, item: Item) -> list[str]:
    return [item.region] if item.region else [region.key for region in ctx.config.parties.regions]


class _AlreadyRecorded(Exception):
    """Raised inside the store's lock, so nothing is written, when a concurrent request recorded it first."""

    def __init__(self, doc: dict) -> None:
        super().__init__("already recorded")
        self.doc = doc


def _already(item: Item, doc: dict) -> Outcome:
    when = datetime.fromisoformat(doc["done_at"]).date()
    reply = make_reply(
        title=_("Allerede registrert"),
        lead=_("{item} ble registrert av {name} {day}. Ingenting er endret.").format(
            item=item.title(), name=doc.get("by"), day=day_text(when)
        ),
    )
    return Outcome(reply=reply)
