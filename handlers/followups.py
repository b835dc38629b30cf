"""`ferdig <id>`: close a follow-up point from the minutes (the «Ferdig» button runs the same).

Declared with the others in handlers/__init__.py; the rule is the action's
(`bot.actions.followups.close_followup`).
"""

from __future__ import annotations

import re

from bot.actions.base import Acting
from bot.actions.followups import FollowupAlreadyClosed, FollowupRemoved, close_followup
from bot.context import Context
from bot.i18n import _
from bot.messages import Announcement, Outcome, Reply, Request, Visibility
from bot.model.followups import Followup, meeting_label
from bot.model.followups_recorded import ID_LENGTH
from bot.model.followups_replaced import RemovedPoint
from bot.model.order import split_confirm
from bot.model.wheel import region_title
from bot.parsing import typed_name
from bot.shown.replies import day_text, make_reply
from bot.state.store import DomainError
from handlers.announce import announce_to
from handlers.minutes_read import read_command


def handle(request: Request, ctx: Context) -> Outcome:
    words, _confirmed = split_confirm(ctx.args.split())  # nothing here asks, so «bekreft» changes nothing
    if words and not re.fullmatch(rf"[A-Za-z0-9]{{{ID_LENGTH}}}", words[0]) and (hint := _not_a_point(ctx, words[0])):
        raise DomainError(hint)
    result = close_followup(Acting.of(ctx=ctx, request=request), point_id=words[0] if words else "")
    if isinstance(result, FollowupRemoved):
        raise DomainError(removed_text(ctx, removed=result.removed))
    point = result.point
    if isinstance(result, FollowupAlreadyClosed):
        lead = _("Oppfølgingspunktet {id} ({text}) er allerede lukket. Ingenting er endret.").format(
            id=point.id, text=point.text
        )
        return Outcome(reply=make_reply(title=_("Allerede registrert"), lead=lead))
    reply = make_reply(
        title=_("Oppfølgingspunkt ferdig: {text}").format(text=point.text),
        lead=_("Fra {item}, ansvarlig {owner}. Lukket av {name}.").format(
            item=point.item.title(), owner=point.owner_name, name=ctx.caller.name
        ),
        visibility=Visibility.CHANNEL,
    )
    return Outcome(reply=reply, announcements=_tell_owner(ctx, request=request, point=point))


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


def _tell_owner(ctx: Context, *, request: Request, point: Followup) -> tuple[Announcement, ...]:
    """A point closed by someone outside its owning party (the meeting's coordinator) is told in the owner's
    channels, whose task would otherwise vanish from `neste` without a word (walk 8 m4)."""
    owner = point.owner_party
    if not owner or owner == ctx.caller.party:
        return ()
    addresses = ctx.directory.channels_of_party(party=owner, region=point.item.region)

    def reply() -> Reply:
        return make_reply(
            title=_("Oppfølgingspunkt ferdig: {text}").format(text=point.text),
            lead=_("Fra {item}, ansvarlig {owner}. Lukket av {name}.").format(
                item=meeting_label(point), owner=point.owner_name, name=ctx.caller.name
            ),
            visibility=Visibility.CHANNEL,
        )

    return announce_to(ctx, request=request, addresses=addresses, reply=reply)


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
