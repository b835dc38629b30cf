"""What several handlers need: reading region/party/year/milestone from the words. The model's rules (who
may write, which cycle a write means) and the one recorded write are the core's (bot/actions/)."""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.actions import rules
from bot.context import Context
from bot.i18n import _
from bot.model.config import Milestone
from bot.parsing import count_of, milestone_names, shown, typed_name, year_of
from bot.pointers import either
from bot.state.store import DomainError
from handlers.meeting_names import read_printed_lead, read_printed_name, without_region_lead

NATION_WORDS = frozenset({"nasjonal", "nasjonalt", "alle", "landet"})
"""Words that ask for the whole country rather than a region (`årshjul nasjonal`, `status nasjonal`)."""


class Unread(list[str]):
    """The words `read_args` did not take, with the name each one misspells, if any (`near`), so
    `reject_extra` can ask «Mente du …?» instead of refusing flatly."""

    def __init__(self, words: list[str] | None = None, *, near: dict[str, str] | None = None) -> None:
        super().__init__(words or [])
        self.near: dict[str, str] = dict(near or {})


@dataclass
class Args:
    region: str | None = None
    party: str | None = None
    year: int | None = None
    milestone: str | None = None
    precondition: str | None = None
    rest: Unread = field(default_factory=Unread)


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
        elif "region" in want and args.region is None and (split := ctx.vocab.split_region(word)):
            _ask_which_region(ctx, split)
        elif "party" in want and args.party is None and (key := ctx.vocab.party(word)):
            args.party = key
        elif stop_at_unknown:
            args.rest = Unread(words[index:])
            break
        else:
            args.rest.append(word)
            if near := ctx.vocab.near(word, kinds=want):
                args.rest.near[word] = near
    if args.milestone and args.region and scope == "national":
        # `høst agder` in the national channel is Agder's autumn meeting: a named region wins over the channel.
        args.milestone = ctx.vocab.milestone(milestone_word, scope="regional") or args.milestone
    return args


def _ask_which_region(ctx: Context, split: tuple[str, ...]) -> None:
    """A former county split between regions is asked about, never guessed (Viken is now three)."""
    name, *keys = split
    raise DomainError(
        _("{name} er nå flere regioner. Hvilken mener du: {regions}? Skriv den i stedet for «{name}».").format(
            name=name, regions=either([ctx.config.party_prose(key) for key in keys])
        )
    )


def _join_names(ctx: Context, words: list[str]) -> list[tuple[str, int]]:
    """Multi-word names (`Møre og Romsdal`) as one word, each with the index of its first word."""
    joined: list[tuple[str, int]] = []
    index = 0
    while index < len(words):
        for size in (4, 3, 2):
            phrase = " ".join(words[index : index + size])
            if index + size <= len(words) and (
                ctx.vocab.region(phrase) or ctx.vocab.party(phrase) or ctx.vocab.split_region(phrase)
            ):
                joined.append((phrase, index))
                index += size
                break
        else:
            joined.append((words[index], index))
            index += 1
    return joined


def reject_extra(words: list[str], *, example: str) -> None:
    """Words a command does not understand are an error, never silently ignored; a misspelt name
    (`statsbudsjet`, `agdr`) gets «Mente du …?» with the name, never a silent guess."""
    near = words.near if isinstance(words, Unread) else {}
    if words and all(word in near for word in words):  # «Mente du» only when it names a whole command
        typed = " ".join(words)
        mended = " ".join(near.get(word, word) for word in words)
        raise DomainError(
            _("Jeg forstod ikke «{words}». Mente du «{mended}»?").format(words=shown(typed), mended=shown(mended))
        )
    if len(words) == 1 and len(words[0]) == 4 and words[0].isdecimal():  # «signer agder 1900», «årshjul 3000»
        rules.too_far(int(words[0]), example=_(example))  # as «oversikt 2099» is, not «forstod ikke» (walk 27 F7)
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


EXAMPLE_WORDS = 120
"""The asker's own words kept in a «which region» example up to this length; longer (whole minutes), the
example stops at the region, which typed as shown opens the form or asks for the date."""


def read_meeting(ctx: Context, words: list[str], *, command: str, example: str, writes: bool = True) -> MeetingArgs:
    """The leading `<møte> [region] [år]` of `dato` and `referat`; the rest of the words stay free text.
    The «which region» example is the asker's own command with a region put in (walk 8 N4, m11: never «…»),
    so typed as shown it is read."""
    if command == "dato" and (lead := read_printed_lead(ctx, words)) is not None:
        words = lead
    if command == "dato":
        words = without_region_lead(ctx, _meeting_first(ctx, words))
    args = read_args(ctx, words, want=("milestone", "region", "year"), stop_at_unknown=True)
    if args.milestone is None and (printed := read_printed_name(ctx, words, command=command, writes=writes)):
        args = read_args(ctx, printed, want=("milestone", "region", "year"), stop_at_unknown=True)
    if args.milestone is None and args.rest and (near := ctx.vocab.near(args.rest[0], kinds=("milestone",))):
        raise DomainError(  # "dato høsst 22. april": never read as another meeting
            _("Jeg forstod ikke «{words}». Mente du «{mended}»?").format(
                words=shown(" ".join([command, *words])), mended=shown(" ".join([command, near, *args.rest[1:]]))
            )
        )
    if args.milestone is None:
        minutes, national = command == "referat", ctx.channel.kind == "national"
        others = milestone_names(ctx.config, minutes=minutes, meetings=False, national=national)
        raise DomainError(
            _("Hvilket møte gjelder det? Skriv f.eks. «{example}». Møtene heter: {names}.").format(
                example=_(example),
                names=", ".join(milestone_names(ctx.config, minutes=minutes, meetings=True, national=national)),
            )
            + (" " + _("Andre punkter: {names}.").format(names=", ".join(others)) if others else "")
        )
    spec = ctx.config.milestone(args.milestone)
    assert spec is not None
    if spec.signed_by_parties:
        raise DomainError(
            _("Signeringen har ingen {command}; hver part registrerer sin signatur med «signer».").format(
                command=command
            )
        )
    example = _with_region(ctx, command, spec, args)
    region = (
        None
        if spec.scope == "national"
        else require_region(ctx, args.region, example=example)
        if not writes or spec.responsible != "region"
        else rules.require_county_region(
            config=ctx.config,
            caller=ctx.caller,
            command=command,
            region=context_region(ctx, args.region),
            example=example,
        )
    )
    return MeetingArgs(spec=spec, region=region, args=args)


def _meeting_first(ctx: Context, words: list[str]) -> list[str]:
    """«dato 18. november høst»: a meeting named last, after its day, is read as named first (walk 39), never
    «Hvilket møte gjelder det?»; words whose first is a meeting are as typed."""
    if len(words) < 2 or ctx.vocab.milestone(words[0], scope=None) or not ctx.vocab.milestone(words[-1], scope=None):
        return words
    return [words[-1], *words[:-1]]


def _with_region(ctx: Context, command: str, spec: Milestone, args: Args) -> str:
    """`command` as typed with the first region of the wheel named: «dato vår 22. april kl 10» → «dato vår agder
    22. april kl 10»."""
    rest = " ".join(args.rest)
    rest = rest if len(rest) <= EXAMPLE_WORDS else ""
    region = ctx.config.parties.regions[0].key
    return " ".join(str(part) for part in (command, typed_name(spec), region, args.year, rest) if part)


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


PAGE_WORDS = frozenset({"side", "sida", "s", "s.", "page"})
"""The words before a page's number: «side 2», nynorsk «sida 2», the short «s. 2» (walk 39)."""
BARE_PAGE_DIGITS = 3
"""A number of at most this many digits typed last alone («neste 2») is a page: a year has four."""


def take_page(words: list[str]) -> tuple[int, list[str]]:
    """«side 2» out of the words (page 1 without it); a page that is not a number is left for `reject_extra`.
    A short number typed last alone («neste 2», «logg agder 3») is that page, as people write it (walk 39)."""
    for index, word in enumerate(words[:-1]):
        if word.lower() in PAGE_WORDS and (count_of(words[index + 1]) or 0) >= 1:
            return count_of(words[index + 1]) or 1, words[:index] + words[index + 2 :]
    if words and len(words[-1]) <= BARE_PAGE_DIGITS and (count_of(words[-1]) or 0) >= 1:
        return count_of(words[-1]) or 1, words[:-1]
    return 1, words
