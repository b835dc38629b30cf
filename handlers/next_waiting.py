"""`neste` for an actor: the agreements that wait on others, and what holds them up, grouped."""

from __future__ import annotations

from datetime import date

from bot.context import Context
from bot.facts.kinds import is_signing
from bot.facts.responsible import Wording, answering
from bot.i18n import _, current, ngettext
from bot.memo import per_config
from bot.model.config import AppConfig
from bot.model.cycle import read_cycles
from bot.model.progress import Progress, missing_for_signing
from bot.model.wheel import Item, responsible_party


def waiting_in_season(ctx: Context, others: list[Progress], *, today: date) -> list[Progress]:
    """The signings of this year's agreement among `others`, from their window until the next agreement's
    preparation opens (bot.model.cycle.read_cycles): in October an unsigned agreement of the year is history for
    `oversikt`, not something the actor waits for."""
    view = read_cycles(ctx.config, today=today)
    if view.preparing is not None:
        return []
    return [p for p in others if is_signing(p.item) and p.item.year == view.year and p.item.start <= today]


def waiting_text(ctx: Context, blocked: list[Progress], *, today: date, hint: bool = True) -> str:
    """«2 avtaler venter på: Tildelingsbrev – Siva (2 regioner), Fylkesbudsjett fra Agder (skriv
    «oversikt»).»: what holds the agreements up, grouped by what is missing, with at most a few region
    names; after the signing deadline it says they are overdue, not that they wait to be signed.

    Only what each signing waits for is read per request (`missing_for_signing`, kept by its partitions);
    the words follow from that, the configuration and the written form (`_waiting_said`)."""
    waits = tuple(
        (
            progress.item.region or "",
            tuple(missing_for_signing(config=ctx.config, state=ctx.state, signing=progress.item)),
        )
        for progress in blocked
    )
    overdue = all(progress.item.deadline < today for progress in blocked)
    return _waiting_said(ctx.config, waits, overdue=overdue, hint=hint, lang=current())


def _said_as(
    waits: tuple[tuple[str, tuple[Item, ...]], ...], *, overdue: bool, hint: bool, lang: str
) -> tuple[object, ...]:
    """`_waiting_said`'s key: each signing's region and what it waits for by ident (an item's ident names it
    within a configuration), not the items themselves (which hash slowly)."""
    return tuple((region, tuple(item.ident for item in items)) for region, items in waits), overdue, hint, lang


@per_config(maxsize=256, key=_said_as)
def _waiting_said(
    config: AppConfig, waits: tuple[tuple[str, tuple[Item, ...]], ...], *, overdue: bool, hint: bool, lang: str
) -> str:
    """`waiting_text`'s words for `waits` (each blocked signing's region and its missing items), worked out
    once per configuration, written form and what is missing: an actor's `neste` names ~12 signings' blockers,
    and a write in one region leaves the others' as they were."""
    groups: dict[str, list[str]] = {}  # what is missing -> the regions whose agreement waits on it
    own: set[str] = set()  # the groups that are each region's own (its budget): named by region
    recorders: dict[str, str] = {}  # a group adopted by a body -> the party that records it (AU)
    for region_key, blockers in waits:
        region = config.party_short(region_key)
        if not blockers:  # every precondition recorded: it waits on the other parties' signatures (walk 41)
            groups.setdefault(_("de andre partenes signaturer"), []).append(region)
        for blocker in blockers:
            label = blocker.spec.label or blocker.spec.name
            if config.region(responsible_party(config, blocker)):
                own.add(label)
            elif blocker.kind == "precondition" and blocker.spec.owner == "actor":
                # an actor receives its letter from its ministry: «Tildelingsbrev – Siva», named as `status`
                # names it («Tildelingsbrev mottatt – Siva»), never «Tildelingsbrev fra SIVA» (walk 39) nor by
                # the code one types (walk 42)
                label = f"{label} – {config.party_prose(responsible_party(config, blocker))}"
            else:
                who, recorder = answering(config=config, item=blocker, wording=Wording.SHORT)
                label = _("{what} fra {who}").format(what=label, who=who)
                if recorder:  # one bracket, not «fra Stortinget (registreres av AU) (15 regioner)» (walk 41)
                    recorders[label] = recorder
            groups.setdefault(label, []).append(region)
    parts = [
        _own_group(label, regions) if label in own else _group(label, regions, recorder=recorders.get(label))
        for label, regions in sorted(groups.items(), key=lambda group: -len(group[1]))
    ]
    what = ", ".join(parts)
    if not hint:  # the reply's last line already says «Skriv «oversikt» for alle regionene» (walk 41)
        if overdue:
            return ngettext(
                "{n} avtale er ikke signert (på overtid) og venter på: {what}.",
                "{n} avtaler er ikke signert (på overtid) og venter på: {what}.",
                len(waits),
            ).format(n=len(waits), what=what)
        return ngettext("{n} avtale venter på: {what}.", "{n} avtaler venter på: {what}.", len(waits)).format(
            n=len(waits), what=what
        )
    if overdue:
        return ngettext(
            "{n} avtale er ikke signert (på overtid) og venter på: {what} (skriv «oversikt»).",
            "{n} avtaler er ikke signert (på overtid) og venter på: {what} (skriv «oversikt»).",
            len(waits),
        ).format(n=len(waits), what=what)
    return ngettext(
        "{n} avtale venter på: {what} (skriv «oversikt»).",
        "{n} avtaler venter på: {what} (skriv «oversikt»).",
        len(waits),
    ).format(n=len(waits), what=what)


def _group(label: str, regions: list[str], *, recorder: str | None) -> str:
    """«Tildelingsbrev – SIVA (15 regioner)», or «Statsbudsjett fra Stortinget (15 regioner; registreres av AU)»."""
    if recorder:
        return _("{what} ({regions}; registreres av {party})").format(
            what=label, regions=_regions(len(regions)), party=recorder
        )
    return f"{label} ({_regions(len(regions))})"


def _regions(number: int) -> str:
    return ngettext("{n} region", "{n} regioner", number).format(n=number)


NAMES = 3
"""How many region names a grouped line names before «og N til»."""


def _own_group(label: str, regions: list[str]) -> str:
    """«Fylkesbudsjett fra Agder», or «Fylkesbudsjett (13 regioner: Akershus, Buskerud, Finnmark og 10 til)»."""
    if len(regions) == 1:
        return _("{what} fra {who}").format(what=label, who=regions[0])
    named = ", ".join(regions[:NAMES])
    if len(regions) > NAMES:
        named = _("{names} og {n} til").format(names=named, n=len(regions) - NAMES)
    return f"{label} ({_regions(len(regions))}: {named})"


def _regions(number: int) -> str:
    return ngettext("{n} region", "{n} regioner", number).format(n=number)
