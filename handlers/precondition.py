"""`forutsetning <statsbudsjett|budsjett|tildelingsbrev> [aktør] [region] [år] [vedtatt/mottatt <dag>]`: record a
signing precondition, with the day it happened when the words name it (read as minutes read their held day).

The state budget is one national fact (recorded by AU or any county coordinator); a region's budget is
recorded by its coordinators; an allocation letter by a member of that actor. When the last missing
precondition of a region's agreement is recorded, every party's channel is told it can now sign.
"""

from __future__ import annotations

from datetime import date, datetime
from difflib import get_close_matches

from bot.actions.base import Acting
from bot.actions.happened import Happened
from bot.actions.preconditions import EXAMPLE, PreconditionAlready, record_precondition
from bot.context import Context
from bot.i18n import _
from bot.messages import Outcome, Request, Visibility
from bot.model.order import split_confirm
from bot.model.wheel import Item, record_command
from bot.parsing import is_placeholder, shown
from bot.shown.replies import day_text, make_reply
from bot.state.store import DomainError
from handlers.announce import ready_announcements, ready_buttons_here
from handlers.common import context_region, read_args, reject_extra
from handlers.minutes_held import happened_at, happened_lead, held_day
from handlers.placeholder_day import ask_for_the_day, plausible_day


def handle(request: Request, ctx: Context) -> Outcome:
    words, confirmed = split_confirm(ctx.args.split())
    at = happened_at(words)  # «budsjett vedtatt 14. desember»: the day it happened (walk 10, X7)
    if at is not None and at < len(words) - 1 and is_placeholder(" ".join(words[at + 1 :])):
        _ask_for_the_day(ctx, words=words, at=at)
    if at is not None and at == len(words) - 1:
        # «tildelingsbrev mottatt» with no day: today, as the short form (walk 13 W1), and the reply says so
        words, at = words[:at], None
    if at is None:
        _refuse_a_misspelt_verb(words)
    happened = held_day(" ".join(words[at:]), now=ctx.now, received=True) if at is not None else None
    if at is not None and happened is None:
        day = day_text(_example_day(ctx, words=words, at=at))  # from the clock and the wheel (fixbf 3)
        raise DomainError(  # the asker's own precondition and verb, with a day (walk 13 W1)
            _("Jeg forstod ikke dagen i «{words}». Skriv for eksempel «{example}».").format(
                words=shown(" ".join(words[at:])), example=f"{_example(ctx)} {words[at]} {day}"
            )
        )
    args = read_args(ctx, words[:at] if at is not None else words, want=("precondition", "party", "region", "year"))
    reject_extra(args.rest, example=_example(ctx))
    if args.precondition is None:
        keys = ", ".join(item.key for item in ctx.config.preconditions)
        raise DomainError(
            _("Hvilken forutsetning? Velg en av: {keys}. Skriv f.eks. «{example}».").format(
                keys=keys, example=_example(ctx)
            )
        )
    named_region = args.party if args.party and ctx.config.region(args.party) else None
    result = record_precondition(
        Acting.of(ctx=ctx, request=request),
        key=args.precondition,
        region=context_region(ctx, args.region or named_region),
        party=args.party,
        year=args.year,
        confirmed=confirmed,
        happened=happened,
    )
    if isinstance(result, PreconditionAlready):
        return _already(result)
    item, newly_ready = result.item, list(result.newly_ready)
    announcements = ready_announcements(ctx, request=request, regions=newly_ready, year=item.year)
    ready_note = (
        " "
        + _("Nå kan avtalen {year} signeres i: {regions}.").format(
            year=item.year, regions=", ".join(ctx.config.party_name(r) for r in newly_ready)
        )
        if newly_ready
        else ""
    )
    reply = make_reply(
        title=_("Registrert: {item}").format(item=item.title()),
        lead=(happened_lead(day=happened.date(), again=record_command(item)) + " " if happened else "")
        + (_("(Var {day}.)").format(day=day_text(result.redated_from)) + " " if result.redated_from else "")
        + _late_today(ctx, item=item, happened=happened)
        + _("Registrert av {name}.").format(name=ctx.caller.name)
        + ready_note,
        buttons=ready_buttons_here(ctx, regions=newly_ready, year=item.year),
        visibility=Visibility.CHANNEL,
    )
    return Outcome(reply=reply, announcements=announcements)


VERBS = ("vedtatt", "mottatt", "vedteke", "motteke")
"""The verbs a precondition's day follows, as the help and the reminders write them."""


def _refuse_a_misspelt_verb(words: list[str]) -> None:
    """«tildelingsbrev motatt 12.01.2028» (walk 33 F5): a verb one letter off is the day form misspelt, so the
    refusal names the verb it is near, as a misspelt precondition («budsjet») is named, nothing recorded."""
    for index, word in enumerate(words):
        near = get_close_matches(word.lower(), VERBS, n=1, cutoff=0.8)
        if near and word.lower() not in VERBS:
            typed = " ".join(words[index:])
            mended = " ".join([near[0], *words[index + 1 :]])
            raise DomainError(
                _("Jeg forstod ikke «{words}». Mente du «{mended}»?").format(words=shown(typed), mended=shown(mended))
            )


def _ask_for_the_day(ctx: Context, *, words: list[str], at: int) -> None:
    """The suggested «… vedtatt <dag>» typed back as shown (walk 33 F1): the digests suggest it exactly when the
    day matters (after the deadline, a December budget written down in February), so nothing is recorded; the
    example names the precondition's own deadline (or today), read from the words when they name one."""
    ask_for_the_day(
        typed=_("forutsetning") + " " + " ".join(ctx.args.split()),
        placeholder=" ".join(words[at + 1 :]),
        example_day=_example_day(ctx, words=words, at=at),
    )


def _example_day(ctx: Context, *, words: list[str], at: int) -> date:
    """The day an example suggests for the precondition the words before the verb name (`plausible_day`)."""
    try:
        args = read_args(ctx, words[:at], want=("precondition", "party", "region", "year"))
    except DomainError:  # the words are refused later, once the day is given
        args = None
    spec = ctx.config.precondition(args.precondition) if args and args.precondition else None
    return plausible_day(
        config=ctx.config,
        window=spec.window if spec else None,
        year=args.year if args else None,
        today=ctx.now.date(),
    )


def _late_today(ctx: Context, *, item: Item, happened: Happened | None) -> str:
    """Recorded with no day after its deadline (walk 17 F-b): the verb alone means today, so the reply says
    so and gives the command with the day it happened, for a December budget written down in January."""
    today = ctx.now.date()
    if happened is not None or today <= item.deadline:
        return ""
    return (
        _(
            "Registrert med dagen i dag, {today} (etter fristen {deadline}); skjedde det en annen dag, skriv «{command}»."
        ).format(today=day_text(today), deadline=day_text(item.deadline), command=record_command(item))
        + " "
    )


def _example(ctx: Context) -> str:
    """The precondition the asker's party records (walk 8 N5): a county's coordinator its budget, an actor
    its allocation letter, AU and an admin the state budget; the one every asker could copy before."""
    party = ctx.caller.party
    owner = (
        "region" if party and ctx.config.region(party) else "actor" if party and ctx.config.actor(party) else "national"
    )
    mine = next((item for item in ctx.config.preconditions if item.owner == owner), None)
    return _("forutsetning") + f" {mine.key}" if mine else _(EXAMPLE)


def _already(result: PreconditionAlready) -> Outcome:
    item, doc = result.item, result.doc
    when = datetime.fromisoformat(doc.get("recorded_at") or doc["done_at"]).date()  # the day it was typed
    reply = make_reply(
        title=_("Allerede registrert"),
        lead=_("{item} ble registrert av {name} {day}. Ingenting er endret.").format(
            item=item.title(), name=doc.get("by"), day=day_text(when)
        ),
    )
    return Outcome(reply=reply)
