"""What several handlers need: reading region/party/year/milestone from the words, and who may write."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from bot.actions import rules
from bot.config import Milestone
from bot.context import Context
from bot.cycle import next_opening, write_cycle
from bot.i18n import _, using
from bot.messages import Request
from bot.order import mark, refuse, signing_breaches
from bot.parsing import milestone_names, shown, typed_name, year_of
from bot.progress import progress_of
from bot.state import DomainError, item_partition
from bot.wheel import Item, milestone_item
from storage.base import Tables


@dataclass
class Args:
    region: str | None = None
    party: str | None = None
    year: int | None = None
    milestone: str | None = None
    precondition: str | None = None
    rest: list[str] = field(default_factory=list)


def read_args(
    ctx: Context,
    words: list[str],
    *,
    want: tuple[str, ...],
    stop_at_unknown: bool = False,
) -> Args:
    """Pick out the region, party, year, milestone and precondition named among `words`.

    With `stop_at_unknown` only leading words are read and the rest is left as free text (for a date
    or a summary that follows the milestone).
    """
    args = Args()
    scope = "national" if ctx.channel.kind == "national" else "regional"
    milestone_word = ""
    names = _join_names(ctx, words) if ("region" in want or "party" in want) else [(w, i) for i, w in enumerate(words)]
    for word, index in names:
        if "year" in want and args.year is None and (year := year_of(word)) is not None:
            args.year = year
        elif "milestone" in want and args.milestone is None and (key := ctx.vocab.milestone(word, scope=scope)):
            args.milestone = key
            milestone_word = word
        elif "precondition" in want and args.precondition is None and (key := ctx.vocab.precondition(word)):
            args.precondition = key
        elif "region" in want and args.region is None and (key := ctx.vocab.region(word)):
            args.region = key
        elif "party" in want and args.party is None and (key := ctx.vocab.party(word)):
            args.party = key
        elif stop_at_unknown:
            args.rest = words[index:]
            break
        else:
            args.rest.append(word)
    if args.milestone and args.region and scope == "national":
        # `høst agder` in the national channel is Agder's autumn meeting: a named region wins over the channel.
        args.milestone = ctx.vocab.milestone(milestone_word, scope="regional") or args.milestone
    return args


def _join_names(ctx: Context, words: list[str]) -> list[tuple[str, int]]:
    """Multi-word names (`Møre og Romsdal`) as one word, each with the index of its first word."""
    joined: list[tuple[str, int]] = []
    index = 0
    while index < len(words):
        for size in (4, 3, 2):
            phrase = " ".join(words[index : index + size])
            if index + size <= len(words) and (ctx.vocab.region(phrase) or ctx.vocab.party(phrase)):
                joined.append((phrase, index))
                index += size
                break
        else:
            joined.append((words[index], index))
            index += 1
    return joined


def record(
    ctx: Context,
    request: Request,
    *,
    summary: str | Callable[[], str],
    mutate: Callable[[Tables], Any],
    item: Item | None = None,
    partition: str | None = None,
    region: str | None = None,
    action: str | None = None,
) -> Any:
    """The one way a handler changes state: the whole change with its history entry, or nothing.

    The partition is the item's own unless given (runtime bindings live in `meta`); a change in `meta` that
    belongs to one region names it (`region`), so that region's `logg` shows it. The history is one record
    for every reader in both written forms: a `summary` builder is called once in bokmål (`summary`, what
    the hash chain and older readers know) and once in nynorsk (`summary_nn`), so `logg` shows each reader
    their own form and the names and dates in it never mix with the entry's own words.
    """
    target = partition or (item_partition(item) if item else None)
    assert target is not None, "record() needs an item or a partition"
    summary_nn = None
    if callable(summary):
        build = summary
        with using("nb"):
            summary = build()
        with using("nn"):
            summary_nn = build()
    return ctx.state.change(
        partition=target,
        author=ctx.author(request),
        at=ctx.now,
        summary=summary,
        summary_nn=summary_nn if summary_nn != summary else None,
        mutate=mutate,
        request=request,
        action=action,
        scope={"region": item.region, "year": item.year, "item": item.ident}
        if item
        else ({"region": region} if region else None),
    )


def reject_extra(words: list[str], *, example: str) -> None:
    """Words a command does not understand are an error, never silently ignored."""
    if words:
        raise DomainError(
            _("Jeg forstod ikke «{words}». Skriv for eksempel «{example}».").format(
                words=shown(" ".join(words)), example=_(example)
            )
        )


@dataclass(frozen=True)
class MeetingArgs:
    spec: Milestone
    region: str | None
    args: Args


def read_meeting(ctx: Context, words: list[str], *, command: str, example: str) -> MeetingArgs:
    """The leading `<møte> [region] [år]` of `dato` and `referat`; the rest of the words stay free text."""
    args = read_args(ctx, words, want=("milestone", "region", "year"), stop_at_unknown=True)
    if args.milestone is None:
        names = ", ".join(milestone_names(ctx.config))
        raise DomainError(
            _("Hvilket møte gjelder det? Skriv f.eks. «{example}». Møtene heter: {names}.").format(
                example=_(example), names=names
            )
        )
    spec = ctx.config.milestone(args.milestone)
    assert spec is not None
    if spec.signed_by_parties:
        raise DomainError(
            _("Signeringen har ingen {command}; hver part registrerer sin signatur med «signer».").format(
                command=command
            )
        )
    region = (
        None
        if spec.scope == "national"
        else require_region(ctx, args.region, example=f"{command} {typed_name(spec)} agder …")
    )
    return MeetingArgs(spec=spec, region=region, args=args)


def context_region(ctx: Context, explicit: str | None) -> str | None:
    """The region a command is about: named in it, else the channel's, else the caller's own."""
    if explicit:
        return explicit
    if ctx.channel.region:
        return ctx.channel.region
    if ctx.caller.party and ctx.config.region(ctx.caller.party):
        return ctx.caller.party
    return None


def require_region(ctx: Context, explicit: str | None, *, example: str) -> str:
    return rules.require_region(context_region(ctx, explicit), example=example)


def pick_year(
    ctx: Context,
    *,
    item_for: Callable[[int], Item],
    done: Callable[[Item], bool] | None = None,
) -> int:
    """The cycle a date or plan means without a year: the write rule (bot/cycle.py), or else the cycle
    whose window for the item opens next (a meeting may be planned before its window opens)."""
    is_done = done or (lambda item: progress_of(config=ctx.config, state=ctx.state, item=item).done)
    year = write_cycle(ctx.config, today=ctx.now.date(), item_for=item_for, done=is_done)
    return year if year is not None else next_opening(today=ctx.now.date(), item_for=item_for)


def require_near_year(ctx: Context, year: int, *, example: str) -> None:
    """A write goes to a cycle near today (last year to two years ahead): a typed 2072 for 2027 is a slip,
    not a plan, and must not create a cycle decades away. Reads may look at any year."""
    if not ctx.now.year - 1 <= year <= ctx.now.year + 2:
        raise DomainError(
            _("{year} er for langt unna. Skriv et år nær i år, f.eks. «{example}».").format(year=year, example=example)
        )


def write_year(
    ctx: Context,
    *,
    typed: int | None,
    item_for: Callable[[int], Item],
    example: str,
    done: Callable[[Item], bool] | None = None,
) -> int:
    """The cycle a write goes to: the typed year, else the one rule of bot/cycle.py, else ask for the year."""
    if typed is not None:
        require_near_year(ctx, typed, example=example)
        return typed
    is_done = done or (lambda item: progress_of(config=ctx.config, state=ctx.state, item=item).done)
    year = write_cycle(ctx.config, today=ctx.now.date(), item_for=item_for, done=is_done)
    if year is None:
        title = item_for(ctx.now.date().year).spec.name
        raise DomainError(
            _(
                "Vinduet for «{title}» er ikke åpent nå, så jeg vet ikke hvilket år du mener. "
                "Skriv året i kommandoen, f.eks. «{example}»."
            ).format(title=title, example=_(example))
        )
    return year


def milestone_for(ctx: Context, *, key: str, year: int, region: str | None) -> Item:
    spec = ctx.config.milestone(key)
    assert spec is not None
    return milestone_item(ctx.config, milestone=spec, year=year, region=region)


def require_member(ctx: Context, *, party: str, what: str) -> None:
    """Only a member of a party may write for it."""
    if not ctx.caller.known:
        raise DomainError(
            _(
                "Du er ikke registrert hos meg ennå, så du kan lese, men ikke registrere. "
                "Be en administrator skrive «person <deg> <part> <rolle>»."
            )
        )
    if ctx.caller.party != party:
        raise DomainError(
            _("Bare {party} kan {what}. Du er registrert for {own}.").format(
                party=ctx.config.party_name(party), what=what, own=_party_of(ctx)
            )
        )


def require_coordinator(ctx: Context, *, item: Item) -> None:
    """Dates and outcomes: a region's coordinators for its own milestones, AU for the national ones."""
    if item.region is None:
        require_member(
            ctx,
            party=ctx.config.parties.coordinator.key,
            what=_("registrere de nasjonale møtene"),
        )
        return
    require_member(
        ctx,
        party=item.region,
        what=_("registrere for {party}").format(party=ctx.config.party_name(item.region)),
    )
    if ctx.caller.role != "coordinator":
        raise DomainError(_("Bare fylkeskommunens koordinatorer kan sette datoer og registrere møteutfall."))


def require_admin(ctx: Context) -> None:
    if ctx.caller.role != "admin":
        raise DomainError(_("Bare en administrator kan koble kanaler og personer."))


def _party_of(ctx: Context) -> str:
    return ctx.config.party_name(ctx.caller.party) if ctx.caller.party else _("ingen part")


def today(ctx: Context) -> date:
    return ctx.now.date()


def order_note(ctx: Context, *, item: Item, confirmed: bool) -> str | None:
    """The signing's window rule (bot/order.py): refused unless confirmed; the note to store if confirmed."""
    breaches = signing_breaches(config=ctx.config, item=item, now=ctx.now)
    if breaches and not confirmed:
        raise refuse(item=item, breaches=breaches)
    with using("nb"):  # stored with the item and shown as written, like the history
        return mark(signing_breaches(config=ctx.config, item=item, now=ctx.now))
