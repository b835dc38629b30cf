"""`neste`: whether the caller's own party can act on an item now («Du kan gjøre nå»), and the line that
names unfinished items of earlier cycles."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from bot.actions.rules import acts_for
from bot.context import Context
from bot.facts.kinds import decided_from, is_decided_elsewhere, is_signing
from bot.facts.signed_by import asker_holds_other_place
from bot.facts.text_due import text_due
from bot.i18n import _, ngettext
from bot.model.followups import Followup
from bot.model.order import and_join
from bot.model.progress import Progress, earlier_missing, missing_for_signing
from bot.model.wheel import Item, responsible_party
from bot.reminders.lines import item_label


def can_act(ctx: Context, progress: Progress, today: date) -> bool:
    """Whether the caller's own party can do this now: its window has opened and it is theirs to record (its
    signature, its letter, its meetings and decisions). A meeting an actor only takes part in (AU's national
    meeting, a region's dialogue meeting) is not: it cannot date nor minute it, so it is under «Ellers»."""
    party = ctx.caller.party
    item = progress.item
    # the agreement's text is the region's own step, due before the signing opens (walk 16 F2)
    if (
        party is not None
        and party == item.region
        and acts_for(ctx.config, role=ctx.caller.role, party=party)
        and text_due(config=ctx.config, state=ctx.state, signing=item, today=today)
    ):
        return True
    if party is None or item.start > today:
        return False
    if is_signing(item):
        return (
            party in progress.missing
            and acts_for(ctx.config, role=ctx.caller.role, party=party)
            and not missing_for_signing(config=ctx.config, state=ctx.state, signing=item)
            and not holds_other_place(ctx, item=item, party=party)
        )
    return responsible_party(ctx.config, item) == party and _recordable(ctx, item, today=today)


def holds_other_place(ctx: Context, *, item: Item, party: str) -> bool:
    """Whether the caller signed `item`'s agreement for another party than `party`, their own now: one person
    holds one party's place (`bot.facts.signed_by`), so it is not theirs to sign (walk 38 F7)."""
    return item.region is not None and asker_holds_other_place(
        directory=ctx.directory, region=item.region, year=item.year, party=party, asker=lambda: ctx.caller.key
    )


def _recordable(ctx: Context, item: Item, *, today: date) -> bool:
    """A fact others decide (the state budget, adopted by the Storting) is not the recording party's to do
    until it may have been decided (`bot.facts.kinds.decided_from`); anything else is from its window, and a
    precondition once the one it follows is recorded (an allocation letter after the state budget, walk 6, F1)."""
    if item.kind == "precondition" and earlier_missing(config=ctx.config, state=ctx.state, precondition=item):
        return False
    return not is_decided_elsewhere(item) or decided_from(ctx.config, item) <= today


def stale_text(ctx: Context, stale: list[Progress], points: Sequence[Followup] = (), *, spans_regions: bool) -> str:
    """«Ikke fullført fra tidligere sykluser: Dialogmøte vår 2027 (skriv årstallet for å registrere dem).»
    The region's open follow-up points of earlier meetings end the line, as they end `status`'s section of
    that heading (walk 29 F6): «Dialogmøte vår 2027 (oppfølgingspunkt AQ8B)»."""
    regions: dict[str, list[str]] = {}  # what -> the regions it is unfinished in (one name for many regions)
    for progress in sorted(stale, key=lambda p: (p.item.deadline, p.item.ident)):
        item = progress.item
        regions.setdefault(item_label(item), []).append(ctx.config.party_short(item.region) if item.region else "")
    names = [
        f"{where[0]} · {label}" if spans_regions and len(where) == 1 and where[0] else label
        for label, where in regions.items()
    ]
    names = [
        f"{name} ({ngettext('{n} region', '{n} regioner', len(where)).format(n=len(where))})"
        if spans_regions and len(where) > 1
        else name
        for name, where in zip(names, regions.values(), strict=True)
    ]
    by_meeting: dict[str, list[str]] = {}  # one name per meeting, its points' ids after it (walk 35 #8)
    for point in points:
        by_meeting.setdefault(item_label(point.item), []).append(point.id)
    names += [
        ngettext("{meeting} (oppfølgingspunkt {ids})", "{meeting} (oppfølgingspunktene {ids})", len(ids)).format(
            meeting=meeting, ids=and_join(ids)
        )
        for meeting, ids in by_meeting.items()
    ]
    if not any(can_act(ctx, progress, ctx.now.date()) for progress in stale):  # others' items: nothing to type
        return _("Ikke fullført fra tidligere sykluser: {items}.").format(items=", ".join(names))
    return _("Ikke fullført fra tidligere sykluser: {items} (skriv årstallet for å registrere dem).").format(
        items=", ".join(names)
    )
