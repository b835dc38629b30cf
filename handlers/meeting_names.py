"""A meeting named as the bot itself prints it (walk 16 F3): «Dialogmøte høst» (the label reminders and
`oversikt` show), «dialogmøtet høst», nynorsk «dialogmøte haust», are read as the meeting's word; the bare
«dialogmøte(t)», which two meetings share, asks which with a button each, unless a season follows it
(«dialogmøtet i haust», «dialogmøte om våren»). Only consulted when the leading words name no meeting, so
the ordinary words are read as before."""

from __future__ import annotations

import logging

from bot.actions import rules
from bot.context import Context
from bot.i18n import _
from bot.memo import per_config
from bot.messages import Button
from bot.model.config import AppConfig, Milestone
from bot.model.cycle import write_cycle
from bot.model.progress import progress_of
from bot.model.wheel import milestone_item
from bot.parsing import fold, typed_name, year_of
from bot.pointers import either
from bot.state.store import DomainError

logger = logging.getLogger(__name__)

LONGEST = 3
"""Words in the longest printed name («Administrativt dialogmøte høst»)."""


def _indefinite(word: str) -> str:
    """«dialogmøtet» → «dialogmøte»: the definite form people write of a name the bot prints indefinite."""
    return word[:-1] if fold(word).endswith("et") and len(word) > 4 else word


def read_printed_lead(ctx: Context, words: list[str]) -> list[str] | None:
    """`words` with a leading printed name of two or three words replaced by the meeting's typed word, or
    None: «dato politisk behandling 15. desember» (nynorsk «politisk handsaming») is the political treatment,
    though «politisk» alone names it too and «behandling» would be read as part of the date (walk 32 F3).
    Only for `dato`, whose rest is a date: minutes may begin with the word («Behandling i fylkestinget …»)."""
    for size in range(min(LONGEST, len(words)), 1, -1):
        lead = words[:size]
        for phrase in (" ".join(lead), " ".join(_indefinite(word) for word in lead)):
            key = ctx.vocab.milestone(phrase, scope=None)
            spec = ctx.config.milestone(key) if key else _by_label(ctx, phrase)
            if spec is not None:
                return [typed_name(spec), *words[size:]]
    return None


REGION_LEADS = frozenset({"i", "for"})
"""Words before a region a coordinator writes after the meeting: «dato dialogmøte i agder 26. november»."""


def without_region_lead(ctx: Context, words: list[str]) -> list[str]:
    """`words` with the «i»/«for» before a region among the leading words left out, so «dato høst i agder 26.
    november» names Agder's meeting as «dato høst agder …» does. The which-meeting buttons carried those words,
    and each was refused «Jeg forstod ikke «i agder» i datoen» (walk 32 F8). Only for `dato`, whose rest is a
    date: minutes may begin «I Agder …»."""
    for index in range(1, min(LONGEST, len(words) - 1) + 1):
        if fold(words[index]) not in REGION_LEADS:
            continue
        for size in range(min(4, len(words) - index - 1), 0, -1):
            if ctx.vocab.region(" ".join(words[index + 1 : index + 1 + size])):
                return [*words[:index], *words[index + 1 :]]
        return words
    return words


def read_printed_name(ctx: Context, words: list[str], *, command: str, writes: bool = True) -> list[str] | None:
    """`words` with a leading printed meeting name replaced by the meeting's typed word (`høst`), or None
    when they start with no such name. A name two meetings share asks which (DomainError with buttons)."""
    for size in range(min(LONGEST, len(words)), 0, -1):
        lead = words[:size]
        for phrase in (" ".join(lead), " ".join(_indefinite(word) for word in lead)):
            key = ctx.vocab.milestone(phrase, scope=None) if size > 1 else None
            spec = ctx.config.milestone(key) if key else None
            if spec is None:
                spec = _by_label(ctx, phrase)
            if spec is not None:
                return [typed_name(spec), *words[size:]]
    if not words:
        return None
    word = _indefinite(words[0])
    shared = _sharing_first_word(ctx, word)
    if len(shared) > 1 and (seasoned := _by_season(shared, words[1:])) is not None:
        spec, used = seasoned  # «dialogmøtet i haust»: the person said which (walk 32 F1)
        return [typed_name(spec), *words[1 + used :]]
    if len(shared) > 1:
        buttons = tuple(
            Button(label=spec.label or typed_name(spec), command=" ".join([command, typed_name(spec), *words[1:]]))
            for spec in (_offered(ctx, shared, command=command, rest=words[1:]) if writes else shared)
        )
        raise DomainError(  # every choice named, not one as «f.eks.»: a terminal shows no buttons (walk 36 F2)
            _("Hvilket {word} gjelder det? Skriv {choices}.").format(
                word=word.lower(), choices=either([button.command for button in buttons])
            ),
            buttons=buttons,
        )
    return None


def _offered(ctx: Context, shared: list[Milestone], *, command: str, rest: list[str]) -> list[Milestone]:
    """The meetings the which-meeting question offers a button for: none it would refuse (walk 37). Someone who
    records for no county council is refused for the role at once when every meeting is the county's own
    write (AU's «dato dialogmøte i agder …» got two buttons, each «Bare Agder fylkeskommune kan …»); minutes
    without a year go only to a meeting whose cycle the write rule finds (in November «Dialogmøte vår» was
    refused «Vinduet … er ikke åpent nå»). All of them where none is left, so the answer says why."""
    if all(spec.scope != "national" and spec.responsible == "region" for spec in shared):
        rules.refuse_for_the_role(config=ctx.config, caller=ctx.caller, command=command, region=None)
    if command != "referat" or any(year_of(word) for word in rest[:2]):
        return shared
    named = ctx.vocab.region(rest[0]) if rest else None
    own = ctx.caller.party if ctx.caller.party and ctx.config.region(ctx.caller.party) else None
    region = named or ctx.channel.region or own
    today = ctx.now.date()

    def meant(spec: Milestone) -> bool:
        found = None if spec.scope != "national" and region is None else region
        return (
            write_cycle(
                ctx.config,
                today=today,
                item_for=lambda year: milestone_item(ctx.config, milestone=spec, year=year, region=found),
                done=lambda item: progress_of(config=ctx.config, state=ctx.state, item=item).done,
            )
            is not None
        )

    return [spec for spec in shared if region is None or meant(spec)] or shared


SEASON_LEADS = frozenset({"i", "om", "til", "neste"})
"""Words before a season that names a meeting: «dialogmøtet i haust», «dialogmøte om våren», «dialogmøtet neste
vår» (its date says which year, as for «dato vår …»; the buttons carried «neste vår», refused, walk 32 F8)."""


def _by_season(shared: list[Milestone], rest: list[str]) -> tuple[Milestone, int] | None:
    """The meeting among `shared` whose season `rest` starts with («i haust», «om våren», «høsten»), with
    how many words named it; None when `rest` names no season, so the bot asks as before."""
    lead = 1 if rest and fold(rest[0]) in SEASON_LEADS else 0
    if len(rest) <= lead:
        return None
    word = fold(rest[lead])
    for spec in shared:
        seasons = {fold(form) for form in spec.short_forms.forms} if spec.short_forms else set()
        if word in seasons or word in {season + "en" for season in seasons}:
            return spec, lead + 1
    return None


def _by_label(ctx: Context, phrase: str) -> Milestone | None:
    """The meeting whose label, in either written form, is `phrase` («Dialogmøte haust»)."""
    return _labels(ctx.config)[0].get(fold(phrase))


def _sharing_first_word(ctx: Context, word: str) -> list[Milestone]:
    """The meetings whose label, in either form, starts with `word` and goes on («Dialogmøte vår», «… høst»)."""
    return list(_labels(ctx.config)[1].get(fold(word), ()))


@per_config(maxsize=8)
def _labels(config: AppConfig) -> tuple[dict[str, Milestone], dict[str, tuple[Milestone, ...]]]:
    """Each meeting by its folded label (either written form; the first meeting in the configuration wins,
    as the scan did), and the meetings by the folded first word of a label of more than one word. Worked
    out once per configuration: every `dato` looks up to four phrases here, and folding each label again
    for each phrase was ~15 % of a `dato`'s CPU (issue 21, pass `swrite7`)."""
    by_label: dict[str, Milestone] = {}
    by_first: dict[str, list[Milestone]] = {}
    for spec in config.milestones:
        if not spec.label_forms:
            continue
        for form in spec.label_forms.forms:
            by_label.setdefault(fold(form), spec)
        firsts = {fold(form.split()[0]) for form in spec.label_forms.forms if len(form.split()) > 1}
        for first in firsts:
            by_first.setdefault(first, []).append(spec)
    for name, spec in _name_tails(config).items():  # after the labels: a label wins a phrase both spell
        by_label.setdefault(name, spec)
        if len(name.split()) == 2 and spec not in by_first.setdefault(first := name.split()[0], []):
            by_first[first].append(spec)  # «temamøtet» alone asks which, as «dialogmøtet» does
    return by_label, {first: tuple(specs) for first, specs in by_first.items()}


def _name_tails(config: AppConfig) -> dict[str, Milestone]:
    """Each meeting's full name as the model prints it, without its bracket («Nasjonalt temamøte høst»), and
    its tails of two words or more («temamøte høst»), folded; a tail two meetings share names neither.
    AU names its own meetings so («referat temamøte høst …»), which asked «Hvilket møte?» (walk 35 F10)."""
    seen: dict[str, set[str]] = {}
    specs: dict[str, Milestone] = {}
    for spec in config.milestones:
        if not (spec.short_forms or spec.prepare):  # meetings only, as the printed labels
            continue
        for form in spec.name_forms.forms:
            words = form.split("(")[0].split()
            for start in range(len(words) - 1):
                tail = fold(" ".join(words[start:]))
                seen.setdefault(tail, set()).add(spec.key)
                specs[tail] = spec
    return {tail: specs[tail] for tail, keys in seen.items() if len(keys) == 1}
