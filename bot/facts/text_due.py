"""Whether a region's coordinator should register its agreement's text now (walk 16 F2). The text is the
region's own step before anyone signs: the model has the draft treated politically before January's signing
(§3.2), so the text is due from when the step the signing follows is (its suggested month: December), not
first asked for half-way through the signing window. `neste` lists it as the region's own work from then."""

from __future__ import annotations

import logging
from datetime import date

from bot.agreement.versions import current_version
from bot.facts.kinds import is_signing
from bot.facts.owed import still_owed
from bot.model.config import AppConfig
from bot.model.wheel import Item, milestone_item
from bot.state.store import StateStore

logger = logging.getLogger(__name__)


def text_due(*, config: AppConfig, state: StateStore, signing: Item, today: date) -> bool:
    """True when `signing` has no text yet, the step it follows is due (or, without one, its window is open)
    and the signing is still followed."""
    if not is_signing(signing) or signing.region is None:
        return False
    if current_version(state, region=signing.region, year=signing.year) is not None:
        return False
    if signing.deadline < today and not still_owed(signing, today=today):
        return False
    from bot.reminders.schedule import opens  # here: the reminders' lines read this module (no import cycle)

    follows = [
        milestone_item(config, milestone=spec, year=signing.year + after.cycle, region=signing.region)
        for after in signing.spec.after
        if (spec := config.milestone(after.key)) is not None
    ]
    return today >= min((opens(item) for item in follows), default=signing.start)


def text_due_after(*, config: AppConfig, state: StateStore, item: Item, today: date) -> bool:
    """Whether `item` is a step a signing follows (the draft's political treatment) and that signing's text is
    due and missing: its reminders to the region then ask for the text too, in December, not first in the
    middle of January's signing window (walk 16 F2)."""
    if item.kind != "milestone" or item.region is None:
        return False
    for spec in config.milestones:
        for after in spec.after if spec.signed_by_parties else ():
            if after.key == item.key:
                signing = milestone_item(config, milestone=spec, year=item.year - after.cycle, region=item.region)
                if text_due(config=config, state=state, signing=signing, today=today):
                    return True
    return False
