"""`bli med <part>`, `bli med trekk` (take one's own request back), `opptak ja|nei <nr>` (the buttons the
coordinators get) and `forlat <part> [@person]`.

A person who is not known asks to join; the party's coordinators get one message with «Slipp inn» and
«Avslå» in its channels, or the admins in the national channels where the party has no coordinator (or no
channel), and the answer is told to the person where they asked. The rules (who answers, what a yes writes) are in `bot.actions.membership`.
"""

from __future__ import annotations

from dataclasses import replace

from bot.actions import membership as actions
from bot.actions.base import Acting
from bot.actions.membership import JoinRequest
from bot.actions.rules import adviser_may, join_party
from bot.context import Context
from bot.i18n import N_, _
from bot.mentions import resolve
from bot.messages import (
    Announcement,
    Button,
    ChannelAddress,
    Mention,
    Outcome,
    Reply,
    Request,
    Visibility,
    platform_name,
)
from bot.model.identity import organisation_key, organisation_label
from bot.model.order import split_confirm
from bot.parsing import fold, is_count, shown
from bot.shown.replies import make_reply
from bot.state.integrity import admin_channels
from bot.state.store import DomainError
from handlers.announce import announce_to

JOIN_EXAMPLE = N_("bli med IN")
WITHDRAW = "trekk"
WITHDRAW_WORDS = (WITHDRAW, "angre", "avbryt")
LEAVE_EXAMPLE = N_("forlat IN")
ANSWER_EXAMPLE = "opptak ja 3"
YES = ("ja", "yes", "godta", "slipp")
NO = ("nei", "no", "avsla", "avslaa")


def join(request: Request, ctx: Context) -> Outcome:
    words = ctx.args.split()
    if not words or fold(words[0]) != "med":  # «bli medlem»: the example for this channel's party (walk 43)
        party = join_party(ctx.channel)
        raise DomainError(_("Skriv «{example}».").format(example=f"bli med {party}" if party else _(JOIN_EXAMPLE)))
    if len(words) > 1 and fold(words[1]) in WITHDRAW_WORDS:
        return withdraw(request, ctx)
    party = _party(ctx, words[1:], example=JOIN_EXAMPLE)
    asked = actions.ask_to_join(Acting.of(ctx=ctx, request=request), party=party)
    name = ctx.config.party_name(party)
    if not asked.changed:
        lead = _(
            "Du har allerede spurt om å bli med for {party} (forespørsel {number}). Du får svar her. "
            "«{withdraw}» trekker forespørselen."
        ).format(party=name, number=asked.request.number, withdraw=f"bli med {WITHDRAW}")
        return Outcome(reply=make_reply(title=_("Allerede spurt"), lead=lead))
    announcement = _request_message(ctx, asked.request)
    addresses = _answering_channels(ctx, party)
    here = ChannelAddress(platform=request.platform, channel_id=request.channel_id)
    # Each channel asked reads the request in its own written form, not the asker's (walk 38 F6).
    others = announce_to(ctx, request=request, addresses=addresses, reply=lambda: _request_message(ctx, asked.request))
    if here in addresses:  # asked where it is answered: the one message with the buttons is the reply
        return Outcome(reply=announcement, announcements=others)
    if here in ctx.directory.channels_of_party(party=party):
        # The party's own channel, whose members may not answer: told who was asked, with no buttons to refuse.
        return Outcome(reply=_request_message(ctx, asked.request, buttons=False), announcements=others)
    lead = _(
        "Jeg har spurt koordinatorene for {party} om å slippe deg inn som rådgiver. Du får svar her. "
        "Til da kan du lese alt, f.eks. «neste», «status» og «årshjul»."
    ).format(party=name)
    if not _party_answers(ctx, party):  # IN has no coordinator in app.yaml: an admin answers
        lead = _(
            "Jeg har spurt en administrator om å slippe deg inn som rådgiver for {party}. Du får svar her. "
            "Til da kan du lese alt, f.eks. «neste», «status» og «årshjul»."
        ).format(party=name)
    if not addresses:
        lead = _("Det finnes ingen kanal for {party} ennå. Be en administrator om å registrere deg.").format(party=name)
    return Outcome(reply=make_reply(title=_("Forespørselen er sendt"), lead=lead), announcements=others)


def withdraw(request: Request, ctx: Context) -> Outcome:
    """`bli med trekk`: the person's own pending request is taken back, and those asked to answer it are told
    where they were asked (their buttons then say it was withdrawn)."""
    withdrawn = actions.withdraw_join(Acting.of(ctx=ctx, request=request))
    values = {"name": withdrawn.name, "number": withdrawn.number}

    def told() -> Reply:  # in each channel's written form (`announce_to`), as the request was (walk 38 F6)
        return make_reply(
            title=_("Forespørselen er trukket"),
            lead=_("{name} trakk forespørselen om å bli med for {party} (forespørsel {number}).").format(
                **values, party=ctx.config.party_name(withdrawn.party)
            ),
            visibility=Visibility.CHANNEL,
        )

    here = ChannelAddress(platform=request.platform, channel_id=request.channel_id)
    addresses = _answering_channels(ctx, withdrawn.party)
    announcements = announce_to(ctx, request=request, addresses=addresses, reply=told)
    if here in addresses:
        return Outcome(reply=told(), announcements=announcements)
    lead = _(
        "Du har trukket forespørselen om å bli med for {party} (forespørsel {number}). Du kan spørre på nytt "
        "med «bli med <part>»."
    ).format(**values, party=ctx.config.party_name(withdrawn.party))
    reply = make_reply(title=_("Forespørselen er trukket"), lead=lead)
    return Outcome(reply=reply, announcements=announcements)


def _request_message(ctx: Context, asked: JoinRequest, *, buttons: bool = True) -> Reply:
    """The request as those who answer it read it, with «Slipp inn» and «Avslå»; without them (`buttons`
    False) where it is only told (the party's own channel, whose members may not answer)."""
    name = ctx.config.party_name(asked.party)
    # Who may press the buttons, by name: anyone else in the channel (AU's members in the national channel)
    # is refused, so the post says so (walk 6, F13).
    template = (
        _(
            "{name} ({platform}) ber om å bli med som rådgiver for {party}. En rådgiver kan {may}. "
            "Koordinatorene for {party} eller en administrator svarer med knappene (forespørsel {number}), "
            "og svaret kommer i kanalen der {name} spurte."
        )
        if _party_answers(ctx, asked.party)
        else _(
            "{name} ({platform}) ber om å bli med som rådgiver for {party}. En rådgiver kan {may}. "
            "{party} har ingen koordinator hos meg, så en administrator svarer med knappene (forespørsel "
            "{number}), og svaret kommer i kanalen der {name} spurte."
        )
    )
    # Who may press the buttons, by name: anyone else in the channel (AU's members in the national channel)
    # is refused, so the post says so (walk 6, F13).
    template += " " + _("Bare {who} kan svare.")
    key = organisation_key(asked.organisation) if asked.organisation else None
    if key is not None and not _party_answers(ctx, asked.party):
        # Twenty organisations: the admin who answers sees where the person is from, and how to let all of it in.
        template += " " + _(
            "Alle fra {organisation} kan kobles til en part på én gang: «koble organisasjon {id} <part>»."
        )
    reply = make_reply(
        title=_("{name} vil bli med for {party}").format(name=asked.name, party=name),
        lead=template.format(
            name=asked.name,
            platform=organisation_label(key) if key is not None else platform_name(asked.platform),
            organisation=organisation_label(key) if key is not None else "",
            id=asked.organisation,
            party=name,
            number=asked.number,
            may=adviser_may(ctx.config, party=asked.party),
            who=actions.answerers_text(config=ctx.config, state=ctx.state, party=asked.party),
        ),
        buttons=(
            Button(label=_("Slipp inn"), command=f"opptak ja {asked.number}", answers=True),
            Button(label=_("Avslå"), command=f"opptak nei {asked.number}", primary=False, answers=True),
        )
        if buttons
        else (),
        visibility=Visibility.CHANNEL,
    )
    return replace(reply, mentions=_answerers(ctx, asked.party))


def _answering_channels(ctx: Context, party: str) -> list[ChannelAddress]:
    """Where the request's buttons go: the party's own channels when someone of the party may answer (its
    coordinators read them), else the admins' (the national channels, `admin_channels`): a request sent only
    to the channel of an actor without a coordinator reached advisers who were refused, and no admin
    (walk 5, N1)."""
    own = ctx.directory.channels_of_party(party=party)
    if own and _party_answers(ctx, party):
        return own
    return admin_channels(ctx.directory)


def _party_answers(ctx: Context, party: str) -> bool:
    """Whether someone of the party itself (a coordinator; AU: a member) may answer, not only the admins."""
    return any(p["role"] != "admin" for p in actions.answerers(config=ctx.config, state=ctx.state, party=party))


def _answerers(ctx: Context, party: str) -> tuple[Mention, ...]:
    """The people the request calls on (`bot.actions.membership.answerers`)."""
    return tuple(
        Mention(person=str(p["key"]), name=str(p["name"]), ids=dict(p["ids"]))  # type: ignore[arg-type]
        for p in actions.answerers(config=ctx.config, state=ctx.state, party=party)
    )


def answer(request: Request, ctx: Context) -> Outcome:
    words = ctx.args.split()
    words[1:] = [word.removesuffix(".") for word in words[1:]]  # «opptak ja 3.»: a sentence's full stop
    if len(words) != 2 or fold(words[0]) not in (*YES, *NO) or not is_count(words[1]):
        raise DomainError(_("Skriv «{example}» eller klikk på knappen.").format(example=ANSWER_EXAMPLE))
    approve = fold(words[0]) in YES
    answered = actions.answer_join(Acting.of(ctx=ctx, request=request), number=words[1], approve=approve)
    asked = answered.request
    values = {"name": asked.name, "party": ctx.config.party_name(asked.party), "who": ctx.caller.name}
    if not answered.changed:
        if asked.status == "withdrawn":
            lead = _("{name} har trukket forespørselen selv. Ingenting er endret.").format(name=asked.name)
            return Outcome(reply=make_reply(title=_("Forespørselen er trukket"), lead=lead))
        said = _("slapp inn") if asked.status == "approved" else _("avslo")
        lead = _("Forespørselen fra {name} er allerede besvart ({said}). Ingenting er endret.").format(
            name=asked.name, said=said
        )
        return Outcome(reply=make_reply(title=_("Allerede besvart"), lead=lead))
    title = _told(ctx, asked=asked, approve=approve)[0]
    if approve:
        may = adviser_may(ctx.config, party=asked.party)
        said = _("{who} slapp {name} inn som rådgiver for {party}. {name} kan nå {may}.").format(**values, may=may)
    else:
        said = _("{who} avslo forespørselen fra {name} om å bli med for {party}.").format(**values)
    reply = make_reply(
        title=title, lead=_("Svaret er sendt til {name}.").format(**values), visibility=Visibility.CHANNEL
    )
    to = ChannelAddress(platform=asked.platform, channel_id=asked.channel)
    if (asked.platform, asked.channel) == (request.platform, request.channel_id):
        # One channel, one message, read by both: said of the newcomer, not to them (the approver sees it too).
        lead = said
        return Outcome(reply=make_reply(title=title, lead=lead, visibility=Visibility.CHANNEL))
    person = Mention(person=asked.user_id, name=asked.name, ids={asked.platform: asked.user_id})

    def message() -> Reply:  # in the written form of the channel the person asked in (walk 38 F6)
        title, told = _told(ctx, asked=asked, approve=approve)
        return replace(make_reply(title=title, lead=told, visibility=Visibility.CHANNEL), mentions=(person,))

    return Outcome(reply=reply, announcements=announce_to(ctx, request=request, addresses=[to], reply=message))


def _told(ctx: Context, *, asked: JoinRequest, approve: bool) -> tuple[str, str]:
    """The title and the words the person who asked to join is told, in the written form in use."""
    values = {"name": asked.name, "party": ctx.config.party_name(asked.party), "who": ctx.caller.name}
    if approve:
        may = adviser_may(ctx.config, party=asked.party)
        told = _("{who} slapp deg inn som rådgiver for {party}. Nå kan du {may}.").format(**values, may=may)
        return _("{name} er med for {party}").format(**values), told
    told = _(
        "{who} avslo forespørselen din om å bli med for {party}. Spør koordinatorene for {party} om hvorfor."
    ).format(**values)
    return _("{name} ble ikke med for {party}").format(**values), told


def leave(request: Request, ctx: Context) -> Outcome:
    words, confirmed = split_confirm(ctx.args.split())
    mentioned = [w for w in words if w.startswith("<@") or w.startswith("@")]
    rest = [w for w in words if w not in mentioned]
    party = _party(ctx, rest, example=LEAVE_EXAMPLE)
    user_id = name = None
    if mentioned:
        who = resolve(mentioned[0], request=request, directory=ctx.directory)
        user_id = who.user_id if who else mentioned[0].lstrip("@")
        name = who.name if who else user_id
    left = actions.leave(
        Acting.of(ctx=ctx, request=request), party=party, user_id=user_id, name=name, confirmed=confirmed
    )
    values = {"name": left.name, "party": ctx.config.party_name(left.party)}
    lead = (
        _("{name} er fjernet fra {party}.").format(**values)
        if left.by_admin
        else _("Du er ikke lenger med for {party}. Du kan fortsatt lese alt.").format(**values)
    )
    announcements: tuple[Announcement, ...] = ()
    if left.last_coordinator:  # the party has no coordinator now: the admins hear it (walk 7 F11)
        announcements = announce_to(
            ctx,
            request=request,
            addresses=admin_channels(ctx.directory),
            reply=lambda: make_reply(
                title=_("{party} har ingen koordinator").format(party=ctx.config.party_name(left.party)),
                lead=(
                    _(
                        "{who} fjernet {name} fra {party}, og {name} var den siste koordinatoren der. Registrer en "
                        "ny med «{command}»."
                    )
                    if left.by_admin
                    else _("{name} forlot {party} og var den siste koordinatoren der. Registrer en ny med «{command}».")
                ).format(
                    who=ctx.caller.name,
                    name=left.name,
                    party=ctx.config.party_name(left.party),
                    command=f"person @… {left.party} koordinator",
                ),
                visibility=Visibility.CHANNEL,
            ),
        )
    return Outcome(
        reply=make_reply(title=_("Ute av {party}").format(**values), lead=lead, visibility=Visibility.CHANNEL),
        announcements=announcements,
    )


JOIN_FILLER = frozenset({"i", "for", "hos", "til", "pa", "som", "radgiver", "radgjevar", "raadgiver"})
"""Words around the party as people write it («bli med i Agder», «bli med som rådgiver for IN»): the
request is always an adviser's, so saying so changes nothing (walk 43)."""


def _party_words(ctx: Context, words: list[str]) -> list[str]:
    """The words naming the party, without `JOIN_FILLER`; asking to join as coordinator is told how that
    role is given instead of «Ukjent part» (walk 43)."""
    named = [word for word in words if fold(word) not in JOIN_FILLER]
    if any(fold(word).startswith("koordinator") for word in named):
        rest = [word for word in named if not fold(word).startswith("koordinator")]
        code = (ctx.vocab.party(" ".join(rest)) if rest else None) or join_party(ctx.channel) or "agder"
        raise DomainError(
            _(
                "Med «bli med» blir du rådgiver for parten. Koordinator blir du når en administrator skriver "
                "«person <@bruker> {party} koordinator». Skriv «bli med {party}» for å be om å bli rådgiver først."
            ).format(party=code)
        )
    return named


def _party(ctx: Context, words: list[str], *, example: str) -> str:
    """The party named, else the channel's (its actor, or its region)."""
    words = _party_words(ctx, words)
    if words:
        party = ctx.vocab.party(" ".join(words))
        if party is None:
            raise DomainError(
                _(
                    "Ukjent part «{party}». Bruk en region (f.eks. agder) eller en aktør (IN, SIVA, NFR, RFF, AU)."
                ).format(party=shown(" ".join(words)))
            )
        return party
    party = join_party(ctx.channel)
    if party is None:
        raise DomainError(_("Hvilken part? Skriv for eksempel «{example}».").format(example=_(example)))
    return party
