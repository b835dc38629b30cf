"""The model's order as rules with a way past them.

Minutes only from the meeting's planned start (its day, and its time when one is set) and after the
meeting it follows (`after`) is held; the political treatment only after the region's autumn meeting (its `after` in app.yaml); signing only
within its window. A breach is refused with the rule, the model's own words (the milestone's `model` text
in app.yaml) and how to go on: the same command with `bekreft` as its last word records it anyway, marked
as outside the model's order. The signing's preconditions (§2.1) are a hard rule and are not checked here.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from bot.i18n import N_, _, using
from bot.model.config import AppConfig
from bot.model.progress import progress_of
from bot.model.wheel import Item, milestone_item, tracked
from bot.parsing import fold
from bot.shown.replies import day_text, when_text
from bot.state.store import DomainError, StateStore

logger = logging.getLogger(__name__)

CONFIRM = "bekreft"
CONFIRM_SHOWN = N_("bekreft")
"""The confirm word as a reply tells people to type it: `bekreft`, in nynorsk `stadfest` (both are taken)."""
CONFIRM_WORDS = frozenset({CONFIRM, "stadfest", "stadfeste", "stadfesta"})
"""`bekreft` and nynorsk's `stadfest` (the nynorsk replies' own word: «Stadfest datoen»), folded."""
OUTSIDE = N_("utenfor modellens rekkefølge")
"""Shown through `_()`; stored notes and the history keep bokmål (`mark` and `summary_note` build them in it)."""


@dataclass(frozen=True)
class Breach:
    """One rule of the model's order that a write would break, in the words shown to people."""

    rule: str
    about_order: bool = True
    """The rule is the model's order (an item it follows, the signing's window), so the refusal quotes the
    model's words; a planned hour not yet come is only about the clock, and the quote would mislead."""
    planned: datetime | None = None
    """The planned start not yet come (the breach of a meeting recorded before its plan): a day typed as the
    one it was held moves the plan there, asked, and is then no breach of the model's order (walk 8, N13)."""


def confirm_word() -> str:
    """The confirm word in the reply's written form («bekreft», nynorsk «stadfest»)."""
    return _(CONFIRM_SHOWN)


def is_confirm(word: str) -> bool:
    """Whether `word` is the confirm word: `bekreft` or `stadfest`, also `Bekreft!` or `stadfest.`."""
    return fold(word).rstrip(".!") in CONFIRM_WORDS


def split_confirm(words: list[str]) -> tuple[list[str], bool]:
    """The words without a trailing `bekreft`/`stadfest` (also `bekreft.` or `Stadfest!`), and whether it
    was there. Typed twice («… bekreft bekreft»), it is said, not read as part of a date or a text."""
    if len(words) > 1 and is_confirm(words[-1]) and is_confirm(words[-2]):
        raise DomainError(
            _("«{word}» står to ganger til slutt; skriv det én gang.").format(word=words[-1].rstrip(".!"))
        )
    if words and is_confirm(words[-1]):
        return words[:-1], True
    return words, False


def record_breaches(*, config: AppConfig, state: StateStore, item: Item, now: datetime) -> list[Breach]:
    """Why recording `item` as done now breaks the model's order: its planned date is ahead, or an item it
    follows (`after`) is not done (items that predate the bot, before `tracking_start`, never block)."""
    breaches: list[Breach] = []
    progress = progress_of(config=config, state=state, item=item)
    planned = progress.planned
    if planned and (planned > now if progress.planned_has_time else planned.date() > now.date()):
        day = when_text(planned, has_time=True) if planned.date() == now.date() else day_text(planned.date())
        breaches.append(
            Breach(
                _("{item} er planlagt {day}, som ikke er kommet ennå.").format(item=item.title(), day=day),
                about_order=False,
                planned=planned,
            )
        )
    breaches += _after_breaches(config=config, state=state, item=item)
    return breaches


def signing_breaches(*, config: AppConfig, item: Item, now: datetime, named: bool = False) -> list[Breach]:
    """A signature outside the signing's window (January in the model). `named`: the refusal names the
    region's agreement (a party signs for several regions, and two late buttons read alike, walk15b N2);
    the note stored with a signature is shown beside its region and does not."""
    today = now.date()
    region = config.party_name(item.region) if named and item.region else None
    if today < item.start:
        if region:
            rule = _("Avtalen {year} for {region} signeres fra {day}, ikke før.")
        else:
            rule = _("Avtalen {year} signeres fra {day}, ikke før.")
        return [Breach(rule.format(year=item.year, region=region, day=day_text(item.start)))]
    if today > item.deadline:
        if region:
            rule = _("Fristen for å signere avtalen {year} for {region} var {day}.")
        else:
            rule = _("Fristen for å signere avtalen {year} var {day}.")
        return [Breach(rule.format(year=item.year, region=region, day=day_text(item.deadline)))]
    return []


def _after_breaches(*, config: AppConfig, state: StateStore, item: Item) -> list[Breach]:
    if item.kind != "milestone" or item.spec.signed_by_parties:
        return []
    breaches: list[Breach] = []
    for after in item.spec.after:
        spec = config.milestone(after.key)
        if spec is None:
            continue
        before = milestone_item(config, milestone=spec, year=item.year + after.cycle, region=item.region)
        if tracked(config, before) and not progress_of(config=config, state=state, item=before).done:
            breaches.append(
                Breach(
                    _("{item} kommer etter {before}, som ikke er registrert ennå.").format(
                        item=item.title(), before=before.title()
                    )
                )
            )
    return breaches


def before_items(config: AppConfig, item: Item) -> list[Item]:
    """The items `item` follows in the model (its `after`), each in its own scope and cycle."""
    found: list[Item] = []
    for after in item.spec.after if item.kind == "milestone" and not item.spec.signed_by_parties else ():
        spec = config.milestone(after.key)
        if spec is not None:
            region = item.region if spec.scope == "regional" else None
            found.append(milestone_item(config, milestone=spec, year=item.year + after.cycle, region=region))
    return found


def held_breaches(*, config: AppConfig, state: StateStore, item: Item, held: date) -> list[Breach]:
    """A meeting held on `held` before one it follows was held (recorded, held later): the model's order
    broken whenever the minutes are written, as `dato` refuses that day (walk11 F1). A meeting it follows
    that is not recorded yet is `record_breaches`' rule."""
    breaches: list[Breach] = []
    for before in before_items(config, item):
        done_at = progress_of(config=config, state=state, item=before).done_at
        if done_at is not None and done_at.date() > held:
            rule = _("{item} ble holdt {day}, før {before} ({first}), som skal komme først.").format(
                item=item.title(), day=day_text(held), before=before.title(), first=day_text(done_at.date())
            )
            breaches.append(Breach(rule))
    return breaches


def stale_note(*, config: AppConfig, state: StateStore, item: Item, held: date, note: str) -> bool:
    """Whether a stored mark said only that a meeting this one follows was not registered yet, and the facts
    now show it held on or before `held`: AU's paperwork was late, the model's order kept (walk11 F7). The
    mark stays in `logg` as said then; `status` no longer shows it."""
    parts = _unregistered(config=config, state=state, item=item, note=note)
    return bool(parts) and all(done is not None and done <= held for done in parts.values())


def later_note(*, config: AppConfig, state: StateStore, item: Item, held: date, note: str) -> str | None:
    """A stored mark that said a meeting this one follows was not registered yet, said again now that it is
    recorded as held after this one (walk 12 N4): «… som ble holdt 20. april 2027, etter dette møtet», in the
    reader's written form; parts the facts made wrong go. None when nothing it said has changed that way."""
    parts = _unregistered(config=config, state=state, item=item, note=note)
    if not any(done is not None and done > held for done in parts.values()):
        return None
    said = []
    for before, done in ((before, done) for before, done in parts.items() if done is None or done > held):
        if done is None:
            said.append(
                _("{item} kommer etter {before}, som ikke er registrert ennå.").format(
                    item=item.title(), before=before.title()
                )
            )
        else:
            said.append(
                _("{item} kommer etter {before}, som ble holdt {day}, etter dette møtet.").format(
                    item=item.title(), before=before.title(), day=day_text(done)
                )
            )
    return "; ".join(said)


def _unregistered(*, config: AppConfig, state: StateStore, item: Item, note: str) -> dict[Item, date | None]:
    """The items a stored mark (in bokmål) named as not registered yet, each with the day it is now recorded
    held (None: still not); empty when the mark says anything else too."""
    with using("nb"):  # the stored note is in bokmål
        phrases = {
            _("{item} kommer etter {before}, som ikke er registrert ennå.").format(
                item=item.title(), before=before.title()
            ): before
            for before in before_items(config, item)
        }
    parts = note.split("; ")
    if not parts or any(part not in phrases for part in parts):
        return {}
    found: dict[Item, date | None] = {}
    for part in parts:
        done = progress_of(config=config, state=state, item=phrases[part]).done_at
        found[phrases[part]] = done.date() if done else None
    return found


def plan_breaches(*, config: AppConfig, state: StateStore, item: Item, day: date, today: date) -> list[Breach]:
    """Why planning `item` on `day` breaks the model's order, as `record_breaches` would refuse its minutes
    then: an item it follows (`after`) is planned later, or has no date, is not held, and may still be held
    in good time after `day` inside its window (`_may_come_after`). Walk 5, N11 and walk 6, F3: a regional spring meeting
    dated before the national one it follows while that has no date, whatever the month: AU may still hold it
    up to its deadline."""
    breaches: list[Breach] = []
    for after in item.spec.after if item.kind == "milestone" else ():
        spec = config.milestone(after.key)
        if spec is None:
            continue
        region = item.region if spec.scope == "regional" else None
        before = milestone_item(config, milestone=spec, year=item.year + after.cycle, region=region)
        progress = progress_of(config=config, state=state, item=before)
        first = progress.planned or progress.done_at
        if first is not None and first.date() > day:
            rule = _("før {item} ({day}), som skal komme først").format(item=before.title(), day=day_text(first.date()))
            breaches.append(Breach(rule))
        elif (
            first is None
            and not progress.done
            and tracked(config, before)
            and _may_come_after(config, before, day, today)
        ):
            # «kanskje»: an undated meeting may still come first; the bot cannot say the day is before it (N6)
            rule = _("kanskje før {item}, som skal komme først og ikke har dato ennå").format(item=before.title())
            breaches.append(Breach(rule))
    late = followers_before(config=config, state=state, item=item, day=day)
    for spec_key in dict.fromkeys(follower.key for follower, _planned in late):
        same = [(follower, planned) for follower, planned in late if follower.key == spec_key]
        where = [f"{_region_short(config, follower)} ({day_text(planned.date())})" for follower, planned in same]
        rule = _("etter {item} i {regions}, som skal følge dette møtet").format(
            item=same[0][0].title(), regions=and_join(where)
        )
        breaches.append(Breach(rule))
    return breaches


def unrecorded_first(*, config: AppConfig, state: StateStore, item: Item, day: date, today: date) -> list[Item]:
    """The items `item` follows that have no date, are not recorded and are not asked about when dating it
    on `day` (too near their deadline to come first in good time, or due before `day`): its minutes will be
    refused for the order until they are recorded, so the date says so at once (walk 22 N2: warned at the
    minutes, not at the date)."""
    found: list[Item] = []
    for before in before_items(config, item):
        progress = progress_of(config=config, state=state, item=before)
        if (
            progress.planned is None
            and not progress.done
            and tracked(config, before)
            and not _may_come_after(config, before, day, today)
        ):
            found.append(before)
    return found


def followers_before(*, config: AppConfig, state: StateStore, item: Item, day: date) -> list[tuple[Item, datetime]]:
    """The items that follow `item` in the model (their `after` names it), planned before `day` and not yet
    held, with their planned start: a national meeting moved past the regions' dialogue meetings that follow
    it (walk 8, N6). Each region's own for a national item; the same region's for a regional one."""
    found: list[tuple[Item, datetime]] = []
    for spec in config.milestones:
        for after in spec.after:
            if after.key != item.key:
                continue
            regional = spec.scope == "regional"
            regions = [item.region] if item.region else [r.key for r in config.parties.regions] if regional else [None]
            for region in regions:
                follower = milestone_item(config, milestone=spec, year=item.year - after.cycle, region=region)
                progress = progress_of(config=config, state=state, item=follower)
                planned = progress.planned
                if planned is not None and planned.date() < day and not progress.done and tracked(config, follower):
                    found.append((follower, planned))
    return sorted(found, key=lambda pair: pair[1])


def _region_short(config: AppConfig, item: Item) -> str:
    return config.party_short(item.region) if item.region else _("Nasjonalt")


def and_join(parts: list[str]) -> str:
    """«A», «A og B», «A, B og C» in the reply's written form."""
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " " + _("og") + " " + parts[-1]


def _may_come_after(config: AppConfig, before: Item, day: date, today: date) -> bool:
    """Whether an undated `before` may still be held after `day`: its window ends after `day` and still leaves
    the notice its reminders give those who prepare (14 days: the actors' leadership is summoned «in good
    time», §4.1). Once it leaves no such time, it is held and not recorded yet, or late (its own reminders say
    so), and a region's date does not wait for it."""
    days = max((lead.days for lead in config.leads_for(before.spec) if "prepare" in lead.to), default=0)
    return today + timedelta(days=days) <= before.deadline and day < before.deadline


def model_quote(item: Item) -> str:
    """«Modellen: «…».»: the model's own sentence for an item's order, quoted where a rule of it is met."""
    model = getattr(item.spec, "model", "")
    return _("Modellen: «{model}».").format(model=model) if model else ""


def broken_rules(*, item: Item, breaches: list[Breach]) -> str:
    """The rules broken and the model in one sentence: what a `bekreft` past them answers."""
    quoted = any(b.about_order for b in breaches) and model_quote(item)
    model = " " + model_quote(item) if quoted else ""
    return f"{' '.join(b.rule for b in breaches)}{model}"


def refuse(*, item: Item, breaches: list[Breach]) -> DomainError:
    """The refusal: the rule, the model in one sentence, and how to go on."""
    how = _("Skriv det samme med «{confirm}» til slutt for å registrere det likevel (merkes {outside}).").format(
        confirm=confirm_word(), outside=_(OUTSIDE)
    )
    return DomainError(f"{broken_rules(item=item, breaches=breaches)} {how}", again=_("Registrer likevel"))


def mark(breaches: list[Breach]) -> str | None:
    """The note stored with a confirmed write and shown in `status` and `logg`."""
    return "; ".join(b.rule for b in breaches) if breaches else None


def nynorsk_mark(read: Callable[[], list[Breach]]) -> str | None:
    """The same note in nynorsk, stored beside the bokmål one so a nynorsk `status` reads it in its own
    written form (`Progress.outside_note`); the history keeps the bokmål."""
    with using("nn"):
        return mark(read())


def summary_note(note: str | None) -> str:
    return f" ({_(OUTSIDE)}: {note})" if note else ""
