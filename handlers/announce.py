"""Announcements about an agreement, to the channels of every party that signs it (or the region's own)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from bot.actions.rules import acts_for, milestone_for
from bot.context import Context
from bot.i18n import Lang, _, using
from bot.messages import Announcement, Button, ChannelAddress, Reply, Request, Visibility
from bot.model.identity import ChannelContext
from bot.model.progress import progress_of
from bot.model.wheel import Item, agreement_parties, signing_milestone
from bot.shown.replies import day_text, make_reply
from bot.written_form import channel_form
from handlers.describe import sign_buttons
from handlers.next_acting import holds_other_place


def agreement_channels(ctx: Context, *, region: str) -> list[ChannelAddress]:
    addresses: list[ChannelAddress] = []
    for party in agreement_parties(ctx.config, region=region):
        for address in ctx.directory.channels_of_party(party=party, region=region):
            if address not in addresses:
                addresses.append(address)
    return addresses


def to_agreement_channels(
    ctx: Context,
    *,
    request: Request,
    region: str,
    reply: Reply | Callable[[], Reply] | Callable[[ChannelContext], Reply],
    national: bool = False,
    per_channel: bool = False,
) -> tuple[Announcement, ...]:
    """The same reply for every party's channel, except the one the request came from (it has the reply).

    With `national` the national channels (AU's) hear it too: a completed agreement is news for everyone.
    A `reply` builder is called once per written form the channels read (Vestland's in nynorsk, IN's in
    bokmål), so each channel reads its own form; with `per_channel` it is handed the channel's context
    too, and called once per form and context (each channel's own sign buttons, walk 4 M6).
    """
    addresses = agreement_channels(ctx, region=region)
    if national:
        coordinator = ctx.config.parties.coordinator.key
        for address in ctx.directory.channels_of_party(party=coordinator, region=region):
            if address not in addresses:
                addresses.append(address)
    return announce_to(ctx, request=request, addresses=addresses, reply=reply, per_channel=per_channel)


def announce_to(
    ctx: Context,
    *,
    request: Request,
    addresses: list[ChannelAddress],
    reply: Reply | Callable[[], Reply] | Callable[[ChannelContext], Reply],
    per_channel: bool = False,
) -> tuple[Announcement, ...]:
    """One reply to each of `addresses` but the request's own, built in each channel's written form."""
    here = ChannelAddress(platform=request.platform, channel_id=request.channel_id)
    built: dict[tuple[Lang, ChannelContext | None], Reply] = {}
    contexts = ctx.directory.contexts() if callable(reply) else {}  # what `channel` says, for every address at once

    def reply_in(address: ChannelAddress) -> Reply:
        if not callable(reply):
            return reply
        context = contexts.get(address) or ctx.directory.channel(
            platform=address.platform, channel_id=address.channel_id
        )
        lang = channel_form(
            config=ctx.config,
            state=ctx.state,
            platform=address.platform,
            channel_id=address.channel_id,
            context=context,
        )
        key = (lang, context if per_channel else None)
        if key not in built:
            with using(lang):
                built[key] = reply(context) if per_channel else reply()  # type: ignore[call-arg]
        return built[key]

    return tuple(Announcement(to=address, reply=reply_in(address)) for address in addresses if address != here)


def parties_spoken_for(context: ChannelContext, *, region: str, parties: tuple[str, ...]) -> tuple[str, ...]:
    """Which of an agreement's `parties` a channel speaks for: a region's own channel (its members may come
    from every party) all of them, an actor's channel its actor alone, any other none. A button for a party
    the channel does not speak for is refused to whoever clicks it there (walk 4, M6)."""
    if context.kind == "region" and context.region == region:
        return parties
    if context.kind == "actor" and context.actor in parties and context.region in (None, region):
        return (context.actor,)
    return ()


READS_SHOWN_TO_CHANNEL = frozenset({"teams"})
"""Platforms that post a read's reply in the channel for everyone to see and click (Teams has no reply only
the asker sees); Slack's is ephemeral, and the terminal has one person at it."""


def asker_alone(request: Request) -> bool:
    """Whether the reply to `request` is seen by the asker alone: in a personal chat, or on a platform whose
    private reply is the asker's (`READS_SHOWN_TO_CHANNEL`). A reply that says «bare du ser» asks this, since
    in a Teams channel everyone in the thread reads it (walk 20 F-o)."""
    return request.personal or request.platform not in READS_SHOWN_TO_CHANNEL


def signable_here(ctx: Context, *, item: Item, missing: tuple[str, ...], platform: str) -> tuple[str, ...]:
    """Whose «Signer for …» buttons a `status` reply here carries. Where the reply is the asker's alone, only
    their own party (when their click would be kept), and in a party's channel only if the channel speaks for
    it: a region's channel speaks for every party, but its coordinator is refused for IN (walk 6 F14). Where
    the channel sees the reply (`READS_SHOWN_TO_CHANNEL`), the parties the channel speaks for
    (`parties_spoken_for`, as the announcements), each member clicking their own. Where the channel speaks
    for no party (a personal chat, the national channel, an unbound one) the caller's own. No surface offers a
    button that is refused to those it is shown to (walk 5, N5)."""
    own = callers_own(ctx, item=item, missing=missing)
    if ctx.channel.kind not in ("region", "actor"):
        return own
    spoken_for = parties_spoken_for(ctx.channel, region=item.region or "", parties=missing)
    if platform in READS_SHOWN_TO_CHANNEL:
        return spoken_for
    return tuple(party for party in spoken_for if party in own)


def callers_own(ctx: Context, *, item: Item, missing: tuple[str, ...]) -> tuple[str, ...]:
    """The caller's own party among `missing`, when they act for it (their click would be kept: not when they
    signed `item`'s agreement for another party, walk 38 F7): the buttons of a reply to one person (`neste`,
    and `status` where the channel speaks for no party)."""
    party = ctx.caller.party
    if (
        party is not None
        and party in missing
        and acts_for(ctx.config, role=ctx.caller.role, party=party)
        and not holds_other_place(ctx, item=item, party=party)
    ):
        return (party,)
    return ()


def _newly_ready(ctx: Context, *, regions: list[str], year: int) -> list[tuple[str, Item, tuple[str, ...]]]:
    """Each newly ready agreement still unsigned: its region, signing item and the parties missing."""
    spec = signing_milestone(ctx.config)
    found: list[tuple[str, Item, tuple[str, ...]]] = []
    for region in regions if spec else []:
        item = milestone_for(ctx.config, key=spec.key, year=year, region=region)
        progress = progress_of(config=ctx.config, state=ctx.state, item=item)
        if not progress.done:
            found.append((region, item, tuple(progress.missing)))
    return found


def ready_buttons_here(ctx: Context, *, regions: list[str], year: int) -> list[Button]:
    """The «Signer for …» buttons the «Klar til signering» announcement would carry in the request's own
    channel, which hears the reply instead (it is left out of the announcements): the party whose entry made
    the agreement ready can sign where it typed (walk 7 F18). A party's channel its parties', a channel that
    speaks for none (a personal chat) the caller's own."""
    buttons: list[Button] = []
    for region, item, missing in _newly_ready(ctx, regions=regions, year=year):
        if ctx.channel.kind in ("region", "actor"):
            mine = parties_spoken_for(ctx.channel, region=region, parties=missing)
        else:
            mine = callers_own(ctx, item=item, missing=missing)
        buttons += sign_buttons(ctx, item=item, parties=mine)
    return buttons


def ready_announcements(
    ctx: Context, *, request: Request, regions: list[str], year: int, changed: Callable[[], str] | None = None
) -> tuple[Announcement, ...]:
    """ "Ready to sign", with a signing button per party, to every party of each newly ready agreement; with
    `changed` (what replaced which text, when nobody had signed the one it replaced, said in each channel's
    written form) it is told as a changed
    text, never as news that signing opened (walk 26 F6: the parties had read version 1 from the digests)."""
    announcements: list[Announcement] = []
    for region, item, missing in _newly_ready(ctx, regions=regions, year=year):

        def ready(
            context: ChannelContext,
            region: str = region,
            item: Item = item,
            missing: tuple[str, ...] = missing,
        ) -> Reply:
            mine = parties_spoken_for(context, region=region, parties=missing)
            party = ctx.config.party_name(region)
            return make_reply(
                title=_("Avtaleteksten {year} for {party} er endret").format(year=year, party=party)
                if changed
                else _("Klar til signering: samarbeidsavtalen {year} for {party}").format(year=year, party=party),
                lead=(
                    changed()
                    if changed
                    else _(
                        "Alt som skal på plass før signering er registrert. "
                        "Hver part signerer med «signer» eller knappen."
                    )
                )
                + _late_note(item, today=ctx.now.date()),
                buttons=sign_buttons(ctx, item=item, parties=mine),
                visibility=Visibility.CHANNEL,
            )

        announcements += to_agreement_channels(ctx, request=request, region=region, reply=ready, per_channel=True)
    return tuple(announcements)


def _late_note(item: Item, *, today: date) -> str:
    """The deadline the agreement is signed by; made signable after it (a late allocation letter), the ready
    notice says it has passed, as the buttons ask for «bekreft» (walk 9, W8)."""
    if today <= item.deadline:  # the deadline it is signed by (walk 22 N5: the notice did not say until when)
        return " " + _("Frist: {day}.").format(day=day_text(item.deadline))
    return " " + _("Fristen var {day}, så signer så snart dere kan.").format(day=day_text(item.deadline))
