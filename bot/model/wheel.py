"""The annual wheel: turns the milestones and preconditions of app.yaml into dated items of one cycle.

Cycle A is collaboration agreement A (see docs/architecture.md). Nothing here knows a date of its own;
every window comes from the configuration.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import Literal

from bot.i18n import N_, _
from bot.memo import per_config
from bot.model.config import AppConfig, Milestone, Precondition
from bot.model.config_parts import LocalText

ItemKind = Literal["milestone", "precondition"]


@dataclass(frozen=True)
class Item:
    """One dated thing to be done in a cycle: a milestone, or one precondition of the signing."""

    kind: ItemKind
    key: str
    year: int
    region: str | None
    actor: str | None
    start: date
    deadline: date
    spec: Milestone | Precondition
    actor_name: LocalText | None = field(default=None, compare=False)
    """The actor's name from app.yaml, for the title's prose (walk 36 F9: «– Innovasjon Norge», not «– IN»), in
    the reader's written form (fixbf 5: items are built once per configuration, read in both)."""

    @cached_property
    def ident(self) -> str:
        """A stable id, used in the reminder ledger and in buttons (made once: items are kept per cycle)."""
        parts = [self.kind, self.key, str(self.year), self.region or "national"]
        if self.actor:
            parts.append(self.actor)
        return ":".join(parts)

    @property
    def national(self) -> bool:
        return self.region is None

    def title(self) -> str:
        if self.kind == "precondition":
            who = f" – {self.actor_name or self.actor}" if self.actor else ""
            return _("{name}{who} (avtale {year})").format(name=self.spec.name, who=who, year=self.year)
        return f"{self.spec.name} {self.year}"


def milestone_item(config: AppConfig, *, milestone: Milestone, year: int, region: str | None) -> Item:
    """A milestone's item of cycle `year` (made once per configuration: resolving its window is not cheap,
    and the rules ask for the item before or after another one on every signing and date)."""
    item = _kept_milestone_item(config, milestone=milestone, year=year, region=region)
    if item.spec is not milestone:  # a spec that is not the configuration's own: made afresh
        return _make_milestone_item(config, milestone=milestone, year=year, region=region)
    return item


def _make_milestone_item(config: AppConfig, *, milestone: Milestone, year: int, region: str | None) -> Item:
    start, deadline = milestone.window.resolve(year)
    return Item(
        kind="milestone",
        key=milestone.key,
        year=year,
        region=None if milestone.scope == "national" else region,
        actor=None,
        start=start,
        deadline=deadline,
        spec=milestone,
    )


_kept_milestone_item = per_config(key=lambda *, milestone, year, region: (milestone.key, year, region))(
    _make_milestone_item
)


def regional_milestones(config: AppConfig, *, year: int, region: str) -> list[Item]:
    """A region's own milestones of cycle `year` (built once per configuration: the caller gets its own list)."""
    return list(_regional_milestones(config, year=year, region=region))


def national_milestones(config: AppConfig, *, year: int) -> list[Item]:
    """The national milestones of cycle `year` (built once per configuration: the caller gets its own list)."""
    return list(_national_milestones(config, year=year))


def precondition_items(config: AppConfig, *, year: int, region: str | None) -> list[Item]:
    """The preconditions of agreement `year`: national facts, the region's own, and each actor's letter.

    With `region=None` only the national and per-actor ones (they are shared by every region). Built once
    per configuration (AU's `neste` asks for every region's): the caller gets its own list.
    """
    return list(_precondition_items(config, year=year, region=region))


@per_config()
def _regional_milestones(config: AppConfig, *, year: int, region: str) -> tuple[Item, ...]:
    return tuple(
        milestone_item(config, milestone=milestone, year=year, region=region)
        for milestone in config.milestones
        if milestone.scope == "regional"
    )


@per_config()
def _national_milestones(config: AppConfig, *, year: int) -> tuple[Item, ...]:
    return tuple(
        milestone_item(config, milestone=milestone, year=year, region=None)
        for milestone in config.milestones
        if milestone.scope == "national"
    )


@per_config()
def _precondition_items(config: AppConfig, *, year: int, region: str | None) -> tuple[Item, ...]:
    items: list[Item] = []
    for spec in config.preconditions:
        start, deadline = spec.window.resolve(year)
        if spec.owner == "national":
            owners: list[tuple[str | None, str | None]] = [(None, None)]
        elif spec.owner == "region":
            owners = [(region, None)] if region else []
        else:
            owners = [(None, actor.key) for actor in config.enabled_actors]
        for owner_region, actor in owners:
            items.append(
                Item(
                    kind="precondition",
                    key=spec.key,
                    year=year,
                    region=owner_region,
                    actor=actor,
                    actor_name=config.party_names(actor) if actor else None,
                    start=start,
                    deadline=deadline,
                    spec=spec,
                )
            )
    return tuple(items)


def cycle_items(config: AppConfig, *, year: int, region: str | None) -> list[Item]:
    """Everything of cycle `year` that concerns a region (with the national items), or the nation alone.

    Built once per configuration, year and region (a request asks for the same cycle many times; building
    resolves every window) from the same item objects as the lists above: the items are frozen, the caller
    gets its own list."""
    return list(_cycle_items(config, year=year, region=region))


@per_config()
def _cycle_items(config: AppConfig, *, year: int, region: str | None) -> tuple[Item, ...]:
    items = _national_milestones(config, year=year) + _precondition_items(config, year=year, region=region)
    if region is not None:
        items += _regional_milestones(config, year=year, region=region)
    return tuple(sorted(items, key=lambda item: (item.deadline, item.start, item.key)))


def agreement_parties(config: AppConfig, *, region: str) -> list[str]:
    """The parties that sign a region's agreement: the region and every enabled actor."""
    return [region, *(actor.key for actor in config.enabled_actors)]


def signing_milestone(config: AppConfig) -> Milestone | None:
    """The agreement's signing: the milestone of kind `signing` (`bot.facts.kinds`, the one rule)."""
    from bot.facts.kinds import milestone_of_kind  # bot.facts.kinds reads this module's Item

    return milestone_of_kind(config, kind="signing")


def window_contains(item: Item, day: date) -> bool:
    return item.start <= day <= item.deadline


def tracked(config: AppConfig, item: Item) -> bool:
    """Whether the bot follows an item up: items due before `tracking_start` are history."""
    return config.tracking_start is None or item.deadline >= config.tracking_start


def responsible_party(config: AppConfig, item: Item) -> str:
    """The party code that must act on an item: the owner of a precondition, the region for its own
    milestones, the coordinator (AU) for the national ones."""
    if item.kind == "precondition":
        if item.spec.owner == "actor" and item.actor:
            return item.actor
        if item.spec.owner == "region" and item.region:
            return item.region
        return config.parties.coordinator.key
    if item.spec.responsible == "region" and item.region:
        return item.region
    return config.parties.coordinator.key


def record_command(precondition: Item) -> str:
    """The command that records a precondition: «forutsetning statsbudsjett 2027 vedtatt <dag>», «forutsetning
    tildelingsbrev IN 2027 mottatt <dag>» (one wording for the reminders, the refusals and the reply that
    recorded today). With the day form (walk 17 F-b): the verb alone records today, so a suggestion typed
    after the day itself (a December budget written down in January) would record the wrong day."""
    actor = f" {precondition.actor}" if precondition.actor else ""
    command = _("forutsetning") + f" {precondition.key}{actor} {precondition.year}"
    received = precondition.actor is not None  # an actor's allocation letter is received, the rest adopted
    return command + " " + (_("mottatt <dag>") if received else _("vedtatt <dag>"))


DONE_WORDS = {
    "meeting": N_("holdt"),
    "treatment": N_("behandlet"),
    "plan": N_("vedtatt"),
    "assignments": N_("sendt"),
    "signing": N_("signert av alle parter"),
}


def done_word(item: Item) -> str:
    """The word for an item being done that fits its kind: a meeting is held, a plan adopted, a
    precondition recorded."""
    if item.kind == "precondition":
        return _("registrert")
    return _(DONE_WORDS[item.spec.kind])


def region_title(config: AppConfig, item: Item) -> str:
    """The item's title with the region it belongs to, for lists that span regions."""
    return f"{item.title()} – {config.party_short(item.region)}" if item.region else item.title()
