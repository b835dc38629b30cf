"""`oppdrag <aktør> [sendt|ingen] [region] [år]`: an assignment agreement sent to one actor, or none this year.

The rules are the action's (`bot.actions.assignments.record_assignment`); this module reads the words and
describes the result.
"""

from __future__ import annotations

from bot.actions.assignments import (
    EXAMPLE,
    AssignmentAlready,
    AssignmentRecorded,
    Status,
    record_assignment,
    status_word,
)
from bot.actions.base import Acting
from bot.actions.happened import Happened
from bot.context import Context
from bot.facts.kinds import milestone_of_kind
from bot.i18n import _
from bot.messages import Announcement, Outcome, Reply, Request, Visibility
from bot.model.order import split_confirm
from bot.parsing import fold, is_placeholder
from bot.shown.replies import day_text, make_reply
from bot.state.store import DomainError
from handlers.announce import announce_to
from handlers.common import context_region, read_args, reject_extra
from handlers.minutes_held import happened_lead, held_day
from handlers.placeholder_day import ask_for_the_day, plausible_day

STATUSES: dict[str, Status] = {"sendt": "sent", "ingen": "none"}
NONE_WORDS = frozenset({"ikke", "ikkje", "nei", "inga", "ingenting", "aktuelt", "aktuell"})
"""Words of «none this year» other than `ingen` («ikke aktuelt i år»): answered with the command that says it."""


def handle(request: Request, ctx: Context) -> Outcome:
    words, confirmed = split_confirm(ctx.args.split())  # `oppdrag RFF ingen bekreft`: the word is taken
    words, sent_on = _sent_day(ctx, words)
    status_words = [word for word in words if fold(word) in STATUSES]
    words = [word for word in words if fold(word) not in STATUSES]
    args = read_args(ctx, words, want=("party", "region", "year"))
    if any(fold(word) in NONE_WORDS for word in args.rest):
        # «oppdrag RFF ikke aktuelt i år», «… ikke sendt»: the words for each, with what was typed (walk 39 F7)
        typed = " ".join(["oppdrag", *(word for word in words if word not in args.rest)])
        raise DomainError(
            _(
                "Skriv «{typed} ingen» om det ikke blir noen oppdragsavtale i år, eller «{typed} sendt» når den er "
                "sendt. Ingenting er endret."
            ).format(typed=typed)
        )
    reject_extra(args.rest, example=EXAMPLE)
    result = record_assignment(
        Acting.of(ctx=ctx, request=request),
        actor=args.party or ctx.channel.actor,  # `oppdrag ingen` in Siva's channel means Siva (walk 8 m11)
        status=STATUSES[fold(status_words[0])] if status_words else None,
        region=context_region(ctx, args.region),
        year=args.year,
        confirmed=confirmed,
        sent_on=sent_on,
    )
    year, party, what = result.item.year, ctx.config.party_name(result.actor), _(status_word(result.status))
    if isinstance(result, AssignmentAlready):
        lead = _("Oppdragsavtale {year} for {party} er allerede registrert: {what}. Ingenting er endret.").format(
            year=year, party=party, what=what
        )
        return Outcome(reply=make_reply(title=_("Allerede registrert"), lead=lead))
    if result.redated_from is not None and sent_on is not None:  # the day given afterwards (walk 36 F6)
        lead = _("Dagen den ble sendt er endret til {day} (var {was}). Endret av {name}; endringen står i «logg».")
        return Outcome(
            reply=make_reply(
                title=_("Oppdragsavtale {year} – {party}: {what}").format(year=year, party=party, what=what),
                lead=lead.format(day=day_text(sent_on.date()), was=day_text(result.redated_from), name=ctx.caller.name),
                visibility=Visibility.CHANNEL,
            )
        )
    done = " " + _("Alle aktører er avklart, så punktet er ferdig.") if result.complete else ""
    if result.not_relevant == "kept":
        done = " " + _("Punktet er fortsatt markert som ikke aktuelt i år.")
    elif result.not_relevant == "lifted":
        done += " " + _("Punktet var markert som ikke aktuelt i år og er nå aktuelt igjen.")
    reply = make_reply(
        title=_("Oppdragsavtale {year} – {party}: {what}").format(year=year, party=party, what=what),
        lead=(happened_lead(day=sent_on.date(), again=None) + " " if sent_on else "")
        + _late_today(ctx, result=result, typed_day=sent_on is not None)
        + _("Registrert av {name} for {party}.").format(
            name=ctx.caller.name, party=ctx.config.party_name(result.item.region)
        )
        + done,
        visibility=Visibility.CHANNEL,
    )
    return Outcome(reply=reply, announcements=_tell_actor(ctx, request=request, result=result))


def _late_today(ctx: Context, *, result: AssignmentRecorded, typed_day: bool) -> str:
    """«sendt» with no day after the deadline (walk 36 F6): today is recorded, so the reply says so and how to
    give the day it went, as a precondition's verb alone does (handlers/precondition.py `_late_today`)."""
    today, deadline = ctx.now.date(), result.item.deadline
    if typed_day or result.status != "sent" or today <= deadline:
        return ""
    command = f"oppdrag {ctx.config.party_short(result.actor)} sendt {day_text(deadline)}"
    return (
        _(
            "Registrert med dagen i dag, {today} (etter fristen {deadline}); ble den sendt en annen dag, skriv den, f.eks. «{command}»."
        ).format(today=day_text(today), deadline=day_text(deadline), command=command)
        + " "
    )


def _sent_day(ctx: Context, words: list[str]) -> tuple[list[str], Happened | None]:
    """«sendt 28.01.»: the words after «sendt» read as the day it was sent (as a precondition's «mottatt
    14. desember», walk 23 #6), taken out of the words; the words unchanged when they name no day."""
    at = next((index for index, word in enumerate(words) if fold(word) == "sendt"), None)
    if at is None or at == len(words) - 1:
        return words, None
    tail = words[at + 1 :]
    if is_placeholder(tail[0]):  # «oppdrag IN sendt <dag>», the usage typed back (walk 37 F-I)
        _ask_for_the_day(ctx, words=words, at=at)
    for end in range(len(tail), 0, -1):  # the longest run of words that reads as a day; the rest stays
        day = held_day("mottatt " + " ".join(tail[:end]), now=ctx.now, received=True)
        if day is not None:
            return [*words[: at + 1], *tail[end:]], day
    return words, None


def _ask_for_the_day(ctx: Context, *, words: list[str], at: int) -> None:
    """The placeholder names no day and «sendt» alone records today, so nothing is recorded: the refusal asks
    for the day, its example the assignment agreements' own deadline (or today), as `forutsetning` asks."""
    others = [word for word in [*words[:at], *words[at + 2 :]] if fold(word) not in STATUSES]
    try:
        year = read_args(ctx, others, want=("party", "region", "year")).year
    except DomainError:  # the words are refused later, once the day is given
        year = None
    spec = milestone_of_kind(ctx.config, kind="assignments")
    ask_for_the_day(
        typed="oppdrag " + " ".join(ctx.args.split()),
        placeholder=words[at + 1],
        example_day=plausible_day(window=spec.window if spec else None, year=year, today=ctx.now.date()),
    )


def _tell_actor(ctx: Context, *, request: Request, result: AssignmentRecorded) -> tuple[Announcement, ...]:
    """The actor hears it in its own channels (walk 10, X13): it is the one who notices an agreement that
    never came, or knows none is coming this year."""
    item, actor = result.item, result.actor
    region = item.region or ""
    addresses = ctx.directory.channels_of_party(party=actor, region=item.region)

    def reply() -> Reply:  # built once per written form the actor's channels read
        said = (
            _(
                "{region} har sendt oppdragsavtalen {year} til {actor}. Si fra i {region}s kanal hvis den ikke har kommet."
            )
            if result.status == "sent"
            else _("{region} har registrert at {actor} ikke får oppdragsavtale i {year}.")
        )
        return make_reply(
            title=_("Oppdragsavtale {year} – {party}: {what}").format(
                year=item.year, party=ctx.config.party_name(actor), what=_(status_word(result.status))
            ),
            lead=said.format(region=ctx.config.party_short(region), year=item.year, actor=ctx.config.party_prose(actor))
            + " "
            + _("Registrert av {name}.").format(name=ctx.caller.name),
            visibility=Visibility.CHANNEL,
        )

    return announce_to(ctx, request=request, addresses=list(addresses), reply=reply)
