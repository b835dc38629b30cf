"""One item of the wheel as a titled section of facts, the same in `neste`, `status` and reminders."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from bot.agreement.receipt import version_facts
from bot.agreement.signing import opens_text, sign_button
from bot.agreement.versions import earlier_signatures, signed_at
from bot.context import Context
from bot.dates.text import month_name
from bot.facts.assignment_answers import answers_fact
from bot.facts.awaiting import signable_version
from bot.facts.item_state import item_state, meeting_today, minutes_missing
from bot.facts.kinds import is_assignments, is_dated, is_signing
from bot.facts.responsible import who_answers
from bot.i18n import _, current
from bot.memo import IdentityMemo, per_config
from bot.messages import Button, Fact, ItemState, Section
from bot.model.config import AppConfig
from bot.model.followups_status import status_text
from bot.model.order import later_note, stale_note
from bot.model.progress import (
    Progress,
    blockers_text,
    missing_for_signing,
    progress_many,
    signing_reads,
)
from bot.model.wheel import Item, agreement_parties, done_word, region_title
from bot.shown.replies import day_text, days_phrase, days_text, planned_text
from bot.shown.states import over_text
from bot.state.store import StateStore
from handlers.minutes_read import read_command


def describe(
    *,
    config: AppConfig,
    state: StateStore,
    progress: Progress,
    today: date,
    full: bool = False,
    with_region: bool = False,
) -> Section:
    """`full` adds who takes part and a meeting's parts (for `status`); `with_region` names the region in
    the title (for lists that span regions). The section carries the item's state (`bot.facts.item_state`)
    for every renderer, and an overdue item's title starts with ⚠ on every platform (`neste`, `status`)."""
    item = progress.item
    how = _How(full=full, with_region=with_region)
    if is_signing(item) and item.region is not None and not progress.outcome and not progress.outside_order:
        return _describe_signing(config=config, state=state, progress=progress, today=today, how=how)
    if progress.outcome or is_signing(item) or is_assignments(item):
        # quotes the minutes, reads the assignment answers, or a signing's notes read other partitions: afresh
        return _describe(config=config, state=state, progress=progress, today=today, how=how)
    # The same progress object (kept by its document, `bot.model.progress`) is the same section: found by its
    # identity first, before the key of its fields is made and hashed (a `neste` describes up to 13 items).
    extra = (today, current(), full, with_region)
    kept = _OPEN.get(progress, extra)
    if kept is not None and kept[0] is config:
        return kept[1]
    section = _describe_open(config, progress, today, extra[1], how)
    _OPEN.put(progress, (config, section), extra)
    return section


_OPEN: IdentityMemo[tuple[AppConfig, Section]] = IdentityMemo(maxsize=4096)


_SIGNINGS: dict[tuple[str, date, str, _How], tuple[AppConfig, tuple[object, ...], tuple[object, ...], Section]] = {}
"""Per signing, day, written form and way: the configuration, the progress and the stored objects its
section was made from (`signing_reads`), and the section. A write to another item of the region rewrites
the signing's partition but keeps the objects of what it did not change (storage/fragments.py), so the
section, and the renderers' blocks kept by its identity, stay. Entries of past days are dropped wholesale
once there are many."""


def _describe_signing(*, config: AppConfig, state: StateStore, progress: Progress, today: date, how: _How) -> Section:
    """A signing without notes or minutes, kept while what it reads is the same stored objects."""
    item = progress.item
    reads = signing_reads(config=config, state=state, signing=item)
    facts = _progress_facts(progress)
    key = (item.ident, today, current(), how)
    kept = _SIGNINGS.get(key)
    if (
        kept is not None
        and kept[0] is config
        and kept[1] == facts
        and all(a is b or (not a and not b) for a, b in zip(kept[2], reads, strict=True))
    ):
        return kept[3]
    section = _describe(config=config, state=state, progress=progress, today=today, how=how)
    if len(_SIGNINGS) > 4096:
        _SIGNINGS.clear()
    _SIGNINGS[key] = (config, facts, reads, section)
    return section


def _progress_facts(progress: Progress) -> tuple[object, ...]:
    """What a section says from a progress (the item aside)."""
    return (
        progress.done,
        progress.done_at,
        progress.planned,
        progress.planned_has_time,
        progress.planned_last_day,
        progress.planned_end,
        progress.recorded_at,
        progress.planned_set,
        progress.missing,
        progress.outcome,
        progress.not_relevant,
        progress.outside_order,
        progress.outside_order_nn,
    )


@dataclass(frozen=True)
class _How:
    full: bool
    with_region: bool


@per_config(
    key=lambda progress, today, lang, how: (
        progress.item.ident,
        progress.done,
        progress.done_at,
        progress.planned,
        progress.planned_has_time,
        progress.planned_last_day,
        progress.not_relevant,
        progress.outside_order,
        progress.outside_order_nn,
        today,
        lang,
        how,
    )
)
def _describe_open(config: AppConfig, progress: Progress, today: date, lang: str, how: _How) -> Section:
    """An item without minutes, other than the signing, described from its progress alone: the same
    section (the same object, which renderers may memoise by) for every request of the day until its
    progress changes; a `neste` describes up to 13 items."""
    return _describe(config=config, state=None, progress=progress, today=today, how=how)


def _describe(*, config: AppConfig, state: StateStore | None, progress: Progress, today: date, how: _How) -> Section:
    item = progress.item
    texts = _texts(config, item, current())
    now_state = item_state(config=config, progress=progress, today=today)
    facts: list[Fact] = []
    if progress.not_relevant:
        facts.append(Fact(_("Status"), _("Ikke aktuelt i år")))
    elif progress.done:
        # a meeting held over two days: both (walk 13 W6)
        done_when = f" {days_text(progress.done_at.date(), progress.held_last_day)}" if progress.done_at else ""
        if progress.recorded_at and progress.done_at:  # the day it happened, typed later (walk 10, X7)
            status = _("Ferdig {day} (registrert {recorded})").format(
                day=day_text(progress.done_at.date()), recorded=day_text(progress.recorded_at.date())
            )
        else:
            status = _("Ferdig ({how})").format(how=done_word(item)) + done_when
        facts.append(Fact(_("Status"), status))
    else:
        when = days_phrase(deadline=item.deadline, today=today)
        if now_state is ItemState.OPTIONAL_PAST:
            # An optional item is never overdue (README; walk 3, #11): past its deadline it waits for answers.
            when = _("valgfritt, ikke på overtid")
        facts.append(Fact(_("Frist"), f"{texts.deadline} ({when})"))
    if progress.planned:
        planned = planned_text(progress.planned, has_time=progress.planned_has_time, last_day=progress.planned_last_day)
        if minutes_missing(progress, today=today):
            planned += " (" + over_text(item) + ")"  # not «Planlagt» as if still to come (walk 20 F-h)
        elif meeting_today(progress, today=today):
            planned += " (" + _("i dag; referatet skrives når møtet er over") + ")"
        facts.append(Fact(_("Planlagt"), planned))
    elif texts.suggested is not None and not progress.done:
        facts.append(texts.suggested)
    facts.append(texts.responsible)
    if how.full:
        facts += texts.spec_facts
    if is_signing(item) and state is not None:
        signatures = state.signatures(region=item.region, year=item.year)
        if signatures:
            signed = ", ".join(
                f"{config.party_prose(party)} ({sig.get('name')}, {day_text(datetime.fromisoformat(signed_at(sig)).date())})"
                for party, sig in _in_party_order(config, item=item, signatures=signatures)
            )
            facts.append(Fact(_("Signert"), signed))
        facts += version_facts(config=config, state=state, region=item.region, year=item.year)
        facts += _unsigned_fact(config, state=state, item=item, missing=progress.missing)
        if not progress.done:
            blockers = missing_for_signing(config=config, state=state, signing=item)
            if blockers:
                facts.append(Fact(_("Venter på"), blockers_text(blockers)))
            if today < item.start:  # no «Signer» button before the window (walk 6, F16): from when instead
                facts.append(Fact(_("Signering"), opens_text(item)))
    if state is not None and (answers := answers_fact(config=config, state=state, item=item)) is not None:
        facts.append(answers)  # issue 18: which actors are done with their assignment agreements
    outcome = progress.outcome or {}
    if outcome.get("summary"):
        facts.append(Fact(_("Referat"), " ".join(outcome["summary"].split()), more=read_command(item)))  # one line
    if outcome.get("link"):
        facts.append(Fact(_("Lenke"), outcome["link"]))
    if outcome.get("decisions"):
        facts.append(Fact(_("Vedtak"), "; ".join(outcome["decisions"])))
    if outcome.get("followups"):
        points = status_text(config=config, state=state, item=item, today=today) if state is not None else None
        facts.append(
            Fact(
                _("Oppfølging"),
                points  # issue 18: with id, due date and ✓ when closed (bot/model/followups.py)
                or "; ".join(
                    f"{point['text']} ({point.get('owner_name') or point['owner']})" for point in outcome["followups"]
                ),
            )
        )
    if progress.outside_note and not _stale(config=config, state=state, progress=progress):
        note = _later(config=config, state=state, progress=progress) or progress.outside_note
        facts.append(Fact(_("Merknad"), _("Registrert utenfor modellens rekkefølge: {note}").format(note=note)))
    text = None
    if not progress.done and not progress.planned and is_dated(item):
        text = _("Ingen dato satt ennå.")
    title = texts.region_title if how.with_region else texts.title
    if now_state is ItemState.OVERDUE:
        title = f"⚠ {title}"
    return Section(title=title, facts=tuple(facts), text=text, state=now_state)


@dataclass(frozen=True)
class _ItemTexts:
    """What `describe` says of an item whatever its progress: the same for every request in one written
    form, so made once per configuration, item and form (a `neste` describes up to 13 items)."""

    title: str
    region_title: str
    deadline: str
    responsible: Fact
    suggested: Fact | None
    spec_facts: tuple[Fact, ...]
    """Who takes part and a meeting's parts (`status`)."""


@per_config(key=lambda item, lang: (item.ident, lang))
def _texts(config: AppConfig, item: Item, lang: str) -> _ItemTexts:
    suggested = None
    spec_facts: list[Fact] = []
    if item.kind == "milestone":
        if item.spec.suggested_month:
            suggested = Fact(_("Foreslått"), _("i {month}").format(month=month_name(item.spec.suggested_month)))
        if item.spec.participants:
            spec_facts.append(Fact(_("Deltakere"), item.spec.participants))
        for number, part in enumerate(item.spec.parts, start=1):
            spec_facts.append(Fact(_("Del {n}").format(n=number), part))
    return _ItemTexts(
        title=item.title(),
        region_title=region_title(config, item),
        deadline=day_text(item.deadline),
        responsible=Fact(_("Ansvarlig"), who_answers(config=config, item=item)),
        suggested=suggested,
        spec_facts=tuple(spec_facts),
    )


def sign_buttons(ctx: Context, *, item: Item, parties: tuple[str, ...]) -> list[Button]:
    """ "Signer for <part>" for parties that have not signed, when nothing blocks the signing and a text
    is registered to sign. No party to offer (a reader who acts for none of the missing, most of a channel's
    readers) is no buttons, without reading what blocks the signing and its text."""
    if not parties:
        return []
    # a click that would be refused is no button: the line says from when, or what it waits for (F16)
    version = signable_version(config=ctx.config, state=ctx.state, item=item, at=ctx.now)
    if version is None:
        return []
    return [sign_button(ctx.config, item=item, party=party, version=version, at=ctx.now) for party in parties]


def progress_list(ctx: Context, items: list[Item]) -> list[Progress]:
    return progress_many(config=ctx.config, state=ctx.state, items=items)


def _in_party_order(config: AppConfig, *, item: Item, signatures: dict[str, Any]) -> list[tuple[str, Any]]:
    """The signatures in the agreement's party order (the region, then IN, SIVA, NFR, RFF), as `kvittering`
    and «Mangler signatur» list them, not in the order they were signed (walk 2, E)."""
    order = agreement_parties(config, region=item.region or "")
    return sorted(signatures.items(), key=lambda pair: order.index(pair[0]) if pair[0] in order else len(order))


def _later(*, config: AppConfig, state: StateStore | None, progress: Progress) -> str | None:
    """A mark whose «not registered yet» is now a day after this one (walk 12 N4, `later_note`); read time."""
    if state is None or progress.done_at is None or not progress.outside_order:
        return None
    return later_note(
        config=config, state=state, item=progress.item, held=progress.done_at.date(), note=progress.outside_order
    )


def _stale(*, config: AppConfig, state: StateStore | None, progress: Progress) -> bool:
    """A mark the facts have since made wrong (walk11 F7, `bot.model.order.stale_note`); judged at read time."""
    if state is None or progress.done_at is None or not progress.outside_order:
        return False
    return stale_note(
        config=config, state=state, item=progress.item, held=progress.done_at.date(), note=progress.outside_order
    )


def _unsigned_fact(config: AppConfig, *, state: StateStore, item: Item, missing: Iterable[str]) -> list[Fact]:
    """Who has still to sign, each once (walk 17 F-e): a party that must sign again is listed under «Må
    signere på nytt» with the version it signed, so beside it the rest are those who «Har ikke signert»."""
    assert item.region is not None
    again = earlier_signatures(state, region=item.region, year=item.year)
    waiting = list(missing)
    rest = [party for party in waiting if party not in again]
    if not rest:
        return []
    label = _("Har ikke signert") if len(rest) < len(waiting) else _("Mangler signatur")
    return [Fact(label, ", ".join(map(config.party_prose, rest)))]
