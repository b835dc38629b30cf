"""`register_text`: a new version of a region's agreement text (drafting it is the region's task, §3).

Only the region's coordinators register a text. The same text (checksum, or link without a new checksum)
shared again changes nothing (it must not
cancel the signatures given on it); a new text moves the signatures on older versions aside, and those
parties must sign again, so it asks for `bekreft` first and names whose signatures it voids.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from bot.actions.base import Acting, record
from bot.actions.rules import milestone_for, require_near_year
from bot.agreement import versions as agreement
from bot.i18n import _, ngettext
from bot.model.order import confirm_word
from bot.model.progress import Progress, missing_for_signing, progress_of
from bot.model.wheel import Item, agreement_parties, signing_milestone
from bot.shown.replies import day_text
from bot.state.store import DomainError
from storage.base import Document, Tables

logger = logging.getLogger(__name__)

ACTION = "register_text"
EXAMPLE = "avtale <lenke>"
"""A placeholder that cannot be recorded (walk 8 N5: an example address typed as shown became version 1)."""


@dataclass(frozen=True)
class TextRegistered:
    item: Item
    version: agreement.Version
    renew: dict[str, Document]
    """Party -> the signature on an older version that no longer holds, in the agreement's party order."""
    progress: Progress
    ready: bool
    """Nothing else blocks the signing: this text is what the parties can sign now."""
    same_as: int | None = None
    """The earlier version with the very same text (checksum), registered again: its signatures hold."""
    reopened: bool = False
    """Every party had signed the replaced text: a complete, binding agreement is open again, news for every
    channel that heard it was complete, the national ones too (walk 23 #8)."""


@dataclass(frozen=True)
class TextAlready:
    """The same text (by checksum) is already the current version: nothing recorded."""

    version: agreement.Version


def register_text(
    acting: Acting, *, region: str, year: int, text: Callable[[], dict[str, Any]], confirmed: bool = False
) -> TextRegistered | TextAlready:
    """`text` gives the version's fields (link, sha256, size, file_name, source); it is read only after
    the rules allow the write, so a refusal comes before any complaint about the link. A text that would
    void signatures already given is registered only `confirmed` (checked again under the lock)."""
    config, state = acting.config, acting.state
    require_near_year(acting, year, example=EXAMPLE)
    if acting.caller.party != region or acting.caller.role != "coordinator":
        raise DomainError(
            _("Bare koordinatorene i {party} kan registrere avtaleteksten; alle kan lese den med «avtale».").format(
                party=config.party_name(region)
            )
        )
    fields = dict(text())
    current = agreement.current_version(state, region=region, year=year)
    if current is not None and _same_text(current, fields):
        return TextAlready(version=current)
    spec = signing_milestone(config)
    if spec is None:
        raise DomainError(_("Årshjulet har ingen signering, så det er ingen avtale å registrere."))
    item = milestone_for(config, key=spec.key, year=year, region=region)
    author = acting.author
    fields.update(
        person=author.person,
        name=author.name,
        at=acting.now.isoformat(),
        platform=author.platform,
        channel=author.channel,
    )
    label = f"versjon {current.number + 1 if current else 1}"  # the next version's, for the history line

    if not confirmed:
        _ask_if_another_years(acting, region=region, year=year, fields=fields)
        _ask_before_voiding(
            acting, item=item, region=region, signed=state.signatures(region=region, year=year), current=current
        )

    def mutate(tables: Tables) -> tuple[agreement.Version, dict[str, Document], int | None]:
        if not confirmed:  # a signature given since the check above is voided only when asked
            _ask_before_voiding(acting, item=item, region=region, signed=tables.get("signatures", {}), current=current)
        version, renew = agreement.add_version(tables, fields=fields)
        same = agreement.same_text_as(tables, version=version)
        return version, renew, same.number if same else None

    version, renew, same_as = record(
        acting,
        action=ACTION,
        item=item,
        summary=lambda: (
            _("Registrerte avtaleteksten {year}, {version}").format(year=year, version=label)
            + _voided_note(acting, region=region, year=year, sha256=fields.get("sha256"))
        ),
        mutate=mutate,
    )
    if renew:
        renew = {p: renew[p] for p in agreement_parties(config, region=region) if p in renew} or renew
    progress = progress_of(config=config, state=state, item=item)
    ready = not renew and not missing_for_signing(config=config, state=state, signing=item)
    reopened = bool(renew) and all(p in renew for p in agreement_parties(config, region=region))
    return TextRegistered(
        item=item, version=version, renew=renew, progress=progress, ready=ready, same_as=same_as, reopened=reopened
    )


def _voided_note(acting: Acting, *, region: str, year: int, sha256: str | None) -> str:
    """«; må signere på nytt: Innovasjon Norge, Siva» in the history line of a text that voids signatures, so `logg` shows
    what `kvittering` shows (walk 15 N4); a signature on the very same text (checksum) holds and is not named."""
    signed = acting.state.signatures(region=region, year=year)
    order = agreement_parties(acting.config, region=region)
    voided = [p for p in order if p in signed and not (sha256 and signed[p].get("sha256") == sha256)]
    voided += sorted(p for p in signed if p not in order and not (sha256 and signed[p].get("sha256") == sha256))
    if not voided:
        return ""
    return "; " + _("må signere på nytt: {who}").format(who=", ".join(map(acting.config.party_prose, voided)))


def _same_text(current: agreement.Version, fields: dict[str, Any]) -> bool:
    """The same checksum, or the same link with no other checksum (walk 6, F8: the link shared again with
    «bekreft» made version 3 equal to version 2). A new checksum behind the same link is a changed file."""
    typed = fields.get("sha256")
    if typed:
        return typed == current.sha256
    return agreement.same_link(str(fields.get("link") or ""), current.link)


OTHER_YEARS = 3
"""How many agreement years either way a new text is compared with (walk 19 F2)."""


def _ask_if_another_years(acting: Acting, *, region: str, year: int, fields: dict[str, Any]) -> None:
    """A text that is another year's agreement (the same checksum, or the same link without one) is most
    likely last year's line copied from someone's notes (walk 19 F2: the parties were asked to sign the 2027
    agreement as 2028's): ask first, naming the year it is and whether all signed it, as README promises
    («Samme tekst (samme sjekksum) som en tidligere versjon, sier svaret det»)."""
    for other in sorted(range(year - OTHER_YEARS, year + OTHER_YEARS + 1), key=lambda y: (abs(y - year), y)):
        if other == year:
            continue
        found = next(
            (v for v in agreement.versions(acting.state, region=region, year=other) if _same_text(v, fields)), None
        )
        if found is None:
            continue
        signed = {
            party: doc
            for party, doc in acting.state.signatures(region=region, year=other).items()
            if agreement.binds(doc, found)
        }
        binding = _binding_since(agreement_parties(acting.config, region=region), signed)
        raise DomainError(
            _(
                "Denne teksten er samarbeidsavtalen {other} for {party}: {version}, registrert {day}.{binding} "
                "Er det riktig tekst for {year}? Skriv det samme med «{confirm}» til slutt for å registrere den "
                "som avtalen {year} likevel."
            ).format(
                other=other,
                party=acting.config.party_name(region),
                version=found.label(),
                day=agreement.when_text(found.at),
                binding=binding,
                year=year,
                confirm=confirm_word(),
            ),
            again=_("Registrer teksten for {year}").format(year=year),
        )


def _ask_before_voiding(
    acting: Acting, *, item: Item, region: str, signed: dict[str, Document], current: agreement.Version | None
) -> None:
    """A new text voids the signatures given on the current one: ask first, naming whose (README:
    a record that replaces another asks first and names what it replaces), and, when every party has
    signed, that it replaces a complete and binding agreement, past its signing deadline if so (walk 14a F13)."""
    if not signed:
        return
    config = acting.config
    order = agreement_parties(config, region=region)
    parties = sorted(signed, key=lambda p: order.index(p) if p in order else len(order))
    who = ", ".join(map(config.party_short, parties))
    lead = ngettext(
        "Dette gjør {n} signatur ugyldig ({who}) på {version}; den parten må signere på nytt.",
        "Dette gjør {n} signaturer ugyldige ({who}) på {version}; de partene må signere på nytt.",
        len(parties),
    ).format(n=len(parties), who=who, version=current.label() if current else _("den forrige teksten"))
    how = _("Skriv det samme med «{confirm}» til slutt for å registrere den nye teksten likevel.").format(
        confirm=confirm_word()
    )
    binding = _binding_since(order, signed)
    if binding:  # a complete agreement: name it, and the next year's way in (walk 24 F6: a draft for 2028)
        binding += " " + _(
            "Teksten gjelder avtalen {year} for {party}; er den for {next}, skriv «avtale {next} <lenke>»."
        ).format(year=item.year, party=config.party_name(region), next=item.year + 1)
    if binding and item.deadline < acting.now.date():
        binding += " " + _("Fristen for signering var {day}, så de nye signaturene kommer for sent.").format(
            day=day_text(item.deadline)
        )
    raise DomainError(f"{lead}{binding} {how}", again=_("Registrer den nye teksten"))


def _binding_since(order: list[str], signed: dict[str, Document]) -> str:
    """« Avtalen er signert av alle partene og har vært bindende siden 6. januar 2027.» when every party had
    signed: a coordinator weighs that before `bekreft` (walk 14b C7, walk 14a F13); "" otherwise."""
    days = [agreement.signed_at(signed[party])[:10] for party in order if party in signed]
    if set(order) - set(signed) or not all(days):
        return ""
    try:
        last = max(date.fromisoformat(day) for day in days)
    except ValueError:  # a hand-edited stamp: the question stands without the day
        return ""
    return " " + _("Avtalen er signert av alle partene og har vært bindende siden {day}.").format(day=day_text(last))
