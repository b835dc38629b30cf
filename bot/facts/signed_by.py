"""Signatures a change of who someone is would leave behind (walk 28 F3), decided once.

The rule: a signature stands for the party it was made for. It records who bound which party at that
moment, with the rights they had then, so moving the person (`person … bekreft`) or their organisation
(`koble organisasjon … bekreft`) to another party does not remove it; only a new text version asks every
party again (`bot.agreement.versions`). Because it stands, the question before such a move names the
signatures made by those it moves, and one person never holds two parties' places in one agreement: a
person who signed an agreement for one party is refused for another party in the same agreement.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from bot.agreement.versions import signed_at
from bot.clock import OSLO
from bot.dates.text import format_short
from bot.i18n import _
from bot.model.config import AppConfig
from bot.model.identity import ORGANISATIONS, Directory
from bot.state.store import META, Document, StateStore

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Made:
    """One signature on a region's current text for a cycle."""

    region: str
    year: int
    party: str
    signature: Document


def current_signatures(*, config: AppConfig, state: StateStore, at: datetime) -> list[Made]:
    """Every signature on the current texts of the cycles around `at` (the year before, this, the next)."""
    today = at.astimezone(OSLO).date()
    found: list[Made] = []
    for region in config.parties.regions:
        for year in (today.year - 1, today.year, today.year + 1):
            for party, signature in state.signatures(region=region.key, year=year).items():
                found.append(Made(region=region.key, year=year, party=party, signature=signature))
    return found


def signed_by(*, config: AppConfig, state: StateStore, at: datetime, person: str, platform: str) -> list[Made]:
    """The signatures `person` (a caller's key) made on `platform` (an app.yaml person on any platform)."""
    everywhere = any(p.key == person for p in config.people)
    return [
        made
        for made in current_signatures(config=config, state=state, at=at)
        if _made_by(made.signature, person=person, platform=platform, everywhere=everywhere)
    ]


def place_held(
    *, config: AppConfig, state: StateStore, region: str, year: int, party: str, person: str, platform: str
) -> Made | None:
    """`person`'s signature in the agreement of `region` and `year` for another party than `party`: the place
    they hold there. Reads that one agreement's signatures, not every cycle's (a `signer` asks it each time)."""
    everywhere = any(p.key == person for p in config.people)
    for other, signature in state.signatures(region=region, year=year).items():
        if other != party and _made_by(signature, person=person, platform=platform, everywhere=everywhere):
            return Made(region=region, year=year, party=other, signature=signature)
    return None


def asker_holds_other_place(
    *, directory: Directory, region: str, year: int, party: str, asker: Callable[[], str | None]
) -> bool:
    """Whether the asker, now of `party`, signed the agreement of `region` and `year` for another party (moved
    since, or their organisation rebound): `signer` refuses them (`place_held`), so nothing may offer it as
    theirs to do (walk 38 F7). The asker's key (`asker()`) is looked at only when someone now of `party` made
    such a signature, so a `neste` that never looks stays the same for everyone of the party (it is kept for
    them all: bot.pipeline.personal)."""
    moved = [
        signature
        for other, signature in directory.state.signatures(region=region, year=year).items()
        if other != party and _signer_now(directory, signature) == party
    ]
    if not moved:
        return False
    key = asker()
    return key is not None and any(signature.get("person") == key for signature in moved)


def _signer_now(directory: Directory, signature: Document) -> str | None:
    """The party the person who made `signature` is of now: app.yaml's by their key (moved with `person`, or
    not), anyone else by their own binding or the organisation they were met with, else by the organisation
    binding they signed through as it stands."""
    person = str(signature.get("person") or "")
    configured = next((p for p in directory.config.people if p.key == person), None)
    if configured is not None:
        moved = directory.moved(person=person)
        return configured.party if moved is None else (moved.get("party") if moved.get("role") else None)
    now = directory.caller(platform=str(signature.get("platform") or ""), user_id=person)
    if now.known:
        return now.party
    through = signature.get("organisation")
    bound = directory.state.doc(META, ORGANISATIONS, str(through)) if through else None
    return str(bound["party"]) if bound and bound.get("party") and bound.get("role") else None


def _made_by(signature: Document, *, person: str, platform: str, everywhere: bool) -> bool:
    """Whether `signature` is `person`'s: by their key, on `platform` unless they are app.yaml's (any platform)."""
    return signature.get("person") == person and (everywhere or signature.get("platform") == platform)


def signed_through(*, config: AppConfig, state: StateStore, at: datetime, organisation: str, party: str) -> list[Made]:
    """The signatures for `party` by people known through the organisation bound by key `organisation`."""
    return [
        made
        for made in current_signatures(config=config, state=state, at=at)
        if made.party == party and made.signature.get("organisation") == organisation
    ]


def signatures_text(config: AppConfig, made: list[Made]) -> str:
    """« Signaturene står: Inga Aas for Innovasjon Norge på samarbeidsavtalen 2027 for Agder (5. januar 2027).»
    for a question before a move; empty when there are none."""
    if not made:
        return ""
    listed = "; ".join(
        _("{name} for {party} på samarbeidsavtalen {year} for {region} ({day})").format(
            name=m.signature.get("name") or m.signature.get("person") or "?",
            party=config.party_name(m.party),
            year=m.year,
            region=config.party_short(m.region),
            day=format_short(datetime.fromisoformat(signed_at(m.signature)).astimezone(OSLO).date()),
        )
        for m in made
    )
    return " " + _(
        "Signaturene står for parten de ble gitt for (bare en ny avtaletekst ber partene signere igjen): {listed}."
    ).format(listed=listed)
