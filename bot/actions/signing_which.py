"""Which agreement a `signer` means, beside `bot.actions.signing`: the party that signs, the region, and the
year when two wait; each question asked with a button per agreement that waits (walk 16 F1, walk 23 #3/#4).
Kept apart from the signature's own rules (preconditions, window, version) so each file reads as one question."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime

from bot.actions.base import Acting
from bot.actions.rules import meant_year, pick_year
from bot.actions.typed_back import typed_with
from bot.agreement import versions as agreement
from bot.agreement.signing import late_breaches, sign_button
from bot.agreement.versions import sign_command, signed_at
from bot.clock import OSLO
from bot.facts.awaiting import awaiting_signature, ready_before_window
from bot.i18n import _
from bot.messages import Button
from bot.model.cycle import read_cycles
from bot.model.order import and_join, confirm_word
from bot.model.wheel import Item
from bot.shown.replies import day_text
from bot.state.store import DomainError

logger = logging.getLogger(__name__)


def sign_example(acting: Acting, *, year: int | None = None, region: str | None = None) -> str:
    """A `signer` the reader could type: a region's coordinator signs with the year alone, an actor names
    its own party and the region typed, else the channel's (Vestland's coordinator is never shown «signer IN
    agder», nor an actor who typed «signer vestland trekk», walk 33 F7)."""
    config, caller = acting.config, acting.caller
    view = read_cycles(config, today=acting.now.date())
    year = year or view.preparing or view.year
    if caller.party and config.region(caller.party):
        return f"signer {year}"
    party = caller.party if caller.party and config.actor(caller.party) else config.enabled_actors[0].key
    region = region or acting.channel.region or config.parties.regions[0].key
    return sign_command(party=party, region=region, year=year)  # one way to write a `signer` (bot.agreement.versions)


def signing_party(acting: Acting, *, party: str | None, region: str | None, year: int | None = None) -> tuple[str, str]:
    """Who signs for what: the named party, else the caller's own (an actor naming only the region signs
    for itself); the named region, else the party's own, else the channel's, else the one agreement that
    waits for the party's signature (several: the question has a button for each, walk 16 F1)."""
    caller = acting.caller
    chosen = party or caller.party
    if region and not party and caller.party and acting.config.actor(caller.party):
        chosen = caller.party
    if chosen is None:  # an admin or AU member belongs to no party that signs
        raise DomainError(
            _(
                "For hvilken part? Du er ikke registrert for noen av avtalens parter, så det er ingen du kan signere for. "
                "Avtalen signeres av fylkeskommunen og hver virkemiddelaktør, hver i sin kanal."
            )
        )
    where = region or (chosen if acting.config.region(chosen) else None) or acting.channel.region
    if region is None and party is None:
        _require_own_channel(acting, party=chosen)
    if where is None:
        waiting = awaiting_signature(config=acting.config, state=acting.state, party=chosen, at=acting.now, year=year)
        if len(waiting) == 1 and waiting[0].region:
            return chosen, waiting[0].region
        if not waiting and year is not None:
            _require_other_years(acting, party=chosen, year=year)
        if not waiting:  # nothing to sign anywhere: said so, not «which region?» as if one could be (walk 21 A2)
            raise DomainError(
                _(
                    "Ingen avtale venter på signaturen til {party} nå. Skriv «neste» for hva avtalene venter på, "
                    "eller «status {region}» for én region."
                ).format(party=acting.config.party_name(chosen), region=acting.config.parties.regions[0].key)
                + _soon(acting, party=chosen)
            )
        example = waiting[0].region if waiting and waiting[0].region else acting.config.parties.regions[0].key
        if [item.region for item in waiting].count(example) > 1:  # two years of one region: the example picks one
            example = f"{example} {waiting[0].year}"
        raise DomainError(
            _("Hvilken regions avtale signerer du? Skriv f.eks. «{example}».").format(
                example=typed_with(acting, word=example)
            )
            + (" " + _("Disse venter på din signatur: {regions}.").format(regions=_regions_text(acting, waiting)))
            * bool(waiting),
            buttons=tuple(_button(acting, item=item, party=chosen) for item in waiting),
        )
    return chosen, where


def _require_own_channel(acting: Acting, *, party: str) -> None:
    """A bare `signer` in another region's shared channel by a county, which signs only its own agreement:
    say the channel's agreement is not the asker's and how to name her own, never answer about her own
    county's agreement as if it were the channel's (walk 38 F5). An actor signs the channel's region's."""
    config, here = acting.config, acting.channel.region
    if here is None or here == party or config.region(party) is None:
        return
    raise DomainError(
        _(
            "Her gjelder «signer» avtalen for {region}, og {party} er ikke part i den. "
            "For avtalen til {party}: skriv «{example}»."
        ).format(
            region=config.party_name(here),
            party=config.party_name(party),
            example=typed_with(acting, word=party),
        )
    )


def _require_other_years(acting: Acting, *, party: str, year: int) -> None:
    """`signer 2028` while no 2028 agreement waits for the party but earlier or later ones do: name those,
    with their buttons, not «Ingen avtale venter» as if nothing did (walk 23 #4)."""
    others = awaiting_signature(config=acting.config, state=acting.state, party=party, at=acting.now)
    if not others:
        return
    raise DomainError(
        _("Ingen avtale {year} venter på signaturen til {party}, men disse gjør det: {regions}.").format(
            year=year, party=acting.config.party_name(party), regions=_regions_text(acting, others)
        ),
        buttons=tuple(_button(acting, item=item, party=party) for item in others),
    )


def require_one_year(acting: Acting, *, party: str, region: str, year: int | None) -> None:
    """`signer agder` without a year while two years of Agder's agreement wait for the party (last year's
    still owed, this year's ready): ask which, with a button each, never sign the later one while the earlier
    waits unsaid (walk 23 #3)."""
    if year is not None:
        return
    waiting = [
        item
        for item in awaiting_signature(config=acting.config, state=acting.state, party=party, at=acting.now)
        if item.region == region
    ]
    if len(waiting) < 2:
        return
    first = waiting[0]
    example = typed_with(acting, word=str(first.year))
    if late_breaches(config=acting.config, item=first, at=acting.now):
        example += " " + confirm_word()
    raise DomainError(
        _(
            "Flere avtaler for {region} venter på signaturen til {party}: {years}. Hvilket år signerer du? "
            "Skriv f.eks. «{example}»."
        ).format(
            region=acting.config.party_name(region),
            party=acting.config.party_name(party),
            years=", ".join(str(item.year) for item in waiting),
            example=example,
        ),
        buttons=tuple(_button(acting, item=item, party=party) for item in waiting),
    )


def require_one_left(acting: Acting, *, party: str, region: str, item_for: Callable[[int], Item]) -> None:
    """A bare `signer` between windows by a party that has signed the agreement a bare `signer` would mean
    next, with nothing in the region waiting for its signature: say what it signed and when, and that nothing
    waits, never «which year?» as if one were left (walk 39: Vestland on 27 December 2027, 2027 and 2028
    signed)."""
    state, today = acting.state, acting.now.date()
    if meant_year(acting, item_for=item_for) is not None:
        return  # a year is meant (its window open, or just done): an «already signed» says so
    if party not in state.signatures(region=region, year=pick_year(acting, item_for=item_for)):
        return
    waiting = awaiting_signature(config=acting.config, state=state, party=party, at=acting.now)
    if any(item.region == region for item in waiting):
        return
    signed = [
        _("avtalen {year} ({day})").format(
            year=year, day=day_text(datetime.fromisoformat(signed_at(sig)).astimezone(OSLO).date())
        )
        for year in range(today.year - 1, today.year + 2)
        if (sig := state.signatures(region=region, year=year).get(party))
    ]
    raise DomainError(
        _(
            "{party} har signert {signed}. Ingen avtale venter på signaturen din nå; skriv «neste» for hva som venter."
        ).format(party=acting.config.party_prose(party), signed=and_join(signed))
    )


def _regions_text(acting: Acting, items: list[Item]) -> str:
    return ", ".join(f"{acting.config.party_short(item.region or '')} {item.year}" for item in items)


def _button(acting: Acting, *, item: Item, party: str) -> Button:
    """The «Signer for IN – Agder» button of an agreement the question lists (the one every surface shows)."""
    version = agreement.current_version(acting.state, region=item.region or "", year=item.year)
    assert version is not None  # awaiting_signature lists only agreements with a text
    return sign_button(acting.config, item=item, party=party, version=version, at=acting.now)


def _soon(acting: Acting, *, party: str) -> str:
    """« Agder 2028 kan signeres fra 1. januar 2028.» for the ready agreements whose window is still ahead
    (walk 24 F9: the actor was told nothing waited, while `neste` said when it could be signed)."""
    ready = ready_before_window(config=acting.config, state=acting.state, party=party, at=acting.now)
    if not ready:
        return ""
    return " " + _("{regions} kan signeres fra {day}.").format(
        regions=_regions_text(acting, ready), day=day_text(ready[0].start)
    )
