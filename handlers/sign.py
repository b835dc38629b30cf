"""`signer [part] [region] [år]`: record the caller's party's signature on the agreement being signed.

Refused while a precondition is missing (§2.1: signed only after the budgets are adopted and the actors
have their allocation letters). Signing twice is harmless. The last signature completes the agreement,
and every party's channel hears of it.
"""

from __future__ import annotations

from datetime import datetime

from bot import agreement
from bot.context import Context
from bot.i18n import _
from bot.messages import Outcome, Reply, Request, Visibility
from bot.order import split_confirm, summary_note
from bot.progress import blockers_text, missing_for_signing, progress_of
from bot.replies import day_text, make_reply
from bot.state import DomainError
from bot.wheel import agreement_parties, signing_milestone
from handlers.announce import to_agreement_channels
from handlers.common import milestone_for, order_note, read_args, record, reject_extra, require_member, write_year
from handlers.describe import describe

EXAMPLE = "signer IN agder 2027"  # the same in both written forms


class _AlreadySigned(Exception):
    def __init__(self, signature: dict) -> None:
        self.signature = signature
        super().__init__()


def handle(request: Request, ctx: Context) -> Outcome:
    words, confirmed = split_confirm(ctx.args.split())
    asked_version, words = agreement.take_version(words)
    args = read_args(ctx, words, want=("region", "party", "year"))
    reject_extra(args.rest, example=EXAMPLE)
    spec = signing_milestone(ctx.config)
    if spec is None:
        raise DomainError(_("Årshjulet har ingen signering."))
    party = args.party or ctx.caller.party
    if args.region and not args.party and ctx.caller.party and ctx.config.actor(ctx.caller.party):
        party = ctx.caller.party
    if party is None:
        raise DomainError(_("For hvilken part? Skriv f.eks. «{example}».").format(example=EXAMPLE))
    region = args.region or (party if ctx.config.region(party) else None) or ctx.channel.region
    if region is None:
        raise DomainError(_("Hvilken regions avtale signerer du? Skriv f.eks. «{example}».").format(example=EXAMPLE))
    if party not in agreement_parties(ctx.config, region=region):
        raise DomainError(
            _("{party} er ikke part i avtalen for {region}. Partene er: {parties}.").format(
                party=ctx.config.party_name(party),
                region=ctx.config.party_name(region),
                parties=", ".join(map(ctx.config.party_short, agreement_parties(ctx.config, region=region))),
            )
        )
    require_member(ctx, party=party, what=_("signere for dem"))
    year = write_year(
        ctx,
        typed=args.year,
        item_for=lambda y: milestone_for(ctx, key=spec.key, year=y, region=region),
        example=f"signer {ctx.now.year + 1}",
    )
    item = milestone_for(ctx, key=spec.key, year=year, region=region)
    existing = ctx.state.signatures(region=region, year=year).get(party)
    if existing:
        return Outcome(reply=_already(ctx, party=party, year=year, signature=existing))
    blockers = missing_for_signing(config=ctx.config, state=ctx.state, signing=item)
    if blockers:
        raise DomainError(
            _(
                "Avtalen {year} for {region} kan ikke signeres ennå. Mangler: {missing}. Etter modellen signeres "
                "avtalen når utkastet er behandlet politisk, budsjettene er vedtatt og tildelingsbrevene er kommet; "
                "«{command}» viser hvem som registrerer hva."
            ).format(
                year=year,
                region=ctx.config.party_name(region),
                missing=blockers_text(blockers),
                command=f"status {region} {year}",
            )
        )
    note = order_note(ctx, item=item, confirmed=confirmed)
    version = agreement.version_to_sign(ctx.state, region=region, year=year, party=party, asked=asked_version)
    signature = {
        "person": ctx.caller.key,
        "name": ctx.caller.name,
        "party": party,
        "at": ctx.now.isoformat(),
        "platform": request.platform,
        "channel": request.channel_id,
    }
    if note:
        signature["outside_order"] = note

    def mutate(tables: dict) -> None:
        signatures = tables.setdefault("signatures", {})
        if party in signatures:  # signed by someone else between our read and the lock
            raise _AlreadySigned(signatures[party])
        signatures[party] = agreement.bind_signature(tables, signature=signature, expected=version.number)

    try:
        record(
            ctx,
            request,
            item=item,
            summary=lambda: (
                _("Signerte samarbeidsavtalen {year} for {party}, {version}").format(
                    year=year, party=ctx.config.party_name(party), version=version.label()
                )
                + summary_note(note)
            ),
            mutate=mutate,
        )
    except _AlreadySigned as already:
        return Outcome(reply=_already(ctx, party=party, year=year, signature=already.signature))
    progress = progress_of(config=ctx.config, state=ctx.state, item=item)
    if progress.done:

        def complete() -> Reply:
            return make_reply(
                title=_("Samarbeidsavtalen {year} for {region} er signert av alle parter").format(
                    year=year, region=ctx.config.party_name(region)
                ),
                lead=_(
                    "Siste signatur: {name} for {party}. Alle har signert {version}, {link}. Avtalen forplikter "
                    "partene. Kvittering: «{command}»."
                ).format(
                    name=ctx.caller.name,
                    party=ctx.config.party_name(party),
                    version=version.label(),
                    link=version.link,
                    command=f"kvittering {region} {year}",
                ),
                sections=[describe(config=ctx.config, state=ctx.state, progress=progress, today=ctx.now.date())],
                visibility=Visibility.CHANNEL,
            )

        announcements = to_agreement_channels(ctx, request=request, region=region, reply=complete, national=True)
        return Outcome(reply=complete(), announcements=announcements)
    reply = make_reply(
        title=_("Signert for {party}").format(party=ctx.config.party_name(party)),
        lead=_(
            "{name} signerte samarbeidsavtalen {year} for {region}, {version}: {link}. Mangler fortsatt: {missing}."
        ).format(
            name=ctx.caller.name,
            year=year,
            region=ctx.config.party_name(region),
            version=version.label(),
            link=version.link,
            missing=", ".join(map(ctx.config.party_short, progress.missing)),
        ),
        visibility=Visibility.CHANNEL,
    )
    return Outcome(reply=reply)


def _already(ctx: Context, *, party: str, year: int, signature: dict) -> Reply:
    when = datetime.fromisoformat(signature["at"])
    return make_reply(
        title=_("Allerede signert"),
        lead=_(
            "{name} signerte avtalen {year} for {party} {day} kl. {time} (fra {platform}{version}). Ingenting er endret."
        ).format(
            name=signature.get("name"),
            year=year,
            party=ctx.config.party_name(party),
            day=day_text(when.date()),
            time=when.strftime("%H.%M"),
            platform=signature.get("platform"),
            version=", " + agreement.signed_on_text(signature) if signature.get("version") else "",
        ),
    )
