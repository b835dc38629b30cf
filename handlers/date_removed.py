"""`dato <møte> avlyst|ingen|fjern`: a planned date taken back; `dato <møte> kl 13`: a new time on the planned
day (walk8 N9).

A meeting called off kept its leads, its calendar entry and then «møtet er over; referatet mangler»: the date
could only be replaced by another. Taking it back asks `bekreft` first, is recorded (`logg`) and announced like a
move to every channel that heard the meeting's leads, each in its own written form; the item is then reminded by
its deadline again. A time typed alone («kl 13», «samme dag kl 13», nynorsk «same dag kl 13») is read on the
planned day, so a new hour never needs the day repeated; with no day planned it is refused with what to type.
"""

from __future__ import annotations

import logging

from bot.actions.base import Acting
from bot.actions.date_example import example_day
from bot.actions.date_removed import DateRemoved, planned_item, remove_date
from bot.context import Context
from bot.dates.times import impossible_end, take_time
from bot.dates.words import normalize
from bot.i18n import _
from bot.messages import Announcement, Button, ChannelAddress, Outcome, Reply, Request, Visibility
from bot.model.identity import ChannelContext
from bot.model.order import confirm_word
from bot.model.progress import progress_of
from bot.model.wheel import Item
from bot.parsing import typed_name
from bot.reminders.lines import item_label
from bot.shown.replies import make_reply
from bot.state.store import DomainError
from handlers.announce import announce_to
from handlers.date_moved import lead_channels, order_changes, order_note, region_channels

logger = logging.getLogger(__name__)

REMOVE_WORDS = frozenset(
    {
        "avlyst", "avlyses", "avlys", "avlyse", "avlysa", "ingen", "ingen dato", "fjern", "fjern dato", "fjern datoen",
        "slett", "slett dato", "slett datoen", "utgår", "ingen møte", "ikke noe møte", "ikkje noko møte",
    }
)  # fmt: skip
"""The words that take a planned date back, bokmål and nynorsk (where the two differ)."""
_SAME_DAY = frozenset({"", "samme dag", "same dag", "samme dagen", "same dagen", "på samme dag", "på same dag"})


def removes(text: str) -> bool:
    """Whether the words after the meeting ask to take its planned date back («avlyst», «fjern datoen»)."""
    return normalize(text).rstrip(".!") in REMOVE_WORDS


def removal(
    ctx: Context, request: Request, *, key: str, region: str | None, year: int | None, confirmed: bool
) -> Outcome:
    """Ask, then take the planned date back and tell the channels that heard its leads."""
    acting = Acting.of(ctx=ctx, request=request)
    item = planned_item(acting, key=key, region=region, year=year)
    addresses = lead_channels(ctx, item=item)  # before the date goes: the leads it had
    result = remove_date(acting, key=key, region=region, year=year, confirmed=confirmed)
    item = result.item
    command = _command(item)
    if not result.confirmed:
        lead = _(
            "Ikke lagret: dette fjerner den planlagte datoen for {item} ({when}), og påminnelsene går etter fristen "
            "igjen. Skriv «{command}» for å fjerne den."
        ).format(item=item.title(), when=result.shown, command=command)
        buttons = [Button(label=_("Fjern datoen"), command=command, primary=False)]
        return Outcome(reply=make_reply(title=_("Bekreft datoen"), lead=lead, buttons=buttons))
    reply = make_reply(
        title=_("Dato fjernet: {item}").format(item=item.title()),
        lead=_(
            "{item} har ikke lenger en planlagt dato (var {when}). Påminnelsene går etter fristen. Fjernet av {name}."
        ).format(item=item.title(), when=result.shown, name=ctx.caller.name),
        visibility=Visibility.CHANNEL,
    )
    return Outcome(reply=reply, announcements=_told(ctx, request=request, result=result, addresses=addresses))


def time_alone(acting: Acting, *, text: str, key: str, region: str | None, year: int | None, typed: str) -> str | None:
    """The planned day with the time typed alone («kl 13», «samme dag kl. 13.00»), as a date to read; None when
    the words are more than a time. Refused when no day is planned: a time alone names no day."""
    rest, start, until, ok = take_time(normalize(text))
    if start is None or not ok or rest.strip(" ,.") not in _SAME_DAY or impossible_end(normalize(text)):
        # «kl 10-25»: read as a date, so the reply says which end is wrong
        return None
    item = planned_item(acting, key=key, region=region, year=year)
    progress = progress_of(config=acting.config, state=acting.state, item=item)
    if progress.planned is None:
        example = example_day(acting, key=key, region=region, year=item.year)  # a day ahead (fixbf 3)
        raise DomainError(
            _(
                "{item} har ingen planlagt dag å sette klokkeslettet på. Skriv dagen med, f.eks. «{typed} {example}»."
            ).format(item=item.title(), typed=typed, example=example)
        )
    days = f"{progress.planned:%d.%m.%Y}"
    if progress.planned_last_day is not None:  # a meeting over days keeps its days
        days += f"-{progress.planned_last_day:%d.%m.%Y}"
    hour, minute = start
    end = f"-{until[0]:02d}.{until[1]:02d}" if until else ""
    return f"{days} kl {hour:02d}.{minute:02d}{end}"


def _command(item: Item) -> str:
    parts = ["dato", typed_name(item.spec), item.region or "", str(item.year), "avlyst", confirm_word()]
    return " ".join(part for part in parts if part)


def _told(
    ctx: Context, *, request: Request, result: DateRemoved, addresses: list[ChannelAddress]
) -> tuple[Announcement, ...]:
    """«<Region> · <møte> er avlyst (var …)» to the channels that heard the meeting's leads, each in its form,
    and to the regions whose dated meetings follow it in the model (walk 12, N1)."""
    item = result.item
    changes = order_changes(ctx, item=item, was=result.was.date(), now=None)

    def told(context: ChannelContext | None = None) -> Reply:
        where = ctx.config.party_short(item.region) if item.region else _("Nasjonalt")
        label = item_label(item)
        return make_reply(
            title=_("{where} · {item} har ikke lenger en dato").format(where=where, item=label),
            lead=_("{where} · {item} har ikke lenger en planlagt dato (var {old}). Fjernet av {name}.").format(
                where=where, item=label, old=result.shown, name=ctx.caller.name
            )
            + order_note(changes, context=context),
            visibility=Visibility.CHANNEL,
        )

    regions = region_channels(ctx, changes=changes, but=addresses)
    return announce_to(ctx, request=request, addresses=addresses, reply=told) + announce_to(
        ctx, request=request, addresses=regions, reply=told, per_channel=True
    )
