"""`ferdig <id>`: close a follow-up point from the minutes (the «Ferdig» button runs the same).

Declared with the others in handlers/__init__.py; the rule is the action's
(`bot.actions.followups.close_followup`).
"""

from __future__ import annotations

import re

from bot.actions.base import Acting
from bot.actions.followups import (
    FollowupAlreadyClosed,
    FollowupClosed,
    FollowupRefused,
    FollowupRemoved,
    FollowupResult,
    close_followup,
    close_followups,
)
from bot.context import Context
from bot.i18n import _
from bot.messages import Announcement, ChannelAddress, Outcome, Reply, Request, Visibility
from bot.model.followups import Followup
from bot.model.followups_channels import keeper_channels
from bot.model.followups_recorded import ID_LENGTH
from bot.model.followups_replaced import RemovedPoint
from bot.model.followups_shown import meeting_label
from bot.model.order import split_confirm
from bot.model.wheel import region_title, responsible_party
from bot.parsing import typed_name
from bot.shown.replies import day_text, make_reply
from bot.state.store import DomainError
from handlers.announce import announce_to
from handlers.minutes_read import read_command

_SEPARATORS = re.compile(r"[\s,;&+]+|\b(?:og|and)\b", re.IGNORECASE)
_ID_SHAPED = re.compile(rf"[A-Za-z0-9]{{{ID_LENGTH}}}")


def handle(request: Request, ctx: Context) -> Outcome:
    words, _confirmed = split_confirm(ctx.args.split())  # nothing here asks, so «bekreft» changes nothing
    tokens = [token for token in _SEPARATORS.split(" ".join(words)) if token]
    ids = _ids(tokens)
    if words and not _ID_SHAPED.fullmatch(words[0]) and (hint := _not_a_point(ctx, words[0])):
        raise DomainError(hint)
    if len(ids) > 1 or (ids and len(tokens) > len(ids)):  # several ids, or an id with words beside it
        return _several(request, ctx, ids=ids, unread=[token for token in tokens if token not in ids])
    result = close_followup(Acting.of(ctx=ctx, request=request), point_id=ids[0] if ids else "")
    if isinstance(result, FollowupRemoved):
        raise DomainError(removed_text(ctx, removed=result.removed))
    point = result.point
    if isinstance(result, FollowupAlreadyClosed):
        lead = _("Oppfølgingspunktet {id} ({text}) er allerede lukket. Ingenting er endret.").format(
            id=point.id, text=point.text
        )
        return Outcome(reply=make_reply(title=_("Allerede registrert"), lead=lead))
    reply = _closed_reply(ctx, points=[point])  # its meeting with the region, as the owner's copy (walk 26 F2)
    return Outcome(reply=reply, announcements=_tell_owner(ctx, request=request, point=point))


def _ids(tokens: list[str]) -> list[str]:
    """The ids typed: those first, then in the words after them only one written as an id is copied (capitals or
    a digit), so «ferdig H3A3 sendt på e-post til Kari» closes H3A3 and never looks for a point «KARI» (walk 39)."""
    ids: list[str] = []
    leading = True
    for token in tokens:
        shaped = _ID_SHAPED.fullmatch(token) is not None
        leading = leading and shaped
        if shaped and (leading or token.isupper() or any(c.isdigit() for c in token)):
            ids.append(token)
    return ids


def _several(request: Request, ctx: Context, *, ids: list[str], unread: list[str]) -> Outcome:
    """`ferdig HHB9 3ZBX` / `ferdig HHB9, 3ZBX og JKBY` (walk 21 A9): every id closed as a single `ferdig`
    would close it, and one line for each, so a point not closed is named with why; words that are no id
    are said to be unread, never silently dropped."""
    results = close_followups(Acting.of(ctx=ctx, request=request), point_ids=ids)
    lines = [_line(ctx, result=result) for result in results]
    if unread:
        lines.append(
            _("Ikke id-er, så ikke lest: {words}.").format(words=", ".join(f"«{word[:20]}»" for word in unread))
        )
    closed = [result.point for result in results if isinstance(result, FollowupClosed)]
    if not closed and any(isinstance(result, FollowupRefused | FollowupRemoved) for result in results):
        raise DomainError("\n".join([_("Ingen oppfølgingspunkter er lukket."), *lines]))
    reply = make_reply(
        title=_("Oppfølgingspunkter ferdig: {closed} av {total}").format(closed=len(closed), total=len(results)),
        lead="\n".join([*lines, _("Lukket av {name}.").format(name=ctx.caller.name)] if closed else lines),
        visibility=Visibility.CHANNEL if closed else Visibility.PRIVATE,
    )
    return Outcome(reply=reply, announcements=_tell(ctx, request=request, points=closed))


def _not_a_point(ctx: Context, word: str) -> str | None:
    """`ferdig handlingsplan`: a milestone or a precondition is not a follow-up point, so the refusal names the
    command that records it instead of listing unrelated points to close (walk 20 F-d); None for any other
    word."""
    key = ctx.vocab.milestone(word, scope=None)
    spec = ctx.config.milestone(key) if key else None
    if spec is not None:
        if spec.signed_by_parties:
            command = "signer"
        elif spec.kind == "assignments":
            command = _("oppdrag <aktør> sendt")
        else:
            command = f"referat {typed_name(spec)} " + (
                _("<referat eller lenke>") if spec.short else _("<vedtak eller lenke>")
            )
        name = spec.name
    elif (precondition := ctx.vocab.precondition(word)) is not None:
        command, name = _("forutsetning") + f" {precondition} …", word
    else:
        return None
    return _("«ferdig» lukker et oppfølgingspunkt fra et referat. {name} registreres med «{command}».").format(
        name=name, command=command
    )


def _line(ctx: Context, *, result: FollowupResult) -> str:
    if isinstance(result, FollowupClosed):
        point = result.point
        return _("[{id}] {text}: ferdig (fra {item}, ansvarlig {owner}).").format(
            id=point.id, text=point.text, item=point.item.title(), owner=point.owner_name
        )
    if isinstance(result, FollowupAlreadyClosed):
        return _("[{id}] {text}: var allerede lukket.").format(id=result.point.id, text=result.point.text)
    if isinstance(result, FollowupRemoved):
        return f"[{result.removed.id}] " + removed_text(ctx, removed=result.removed)
    return _("[{id}] ikke lukket: {reason}").format(id=result.point_id, reason=result.reason)


def _tell_owner(ctx: Context, *, request: Request, point: Followup) -> tuple[Announcement, ...]:
    return _tell(ctx, request=request, points=[point])


def _tell(ctx: Context, *, request: Request, points: list[Followup]) -> tuple[Announcement, ...]:
    """Points closed by someone outside their owning party (the meeting's coordinator) are told in the owner's
    channels, whose task would otherwise vanish from `neste` without a word (walk 8 m4); closed by their
    owner, to the party that keeps their meeting and handed them out (walk 21 A3: Agder never heard that the
    actors had done the points of its meeting). One message per channel, whatever the number closed."""
    heard: dict[ChannelAddress, list[Followup]] = {}
    for point in points:
        for address in _told_where(ctx, point=point):
            heard.setdefault(address, []).append(point)
    groups: dict[tuple[str, ...], list[ChannelAddress]] = {}
    for address, told in heard.items():
        groups.setdefault(tuple(point.id for point in told), []).append(address)
    by_id = {point.id: point for point in points}
    announcements: list[Announcement] = []
    for ids, addresses in groups.items():
        group = [by_id[point_id] for point_id in ids]
        announcements += announce_to(
            ctx, request=request, addresses=addresses, reply=lambda group=group: _closed_reply(ctx, points=group)
        )
    return tuple(announcements)


def _told_where(ctx: Context, *, point: Followup) -> list[ChannelAddress]:
    owner = point.owner_party
    addresses: list[ChannelAddress] = []
    if owner and owner != ctx.caller.party:
        addresses += ctx.directory.channels_of_party(party=owner, region=point.item.region)
    keeper = responsible_party(ctx.config, point.item)
    if keeper and keeper != ctx.caller.party:
        addresses += keeper_channels(config=ctx.config, directory=ctx.directory, point=point)
    return list(dict.fromkeys(addresses))


def _closed_reply(ctx: Context, *, points: list[Followup]) -> Reply:
    if len(points) == 1:
        (point,) = points
        return make_reply(
            title=_("Oppfølgingspunkt ferdig: {text}").format(text=point.text),
            lead=_("Fra {item}, ansvarlig {owner}. Lukket av {name}.").format(
                item=meeting_label(point), owner=point.owner_shown, name=ctx.caller.name
            ),
            visibility=Visibility.CHANNEL,
        )
    lines = [_line(ctx, result=FollowupClosed(point=point)) for point in points]
    return make_reply(
        title=_("Oppfølgingspunkter ferdig: {closed} av {total}").format(closed=len(points), total=len(points)),
        lead="\n".join([*lines, _("Lukket av {name}.").format(name=ctx.caller.name)]),
        visibility=Visibility.CHANNEL,
    )


def removed_text(ctx: Context, *, removed: RemovedPoint) -> str:
    """Why an old «Ferdig» button finds no point (walk 9 W9): the minutes it came from were replaced without
    it, on a day, by someone; what is left is read with `referat vis`. Not «Jeg finner ikke», which reads
    as a typo."""
    successor = (
        " "
        + _("Det nye punktet [{new}] ser ut til å ta plassen; lukk det med «ferdig {new}».").format(
            new=removed.successor
        )
        if removed.successor
        else ""
    )
    return (
        _(
            "Oppfølgingspunktet {id} («{text}», {owner}) ble fjernet {day} da {name} erstattet referatet fra {meeting}. "
            "Ingenting er endret. Referatet slik det er nå: «{command}»."
        ).format(
            id=removed.id,
            text=removed.text,
            owner=removed.owner_name,
            day=day_text(removed.on) if removed.on else "",
            name=removed.by or "?",
            meeting=region_title(ctx.config, removed.item),
            command=read_command(removed.item),
        )
        + successor
    )
