"""`neste` for an actor: the agreements that wait on others, and what holds them up, grouped."""

from __future__ import annotations

from datetime import date

from bot.context import Context
from bot.facts.kinds import is_signing
from bot.facts.responsible import Wording, answering, who_answers
from bot.i18n import _, ngettext
from bot.model.cycle import read_cycles
from bot.model.progress import Progress, missing_for_signing
from bot.model.wheel import responsible_party


def waiting_in_season(ctx: Context, others: list[Progress], *, today: date) -> list[Progress]:
    """The signings of this year's agreement among `others`, from their window until the next agreement's
    preparation opens (bot.model.cycle.read_cycles): in October an unsigned agreement of the year is history for
    `oversikt`, not something the actor waits for."""
    view = read_cycles(ctx.config, today=today)
    if view.preparing is not None:
        return []
    return [p for p in others if is_signing(p.item) and p.item.year == view.year and p.item.start <= today]


def waiting_text(ctx: Context, blocked: list[Progress], *, today: date) -> str:
    """«2 avtaler venter på: Tildelingsbrev – SIVA (2 regioner), Fylkesbudsjett fra Agder (skriv
    «oversikt»).»: what holds the agreements up, grouped by what is missing, with at most a few region
    names; after the signing deadline it says they are overdue, not that they wait to be signed."""
    config = ctx.config
    groups: dict[str, list[str]] = {}  # what is missing -> the regions whose agreement waits on it
    own: set[str] = set()  # the groups that are each region's own (its budget): named by region
    recorders: dict[str, str] = {}  # a group adopted by a body -> the party that records it (AU)
    for progress in blocked:
        region = config.party_short(progress.item.region or "")
        blockers = missing_for_signing(config=config, state=ctx.state, signing=progress.item)
        if not blockers:  # every precondition recorded: it waits on the other parties' signatures (walk 41)
            groups.setdefault(_("de andre partenes signaturer"), []).append(region)
        for blocker in blockers:
            label = blocker.spec.label or blocker.spec.name
            if config.region(responsible_party(config, blocker)):
                own.add(label)
            elif blocker.kind == "precondition" and blocker.spec.owner == "actor":
                # an actor receives its letter from its ministry: «Tildelingsbrev – SIVA», as `status` names it
                # («Tildelingsbrev mottatt – Siva»), never «Tildelingsbrev fra SIVA» (walk 39)
                label = f"{label} – {who_answers(config=config, item=blocker, wording=Wording.SHORT)}"
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
    if all(progress.item.deadline < today for progress in blocked):
        return ngettext(
            "{n} avtale er ikke signert (på overtid) og venter på: {what} (skriv «oversikt»).",
            "{n} avtaler er ikke signert (på overtid) og venter på: {what} (skriv «oversikt»).",
            len(blocked),
        ).format(n=len(blocked), what=what)
    return ngettext(
        "{n} avtale venter på: {what} (skriv «oversikt»).",
        "{n} avtaler venter på: {what} (skriv «oversikt»).",
        len(blocked),
    ).format(n=len(blocked), what=what)


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


def _group(label: str, regions: list[str], *, recorder: str | None) -> str:
    """«Tildelingsbrev – SIVA (15 regioner)», or «Statsbudsjett fra Stortinget (15 regioner; registreres av AU)»."""
    if recorder:
        return _("{what} ({regions}; registreres av {party})").format(
            what=label, regions=_regions(len(regions)), party=recorder
        )
    return f"{label} ({_regions(len(regions))})"


def _regions(number: int) -> str:
    return ngettext("{n} region", "{n} regioner", number).format(n=number)
