"""`record_minutes`: a meeting's outcome (summary, link, decisions, follow-up points), which marks it held.

Only after its window opens, by its coordinators, and in the model's order (after its planned date and the
meeting it follows) unless confirmed; a confirmed write out of order is marked so. A replaced outcome is
said so in the history; replacing asks first, naming the open follow-up points the new text leaves out
(bot/model/followups_replaced.py), and points typed again the same stay the points they were.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from bot.actions.base import Acting, record
from bot.actions.happened import Happened, not_come
from bot.actions.ready import ready_regions, signing_years_unblocked_by
from bot.actions.rules import replace_question, require_coordinator, require_untaken_cycle, write_item
from bot.i18n import _, local, ngettext, using
from bot.model.followups_recorded import agreed_on, require_sound_points, same_points, stamp
from bot.model.followups_replaced import Redated, ask_once, carry_over, dropped_open, dropped_question, redated
from bot.model.order import (
    Breach,
    broken_rules,
    confirm_word,
    held_breaches,
    mark,
    nynorsk_mark,
    record_breaches,
    refuse,
    summary_note,
)
from bot.model.progress import Progress, progress_of
from bot.model.wheel import Item, done_word
from bot.parsing import typed_name
from bot.shown.replies import day_text, days_text
from bot.state.store import DomainError, item_doc_key
from storage.base import Tables

logger = logging.getLogger(__name__)

ACTION = "record_minutes"

MeetingOutcome = dict[str, Any]
"""{"summary": str, "link": str | None, "decisions": [str], "followups": [{"text", "owner", "owner_name",
"owner_party"}]}; the action adds each point's "id" and "due" (bot/model/followups.py)."""


RECENT = timedelta(days=14)
"""Inside the window, a day the text names is the held day only this recently: minutes written days after
«Godt møte 18. november» name the meeting, while «vedtatt å møtes 20. oktober» two months on names a plan
(walk 5 N7); once the window has closed, any day in it is taken (walk 19 F6)."""


@dataclass(frozen=True)
class MinutesRecorded:
    item: Item
    outcome: MeetingOutcome
    replaced: bool
    """An earlier outcome was there and is replaced."""
    note: str | None
    """The order rule the confirmed write broke, stored with the item."""
    newly_ready: tuple[tuple[int, tuple[str, ...]], ...]
    """(agreement year, regions) this outcome made ready to sign."""
    held: datetime | None = None
    """The day recorded as the one it was held (or treated, adopted)."""
    held_today: bool = False
    """No day was typed, planned or recorded before: the day the minutes were typed was taken, and the reply
    says so and how to correct it."""
    dropped: tuple[dict[str, Any], ...] = ()
    """Open follow-up points of the replaced minutes the new text left out (their owners are told)."""
    moved_from: datetime | None = None
    """Held before its planned start: the plan was moved from this day to the day it was held."""
    not_planned: datetime | None = None
    """The planned day (come) that the day the text names replaced as the held day (walk 15 N6): said."""
    new_points: tuple[str, ...] = ()
    """Ids of the follow-up points these minutes added (replaced minutes: not the ones carried over), whose
    owners are told at once (walk 11 F2)."""
    redated: tuple[Redated, ...] = ()
    """Points kept by replaced minutes whose deadline changed (walk 12 N3): said, and their owners told."""
    named_in_text: bool = False
    """No day was typed as the held one, planned or recorded: the one day the text names inside the window
    (before today) was taken rather than today (walk 19 F6, inside the window too: walk 22 N7); the reply
    says so."""


class ReplaceAsked(DomainError):
    """New minutes would replace recorded ones: asked first. The handler words the question (how to confirm
    from a line or a form, and the command that reads the replaced minutes), so it carries its parts.
    `order` is the model's order the same `bekreft` also goes past (walk 14a F11/F12: one question names
    all one `bekreft` confirms); `repeat` when `bekreft` was typed already and the same line again confirms."""

    def __init__(self, *, item: Item, what: str, dropped: str, order: str = "", repeat: bool = False) -> None:
        super().__init__(str(replace_question(what=what)) + (" " + dropped if dropped else ""))
        self.item, self.what, self.dropped, self.order, self.repeat = item, what, dropped, order, repeat


@dataclass(frozen=True)
class MinutesUnchanged:
    """The same outcome was recorded before: nothing written."""

    item: Item


@dataclass(frozen=True)
class MinutesWanted:
    """Nothing written yet: the item is right and may be recorded, but no outcome was given (ask with a form)."""

    item: Item


def minutes_item(acting: Acting, *, key: str, region: str | None, year: int | None) -> Item:
    """The item meant: the typed year, else the one rule for writes (bot/model/cycle.py), else ask for the year."""
    spec = acting.config.milestone(key)
    example = f"referat {typed_name(spec) if spec else key} {acting.now.date().year} …"
    return write_item(acting, key=key, region=region, typed=year, example=lambda: example)


def same_outcome(given: MeetingOutcome, stored: MeetingOutcome) -> bool:
    """The same minutes as typed again (the points' ids, due dates and closings aside; the summary's line
    breaks aside too, so minutes stored before breaks were kept are the same when pasted again)."""
    plain = ("link", "decisions")
    return (
        all(given.get(k) == stored.get(k) for k in plain)
        and " ".join(str(given.get("summary") or "").split()) == " ".join(str(stored.get("summary") or "").split())
        and same_points(given.get("followups") or (), stored.get("followups") or ())
    )


def earlier_minutes(*, item: Item, progress: Progress) -> str:
    """The minutes a new outcome would replace, named so the person recognises them: the meeting, the
    day it was held and what they hold."""
    outcome = progress.outcome or {}
    decisions, followups = len(outcome.get("decisions") or ()), len(outcome.get("followups") or ())
    counts = (
        ngettext("{n} vedtak", "{n} vedtak", decisions).format(n=decisions)
        + ", "
        + ngettext("{n} oppfølgingspunkt", "{n} oppfølgingspunkter", followups).format(n=followups)
    )
    held = days_text(progress.done_at.date(), progress.held_last_day) if progress.done_at else "–"
    return _("referatet for {item} (holdt {day}: {counts})").format(item=item.title(), day=held, counts=counts)


def record_minutes(
    acting: Acting,
    *,
    key: str,
    region: str | None,
    year: int | None,
    confirmed: bool,
    outcome: Callable[[], MeetingOutcome | None],
    held_on: Callable[[], Happened | None] = lambda: None,
    named_on: Callable[[date, date], Happened | None] = lambda first, last: None,
) -> MinutesRecorded | MinutesUnchanged | MinutesWanted:
    """`outcome` is read only after the rules allow the write, so a refusal comes before any complaint
    about the text; None asks for the outcome (`MinutesWanted`). `held_on` is the day the text names as the
    one it was held, read after the outcome; without it the planned day is taken once it has come, else the
    day recorded before (a replaced outcome keeps its day), else today. Once the window has closed, today
    would be after it: `named_on` then gives the day the text names between two days, if any, and it is
    taken instead (walk 19 F6: «Godt møte 18. november» typed 11 January)."""
    config, state = acting.config, acting.state
    spec = config.milestone(key)
    assert spec is not None
    if spec.kind == "assignments":
        raise DomainError(_("Oppdragsavtalene har ikke referat. Skriv «oppdrag IN sendt» eller «oppdrag SIVA ingen»."))
    item = minutes_item(acting, key=key, region=region, year=year)
    if item.start > acting.now.date():
        raise DomainError(
            _(
                "{item} kan ikke ha vært {done} ennå: vinduet åpner {day}. "
                "Sett datoen med «dato» nå, og skriv referatet etterpå."
            ).format(item=item.title(), done=done_word(item), day=day_text(item.start))
        )
    require_coordinator(acting, item=item)
    progress = progress_of(config=config, state=state, item=item)
    require_untaken_cycle(acting, item=item, confirmed=confirmed)
    breaches = record_breaches(config=config, state=state, item=item, now=acting.now)
    early = _held_before_plan(breaches, held_on=held_on)

    def order_breaches() -> list[Breach]:
        """The rules broken, less a plan not yet come that the typed held day moves (walk 8, N13)."""
        found = record_breaches(config=config, state=state, item=item, now=acting.now)
        return [breach for breach in found if early is None or breach.planned is None]

    if early is not None and not confirmed:
        raise _move_question(item=item, held=early, breaches=breaches)
    if breaches and not confirmed and not progress.outcome:
        raise refuse(item=item, breaches=breaches)
    given = outcome()
    if given is not None and progress.outcome and same_outcome(given, progress.outcome):
        return MinutesUnchanged(item=item)
    earlier_points = list((progress.outcome or {}).get("followups") or ())
    dropped = (
        dropped_open(given.get("followups") or (), old=earlier_points, now=acting.now) if given is not None else []
    )
    # A `bekreft` that also answered the order question does not drop open points whose question the person
    # has not seen (walk 7 F2): they are asked it once, naming the points.
    # A question that names the points (asked now without `bekreft`) counts as seen.
    unseen = bool(dropped) and ask_once(
        config=config,
        person=(acting.request.platform, acting.request.user_id),
        item=item.ident,
        points=dropped,
        ambiguous=confirmed and bool(breaches),
    )
    if progress.outcome and (not confirmed or unseen):  # asked before the form too, so nobody fills one in vain
        raise ReplaceAsked(
            item=item,
            what=earlier_minutes(item=item, progress=progress),
            dropped=dropped_question(dropped) if dropped else "",
            order=broken_rules(item=item, breaches=breaches) if breaches else "",
            repeat=confirmed,
        )
    if given is None:
        return MinutesWanted(item=item)
    typed = early or held_on()
    if typed is not None:
        require_held_day(acting, item=item, day=typed)
    typed_held = typed.when if typed is not None else None
    held_last = typed.last_day if typed is not None and typed.last_day and typed.last_day > typed.date() else None
    if typed_held is not None and progress.planned and progress.planned.date() == typed_held.date():
        typed_held = progress.planned  # the planned day typed without its time keeps the planned time
    planned = progress.planned if progress.planned and progress.planned <= acting.now else None
    held_today = not (typed_held or planned or progress.done_at)
    named_in_text = False
    if held_today:  # inside the window as after it: the day the text names, not today (walk 22 N7)
        inside = acting.now.date() <= item.deadline
        named = named_on(max(item.start, acting.now.date() - RECENT) if inside else item.start, item.deadline)
        if named is not None:
            typed_held, held_today, named_in_text = named.when, False, True
    # Recorded held today, before a planned day still to come (confirmed past the question that named it):
    # the plan moves to today, said as a move (walk 24 F12: it read «Ingen dato var satt», and the click's
    # time became the planned one). The day alone, no time nobody typed.
    ahead = progress.planned if held_today and progress.planned and progress.planned > acting.now else None
    if ahead is not None:
        typed_held, held_today = datetime.combine(acting.now.date(), time(), tzinfo=acting.now.tzinfo), False
    held = typed_held or planned or progress.done_at or acting.now
    late = held_breaches(config=config, state=state, item=item, held=held.date())
    if late and not confirmed:  # held before a meeting it follows: asked as `dato` would (walk11 F1)
        raise refuse(item=item, breaches=breaches + late)

    def all_breaches() -> list[Breach]:
        return order_breaches() + held_breaches(config=config, state=state, item=item, held=held.date())

    with using("nb"):  # stored with the item and in the history, in bokmål like the history
        note = mark(all_breaches())
    note_nn = nynorsk_mark(all_breaches)

    seed = f"{item.ident}:{acting.now.isoformat()}"
    on_plan = progress.planned is not None and progress.planned.date() == held.date()
    agreed = agreed_on(held=held, last_day=held_last or (progress.planned_last_day if on_plan else None))
    off = acting.config.reminders.days_off_set  # no deadline on a day off (walk 33 F9)
    typed = list(given.get("followups") or ())
    require_sound_points(typed, now=acting.now, held=agreed, confirmed=confirmed, days_off=off)
    points = carry_over(given.get("followups") or (), old=earlier_points, now=acting.now)
    given = {**given, "followups": stamp(points, now=acting.now, held=agreed, seed=seed, days_off=off)}

    def mutate(tables: Tables) -> None:
        doc = tables.setdefault("milestones", {}).setdefault(item_doc_key(item), {})
        doc.update({"done": True, "done_at": held.isoformat(), "outcome": given})
        if early is not None or ahead is not None:  # held before the plan: the plan moves to the day it was held
            doc.update({"planned": held.isoformat(), "planned_has_time": held.time() != time()})
            doc.pop("planned_last_day", None)
        if held_last is not None:  # «vi møttest 25. og 26. november»: both days, on every surface (walk 13 W6)
            doc.update({"planned": held.isoformat(), "planned_has_time": held.time() != time()})
            doc["planned_last_day"] = held_last.isoformat()
        doc.pop("outside_order", None)
        doc.pop("outside_order_nn", None)
        if note:
            doc["outside_order"] = note
            doc["outside_order_nn"] = note_nn

    replaced = bool(progress.outcome)
    regions = [region] if region else []
    unblocks = signing_years_unblocked_by(config=config, item=item) if region else []
    ready_before = {
        y: ready_regions(config=config, state=state, year=y, regions=regions, today=acting.now.date()) for y in unblocks
    }
    record(
        acting,
        action=ACTION,
        item=item,
        summary=lambda: (
            _("Registrerte referat for {item}").format(item=item.title())
            + (" " + _("(erstatter forrige referat)") if replaced else "")
            + summary_note(note and local({"nb": note, "nn": note_nn or note}))  # each form's summary
        ),
        mutate=mutate,
    )
    newly_ready = tuple(
        (y, tuple(ready_regions(config=config, state=state, year=y, regions=regions, today=acting.now.date())))
        for y in unblocks
        if not ready_before[y]
    )
    return MinutesRecorded(
        item=item,
        outcome=given,
        replaced=replaced,
        note=note,
        newly_ready=newly_ready,
        held=held,
        held_today=held_today,
        named_in_text=named_in_text,
        dropped=tuple(dropped),
        moved_from=progress.planned if early is not None or ahead is not None else None,
        not_planned=progress.planned
        if early is None
        and ahead is None
        and typed_held
        and progress.planned
        and progress.planned.date() != typed_held.date()
        else None,
        new_points=tuple(
            str(point["id"])
            for point in given.get("followups") or ()
            if point.get("id") not in {old.get("id") for old in earlier_points}
        ),
        redated=tuple(redated(given.get("followups") or (), old=earlier_points)),
    )


def _held_before_plan(breaches: list[Breach], *, held_on: Callable[[], Happened | None]) -> Happened | None:
    """The day the text names as held, when it is before a planned start not yet come: the plan was stale,
    not the model's order broken (the text is read only then, so other refusals come first as before)."""
    planned = next((breach.planned for breach in breaches if breach.planned is not None), None)
    if planned is None:
        return None
    held = held_on()
    return held if held is not None and held.date() < planned.date() else None


def _move_question(*, item: Item, held: Happened, breaches: list[Breach]) -> DomainError:
    """Held before its plan: ask to move the plan to the day it was held (with `bekreft`, its button), and name
    any rule of the model's order the write would still break; the confirm word is said once (walk 15 N9)."""
    planned = next(breach.planned for breach in breaches if breach.planned is not None)
    others = [breach for breach in breaches if breach.planned is None]
    fields = {
        "item": item.title(),
        "planned": day_text(planned.date()),
        "done": done_word(item),
        "held": day_text(held.date()),
        "confirm": confirm_word(),
    }
    if others:
        move = _(
            "{item} er planlagt {planned}, men teksten sier at det ble {done} {held}; med det flyttes planen til {held}."
        ).format(**fields)
        rest = refuse(item=item, breaches=others)
        return DomainError(move + " " + str(rest), again=rest.again)
    return DomainError(
        _(
            "{item} er planlagt {planned}, men teksten sier at det ble {done} {held}. Med «{confirm}» til slutt "
            "flyttes planen til {held}, og det registreres."
        ).format(**fields),
        again=_("Flytt planen og registrer"),
    )


def require_held_day(acting: Acting, *, item: Item, day: Happened) -> None:
    """A day named as the one it was held must have come, and be in the item's window: «holdt 6. mai» read
    as last year's 6 May is a slip, never recorded; typed the day before, it names this year's (walk 14a F7)."""
    ahead = not_come(day, today=acting.now.date(), opens=item.start)
    if ahead is not None:
        raise DomainError(
            _("{item} kan ikke ha vært {done} {day}: den dagen har ikke kommet ennå.").format(
                item=item.title(), done=done_word(item), day=day_text(ahead)
            )
        )
    if day.date() < item.start:
        raise DomainError(
            _("{item} kan ikke ha vært {done} {day}: vinduet åpnet {start}.").format(
                item=item.title(), done=done_word(item), day=day_text(day.date()), start=day_text(item.start)
            )
        )
