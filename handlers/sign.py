"""`signer [part] [region] [år]`: record the caller's party's signature on the agreement being signed.

The rules (preconditions, the window, who may sign) are the action's (`bot.actions.signing.sign`); this
module reads the words and describes the result. The last signature completes the agreement, and every
party's channel hears of it; any other is told in one line to the region's channels it was not made in.
"""

from __future__ import annotations

from datetime import datetime
from itertools import pairwise

from bot.actions.base import Acting
from bot.actions.signing import AlreadySigned, Signed, sign
from bot.actions.signing_which import sign_example, signing_party
from bot.actions.signing_withdraw import asks_withdrawal, refuse_withdrawal
from bot.agreement import versions as agreement
from bot.context import Context
from bot.i18n import _, current
from bot.messages import Outcome, Reply, Request, Visibility
from bot.model.order import split_confirm
from bot.parsing import fold
from bot.shown.replies import day_text, make_reply
from bot.state.store import DomainError
from handlers.announce import announce_to, to_agreement_channels
from handlers.common import read_args, reject_extra
from handlers.describe import describe
from handlers.sign_day import take_signed_day

LABEL_WORDS = frozenset({"for", "i", "–", "—", "-"})
"""The words a signing button's label and question put around the party and region («Signer for IN –
Agder», «… for Innovasjon Norge i Agder»): typed as the label reads, they are read as the command (walk 14b F4)."""


JOINERS = frozenset({"og", "and", "&", "+", ""})
"""Words between two regions typed in one `signer` («agder og vestland»)."""


def handle(request: Request, ctx: Context) -> Outcome:
    named = _region_signing_for_itself(ctx, ctx.args.split())
    words, confirmed = split_confirm([word for word in ctx.args.split() if fold(word) not in LABEL_WORDS])
    asked_version, words = agreement.take_version(words)
    words, signed_on = take_signed_day(
        words, now=ctx.now, command="signer", config=ctx.config
    )  # «… signert 21. januar»
    _one_region_at_a_time(ctx, words)  # of the words before «signert»: «signert i Oslo» names no region (walk 39)
    args = read_args(ctx, words, want=("region", "party", "year"))
    if named and args.party is None and args.region == named:
        args.party = named
    acting = Acting.of(ctx=ctx, request=request)
    if asks_withdrawal(args.rest):  # «signer vestland trekk»: no withdrawal; say what to do (walk 33 F7)
        raise refuse_withdrawal(acting, region=args.region, year=args.year)
    if args.rest:  # the example is built only for the refusal that says it (issue 21: not on every signature)
        reject_extra(args.rest, example=sign_example(acting, year=args.year, region=args.region))
    result = sign(
        acting,
        party=args.party,
        region=args.region,
        year=args.year,
        version=asked_version,
        confirmed=confirmed,
        signed_on=signed_on,
    )
    if isinstance(result, AlreadySigned):
        _party, region = signing_party(acting, party=args.party, region=args.region)  # the region it answered for
        return Outcome(reply=_already(ctx, result, region=region))
    if result.progress.done:
        reply = _complete(ctx, result)
        built = {current(): reply}  # a channel reading the asker's form hears the reply itself (rendered once)

        def complete() -> Reply:  # built once per written form the channels read
            return built.get(current()) or built.setdefault(current(), _complete(ctx, result))

        announcements = to_agreement_channels(ctx, request=request, region=result.region, reply=complete, national=True)
        return Outcome(reply=reply, announcements=announcements)
    # The region answers for its agreement (§3): its channel hears each signature made elsewhere (an actor in
    # its own channel, in Teams while the region reads Slack), in one line (walk 4, M5).
    told = announce_to(
        ctx,
        request=request,
        addresses=ctx.directory.channels_of_party(party=result.region, region=result.region),
        reply=lambda: _signed_elsewhere(ctx, result),
    )
    return Outcome(reply=_signed(ctx, result), announcements=told)


def _region_signing_for_itself(ctx: Context, words: list[str]) -> str | None:
    """The region named right after «for» («signer for agder 2027 versjon 1», a region's own button; «Signer for
    Agder» typed as its label reads): the party that signs, not only where, so an adviser's click on Agder's
    button is refused as «signer agder agder» was (walk 41). «for IN» names an actor, read as before."""
    for before, word in pairwise(words):
        if fold(before) == "for" and (region := ctx.vocab.region(word)):
            return region
    return None


def _one_region_at_a_time(ctx: Context, words: list[str]) -> None:
    """`signer agder vestland` / `signer agder og vestland` from someone of neither region (an adviser following
    several): one agreement per signature, said with the person's own words for each region (walk 21 A11),
    not «Vestland fylkeskommune er ikke part i avtalen for Agder», as if Vestland were asked to sign."""
    named = {word: region for word in words if (region := ctx.vocab.region(word.strip(",")))}
    regions = list(dict.fromkeys(named.values()))
    if len(regions) < 2 or ctx.caller.party in regions:
        return
    kept = [word for word in words if word not in named and fold(word.strip(",")) not in JOINERS]

    def typed(region: str) -> str:
        return " ".join(["signer", *kept[:1], region, *kept[1:]])  # «signer IN agder 2027», as the buttons read

    raise DomainError(
        _("Én avtale om gangen: skriv «{first}», så «{second}».").format(
            first=typed(regions[0]), second=typed(regions[1])
        )
    )


def _signed(ctx: Context, result: Signed) -> Reply:
    return make_reply(
        title=_("Signert for {party}").format(party=ctx.config.party_name(result.party)),
        lead=_(
            "{name} signerte samarbeidsavtalen {year} for {region}, {version}: {link}. Mangler fortsatt: {missing}."
        ).format(
            name=ctx.caller.name,
            year=result.year,
            region=_for_party(ctx, party=result.party, region=result.region),
            version=result.version.label(),
            link=result.version.link,
            missing=", ".join(map(ctx.config.party_prose, result.progress.missing)),
        )
        + _signed_day(result),
        visibility=Visibility.CHANNEL,
    )


def _for_party(ctx: Context, *, party: str, region: str) -> str:
    """«Siva med Agder fylkeskommune»: whom a signature is for, naming the region unless it is the region's own
    («Siri Dahl signerte … for Agder fylkeskommune» read as if Siva had signed for the county, walk 39 F2)."""
    name = ctx.config.party_name(party)
    if party == region:
        return name
    return _("{party} med {region}").format(party=name, region=ctx.config.party_name(region))


def _signed_day(result: Signed) -> str:
    """« Ført som signert 21. januar 2027.» (and why that is before the text's registration), or ""."""
    if result.signed_on is None:
        return ""
    said = " " + _("Ført som signert {day}.").format(day=day_text(result.signed_on))
    return said + (f" {result.day_note}" if result.day_note else "")


def _signed_elsewhere(ctx: Context, result: Signed) -> Reply:
    return make_reply(
        title=_(
            "{party} har signert samarbeidsavtalen {year} ({name}, {version}). Mangler fortsatt: {missing}."
        ).format(
            party=ctx.config.party_prose(result.party),
            year=result.year,
            name=ctx.caller.name,
            version=_("versjon {number}").format(number=result.version.number),
            missing=", ".join(map(ctx.config.party_prose, result.progress.missing)),
        ),
        visibility=Visibility.CHANNEL,
    )


def _complete(ctx: Context, result: Signed) -> Reply:
    return make_reply(
        title=_("Samarbeidsavtalen {year} for {region} er signert av alle parter").format(
            year=result.year, region=ctx.config.party_name(result.region)
        ),
        lead=_(
            "Siste signatur: {name} for {party}. Alle har signert {version}, {link}. Avtalen forplikter "
            "partene. Kvittering: «{command}»."
        ).format(
            name=ctx.caller.name,
            party=ctx.config.party_name(result.party),
            version=result.version.label(),
            link=result.version.link,
            command=f"kvittering {result.region} {result.year}",
        )
        + _signed_day(result),
        sections=[describe(config=ctx.config, state=ctx.state, progress=result.progress, today=ctx.now.date())],
        visibility=Visibility.CHANNEL,
    )


def _already(ctx: Context, result: AlreadySigned, *, region: str) -> Reply:
    """Names the region whose agreement it is: `signer vestland` typed in Agder's channel answers about
    Vestland's, and must say so."""
    signature = result.signature
    when = datetime.fromisoformat(signature["at"])
    party = _for_party(ctx, party=result.party, region=region)
    template = _(
        "{name} signerte avtalen {year} for {party} {day} kl. {time} (fra {platform}{version}). Ingenting er endret."
    )
    day = agreement.signed_day(signature)
    if day is not None:  # the day it was given, then when it was recorded (walk 33 F3)
        template = _(
            "{name} signerte avtalen {year} for {party} {day} (registrert {recorded} kl. {time}, fra "
            "{platform}{version}). Ingenting er endret."
        )
    return make_reply(
        title=_("Allerede signert"),
        lead=template.format(
            name=signature.get("name"),
            year=result.year,
            party=party,
            day=day_text(day or when.date()),
            recorded=day_text(when.date()),
            time=when.strftime("%H.%M"),
            platform=signature.get("platform"),
            version=", " + agreement.signed_on_text(signature) if signature.get("version") else "",
        ),
    )
