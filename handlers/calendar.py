"""`kalender [region|aktør|nasjonal]`: the caller's calendar feed address (Outlook, Google), privately.
`kalender ny-lenke [region|aktør|nasjonal|status [region]]`: an admin replaces a secret link.
"""

from __future__ import annotations

import logging

from bot.actions.base import Acting
from bot.actions.links import Link, renew_link
from bot.context import Context
from bot.i18n import N_, _
from bot.messages import Outcome, Request, Section, Visibility
from bot.parsing import fold, shown
from bot.shown.replies import make_reply
from bot.shown.web_links import (
    NATIONAL_FEED,
    Feed,
    address,
    status_link_id,
    status_path,
    token_of,
)
from bot.state.store import DomainError

logger = logging.getLogger(__name__)

EXAMPLE = "kalender agder"
RENEW_WORDS = ("ny-lenke", "nylenke", "ny")
HOW_TO = N_(
    "Outlook: Legg til kalender → Abonner fra Internett, og lim inn adressen. "
    "Google Kalender: Andre kalendere → + → Fra URL. Kalenderen oppdateres av seg selv når datoer endres."
)
SECRET = N_(
    "Lenken er hemmelig: ikke del den. Alle som får denne kalenderen, får den samme lenken; en administrator kan "
    "lage en ny med «kalender ny-lenke», og da slutter den gamle å virke for alle."
)
"""The token is the feed's (per party or national, bot/shown/web_links.py), not the channel's or the person's
(walk 38 F3): the words say so, and who gets it is the command's `Who.MEMBER`."""


def handle(request: Request, ctx: Context) -> Outcome:
    words = ctx.args.split()
    if words and fold(words[0]) in RENEW_WORDS:
        return _renew(request, ctx, words[1:])
    feed = _feed(ctx, words)
    url = address(ctx.public_url, feed.path, token_of(ctx.state, feed.link_id))
    reply = make_reply(
        title=_("Kalender: {name}").format(name=_feed_name(ctx, feed)),
        lead=_("Abonner på årshjulet i kalenderen din. Lim inn denne adressen:"),
        # The address on a line of its own: every surface shows a link alone on its line whole, to copy.
        sections=[
            Section(title="", text=url),
            Section(title=_("Slik gjør du"), text=_(HOW_TO)),
            Section(title="", text=_(SECRET)),
        ],
        context=_("Frister som heldagshendelser, planlagte møter med klokkeslett, varsel etter påminnelsene."),
    )
    return Outcome(reply=reply)


def _feed(ctx: Context, words: list[str]) -> Feed:
    """The feed named in the command, else the channel's, else the caller's party's."""
    if len(words) > 1:
        raise DomainError(
            _("Jeg forstod ikke «{words}». Skriv for eksempel «{example}» eller «kalender IN».").format(
                words=shown(" ".join(words)), example=EXAMPLE
            )
        )
    if words:
        word = words[0]
        if fold(word) in (NATIONAL_FEED, "au"):
            return Feed(kind="national", key=None)
        if region := ctx.vocab.region(word):
            return Feed(kind="region", key=region)
        party = ctx.vocab.party(word)
        if party and ctx.config.actor(party) and ctx.config.actor(party).enabled:  # type: ignore[union-attr]
            return Feed(kind="actor", key=party)
        raise DomainError(
            _(
                "Jeg kjenner ikke «{word}». Skriv en region (f.eks. «{example}»), en aktør («kalender IN») "
                "eller «kalender nasjonal»."
            ).format(word=shown(word), example=EXAMPLE)
        )
    channel = ctx.channel
    if channel.kind == "national":
        return Feed(kind="national", key=None)
    if channel.kind == "actor" and channel.actor:
        return Feed(kind="actor", key=channel.actor)
    if channel.region:
        return Feed(kind="region", key=channel.region)
    party = ctx.caller.party
    if party and ctx.config.region(party):
        return Feed(kind="region", key=party)
    if party and ctx.config.actor(party):
        return Feed(kind="actor", key=party)
    if party == ctx.config.parties.coordinator.key:
        return Feed(kind="national", key=None)
    raise DomainError(
        _(
            "Hvilken kalender vil du ha? Skriv for eksempel «{example}», «kalender IN» eller «kalender nasjonal»."
        ).format(example=EXAMPLE)
    )


def _feed_name(ctx: Context, feed: Feed) -> str:
    return _("nasjonalt årshjul") if feed.key is None else ctx.config.party_name(feed.key)


def _renew(request: Request, ctx: Context, words: list[str]) -> Outcome:
    """A new secret for one feed or status page; the old address stops working at once."""
    link = renew_link(Acting.of(ctx=ctx, request=request), link=lambda: _link(ctx, words))
    link_id, path, what = link.link_id, link.path, link.what
    token = token_of(ctx.state, link_id)
    reply = make_reply(
        title=_("Ny lenke laget"),
        lead=_("Ny adresse til {what}: {address} Den gamle lenken virker ikke lenger.").format(
            what=what(), address=address(ctx.public_url, path, str(token))
        ),
        visibility=Visibility.PRIVATE,
    )
    return Outcome(reply=reply)


def _link(ctx: Context, words: list[str]) -> Link:
    """The feed or status page named after `ny-lenke`."""
    if words and fold(words[0]) == "status":
        rest = words[1:]
        if len(rest) == 1 and fold(rest[0]) in (NATIONAL_FEED, "au"):  # the feed's word for the national page
            rest = []
        region = ctx.vocab.region(" ".join(rest)) if rest else None
        if rest and region is None:
            raise DomainError(
                _("Jeg kjenner ikke regionen «{words}». Skriv f.eks. «kalender ny-lenke status agder».").format(
                    words=shown(" ".join(rest))
                )
            )

        def page() -> str:
            if region:
                return _("statussiden for {party}").format(party=ctx.config.party_name(region))
            return _("den nasjonale statussiden")

        return Link(link_id=status_link_id(region), path=status_path(region), what=page)
    feed = _feed(ctx, words)
    return Link(
        link_id=feed.link_id, path=feed.path, what=lambda: _("kalenderen {name}").format(name=_feed_name(ctx, feed))
    )
