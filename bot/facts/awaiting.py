"""The agreements waiting for one party's signature now: what a bare «signer» typed in an actor's own channel
means (walk 16 F1: «Klar til signering … Hver part signerer med «signer»» was answered «Hvilken regions
avtale?» while exactly one agreement waited for the actor). The same test as the «Signer» buttons and
`neste`'s «Du kan gjøre nå»: the party has not signed, nothing blocks it, a text is registered and the
window is open (a late one only while it is still followed, `bot.facts.owed`)."""

from __future__ import annotations

import logging
from datetime import datetime

from bot.agreement.signing import signing_open
from bot.agreement.versions import Version, current_version
from bot.clock import OSLO
from bot.facts.owed import still_owed
from bot.model.config import AppConfig
from bot.model.progress import missing_for_signing, progress_of
from bot.model.wheel import Item, agreement_parties, milestone_item, signing_milestone
from bot.state.store import StateStore

logger = logging.getLogger(__name__)


def awaiting_signature(
    *, config: AppConfig, state: StateStore, party: str, at: datetime, year: int | None = None
) -> list[Item]:
    """Every region's agreement (of `year`, else of any cycle open on `at`'s day) that waits for `party`'s
    signature, in the regions' order."""
    spec = signing_milestone(config)
    if spec is None:
        return []
    today = at.astimezone(OSLO).date()
    years = (year,) if year else (today.year - 1, today.year, today.year + 1)
    found: list[Item] = []
    for region in config.parties.regions:
        if party not in agreement_parties(config, region=region.key):
            continue
        for each in years:
            item = milestone_item(config, milestone=spec, year=each, region=region.key)
            if not signing_open(item=item, at=at) or (item.deadline < today and not still_owed(item, today=today)):
                continue
            if party in progress_of(config=config, state=state, item=item).missing and signable_version(
                config=config, state=state, item=item, at=at
            ):
                found.append(item)
    return found


def signable_version(*, config: AppConfig, state: StateStore, item: Item, at: datetime) -> Version | None:
    """The text a party signs on the signing `item` at `at`, or None when nothing may be signed yet: a
    precondition is missing, the window is not open, or no text is registered. The one test behind the
    «Signer» buttons and a bare «signer»."""
    if item.region is None or missing_for_signing(config=config, state=state, signing=item):
        return None
    if not signing_open(item=item, at=at):
        return None
    return current_version(state, region=item.region, year=item.year)


def ready_before_window(*, config: AppConfig, state: StateStore, party: str, at: datetime) -> list[Item]:
    """Every region's next agreement that will wait for `party`'s signature once its window opens: its text
    is in, nothing blocks it, the window is still ahead. A bare «signer» in late December names them and the
    day they open, not «Ingen avtale venter» alone (walk 24 F9)."""
    spec = signing_milestone(config)
    if spec is None:
        return []
    today = at.astimezone(OSLO).date()
    found: list[Item] = []
    for region in config.parties.regions:
        if party not in agreement_parties(config, region=region.key):
            continue
        item = milestone_item(config, milestone=spec, year=today.year + 1, region=region.key)
        if today >= item.start or party not in progress_of(config=config, state=state, item=item).missing:
            continue
        if current_version(state, region=region.key, year=item.year) is not None and not missing_for_signing(
            config=config, state=state, signing=item
        ):
            found.append(item)
    return found
