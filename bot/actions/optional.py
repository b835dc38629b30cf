"""`mark_not_relevant`: an optional milestone is not relevant this year (e.g. no assignment agreements at
all): settled, no reminders, not overdue. `undo` takes the mark back. Over recorded assignment answers it
asks first (`bekreft`) and names them: a mark over what someone recorded is a choice, not a slip."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from bot.actions.base import Acting, record
from bot.actions.rules import (
    milestone_for,
    require_coordinator,
    require_county_region,
    require_near_year,
    write_item,
)
from bot.actions.typed_back import typed_with
from bot.i18n import N_, _
from bot.model.config import AppConfig
from bot.model.order import confirm_word
from bot.model.progress import progress_of
from bot.model.wheel import Item, done_word
from bot.state.store import DomainError, item_doc_key
from storage.base import Tables

logger = logging.getLogger(__name__)

ACTION = "mark_not_relevant"
EXAMPLE = N_("ikke aktuelt oppdrag 2027")


@dataclass(frozen=True)
class NotRelevantMarked:
    item: Item
    undo: bool
    """The mark was taken back: the item is relevant again."""


@dataclass(frozen=True)
class NotRelevantAlready:
    item: Item


def optional_names(config: AppConfig) -> str:
    """The optional milestones as people type them, for the messages that list them: the shortest alias
    (`oppdrag`, the same word in bokmål and nynorsk, where `oppdragsavtaler` is bokmål only)."""
    optional = [m for m in config.milestones if m.optional]
    return ", ".join(min(m.aliases, key=len) if m.aliases else m.key for m in optional) or _("ingen")


def mark_not_relevant(
    acting: Acting, *, key: str, region: str | None, year: int | None, undo: bool, confirmed: bool = False
) -> NotRelevantMarked | NotRelevantAlready:
    """`region` is the region meant (named or the context's); a national milestone ignores it."""
    config = acting.config
    spec = config.milestone(key)
    assert spec is not None
    if not spec.optional:
        raise DomainError(
            _(
                "«{name}» er en fast del av modellen og kan ikke markeres som ikke aktuelt. Valgfrie punkter: {names}."
            ).format(name=spec.name, names=optional_names(config))
        )
    if year is not None:
        require_near_year(acting, year, example=_(EXAMPLE))
    first = config.parties.regions[0].key
    where = (
        None
        if spec.scope == "national"
        else require_county_region(
            config=config,
            caller=acting.caller,
            command=_("ikke aktuelt"),
            region=region,
            example=typed_with(acting, word=first),
        )
    )
    require_coordinator(
        acting,
        item=milestone_for(config, key=spec.key, year=acting.now.year, region=where),
        what=_("markere et punkt som ikke aktuelt"),
    )
    item = write_item(acting, key=spec.key, region=where, typed=year)
    progress = progress_of(config=config, state=acting.state, item=item)
    if undo and not progress.not_relevant:
        raise DomainError(
            _("{item} er ikke markert som ikke aktuelt, så det er ingenting å angre.").format(item=item.title())
        )
    if not undo and progress.not_relevant:
        return NotRelevantAlready(item=item)
    if not undo and spec.kind == "assignments" and where is not None:
        require_none_sent(acting, item=item)
        require_confirmed_over_answers(acting, item=item, confirmed=confirmed)
    if not undo and progress.done:
        raise DomainError(
            _("{item} er allerede registrert som {done}, så det er aktuelt i år.").format(
                item=item.title(), done=done_word(item)
            )
        )

    def mutate(tables: Tables) -> None:
        doc = tables.setdefault("milestones", {}).setdefault(item_doc_key(item), {})
        if undo:
            doc.pop("not_relevant", None)
            doc.pop("done", None)
            doc.pop("done_at", None)
        else:
            doc.update({"not_relevant": True, "done": True, "done_at": acting.now.isoformat()})

    record(
        acting, action=ACTION, item=item, summary=lambda: f"{item.title()} {_(marked_word(undo=undo))}", mutate=mutate
    )
    return NotRelevantMarked(item=item, undo=undo)


def require_none_sent(acting: Acting, *, item: Item) -> None:
    """Assignment agreements are not «ikke aktuelt» in a year one was sent."""
    assert item.region is not None
    answers = acting.state.assignments(region=item.region, year=item.year)
    sent = [actor for actor, answer in answers.items() if answer.get("status") == "sent"]
    if sent:
        raise DomainError(
            _("{item} er aktuelt i år: oppdragsavtale er registrert sendt til {parties}.").format(
                item=item.title(), parties=", ".join(acting.config.party_prose(a) for a in sent)
            )
        )


def require_confirmed_over_answers(acting: Acting, *, item: Item, confirmed: bool) -> None:
    """«Ikke aktuelt» over recorded «ingen i år» answers asks first and names them (they are kept)."""
    assert item.region is not None
    answers = acting.state.assignments(region=item.region, year=item.year)
    if not answers or confirmed:
        return
    raise DomainError(
        _(
            "{item} har allerede svar: ingen i år fra {parties}. Skriv det samme med «{confirm}» til slutt "
            "for å markere hele punktet som ikke aktuelt; svarene beholdes."
        ).format(
            item=item.title(),
            parties=", ".join(acting.config.party_prose(a) for a in answers),
            confirm=confirm_word(),
        )
    )


def marked_word(*, undo: bool) -> str:
    """What happened to the item, after its title, in the history and the reply (untranslated)."""
    return N_("er aktuelt igjen") if undo else N_("er ikke aktuelt")
