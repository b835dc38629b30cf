"""An enabled actor with no channel, told of unasked in AU's (the national) channels once a reminder for it
falls due and has nowhere to go (walk 18 F5): `check-config` and AU's `oversikt` name it when asked; the
pass says it the first time it matters, with how to connect a channel, in the words they use
(`bot.shown.unheard.unheard_text`).

Once per actor and national channel, through the ledger (`LEDGER`): the id carries a fingerprint of the
channels bound at runtime (`koble aktør`, `koble region`, …), so the same actor is not told of again on every
pass, only after the channels changed and it still has none.
"""

from __future__ import annotations

import hashlib
import json
import logging
from datetime import date
from typing import TYPE_CHECKING

from bot.i18n import _, using
from bot.messages import ItemState
from bot.model.progress import Progress, missing_for_signing, progress_of
from bot.reminders.digest import address_form
from bot.reminders.lines import DigestLine
from bot.reminders.planner import DueReminder
from bot.reminders.schedule import Occurrence
from bot.shown.unheard import unheard_actors_now, unheard_text
from bot.state.store import META
from storage.base import StoreError

if TYPE_CHECKING:
    from bot.core import Core
    from bot.model.wheel import Item

logger = logging.getLogger(__name__)

LEDGER = META
"""The ledger partition of these notices: not a cycle's, so a new year does not tell it again."""


def unheard_due(*, core: Core, today: date, region: str | None, skip: frozenset[str]) -> list[DueReminder]:
    """One notice per actor with no channel whose reminder falls due today, to every national channel not
    told of it since the channels last changed; none when every enabled actor has a channel."""
    actors = unheard_actors_now(core.directory)
    if not actors or not core.planner.is_reminder_day(today):
        return []
    falling = _falling_due(core, actors=actors, today=today, region=region)
    if not falling:
        return []
    stamp = _channels_stamp(core)
    ledger = core.state.ledger(LEDGER)
    notices: list[DueReminder] = []
    for binding in core.directory.bindings():
        if binding.context.kind != "national":
            continue
        address = binding.address
        where = f"{address.platform}:{address.channel_id}"
        lang = address_form(config=core.config, state=core.state, address=address)
        for actor, (item, occurrence) in falling.items():
            ident = f"unheard|{actor}|{stamp}|{where}"
            if ident in ledger or ident in skip:
                continue
            with using(lang):
                line = _line(core, actor=actor, item=item)
            notices.append(
                DueReminder(
                    id=ident,
                    partition=LEDGER,
                    item=item,
                    occurrence=occurrence,
                    to=address,
                    party=core.config.parties.coordinator.key,
                    channel=binding.context,
                    line=line,
                    late=False,
                    lang=lang,
                )
            )
    return notices


def _falling_due(
    core: Core, *, actors: list[str], today: date, region: str | None
) -> dict[str, tuple[Item, Occurrence]]:
    """Each actor among `actors` a reminder falls due for today (the first such item), with that reminder."""
    planner = core.planner
    wanted = set(actors)
    found: dict[str, tuple[Item, Occurrence]] = {}
    for item in planner.items(years=range(today.year - 1, today.year + 2), region=region):
        try:
            progress = progress_of(config=core.config, state=core.state, item=item)
        except StoreError:  # a damaged partition (noted on /healthz): its items wait, as the pass's own do
            continue
        if progress.done or progress.not_relevant:
            continue
        for occurrence in planner.occurrences(progress):
            if occurrence.day != today or not _sent(core, progress=progress, occurrence=occurrence, today=today):
                continue
            try:
                parties = planner.audience_parties(progress, occurrence)
            except StoreError:
                continue
            for actor in wanted.intersection(parties) - found.keys():
                found[actor] = (item, occurrence)
        if found.keys() == wanted:
            break
    return {actor: found[actor] for actor in actors if actor in found}


def _sent(core: Core, *, progress: Progress, occurrence: Occurrence, today: date) -> bool:
    """Whether the pass would send this reminder at all (as `Planner.due` decides): not a lead ahead of a day
    that has passed, nor a signing's «opens» while the agreement waits on something."""
    if occurrence.kind == "lead":
        return progress.target >= today
    if occurrence.kind == "opens":
        return not missing_for_signing(config=core.config, state=core.state, signing=progress.item)
    return True


def _channels_stamp(core: Core) -> str:
    """A fingerprint of the channels bound at runtime: a change there (a channel connected, or taken for
    something else) may change which actors have none, so they are told of once more."""
    runtime = core.state.tables(META).get("channels") or {}
    text = json.dumps(runtime, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode()).hexdigest()[:10]


def _line(core: Core, *, actor: str, item: Item) -> DigestLine:
    """«Regionale forskningsfond (RFF) · ingen kanal: I dag skulle RFF hatt en påminnelse om Tildelingsbrev
    RFF 2027. Regionale forskningsfond (RFF) har ingen kanal: … Skriv «koble aktør RFF» i kanalen deres.»"""
    name = core.config.party_name(actor)
    code = core.config.party_short(actor)
    what = item.title() + (f" – {core.config.party_short(item.region)}" if item.region else "")
    missed = _("I dag skulle {code} hatt en påminnelse om {item}.").format(code=code, item=what)
    return DigestLine(
        section="week",
        region=None,
        label=_("{name} · ingen kanal").format(name=name),
        value=f"{missed} {unheard_text(name=name, code=code)}",
        state=ItemState.DUE,
    )
