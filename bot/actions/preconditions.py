"""`record_precondition`: a signing precondition is in place (state budget, a region's budget, an actor's
allocation letter).

The state budget is one national fact (recorded by AU or any county coordinator); a region's budget is
recorded by its coordinators; an allocation letter by a member of that actor. Recording it twice is
harmless: the earlier record is the result.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date

from bot.actions.base import Acting, record
from bot.actions.happened import Happened, not_come
from bot.actions.precondition_day import redate
from bot.actions.ready import ready_regions
from bot.actions.rules import (
    EARLY_GRACE,
    refuse_for_the_role,
    require_acts_for,
    require_known,
    require_member,
    require_opened_window,
    require_untaken_cycle,
    write_year,
)
from bot.actions.typed_back import typed_with
from bot.clock import OSLO
from bot.i18n import N_, _
from bot.model.order import confirm_word
from bot.model.progress import earlier_done_after, earlier_missing, progress_of
from bot.model.wheel import Item, precondition_items, record_command, responsible_party
from bot.shown.replies import day_text
from bot.state.store import DomainError, item_doc_key
from storage.base import Document, Tables

logger = logging.getLogger(__name__)

ACTION = "record_precondition"
EXAMPLE = N_("forutsetning tildelingsbrev IN 2027")


@dataclass(frozen=True)
class PreconditionRecorded:
    item: Item
    newly_ready: tuple[str, ...]
    """Regions whose agreement `item.year` can now be signed."""
    redated_from: date | None = None
    """Already recorded: the day it was recorded as done before the typed day replaced it (walk 13 W7)."""


@dataclass(frozen=True)
class PreconditionAlready:
    item: Item
    doc: Document
    """The earlier record: who (`by`) and when (`done_at`)."""


class _AlreadyRecorded(Exception):
    """Raised inside the store's lock, so nothing is written, when a concurrent request recorded it first."""

    def __init__(self, doc: Document) -> None:
        super().__init__("already recorded")
        self.doc = doc


def record_precondition(
    acting: Acting,
    *,
    key: str,
    region: str | None,
    party: str | None,
    year: int | None,
    confirmed: bool = False,
    happened: Happened | None = None,
) -> PreconditionRecorded | PreconditionAlready:
    """`region` is the region meant (named or the context's), `party` the party named in the command;
    `confirmed` (`bekreft`) lets a write into a cycle that predates the bot through. `happened` is the day
    the words name («vedtatt 14. desember»): the day recorded as done (so a budget adopted in time is not
    late for being typed in January), with the day it was typed kept beside it (`recorded_at`)."""
    config = acting.config
    spec = config.precondition(key)
    assert spec is not None
    actor: str | None = None
    if spec.owner == "region":
        if region is None:
            refuse_for_the_role(  # an actor's adviser is told who records it, not asked for a region (F8)
                config=config, caller=acting.caller, command=_("forutsetning") + f" {spec.key}", region=region
            )
            raise DomainError(
                _("Hvilken regions budsjett? Skriv f.eks. «{command}».").format(
                    command=_("forutsetning") + f" {spec.key} agder"
                )
            )
        require_acts_for(
            acting, party=region, what=_("registrere budsjettet til {party}").format(party=config.party_name(region))
        )
    elif spec.owner == "actor":
        region = None
        actor = _actor(acting, party=party)
    else:
        region = None
        # A national fact that gates every region: recorded by its owner, AU, alone (app.yaml `coordinator`).
        require_known(acting)
        if acting.caller.party != config.parties.coordinator.key:  # = responsible_party: AU
            raise DomainError(
                _("Statsbudsjettet registreres av AU: det vedtas av Stortinget og gjelder avtalene i alle regionene.")
            )

    def item_for(y: int) -> Item:
        return next(
            item
            for item in precondition_items(config, year=y, region=region or config.parties.regions[0].key)
            if item.key == spec.key and item.actor == actor and (spec.owner != "region" or item.region == region)
        )

    year = write_year(acting, typed=year, item_for=item_for)
    item = item_for(year)
    done = progress_of(config=config, state=acting.state, item=item)
    if done.done and (happened is None or done.done_at is None or done.done_at.date() == happened.date()):
        return PreconditionAlready(item=item, doc=acting.state.item_doc(item))
    if not done.done:
        require_untaken_cycle(acting, item=item, confirmed=confirmed)
        require_opened_window(acting, item=item, confirmed=confirmed)
        _require_earlier(acting, item=item)
    if happened is not None:
        require_day_fits(item=item, happened=happened, today=acting.now.date(), confirmed=confirmed)
    if happened is not None and not confirmed:
        _require_after_earlier(acting, item=item, day=happened.date())
    if done.done and done.done_at is not None and happened is not None:
        redate(acting, item=item, was=done.done_at, happened=happened.when, confirmed=confirmed)
        return PreconditionRecorded(item=item, newly_ready=(), redated_from=done.done_at.date())
    return _record(acting, item=item, happened=happened)


def _require_earlier(acting: Acting, *, item: Item) -> None:
    """The model's order among preconditions (app.yaml `after`): an allocation letter follows from the
    state budget, so it cannot be in place before the budget is adopted. The refusal suggests recording the
    earlier one only to the party that may (`responsible_party`); anyone else is told who does (walk 6, F1)."""
    config = acting.config
    before = earlier_missing(config=config, state=acting.state, precondition=item)
    if before is None:
        return
    owner = responsible_party(config, before)
    if acting.caller.party == owner:
        raise DomainError(
            _("{item} følger av {before}, som ikke er registrert ennå. Registrer det først med «{command}».").format(
                item=item.title(), before=before.title(), command=record_command(before)
            )
        )
    raise DomainError(
        _(
            "{item} følger av {before}, som ikke er registrert ennå. {party} registrerer det; "
            "registrer dette når det er gjort. Ingenting er endret."
        ).format(item=item.title(), before=before.title(), party=config.party_prose(owner))
    )


def _require_after_earlier(acting: Acting, *, item: Item, day: date) -> None:
    """A typed day before the precondition it follows from was done (a letter «mottatt 10. desember» from a
    budget adopted 16 December) is asked about, as a changed day is: a slip («10.» for «18.») would
    otherwise stand in the receipt's history (walk 21 A4)."""
    before = earlier_done_after(config=acting.config, state=acting.state, precondition=item, day=day)
    if before is None:
        return
    done_at = progress_of(config=acting.config, state=acting.state, item=before).done_at
    assert done_at is not None
    raise DomainError(
        _(
            "{day} er før {before} ({before_day}), som {item} følger av. Skriv en annen dag, eller det samme "
            "med «{confirm}» til slutt for å registrere det likevel."
        ).format(
            day=day_text(day),
            before=before.title(),
            before_day=day_text(done_at.astimezone(OSLO).date()),
            item=item.title(),
            confirm=confirm_word(),
        ),
        again=_("Registrer likevel"),
    )


def _actor(acting: Acting, *, party: str | None) -> str:
    """The actor whose allocation letter it is: the named one, else the channel's, else the caller's."""
    config = acting.config
    actor = party if party and config.actor(party) else acting.channel.actor or acting.caller.party
    if actor is None or config.actor(actor) is None:
        if acting.caller.party and not config.actor(acting.caller.party):  # not for a county to register
            raise DomainError(
                _("Tildelingsbrevet registreres av aktøren selv ({actors}), hver i sin kanal.").format(
                    actors=", ".join(enabled.key for enabled in config.enabled_actors)
                )
            )
        raise DomainError(
            _("Hvilken aktørs tildelingsbrev? Skriv f.eks. «{example}».").format(
                example=typed_with(acting, word=config.enabled_actors[0].key)
            )
        )
    if actor not in (enabled.key for enabled in config.enabled_actors):
        raise DomainError(
            _("{party} er ikke part i avtalene, så det trengs ikke tildelingsbrev.").format(
                party=config.party_name(actor)
            )
        )
    require_member(acting, party=actor, what=_("registrere sitt tildelingsbrev"))
    return actor


def require_day_fits(*, item: Item, happened: Happened, today: date, confirmed: bool) -> None:
    """The day a record says something happened must have come, and (unless confirmed) fall no earlier than
    a month before the item's window: the one rule for every record that takes its day (preconditions,
    assignment agreements sent, walk 23 #6)."""
    ahead = not_come(happened, today=today, opens=item.start - EARLY_GRACE)
    if ahead is not None:
        # «vedtatt 10. desember» typed in November (this December is to come), or a year typed ahead
        # («16. desember 2028»): never recorded as the day it happened (walk 14a F1).
        raise DomainError(
            _("{day} har ikke kommet ennå. Registrer {item} når det har skjedd.").format(
                day=day_text(ahead), item=item.title()
            )
        )
    if happened.date() < item.start - EARLY_GRACE and not confirmed:
        raise DomainError(
            _(
                "{item} kan tidligst skje fra {start}, men du skrev {day}. Skriv en annen dag, eller det samme "
                "med «{confirm}» til slutt for å registrere det likevel."
            ).format(
                item=item.title(), start=day_text(item.start), day=day_text(happened.date()), confirm=confirm_word()
            )
        )


def _record(acting: Acting, *, item: Item, happened: Happened | None) -> PreconditionRecorded | PreconditionAlready:
    config, state = acting.config, acting.state
    affected = [item.region] if item.region else [region.key for region in config.parties.regions]
    ready_before = ready_regions(config=config, state=state, year=item.year, regions=affected, today=acting.now.date())

    def mutate(tables: Tables) -> None:
        preconditions = tables.setdefault("preconditions", {})
        existing = preconditions.get(item_doc_key(item)) or {}
        if existing.get("done"):  # recorded by someone else between our read and the lock
            raise _AlreadyRecorded(existing)
        preconditions[item_doc_key(item)] = {
            "done": True,
            "done_at": (happened.when if happened else acting.now).isoformat(),
            "by": acting.caller.name,
        } | ({"recorded_at": acting.now.isoformat()} if happened is not None else {})

    try:
        record(
            acting,
            action=ACTION,
            item=item,
            summary=lambda: (
                _("Registrerte: {item}").format(item=item.title())
                + (", " + day_text(happened.date()) if happened is not None else "")
            ),
            mutate=mutate,
        )
    except _AlreadyRecorded as already:
        return PreconditionAlready(item=item, doc=already.doc)
    ready_after = ready_regions(config=config, state=state, year=item.year, regions=affected, today=acting.now.date())
    return PreconditionRecorded(item=item, newly_ready=tuple(r for r in ready_after if r not in ready_before))
