"""Which agreements a change made ready to sign: what `record_minutes`, `record_precondition` and
`register_text` report, so the handler can tell every party's channel «Klar til signering», once: only
with a registered text and in the signing window."""

from __future__ import annotations

import logging
from datetime import date

from bot.actions.rules import milestone_for
from bot.agreement.versions import current_version, versions
from bot.model.config import AppConfig
from bot.model.progress import missing_for_signing
from bot.model.wheel import Item, signing_milestone
from bot.state.store import StateStore

logger = logging.getLogger(__name__)


def ready_regions(
    *, config: AppConfig, state: StateStore, year: int, regions: list[str], today: date | None = None
) -> list[str]:
    """Regions whose agreement `year` the parties can sign now: nothing blocks its signing, a text to sign
    is registered, and (given `today`) its signing window has opened. «Klar til signering» is told when a
    change makes one so (`record_minutes`, `record_precondition`), after the deadline too: a region with no
    text, or an agreement ready on 21 December, is not yet one to sign (the window's opening names it then)."""
    spec = signing_milestone(config)
    if spec is None:
        return []
    found: list[str] = []
    for region in regions:
        signing = milestone_for(config, key=spec.key, year=year, region=region)
        if today is not None and today < signing.start:
            continue  # after the deadline too: a late letter makes it signable as one in January (walk 9, W8)
        if current_version(state, region=region, year=year) is None:
            continue
        if not missing_for_signing(config=config, state=state, signing=signing):
            found.append(region)
    return found


def ready_by_text(*, config: AppConfig, state: StateStore, item: Item, today: date) -> bool:
    """Whether registering a text made the agreement `item` ready to announce, once: nothing else blocks it
    and its window is open (`ready_regions`), and no earlier version was registered in the window (then the
    agreement was told ready with it, or will be when its last precondition is recorded)."""
    region = item.region
    if region is None or not ready_regions(config=config, state=state, year=item.year, regions=[region], today=today):
        return False
    earlier = versions(state, region=region, year=item.year)[:-1]
    return not any(item.start.isoformat() <= version.at[:10] for version in earlier)


def signing_years_unblocked_by(*, config: AppConfig, item: Item) -> list[int]:
    """The agreement years whose signing waits for `item` (e.g. the political treatment of the draft)."""
    spec = signing_milestone(config)
    if spec is None or item.region is None:
        return []
    return [item.year - after.cycle for after in spec.after if after.key == item.key]
