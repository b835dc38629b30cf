"""`record_assignment`: an assignment agreement sent to one actor, or none this year (§3.3: where there
are any, they are sent to the actor in January). The milestone is done when every actor has an answer;
a sent agreement after "not relevant" makes it relevant again (and says so), «none» keeps the mark.
Replacing a recorded «sendt» with «ingen» asks first (`bekreft`) and names what it replaces, as a date or a
text does: the sent agreement would otherwise vanish from every surface."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Literal

from bot.actions.assignment_day import redate_assignment, sent_at
from bot.actions.base import Acting, record
from bot.actions.happened import Happened
from bot.actions.preconditions import require_day_fits
from bot.actions.rules import (
    milestone_for,
    pick_year,
    refuse_for_the_role,
    replace_question,
    require_coordinator,
    require_region,
    require_untaken_cycle,
    write_item,
)
from bot.actions.typed_back import typed_with
from bot.facts.assignment_answers import told_to_actor
from bot.facts.kinds import milestone_of_kind
from bot.i18n import N_, _
from bot.model.wheel import Item
from bot.shown.replies import day_text
from bot.state.store import DomainError, item_doc_key
from storage.base import Tables

logger = logging.getLogger(__name__)

ACTION = "record_assignment"
EXAMPLE = "oppdrag IN sendt"

Status = Literal["sent", "none"]


@dataclass(frozen=True)
class AssignmentRecorded:
    item: Item
    actor: str
    status: Status
    complete: bool
    """Every actor now has an answer, so the milestone is done."""
    not_relevant: Literal["kept", "lifted", None] = None
    """The item was marked «ikke aktuelt»: kept by a «none», lifted by a «sent» (said in the reply)."""
    redated_from: date | None = None
    """A «sendt» recorded before, given the day it was sent afterwards: the day it said (walk 36 F6)."""


@dataclass(frozen=True)
class AssignmentAlready:
    item: Item
    actor: str
    status: Status


def status_word(status: Status) -> str:
    """The answer as the history and the replies say it (untranslated)."""
    return N_("sendt") if status == "sent" else N_("ingen i år")


def record_assignment(
    acting: Acting,
    *,
    actor: str | None,
    status: Status | None,
    region: str | None,
    year: int | None,
    confirmed: bool = False,
    sent_on: Happened | None = None,
) -> AssignmentRecorded | AssignmentAlready:
    """`region` is the region meant (named or the context's); `status` None (neither «sendt» nor «ingen»
    typed) asks which, rather than guess «sendt»; `confirmed` lets a write into a cycle before the bot
    through. `sent_on`: the day it was sent, when typed («sendt 28.01.», walk 23 #6), by the rule a
    precondition's day follows; else today."""
    config = acting.config
    enabled = [a.key for a in config.enabled_actors]
    # Every example a whole command for the asker (walk 8 N4, m11): a region put in where none is meant.
    where = "" if region else f" {config.parties.regions[0].key}"
    _tell_an_actor(acting, region=region, year=year, recording=status is not None)
    # anyone else outside a county council is told who records it before anything else (walk 14b F8)
    refuse_for_the_role(config=config, caller=acting.caller, command="oppdrag", region=region)
    if actor not in enabled:
        raise DomainError(
            _("Hvilken aktør? Skriv f.eks. «{example}» eller «{other}».").format(
                example=typed_with(acting, word=enabled[0] + where),
                other=f"oppdrag {enabled[min(1, len(enabled) - 1)]} ingen{where}",
            )
        )
    assert actor is not None
    if status is None:
        short = config.party_short(actor)
        raise DomainError(
            _("Er oppdragsavtalen til {party} sendt, eller er det ingen i år? Skriv «{sent}» eller «{none}».").format(
                party=config.party_name(actor),
                sent=f"oppdrag {short} sendt{where}",
                none=f"oppdrag {short} ingen{where}",
            )
        )
    region = require_region(region, example=typed_with(acting, word=where.strip()))  # the asker's words, a region in
    spec = milestone_of_kind(config, kind="assignments")
    if spec is None:
        raise DomainError(_("Årshjulet har ingen oppdragsavtaler."))
    require_coordinator(acting, item=milestone_for(config, key=spec.key, year=acting.now.year, region=region))
    item = write_item(acting, key=spec.key, region=region, typed=year)
    year = item.year
    require_coordinator(acting, item=item)
    require_untaken_cycle(acting, item=item, confirmed=confirmed)
    if sent_on is not None:
        require_day_fits(item=item, happened=sent_on, today=acting.now.date(), confirmed=confirmed)
    when = (sent_on.when if sent_on else acting.now).isoformat()
    earlier = acting.state.assignments(region=region, year=year).get(actor, {})
    relevant = not acting.state.item_doc(item).get("not_relevant")
    if earlier.get("status") == status and (relevant or status == "none"):  # the same again: nothing to record
        was = sent_at(earlier)
        if status == "sent" and sent_on is not None and was is not None and was.date() != sent_on.date():
            redate_assignment(acting, item=item, actor=actor, was=was, happened=sent_on.when, confirmed=confirmed)
            return AssignmentRecorded(item=item, actor=actor, status=status, complete=False, redated_from=was.date())
        return AssignmentAlready(item=item, actor=actor, status=status)
    if earlier.get("status") and earlier.get("status") != status and not confirmed:  # either way asks (walk 8 m5)
        was = (
            _("oppdragsavtalen {year} til {party}, registrert som sendt av {name}")
            if earlier.get("status") == "sent"
            else _("oppdragsavtalen {year} til {party}, registrert som «ingen i år» av {name}")
        )
        raise replace_question(
            what=was.format(year=year, party=config.party_name(actor), name=earlier.get("by") or "?")
        )
    # «None this year» agrees with «ikke aktuelt» and keeps it; only a sent agreement makes it relevant again.
    lifts = not relevant and status == "sent"

    def mutate(tables: Tables) -> bool:
        sent = tables.setdefault("assignments", {})
        sent[actor] = {"status": status, "at": when, "by": acting.caller.name}
        if sent_on is not None:
            sent[actor]["recorded_at"] = acting.now.isoformat()
        complete = all(key in sent for key in enabled)
        doc = tables.setdefault("milestones", {}).setdefault(item_doc_key(item), {})
        if lifts and doc.pop("not_relevant", None):  # something was sent after all: relevant again
            doc.pop("done", None)
            doc.pop("done_at", None)
        if complete and not doc.get("not_relevant"):
            doc.update({"done": True, "done_at": max(str(one.get("at") or "") for one in sent.values()) or when})
        return complete

    complete = record(
        acting,
        action=ACTION,
        item=item,
        summary=lambda: (
            _("Oppdragsavtale {year} for {party}: {what}").format(
                year=year, party=config.party_name(actor), what=_(status_word(status))
            )
            + (", " + day_text(sent_on.date()) if sent_on is not None else "")
        ),
        mutate=mutate,
    )
    return AssignmentRecorded(
        item=item,
        actor=actor,
        status=status,
        complete=bool(complete),
        not_relevant=None if relevant else "lifted" if lifts else "kept",
    )


def _tell_an_actor(acting: Acting, *, region: str | None, year: int | None, recording: bool) -> None:
    """An actor's adviser typing `oppdrag` (asking, or trying to record) is told the answer each region has
    recorded for the actor and who records it, with nothing to type that they may not run (walk 21 A1):
    the assignment agreement is the region's to send and to record (§3.3). Trying to record for a named
    region (`recording`), the refusal a coordinator's check gives comes first."""
    config, caller = acting.config, acting.caller
    if not (caller.known and caller.party and config.actor(caller.party)):
        return
    spec = milestone_of_kind(config, kind="assignments")
    if spec is None:
        raise DomainError(_("Årshjulet har ingen oppdragsavtaler."))
    regions = [region] if region else [r.key for r in config.parties.regions]

    def item_for(key: str) -> Callable[[int], Item]:
        return lambda y: milestone_for(config, key=spec.key, year=y, region=key)

    cycles = [(key, year or pick_year(acting, item_for=item_for(key))) for key in regions]
    refusal = None
    if recording and region:
        try:
            require_coordinator(acting, item=item_for(region)(cycles[0][1]))
        except DomainError as refused:
            refusal = str(refused)
    # their own party's answers, whichever actor was typed: the one an adviser speaks for
    told = told_to_actor(config=config, state=acting.state, actor=caller.party, regions=cycles, refusal=refusal)
    raise DomainError(told)
