"""Which milestone is of which kind, decided by the milestone's `kind` in app.yaml and nothing else (not its
key nor its aliases): the commands and the reminders that name them must agree, so a valid app.yaml that
keys a milestone differently still gets reminders suggesting a command the bot accepts."""

from __future__ import annotations

import logging
from datetime import date, timedelta

from bot.model.config import AppConfig, Milestone
from bot.model.wheel import Item

logger = logging.getLogger(__name__)


def milestone_of_kind(config: AppConfig, *, kind: str) -> Milestone | None:
    """The first milestone of `kind` in app.yaml (`assignments`: the one `oppdrag` records), or None."""
    return next((milestone for milestone in config.milestones if milestone.kind == kind), None)


def is_assignments(item: Item) -> bool:
    """The assignment agreements: recorded with `oppdrag`, never with `referat`."""
    return item.kind == "milestone" and item.spec.kind == "assignments"


def is_action_plan(item: Item) -> bool:
    """A region's yearly action plan: adopted within its regional plan period, so its reminders also say
    when that period has run out (`bot.shown.plan_period`)."""
    return bool(item.kind == "milestone" and item.spec.kind == "plan" and item.region)


def is_signing(item: Item) -> bool:
    """A region's signing of its agreement: the parties sign it, and preconditions can block it."""
    return bool(item.kind == "milestone" and item.spec.signed_by_parties and item.region)


def is_meeting(item: Item) -> bool:
    """A meeting someone summons (it has a vår/høst short name, or actors prepare for it): only meetings
    are told "kall inn", have a planned date to count to, and are nudged for minutes."""
    return item.kind == "milestone" and not item.spec.signed_by_parties and bool(item.spec.short or item.spec.prepare)


def is_dated(item: Item) -> bool:
    """An item people give a planned date with `dato`: a meeting, or a political treatment (a body's
    meeting). Only these are said to lack a date («Ingen dato satt ennå»); an action plan or the
    assignment agreements are done by a record, not on a day."""
    return is_meeting(item) or (item.kind == "milestone" and item.spec.kind == "treatment")


def is_decided_elsewhere(item: Item) -> bool:
    """A national precondition others decide (the Storting adopts the state budget): the party that answers
    for it only records it, so its lateness waits on them rather than being anyone's delay here."""
    return item.kind == "precondition" and item.spec.owner == "national"


def decided_from(config: AppConfig, item: Item) -> date:
    """From when a fact others decide may have been decided, so recording it is something to do: its first
    reminder (the earliest lead before its deadline: the Storting votes on the state budget in December),
    not the day its window opens (AU was offered the state budget six weeks before the vote)."""
    leads = config.leads_for(item.spec)
    return item.deadline - timedelta(days=max((lead.days for lead in leads), default=0))
