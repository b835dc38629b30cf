"""`avtale [region] [år] <lenke> [sha256:<sum>]` registers the agreement text as a new version; `avtale`
alone lists the versions; `kvittering [region] [år]` gives the receipt (privately).

Only the region's coordinators register a text: drafting the agreement is the region's task (§3). The
checksum comes from the file when the adapter could read it (Slack, Teams, a path in the terminal), or is
typed by hand; a link alone is allowed but the reply says the text cannot be checked later.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace

from bot.actions.agreement_text import EXAMPLE, TextAlready, TextRegistered, register_text
from bot.actions.base import Acting
from bot.actions.ready import ready_by_text
from bot.actions.rules import milestone_for, pick_year, require_county_region
from bot.agreement import versions as agreement
from bot.agreement.receipt import build_receipt, signed_before_bot, version_text, versions_section
from bot.context import Context
from bot.i18n import _, ngettext
from bot.messages import Announcement, Attachment, Outcome, Reply, Request, Visibility
from bot.model.cycle import read_cycles
from bot.model.identity import ChannelContext
from bot.model.order import split_confirm
from bot.model.wheel import signing_milestone
from bot.parsing import shown
from bot.reminders.notify import mentions_for
from bot.shown.replies import make_reply
from bot.state.store import DomainError
from handlers.announce import (
    asker_alone,
    parties_spoken_for,
    ready_announcements,
    ready_buttons_here,
    to_agreement_channels,
)
from handlers.common import EXAMPLE_WORDS, context_region, read_args, reject_extra, require_region
from handlers.describe import sign_buttons

logger = logging.getLogger(__name__)

RECEIPT_EXAMPLE = "kvittering agder 2027"
MAX_LINK = 1000


def _region_year(
    ctx: Context, request: Request, words: list[str], *, example: str, reading: bool, writes: bool
) -> tuple[str, int, list[str]]:
    """Region and agreement year. A write without a year goes where `pick_year` says (the signing that is
    open or comes next); a read shows the agreement being prepared once it has a text, else this year's."""
    args = read_args(ctx, words, want=("region", "year"))
    typed = " ".join(words)  # the asker's own words with a region put in (walk 8 N4, m11)
    example = " ".join((example, ctx.config.parties.regions[0].key, typed if len(typed) <= EXAMPLE_WORDS else ""))
    region = (  # a text registered is the county council's; only reading it is for anyone (walk 14b F8)
        require_county_region(
            config=ctx.config,
            caller=ctx.caller,
            command="avtale",
            region=context_region(ctx, args.region),
            example=example.strip(),
        )
        if writes and (args.rest or request.attachments)
        else require_region(ctx, args.region, example=example.strip())
    )
    spec = signing_milestone(ctx.config)
    if spec is None:
        raise DomainError(_("Årshjulet har ingen signering, så det er ingen avtale å registrere."))
    if args.year:
        return region, args.year, args.rest
    if reading and not args.rest:
        view = read_cycles(ctx.config, today=ctx.now.date())
        for year in (view.preparing, view.year):
            if year and agreement.versions(ctx.state, region=region, year=year):
                return region, year, args.rest
    year = pick_year(
        Acting.of(ctx=ctx, request=request),
        item_for=lambda y: milestone_for(ctx.config, key=spec.key, year=y, region=region),
    )
    return region, year, args.rest


def handle(request: Request, ctx: Context) -> Outcome:
    words = ctx.args.split()
    region, year, rest = _region_year(
        ctx, request, words, example="avtale", reading=not request.attachments, writes=True
    )
    if not rest and not request.attachments:
        return Outcome(reply=_list(ctx, region=region, year=year))
    rest, confirmed = split_confirm(rest)
    result = register_text(
        Acting.of(ctx=ctx, request=request),
        region=region,
        year=year,
        text=lambda: _read_text(request, rest),
        confirmed=confirmed,
    )
    if isinstance(result, TextAlready):
        # The same text shared again must not cancel the signatures given on it.
        lead = _("Denne teksten er allerede {version}. Ingenting er endret.").format(
            version=version_text(result.version)
        )
        return Outcome(reply=make_reply(title=_("Allerede registrert"), lead=lead))
    version = result.version
    lead = _("{name} registrerte samarbeidsavtalen {year} for {party}: {version}.").format(
        name=ctx.caller.name, year=year, party=ctx.config.party_name(region), version=version_text(version)
    )
    if result.same_as is not None:
        lead += " " + _(
            "Teksten er den samme som versjon {number} (samme sjekksum); signaturene på den gjelder."
        ).format(number=result.same_as)
    if version.sha256 is None:
        lead += " " + _(
            "Uten sjekksum kan ingen senere kontrollere at teksten er den samme; legg ved filen eller skriv «sha256:<sum>»."
        )
    announcements: tuple[Announcement, ...] = ()
    if result.renew:
        lead += " " + _("Signaturene på tidligere versjoner gjelder ikke lenger; må signere på nytt: {who}.").format(
            who=", ".join(map(ctx.config.party_prose, result.renew))
        )
        lead += _never_signed(ctx, result)
        announcements = to_agreement_channels(
            ctx,
            request=request,
            region=region,
            reply=lambda here: _changed(ctx, result, here=here),
            national=result.reopened,  # told «signert av alle parter», told it is open again (walk 23 #8)
            per_channel=True,
        )
    elif result.ready and ready_by_text(config=ctx.config, state=ctx.state, item=result.item, today=ctx.now.date()):
        # Everything else was in place: this text is what the parties can sign now (a text replaced before
        # anyone signed it is told as changed: the digests named the one it replaced, walk 26 F6).
        changed = _replaced_unsigned(ctx, region=region, year=year, result=result)
        announcements = ready_announcements(ctx, request=request, regions=[region], year=year, changed=changed)
    elif _signable(ctx, result):  # a later text before anyone signed: this one is what is signed now
        lead += _never_signed(ctx, result)
        changed = _replaced_unsigned(ctx, region=region, year=year, result=result)
        announcements = ready_announcements(ctx, request=request, regions=[region], year=year, changed=changed)
    # Whatever the text replaced, while signing is open the reply carries the buttons its channel would get.
    buttons = ready_buttons_here(ctx, regions=[region], year=year)
    reply = make_reply(
        title=_("Avtaletekst versjon {number} registrert").format(number=version.number),
        lead=lead,
        buttons=buttons,
        visibility=Visibility.CHANNEL,
    )
    return Outcome(reply=reply, announcements=announcements)


def _changed(ctx: Context, result: TextRegistered, *, here: ChannelContext) -> Reply:
    """What every party's channel hears when a new text cancels signatures on an older one (mentioning all who
    must sign again): each channel with the buttons of the parties it speaks for (walk 4, M6)."""
    item, renewing, missing = result.item, result.renew, tuple(result.progress.missing)
    assert item.region is not None
    mine = parties_spoken_for(here, region=item.region, parties=missing)
    built = make_reply(
        title=_("Avtaleteksten {year} for {party} er endret").format(
            year=item.year, party=ctx.config.party_name(item.region)
        ),
        lead=_reopened(ctx, result)
        + _("Ny tekst: {version}. Må signere på nytt: {who}.").format(
            version=version_text(result.version), who=", ".join(map(ctx.config.party_prose, renewing))
        )
        + _never_signed(ctx, result),
        buttons=sign_buttons(ctx, item=item, parties=mine),
        visibility=Visibility.CHANNEL,
    )
    return replace(built, mentions=mentions_for(config=ctx.config, state=ctx.state, parties=renewing))


def _replaced_unsigned(ctx: Context, *, region: str, year: int, result: TextRegistered) -> Callable[[], str] | None:
    """«Ny tekst: versjon 2 (…). Den erstatter versjon 1, som ingen hadde signert; les den nye før dere
    signerer.» (said in each channel's written form) when the new text replaced one nobody signed; None for
    the first text."""
    earlier = [v for v in agreement.versions(ctx.state, region=region, year=year) if v.number < result.version.number]
    if not earlier:
        return None
    old = earlier[-1].number

    def said() -> str:
        return (
            _(
                "Ny tekst: {version}. Den erstatter versjon {old}, som ingen hadde signert; "
                "les den nye før dere signerer."
            ).format(version=version_text(result.version), old=old)
            + " "
            + _("Hver part signerer med «signer» eller knappen.")
        )

    return said


def _reopened(ctx: Context, result: TextRegistered) -> str:
    """«Avtalen … er ikke lenger fullført»: the channels told it was signed by all and binding must not keep
    believing it (walk 23 #8)."""
    if not result.reopened:
        return ""
    assert result.item.region is not None
    return (
        _("Avtalen {year} for {party} er ikke lenger fullført: alle partene hadde signert den forrige teksten.").format(
            year=result.item.year, party=ctx.config.party_name(result.item.region)
        )
        + " "
    )


def _signable(ctx: Context, result: TextRegistered) -> bool:
    """Signing is open for the agreement now (nothing blocks it, its window is open): the parties that have
    not signed would get a «Signer for …» button for this text (`sign_buttons`, the one rule)."""
    return bool(sign_buttons(ctx, item=result.item, parties=tuple(result.progress.missing)))


def _never_signed(ctx: Context, result: TextRegistered) -> str:
    """« Må signere: NFR, RFF (har ikke signert).»: the parties that never signed must sign the new text too,
    so the announcement tells them, not only those who signed an older one (walk 7 F14)."""
    never = [party for party in result.progress.missing if party not in result.renew]
    if not never:
        return ""
    return " " + _("Må signere: {who} (har ikke signert).").format(who=", ".join(map(ctx.config.party_prose, never)))


def _refuse_example(link: str) -> None:
    """A link that is an example (a help text's «<lenke>», an example.no address) is not the agreement text."""
    if link.startswith("<") or (agreement.is_url(link) and agreement.is_example_link(link)):
        raise DomainError(
            _(
                "«{link}» er et eksempel, ikke avtaleteksten; skriv lenken til den ekte teksten (den begynner med "
                "https://), eller legg ved filen."
            ).format(link=shown(link))
        )


def _read_text(request: Request, rest: list[str]) -> dict:
    """The link and checksum from the words and the attached file; a Norwegian sentence for bad input."""
    typed_sha: str | None = None
    links: list[str] = []
    for word in rest:  # a help example typed back («avtale <lenke> sha256:<sum>») is refused for its link first
        if agreement.SHA_RE.match(word) is None:
            _refuse_example(word)
    for word in rest:
        checksum = agreement.read_checksum(word)
        if checksum is not None:
            if typed_sha is not None:
                raise DomainError(_("Skriv bare én sjekksum, f.eks. «avtale <lenke> sha256:<64 tegn>»."))
            typed_sha = checksum
        else:
            links.append(word)
    if len(links) > 1:
        raise DomainError(
            _("Skriv én lenke, ikke «{links}»; f.eks. «{example}».").format(
                links=shown(" ".join(links)), example=EXAMPLE
            )
        )
    if len(request.attachments) > 1:
        raise DomainError(_("Del én fil om gangen med «avtale», så vet jeg hvilken tekst som er avtalen."))
    file: Attachment | None = request.attachments[0] if request.attachments else None
    link = links[0] if links else None
    if link is not None and len(link) > MAX_LINK:
        raise DomainError(
            _("Lenken er for lang (over {n} tegn); del en kortere lenke til avtaleteksten.").format(n=MAX_LINK)
        )
    if link is not None:
        _refuse_example(link)
    if link is not None and not agreement.is_url(link):
        raise DomainError(
            _("«{link}» er ikke en lenke; skriv en nettadresse som begynner med https://, f.eks. «{example}».").format(
                link=shown(link), example=EXAMPLE
            )
        )
    if file is not None and (file.error or file.sha256 is None):
        logger.info("could not read the attached file %r: %s", file.name, file.error)
        raise DomainError(
            _(
                "Jeg fikk ikke lest filen «{name}», så ingenting er registrert; "
                "del den på nytt, eller skriv «avtale <lenke> sha256:<sum>»."
            ).format(name=shown(file.name))
        )
    if file is not None and typed_sha is not None and typed_sha != file.sha256:
        raise DomainError(
            _(
                "Sjekksummen du skrev stemmer ikke med filen «{name}» (sha256 {sha}…), så ingenting er registrert."
            ).format(name=shown(file.name), sha=file.sha256[:12])
        )
    if link is None and file is None:
        raise DomainError(_("Hvor ligger avtaleteksten? Skriv en lenke, f.eks. «{example}».").format(example=EXAMPLE))
    return {
        "link": link or (file.url if file else ""),
        "sha256": file.sha256 if file else typed_sha,
        "size": file.size if file else None,
        "file_name": file.name if file else None,
        "source": "fil" if file else ("oppgitt" if typed_sha else ""),
    }


def _list(ctx: Context, *, region: str, year: int) -> Reply:
    sections = versions_section(state=ctx.state, region=region, year=year)
    title = _("Avtaletekst {year} for {party}").format(year=year, party=ctx.config.party_name(region))
    if not sections:
        if signed_before_bot(ctx.config, region=region, year=year) and not ctx.state.signatures(
            region=region, year=year
        ):
            # Signed before the bot took over (as `kvittering` says): no text to register for it, and the
            # example is the next agreement's (walk 7 F20).
            lead = _(
                "Avtalen {year} ble signert før Samhandlingsbot tok over, så boten har ingen tekst for den. "
                "Neste avtale registrerer koordinatoren med f.eks. «{example}»."
            ).format(year=year, example=_text_example(year + 1))
        else:
            lead = _("Ingen versjon er registrert ennå. Koordinatoren skriver f.eks. «{example}».").format(
                example=_text_example(year)
            )
        return make_reply(title=title, lead=lead)
    return make_reply(
        title=title,
        lead=ngettext(
            "{n} versjon; den siste er den som signeres. Kvittering: «{command}».",
            "{n} versjoner; den siste er den som signeres. Kvittering: «{command}».",
            len(sections),
        ).format(n=len(sections), command=f"kvittering {region} {year}"),
        sections=sections,
    )


def _text_example(year: int) -> str:
    """The command that registers agreement `year`'s text, naming that year (not always 2027's)."""
    return f"avtale {year} <lenke>"  # a placeholder that cannot be recorded (walk 8 N5)


def _who_sees(request: Request) -> str:
    """Who reads the receipt: the asker alone, or, in a Teams channel, everyone in the thread (walk 20 F-o)."""
    if asker_alone(request):
        return _("Bare du ser kvitteringen.")
    return _("Alle i kanalen ser kvitteringen. Skriv «kvittering» til boten i en personlig chat for å se den alene.")


def receipt(request: Request, ctx: Context) -> Outcome:
    region, year, rest = _region_year(ctx, request, ctx.args.split(), example="kvittering", reading=True, writes=False)
    reject_extra(rest, example=RECEIPT_EXAMPLE)  # «kvittering agder 1900»: too far, as every command says it
    found = build_receipt(config=ctx.config, state=ctx.state, region=region, year=year)
    if year > ctx.now.year + 1 and found.version is None and not found.signatures:  # a year ahead: nothing yet
        lead = _("Ingen avtale {year} for {region} ennå: ingen tekst er registrert og ingen har signert.").format(
            year=year, region=found.region_name
        )
        return Outcome(reply=make_reply(title=found.title, lead=lead, context=_who_sees(request)))
    reply = make_reply(title=found.title, sections=found.sections(), context=_who_sees(request))
    return Outcome(reply=reply, alone=True)
