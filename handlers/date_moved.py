"""A meeting's changed date, told to everyone who hears the meeting's reminders (walk 5, N14).

The actors were told «møtet 22. april (om 14 dager)» in their digests; when the coordinator moves it to 3
May, the next lead counts to the new day and may be eleven days off, so the old date stood as the last word
they had. A changed planned date is therefore announced at once, in one line («flyttet fra … til …»), to
every channel that hears the meeting's leads (the planner's audience: the party that answers for it, and
the actors where they prepare), each in its own written form. A first date is not announced: the leads
tell it, counted to it. A meeting over days names its first and last day; a new time on the same day(s) is
«nytt klokkeslett», not a move.
"""

from __future__ import annotations

from bot.actions.dates import DateSet
from bot.context import Context
from bot.i18n import _
from bot.messages import Announcement, ChannelAddress, Reply, Request, Visibility
from bot.model.identity import ChannelContext
from bot.model.order import followers_before
from bot.model.progress import progress_of
from bot.model.wheel import Item
from bot.reminders.lines import item_label
from bot.reminders.planner import Planner
from bot.shown.replies import day_text, make_reply, planned_text
from handlers.announce import announce_to


def moved_announcements(ctx: Context, *, request: Request, result: DateSet) -> tuple[Announcement, ...]:
    """«<Region> · <møte> er flyttet fra … til …» to the channels that hear the item's leads, but the
    request's own (its reply says it); nothing when the meeting was already held. The channels of the regions
    whose meeting that follows it now comes before it hear it too, first date or moved (walk 8, N6)."""
    if result.when is None or result.held is not None:
        return ()
    item = result.item
    addresses = lead_channels(ctx, item=result.item) if result.replaced is not None else []
    old, new = result.replaced, result.when
    # Only the time added or changed on the same day(s) (walk 6, F7): said so, not «flyttet fra 22. april til
    # 22. april kl. 10.00».
    same_days = old is not None and old.date() == new.date()
    same_days = same_days and (result.replaced_last_day or new.date()) == (result.last_day or new.date())
    late = followers_before(config=ctx.config, state=ctx.state, item=item, day=new.date())

    def told(context: ChannelContext | None = None) -> Reply:
        where = ctx.config.party_short(item.region) if item.region else _("Nasjonalt")
        label = item_label(item)
        now = planned_text(new, has_time=result.has_time, last_day=result.last_day)  # in this channel's form
        if old is None:
            title = _("{where} · {item} har fått dato").format(where=where, item=label)
            lead = _("{where} · {item} er satt til {new}. Satt av {name}.")
        elif same_days:
            title = _("{where} · {item} har nytt klokkeslett").format(where=where, item=label)
            lead = _("{where} · {item} har nytt klokkeslett: {new} (var {old}). Endret av {name}.")
        else:
            title = _("{where} · {item} er flyttet").format(where=where, item=label)
            lead = _("{where} · {item} er flyttet fra {old} til {new}. Flyttet av {name}.")
        was = planned_text(old, has_time=result.replaced_has_time, last_day=result.replaced_last_day) if old else ""
        text = lead.format(where=where, item=label, old=was, new=now, name=ctx.caller.name)
        own = [(f, planned) for f, planned in late if context is not None and f.region == context.region]
        for follower, planned in own:
            text += " " + _("{item} ({day}) kommer nå før det, men skal følge det i modellen.").format(
                item=follower.title(), day=day_text(planned.date())
            )
        return make_reply(title=title, lead=text, visibility=Visibility.CHANNEL)

    regions = [
        address
        for region in dict.fromkeys(follower.region for follower, _planned in late if follower.region)
        for address in ctx.directory.channels_of_party(party=region, region=region)
        if address not in addresses
    ]
    return announce_to(ctx, request=request, addresses=addresses, reply=told) + announce_to(
        ctx, request=request, addresses=regions, reply=told, per_channel=True
    )


def lead_channels(ctx: Context, *, item: Item) -> list[ChannelAddress]:
    """Every channel any of the item's leads goes to, in the planner's order (one rule: `Planner.audience`)."""
    planner = Planner(config=ctx.config, state=ctx.state, directory=ctx.directory)
    progress = progress_of(config=ctx.config, state=ctx.state, item=item)
    bindings = ctx.directory.bindings()  # taken once for every lead, as a pass does
    channels: dict[tuple[str, str | None], list[ChannelAddress]] = {}
    addresses: dict[ChannelAddress, None] = {}
    for occurrence in planner.occurrences(progress):
        if occurrence.kind == "lead":
            for _party, binding in planner.audience(progress, occurrence, bindings=bindings, channels=channels):
                addresses.setdefault(binding.address)
    return list(addresses)
