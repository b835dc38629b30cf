"""A signature a party still owes on a ready agreement whose deadline has passed: followed until a year after
that deadline, when the next agreement is due (walk 6 F15). The reminders' slower rhythm (`bot.reminders.
schedule`), `neste` and the «which year?» of a `signer` without one all read it here, so the digest, `neste`
and the example never name different years (walk 14b F11)."""

from __future__ import annotations

import logging
from datetime import date, timedelta

from bot.agreement.versions import current_version
from bot.facts.kinds import is_signing
from bot.model.config import AppConfig
from bot.model.cycle import earliest_counted, read_cycles, superseded
from bot.model.progress import missing_for_signing, progress_of
from bot.model.wheel import Item, milestone_item, signing_milestone
from bot.state.store import StateStore

logger = logging.getLogger(__name__)

UNSIGNED_FOLLOWED = timedelta(days=365)
"""How long after its deadline an unsigned agreement is still followed."""


def still_owed(item: Item, *, today: date) -> bool:
    """Whether a late signing is still followed on `today` (its deadline passed at most a year ago)."""
    return is_signing(item) and item.deadline < today <= item.deadline + UNSIGNED_FOLLOWED


def is_history(config: AppConfig, *, item: Item, today: date) -> bool:
    """Whether an unfinished item is no longer something to do on `today`, only named with its year: its cycle
    is no longer counted (`earliest_counted`) or a write without a year means the next one (`superseded`), bar a
    signature still owed. `neste` offers no item or button for it, and a signing's reminder held over or sent
    late is checked again by it on the day it goes out (walk 37 F-J: NFR's digest of 1 February 2028 still asked for the
    2027 signature, with a «Signer» button, the day `neste` made it history)."""
    if still_owed(item, today=today):
        return False
    return item.year < earliest_counted(config, today=today) or superseded(config, item=item, today=today)


def left_behind(config: AppConfig, *, item: Item, today: date) -> bool:
    """Whether an unfinished item of an earlier cycle is history on `today` (`is_history`): `neste` names it with
    its year among «Ikke fullført fra tidligere sykluser» and offers nothing for it, so no reminder chases it
    either, on its day or late after downtime (a pass on 31 August 2027 chased the unheld autumn meeting of
    2026 that `neste` named only as history). An item of the calendar year's cycle stays `neste`'s to offer."""
    return item.year < read_cycles(config, today=today).year and is_history(config, item=item, today=today)


def owed_signing(*, config: AppConfig, state: StateStore, party: str, region: str, today: date) -> Item | None:
    """The earliest agreement of `region` past its deadline that `party` has not signed (or must sign again
    on a new text), that nothing blocks and that is still followed; None when there is none."""
    spec = signing_milestone(config)
    if spec is None:
        return None
    for year in (today.year - 2, today.year - 1, today.year):
        item = milestone_item(config, milestone=spec, year=year, region=region)
        if (
            still_owed(item, today=today)
            and party in progress_of(config=config, state=state, item=item).missing
            and not missing_for_signing(config=config, state=state, signing=item)
            and current_version(state, region=region, year=year) is not None
        ):
            return item
    return None
