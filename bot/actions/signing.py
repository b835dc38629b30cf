"""`sign`: a party's signature on its region's collaboration agreement (§2.1, §3.2).

Refused while a precondition is missing (signed only after the budgets are adopted and the actors have
their allocation letters), outside the signing's window unless confirmed, and by anyone but a member of the
party. Signing twice is harmless: the earlier signature is the result.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from bot.actions.base import Acting, record
from bot.actions.rules import (
    milestone_for,
    order_note,
    order_note_nn,
    pick_year,
    require_acts_for,
    require_member,
    write_item,
)
from bot.actions.signing_day import require_signed_day, signing_moment
from bot.actions.signing_place import require_one_place, through_organisation
from bot.actions.signing_which import require_one_left, require_one_year, signing_party
from bot.actions.typed_back import typed_with
from bot.agreement import versions as agreement
from bot.agreement.signing import late_breaches, sign_button
from bot.facts.owed import owed_signing
from bot.i18n import _, local
from bot.model.order import confirm_word, is_confirm, summary_note
from bot.model.progress import Progress, blockers_text, missing_for_signing, progress_of
from bot.model.wheel import Item, agreement_parties, signing_milestone
from bot.shown.replies import day_text
from bot.state.store import DomainError
from storage.base import Document, Tables

logger = logging.getLogger(__name__)

ACTION = "sign"


@dataclass(frozen=True)
class Signed:
    item: Item
    region: str
    year: int
    party: str
    version: agreement.Version
    progress: Progress
    """The agreement's progress after the signature: `done` when it was the last one."""
    signed_on: date | None = None
    """The day given with «signert …» (walk 33 F3), else None: signed when recorded."""
    day_note: str = ""
    """What the reply says of a signed day before the text was registered here (`signing_day`)."""


@dataclass(frozen=True)
class AlreadySigned:
    party: str
    year: int
    signature: Document


class _AlreadySigned(Exception):
    def __init__(self, signature: Document) -> None:
        self.signature = signature
        super().__init__()


def sign(
    acting: Acting,
    *,
    party: str | None,
    region: str | None,
    year: int | None,
    version: int | None,
    confirmed: bool,
    signed_on: date | None = None,
) -> Signed | AlreadySigned:
    config = acting.config
    spec = signing_milestone(config)
    if spec is None:
        raise DomainError(_("Årshjulet har ingen signering."))
    party, region = signing_party(acting, party=party, region=region, year=year)
    parties = agreement_parties(config, region=region)
    if party not in parties:
        raise DomainError(
            _("{party} er ikke part i avtalen for {region}. Partene er: {parties}.").format(
                party=config.party_name(party),
                region=config.party_name(region),
                parties=", ".join(map(config.party_prose, parties)),
            )
        )
    require_member(acting, party=party, what=_("signere for dem"))
    require_acts_for(
        acting, party=party, what=_("signere samarbeidsavtalen for {party}").format(party=config.party_name(party))
    )
    require_one_year(acting, party=party, region=region, year=year)
    year_typed = year
    if year is None and _owed_example(acting, party, region) is None:  # a bare `signer` between windows (walk 22 N6)
        year = _only_open_year(acting, key=spec.key, region=region)
        if year is None:
            require_one_left(acting, party=party, region=region, item_for=_items(acting, key=spec.key, region=region))
    item = write_item(
        acting, key=spec.key, region=region, typed=year, example=lambda: _owed_example(acting, party, region)
    )
    year = item.year
    existing = acting.state.signatures(region=region, year=year).get(party)
    if existing:
        _require_known_version(acting, region=region, year=year, asked=version)
        return AlreadySigned(party=party, year=year, signature=existing)
    _require_meant_year(acting, item=item, party=party, typed=year_typed is not None)
    require_one_place(acting, region=region, year=year, party=party)
    _require_preconditions(acting, item=item, region=region, year=year)
    when = signing_moment(acting, day=signed_on)  # the window and deadline at the day it was signed
    # The version before the lateness (walk 23 #2): a «bekreft» asked for an old text would then be refused.
    text = agreement.version_to_sign(
        acting.state,
        region=region,
        year=year,
        party=party,
        asked=version,
        button=lambda current: sign_button(config, item=item, party=party, version=current, at=acting.now),
        confirm=confirm_word() if late_breaches(config=config, item=item, at=when) else "",
    )
    day_note = require_signed_day(acting, day=signed_on, text=text) if signed_on else ""  # walk 33 F3
    note = order_note(acting, item=item, confirmed=confirmed, at=when)
    signature = {
        "person": acting.caller.key,
        "name": acting.caller.name,
        "party": party,
        "at": acting.now.isoformat(),
        "platform": acting.request.platform,
        "channel": acting.request.channel_id,
    }
    if signed_on:
        signature["signed_on"] = signed_on.isoformat()
    through = through_organisation(acting)
    if through:
        signature["organisation"] = through
    note_nn = order_note_nn(acting, item=item, at=when) if note else None
    if note:
        signature["outside_order"] = note
        signature["outside_order_nn"] = note_nn

    def mutate(tables: Tables) -> None:
        signatures = tables.setdefault("signatures", {})
        if party in signatures:  # signed by someone else between our read and the lock
            raise _AlreadySigned(signatures[party])
        signatures[party] = agreement.bind_signature(tables, signature=signature, expected=text.number)

    try:
        record(
            acting,
            action=ACTION,
            item=item,
            summary=lambda: (
                _("Signerte samarbeidsavtalen {year} for {region} på vegne av {party}, {version}").format(
                    year=year, region=config.party_short(region), party=config.party_name(party), version=text.label()
                )
                + (_(", signert {day}").format(day=day_text(signed_on)) if signed_on else "")  # walk 33 F3
                + summary_note(note and local({"nb": note, "nn": note_nn or note}))
            ),
            mutate=mutate,
        )
    except _AlreadySigned as already:
        return AlreadySigned(party=party, year=year, signature=already.signature)
    progress = progress_of(config=config, state=acting.state, item=item)
    return Signed(
        item=item,
        region=region,
        year=year,
        party=party,
        version=text,
        progress=progress,
        signed_on=signed_on,
        day_note=day_note,
    )


def _items(acting: Acting, *, key: str, region: str) -> Callable[[int], Item]:
    def item_for(year: int) -> Item:
        return milestone_for(acting.config, key=key, year=year, region=region)

    return item_for


def _only_open_year(acting: Acting, *, key: str, region: str) -> int | None:
    """The agreement a bare `signer` can only mean: the one whose window is open or opens next, once the one
    before it is signed by all (walk 22 N6: on 30 December, 2027 signed, it asked «which year?» though only
    2028 was left). None while the earlier one is unfinished: then the year is asked for."""
    item_for = _items(acting, key=key, region=region)
    year = pick_year(acting, item_for=item_for)
    return year if progress_of(config=acting.config, state=acting.state, item=item_for(year - 1)).done else None


def _owed_example(acting: Acting, party: str, region: str) -> str | None:
    """The «which year?» example when the party still owes a late signature in the region: that year (with
    the confirm word, as its digest line says), never the next agreement's (walk 14b F11); None otherwise."""
    owed = owed_signing(config=acting.config, state=acting.state, party=party, region=region, today=acting.now.date())
    if owed is None:
        return None
    example = typed_with(acting, word=str(owed.year))
    late = late_breaches(config=acting.config, item=owed, at=acting.now)
    return f"{example} {confirm_word()}" if late and not any(is_confirm(w) for w in example.split()) else example


def _require_meant_year(acting: Acting, *, item: Item, party: str, typed: bool) -> None:
    """A year whose agreement cannot be signed, while another is ready and unsigned by the party, is most
    likely a slip: say so («mente du …»), not the long list of what the other year lacks (walk 2, F). A typed
    year may be one off an open window; typed or not, the party's own late signature still owed is the other
    (walk 14b F11: `signer vestland` in January 2028 while 2027 is owed)."""
    config, state, region = acting.config, acting.state, item.region or ""
    if not missing_for_signing(config=config, state=state, signing=item):
        return
    other = _meant_instead(acting, item=item, party=party) if typed else None
    owed = owed_signing(config=config, state=state, party=party, region=region, today=acting.now.date())
    other = other or (owed if owed is not None and owed.year != item.year else None)
    if other is None:
        return
    command = f"signer {other.year}" if party == region else f"signer {region} {other.year}"
    if late_breaches(config=config, item=other, at=acting.now):
        command += " " + confirm_word()
    if acting.now.date() > item.deadline:  # not «ennå»: its time is past (walk 14b F5)
        raise DomainError(
            _(
                "Avtalen {year} er forbi (fristen var {day}), men avtalen {other} er klar til signering: "
                "mente du «{command}»?"
            ).format(year=item.year, day=day_text(item.deadline), other=other.year, command=command)
        )
    raise DomainError(
        _(
            "Avtalen {year} kan ikke signeres ennå, men avtalen {other} er klar til signering: mente du «{command}»?"
        ).format(year=item.year, other=other.year, command=command)
    )


def _meant_instead(acting: Acting, *, item: Item, party: str) -> Item | None:
    """The agreement a year off the typed one whose window is open, ready and unsigned by the party."""
    config, state, region = acting.config, acting.state, item.region or ""
    for year in (item.year - 1, item.year + 1):
        other = milestone_for(config, key=item.key, year=year, region=region)
        if (
            other.start <= acting.now.date() <= other.deadline
            and party not in state.signatures(region=region, year=year)
            and not missing_for_signing(config=config, state=state, signing=other)
        ):
            return other
    return None


def _require_preconditions(acting: Acting, *, item: Item, region: str, year: int) -> None:
    blockers = missing_for_signing(config=acting.config, state=acting.state, signing=item)
    if blockers and acting.now.date() > item.deadline:  # not «ennå»: the window closed long ago
        raise DomainError(
            _(
                "Avtalen {year} for {region} ble ikke signert innen fristen {day}, og den kan ikke signeres før "
                "dette er registrert: {missing}. «{command}» viser hvem som registrerer hva."
            ).format(
                year=year,
                region=acting.config.party_name(region),
                day=day_text(item.deadline),
                missing=blockers_text(blockers),
                command=f"status {region} {year}",
            )
        )
    if blockers:
        raise DomainError(
            _(
                "Avtalen {year} for {region} kan ikke signeres ennå. Mangler: {missing}. Etter modellen signeres "
                "avtalen når utkastet er behandlet politisk, budsjettene er vedtatt og tildelingsbrevene er kommet; "
                "«{command}» viser hvem som registrerer hva."
            ).format(
                year=year,
                region=acting.config.party_name(region),
                missing=blockers_text(blockers),
                command=f"status {region} {year}",
            )
            + _opens(acting, item=item)
        )


def _opens(acting: Acting, *, item: Item) -> str:
    """« Vinduet for signering åpner 1. januar 2028.» when it has not opened yet (bare `signer` in late
    December means the next agreement: say when it can be signed, walk 22 N6); "" once it has."""
    if acting.now.date() >= item.start:
        return ""
    return " " + _("Vinduet for signering åpner {day}.").format(day=day_text(item.start))


def _require_known_version(acting: Acting, *, region: str, year: int, asked: int | None) -> None:
    """A version number that no text of the agreement ever had (`versjon 0`) is said to be one, also to a
    party that has signed: «Allerede signert» would read as if that version were signed (walk 14b C1)."""
    known = agreement.versions(acting.state, region=region, year=year)
    if asked is None or not known or asked in {version.number for version in known}:
        return
    raise DomainError(
        _("Det finnes ingen versjon {asked} av avtaleteksten; gjeldende er {version}. Ingenting er endret.").format(
            asked=asked, version=known[-1].label()
        )
    )
