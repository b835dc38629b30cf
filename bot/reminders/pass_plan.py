"""What a reminder pass would post at a moment: the planner's due reminders and, on the week's first working
day, AU's weekly overview, built into one digest per channel; and how a posted digest is written into the
once-only ledger. `run_pass` posts these; `simulate` and tests read them without posting.
"""

from __future__ import annotations

import logging
from datetime import date, datetime
from typing import TYPE_CHECKING

from bot.dates.workdays import is_first_working_day_of_week
from bot.i18n import using
from bot.messages import ChannelAddress, Section
from bot.reminders import ledger as pass_ledger
from bot.reminders.digest import Digest, address_form, build_digests
from bot.reminders.unheard import unheard_due
from bot.reminders.weekly import last_posted, overview_id, weekly_overview
from storage.base import StoreError

if TYPE_CHECKING:
    from bot.core import Core

logger = logging.getLogger(__name__)


def plan_digests(
    *, core: Core, at: datetime, region: str | None = None, skip: frozenset[str] = frozenset(), preview: bool = False
) -> list[Digest]:
    """What a pass at `at` would post: the digests, each with the reminders it carries (`preview`: shown, not
    posted, so no line says it was sent late)."""
    today = at.date()
    due = core.planner.due(now=at, region=region, skip=skip, preview=preview)
    due += unheard_due(core=core, today=today, region=region, skip=skip)  # an actor's reminder with nowhere to go
    overview: dict[ChannelAddress, tuple[str, tuple[Section, ...], str]] = {}
    days_off = core.config.reminders.days_off_set
    if core.planner.is_reminder_day(today) and is_first_working_day_of_week(today, days_off=days_off):
        # the overview once per written form and last overview received (`weekly.last_posted`)
        by_form: dict[tuple[str, tuple[str, date] | None], tuple[tuple[Section, ...], str]] = {}
        partition, prefix = overview_id(today=today)
        ledger = core.state.ledger(partition)
        for binding in core.directory.bindings():
            if binding.context.kind != "national":
                continue
            ident = f"{prefix}|{binding.address.platform}:{binding.address.channel_id}"
            if ident in ledger or ident in skip:
                continue
            lang = address_form(config=core.config, state=core.state, address=binding.address)
            form = (lang, last_posted(state=core.state, today=today, address=binding.address))
            if form not in by_form:
                with using(lang):
                    by_form[form] = _overview(core, today=today, address=binding.address)
            sections, said = by_form[form]
            if sections:
                overview[binding.address] = (ident, sections, said)
    return build_digests(config=core.config, state=core.state, today=today, due=due, overview=overview)


def _overview(core: Core, *, today: date, address: ChannelAddress) -> tuple[tuple[Section, ...], str]:
    """AU's weekly overview; left out of this pass when a partition it reads is damaged (the store notes
    the fault on /healthz), so one region's bad value never stops every channel's digest."""
    try:
        return weekly_overview(config=core.config, state=core.state, today=today, address=address)
    except StoreError as exc:
        logger.warning("weekly overview left out of this pass (%s): %s", exc.kind, exc.partition or "the store")
        return (), ""


def record_digest(core: Core, digest: Digest, *, at: datetime) -> None:
    """Write every reminder the digest carried into the ledger, as a pass does after posting it (`simulate`
    records what it would have posted, so the days after it see the ledger they would have)."""
    pass_ledger.settle(core.state, posted=[pass_ledger.intent_of(digest, at=at)])
