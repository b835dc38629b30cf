"""A meeting's changed date, told to everyone who hears the meeting's reminders (walk 5, N14).

The actors were told «møtet 22. april (om 14 dager)» in their digests; when the coordinator moves it to 3
May, the next lead counts to the new day and may be eleven days off, so the old date stood as the last word
they had. A changed planned date is therefore announced at once, in one line («flyttet fra … til …»), to
every channel that hears the meeting's leads (the planner's audience: the party that answers for it, and
the actors where they prepare), each in its own written form. A first date is not announced: the leads
tell it, counted to it; but a first date after the date was taken back is (walk 12, N2), as the channels were
told «ingen dato». The regions whose dated meetings follow the meeting in the model hear every change of its
order with theirs, either way, and its take-back (`order_changes`, walk 12 N1). A meeting over days names its first and last day; a new time on the same day(s) is
«nytt klokkeslett», not a move.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Final

from bot.actions.dates import DateSet
from bot.context import Context
from bot.facts.kinds import is_signing
from bot.i18n import _
from bot.memo import IdentityMemo
from bot.messages import Announcement, ChannelAddress, Reply, Request, Visibility
from bot.model.config import AppConfig
from bot.model.identity import ChannelContext
from bot.model.order import followers_before
from bot.model.progress import Progress, progress_of
from bot.model.wheel import Item
from bot.reminders.lines import item_label
from bot.reminders.planner import Planner
from bot.shown.replies import day_text, make_reply, planned_text
from handlers.announce import announce_to


def moved_announcements(ctx: Context, *, request: Request, result: DateSet) -> tuple[Announcement, ...]:
    """«<Region> · <møte> er flyttet fra … til …» to the channels that hear the item's leads, but the
    request's own (its reply says it); nothing when the meeting was already held. A first date after the date
    was taken back (`dato … avlyst`) is told the same way, «har fått ny dato» (walk 12, N2): those channels were
    told «ingen dato». The regions whose meetings that follow it changed order with it hear it too
    (`order_changes`, walk 8 N6, walk 12 N1)."""
    if result.when is None or result.held is not None:
        return ()
    item = result.item
    removal = result.after_removal
    told_before = result.replaced is not None or removal is not None
    addresses = lead_channels(ctx, item=result.item) if told_before else []
    old, new = result.replaced, result.when
    # Only the time added or changed on the same day(s) (walk 6, F7): said so, not «flyttet fra 22. april til
    # 22. april kl. 10.00».
    same_days = old is not None and old.date() == new.date()
    same_days = same_days and (result.replaced_last_day or new.date()) == (result.last_day or new.date())
    was_day = old.date() if old is not None else (UNKNOWN if removal is not None else UNTOLD)
    changes = order_changes(ctx, item=item, was=was_day, now=new.date())

    def told(context: ChannelContext | None = None) -> Reply:
        where = ctx.config.party_short(item.region) if item.region else _("Nasjonalt")
        label = item_label(item)
        now = planned_text(
            new, has_time=result.has_time, last_day=result.last_day, end=result.end
        )  # in this channel's form
        if removal is not None:
            title = _("{where} · {item} har fått ny dato").format(where=where, item=label)
            lead = _("{where} · {item} har fått ny dato: {new} (var {old}, fjernet {removed}). Satt av {name}.")
        elif old is None:
            title = _("{where} · {item} har fått dato").format(where=where, item=label)
            lead = _("{where} · {item} er satt til {new}. Satt av {name}.")
        elif same_days:
            title = _("{where} · {item} har nytt klokkeslett").format(where=where, item=label)
            lead = _("{where} · {item} har nytt klokkeslett: {new} (var {old}). Endret av {name}.")
        else:
            title = _("{where} · {item} er flyttet").format(where=where, item=label)
            lead = _("{where} · {item} er flyttet fra {old} til {new}. Flyttet av {name}.")
        was = (
            planned_text(
                old, has_time=result.replaced_has_time, last_day=result.replaced_last_day, end=result.replaced_end
            )
            if old
            else ""
        )
        was = removal.shown if removal is not None else was
        removed = day_text(removal.on) if removal is not None else ""
        text = lead.format(where=where, item=label, old=was, new=now, removed=removed, name=ctx.caller.name)
        text += order_note(changes, context=context)
        return make_reply(title=title, lead=text, visibility=Visibility.CHANNEL)

    return announce_to(ctx, request=request, addresses=addresses, reply=told) + announce_to(
        ctx,
        request=request,
        addresses=region_channels(ctx, changes=changes, but=addresses),
        reply=told,
        per_channel=True,
    )


UNTOLD: Final = "untold"
"""The day before a first date: nothing was told, so a follower is as if after it (only a clash is news)."""
UNKNOWN: Final = "unknown"
"""No date, after one was told and taken back: the regions heard «ingen dato», so any date is news to them."""


@dataclass(frozen=True)
class OrderChange:
    """A meeting that follows `item` in the model whose order with it changed: it is now `before` it (a clash),
    after it again (`before` False), or the item has no date (`undated`)."""

    follower: Item
    planned: datetime
    before: bool
    undated: bool = False


def order_changes(ctx: Context, *, item: Item, was: date | str | None, now: date | None) -> list[OrderChange]:
    """The dated, not yet held meetings that follow `item` in the model whose order with it changed, in EITHER
    direction, when its date goes from `was` to `now` (None: taken back): the one rule for who hears of a
    national (or a region's) meeting's order with the meetings that follow it (walk 12, N1). `was` is
    `UNTOLD` for a first date and `UNKNOWN` for a first date after a take-back."""
    dated = followers_before(config=ctx.config, state=ctx.state, item=item, day=date.max)

    def before(day: date | str | None) -> set[Item] | None:
        if day is None or day == UNKNOWN:
            return None
        if day == UNTOLD:
            return set()
        assert isinstance(day, date)
        return {f for f, _planned in followers_before(config=ctx.config, state=ctx.state, item=item, day=day)}

    old, new = before(was), before(now)
    changes = []
    for follower, planned in dated:
        first = None if old is None else follower in old
        then = None if new is None else follower in new
        if first != then:
            changes.append(OrderChange(follower=follower, planned=planned, before=bool(then), undated=then is None))
    return changes


def order_note(changes: list[OrderChange], *, context: ChannelContext | None) -> str:
    """The sentences for a region's own channel on how its meetings now stand to the one changed; empty for any
    other channel."""
    text = ""
    for change in changes:
        if context is None or change.follower.region != context.region:
            continue
        if change.undated:
            sentence = _("{item} ({day}) skal følge det i modellen; det har ingen dato nå.")
        elif change.before:
            sentence = _("{item} ({day}) kommer nå før det, men skal følge det i modellen.")
        else:
            sentence = _("{item} ({day}) kommer nå etter det, som i modellen.")
        text += " " + sentence.format(item=change.follower.title(), day=day_text(change.planned.date()))
    return text


def region_channels(ctx: Context, *, changes: list[OrderChange], but: list[ChannelAddress]) -> list[ChannelAddress]:
    """The channels of the regions whose meetings changed order, but those in `but` (they hear it anyway)."""
    return [
        address
        for region in dict.fromkeys(change.follower.region for change in changes if change.follower.region)
        for address in ctx.directory.channels_of_party(party=region, region=region)
        if address not in but
    ]


def lead_channels(ctx: Context, *, item: Item) -> list[ChannelAddress]:
    """Every channel any of the item's leads goes to, in the planner's order (one rule: `Planner.audience`).

    A dated item's leads all count back from its date, so their order and audience (the party answering for
    it, the actors where they prepare) follow from the configuration and the bindings alone: kept per item
    by the bindings' identity (a moved date asked the planner for every lead's audience anew, ~40 % of its
    announcement's CPU). An undated item (the last call counts to the deadline) and a signing (its audience
    follows from who has signed) are worked out each time."""
    progress = progress_of(config=ctx.config, state=ctx.state, item=item)
    kept_by = ctx.directory.kept_bindings() if progress.planned and not is_signing(item) else None
    if kept_by is not None and (kept := _LEAD_CHANNELS.get(kept_by, item.ident)) is not None and kept[0] is ctx.config:
        return list(kept[1])
    found = _lead_channels(ctx, item=item, progress=progress)
    if kept_by is not None:
        _LEAD_CHANNELS.put(kept_by, (ctx.config, tuple(found)), item.ident)
    return found


_LEAD_CHANNELS: IdentityMemo[tuple[AppConfig, tuple[ChannelAddress, ...]]] = IdentityMemo(maxsize=512)
"""A dated item's lead channels, kept by the bindings tuple (`Directory.kept_bindings`) and the item's id,
with the configuration they were worked out under."""


def _lead_channels(ctx: Context, *, item: Item, progress: Progress) -> list[ChannelAddress]:
    planner = Planner(config=ctx.config, state=ctx.state, directory=ctx.directory)
    bindings = ctx.directory.bindings()  # taken once for every lead, as a pass does
    channels: dict[tuple[str, str | None], list[ChannelAddress]] = {}
    addresses: dict[ChannelAddress, None] = {}
    for occurrence in planner.occurrences(progress):
        if occurrence.kind == "lead":
            for _party, binding in planner.audience(progress, occurrence, bindings=bindings, channels=channels):
                addresses.setdefault(binding.address)
    return list(addresses)
