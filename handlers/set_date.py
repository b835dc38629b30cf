"""`dato <milepæl> [region] [år] <dato>`: set a meeting's planned date.

The reply repeats the date in full Norwegian so the person sees what was understood. An implausible date
is never kept silently: a weekend, a public holiday, a day in the past, outside the milestone's window,
before the meeting it must follow, or only a month ("i april"). The bot then asks for `bekreft` as the
last word and changes nothing until it comes. A date typed without a year that has passed this year is
read as this year's (and asked about), unless it falls in the window of the cycle being planned; it is
never moved to next year behind the person's back.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import TYPE_CHECKING

from bot.context import Context
from bot.cycle import next_opening
from bot.date_text import month_name
from bot.i18n import N_, _
from bot.messages import Button, Outcome, Request, Visibility
from bot.named_days import name_of
from bot.order import CONFIRM, split_confirm
from bot.parsing import shown as typed_back
from bot.parsing import typed_name
from bot.progress import progress_of
from bot.replies import day_text, make_reply, when_text
from bot.state import DomainError, item_doc_key, item_partition
from bot.wheel import Item, window_contains
from bot.workdays import holiday_name
from handlers.common import (
    milestone_for,
    pick_year,
    read_meeting,
    record,
    require_coordinator,
    require_near_year,
)

if TYPE_CHECKING:
    from bot.dates import ParsedDate

logger = logging.getLogger(__name__)

EXAMPLE = "dato vår 22. april kl 10"
_DAY_NAMES = (
    N_("julaften"), N_("nyttårsaften"), N_("lillejulaften"), N_("påskeaften"), N_("sankthansaften"),
    N_("arbeidernes dag"), N_("grunnlovsdag"), N_("nyttårsdag"),
)  # fmt: skip
"""Named days as the date rules and the holiday tables name them (bokmål), for the catalogue."""
_FORMS = N_("«22.04.27 10.00», «tirsdag neste uke» eller «uke 17»")


@dataclass(frozen=True)
class _Choice:
    """The date to ask about, and the same date next year when this year's has passed."""

    parsed: ParsedDate
    next_year: date | None = None


def handle(request: Request, ctx: Context) -> Outcome:
    # The date grammar is loaded by the first command that reads a date, not by every start-up.
    from bot.date_hints import mended_date
    from bot.dates import DateTrouble, read_date

    words, confirmed = split_confirm(ctx.args.split())  # the one reading of `bekreft` (bot/order.py)
    meeting = read_meeting(ctx, words, command="dato", example=EXAMPLE)
    spec, region, args = meeting.spec, meeting.region, meeting.args
    text = " ".join(args.rest)
    typed = " ".join(["dato", *words[: len(words) - len(args.rest)]])
    if not text:
        raise DomainError(
            _("Hvilken dato? Skriv f.eks. «{typed} 22. april kl 10», {forms}.").format(typed=typed, forms=_(_FORMS))
        )
    if args.year:
        require_near_year(ctx, args.year, example=EXAMPLE)
    window = milestone_for(ctx, key=spec.key, year=args.year, region=region) if args.year else None
    reading = read_date(text, now=ctx.now, window=(window.start, window.deadline) if window else None)
    if isinstance(reading, DateTrouble) and len(reading.instead) == 2:
        first, second = (f"{typed} {phrase}" for phrase in reading.instead)
        raise DomainError(
            reading.message + " " + _("Skriv «{first}» eller «{second}».").format(first=first, second=second)
        )
    if isinstance(reading, DateTrouble):
        day = f"{reading.day.day}. {month_name(reading.day.month)}" if reading.day else "22. april kl 10"
        raise DomainError(
            reading.message + " " + _("Skriv én dato, f.eks. «{typed} {day}».").format(typed=typed, day=day)
        )
    if reading is None and (mended := mended_date(text, now=ctx.now)) is not None:
        raise DomainError(
            _("Jeg forstod ikke datoen «{text}». Mente du «{typed} {mended}»?").format(
                text=typed_back(text), typed=typed, mended=mended
            )
        )
    if reading is None:
        raise DomainError(
            _("Jeg forstod ikke datoen «{text}». Skriv f.eks. «{typed} 22. april kl 10», {forms}.").format(
                text=typed_back(text), typed=typed, forms=_(_FORMS)
            )
        )
    if window:
        choice = _Choice(parsed=reading)
    else:
        choice = _this_year_unless_planned(ctx, key=spec.key, region=region, parsed=reading)
    parsed = choice.parsed
    item = window or _item_containing(ctx, key=spec.key, region=region, day=parsed.when.date())
    require_coordinator(ctx, item=item)
    shown = when_text(parsed.when, has_time=parsed.has_time)
    notes = _notes(parsed)
    if not confirmed:
        question = _question(ctx, item=item, choice=choice, text=text, shown=shown + notes, typed=typed)
        if question is not None:
            return question

    planned = ctx.state.tables(item_partition(item)).get("milestones", {}).get(item_doc_key(item), {})
    if planned.get("planned") == parsed.when.isoformat() and planned.get("planned_has_time") == parsed.has_time:
        lead = _("{item} er allerede satt til {when}. Ingenting er endret.").format(item=item.title(), when=shown)
        return Outcome(reply=make_reply(title=_("Allerede registrert"), lead=lead))

    def mutate(tables: dict) -> None:
        doc = tables.setdefault("milestones", {}).setdefault(item_doc_key(item), {})
        doc["planned"] = parsed.when.isoformat()
        doc["planned_has_time"] = parsed.has_time

    record(
        ctx,
        request,
        item=item,
        summary=lambda: _("Satte dato for {item} til {when}").format(
            item=item.title(), when=when_text(parsed.when, has_time=parsed.has_time)
        ),
        mutate=mutate,
    )
    reply = make_reply(
        title=_("Dato satt: {item}").format(item=item.title()),
        lead=_("{when}. Påminnelser går ut før denne datoen. Satt av {name}.").format(
            when=shown + notes, name=ctx.caller.name
        ),
        visibility=Visibility.CHANNEL,
    )
    return Outcome(reply=reply)


def _notes(parsed: ParsedDate) -> str:
    """What was read beyond the typed words, right after the echoed date: the month a day typed without one
    fell in, that only a range's start is kept, that a part of the day set no time."""
    notes = []
    if parsed.day_of_month:
        notes.append(_("ingen måned skrevet, så {month} er valgt").format(month=month_name(parsed.when.month)))
    if parsed.until is not None:
        hour, minute = parsed.until
        notes.append(_("starttiden; slutten kl. {end} lagres ikke").format(end=f"{hour:02d}.{minute:02d}"))
    if parsed.daypart:
        notes.append(_("uten klokkeslett"))
    return f" ({'; '.join(notes)})" if notes else ""


def _command(item: Item, *, when: datetime, has_time: bool, year: int | None = None, confirm: bool = True) -> str:
    iso = when.strftime("%Y-%m-%d %H:%M") if has_time else when.strftime("%Y-%m-%d")
    parts = ["dato", typed_name(item.spec), item.region or "", str(year or item.year), iso, CONFIRM if confirm else ""]
    return " ".join(part for part in parts if part)


def _question(ctx: Context, *, item: Item, choice: _Choice, text: str, shown: str, typed: str) -> Outcome | None:
    """The confirm reply when the date is implausible; None when it can be saved as it is."""
    parsed = choice.parsed
    command = _command(item, when=parsed.when, has_time=parsed.has_time)
    buttons = [Button(label=_("Lagre likevel"), command=command, primary=False)]
    if parsed.month_only:
        day = parsed.when.date()
        example = f"{typed} 14. {month_name(day.month)}"
        lead = _(
            "Ikke lagret: «{text}» er en måned, ikke en dag. Skriv dagen, f.eks. «{example}», "
            "eller «{command}» for å lagre {day}."
        ).format(text=text, example=example, command=command, day=day_text(day))
        return Outcome(reply=make_reply(title=_("Hvilken dag?"), lead=lead, buttons=buttons))
    reasons = _worries(ctx, item=item, when=parsed.when)
    if not reasons:
        return None
    how = _("Skriv «{command}» for å lagre likevel").format(command=command)
    if choice.next_year is not None:
        later_day = choice.next_year
        when = parsed.when.replace(year=later_day.year, month=later_day.month, day=later_day.day)
        later_item = _item_containing(ctx, key=item.key, region=item.region, day=later_day)
        later = _command(later_item, when=when, has_time=parsed.has_time, confirm=False)
        how += ", " + _("eller «{command}» for neste år").format(command=later)
        buttons.append(
            Button(label=_("Neste år ({day})").format(day=day_text(choice.next_year)), command=later, primary=False)
        )
    lead = _("Ikke lagret: {when} er {reasons}. {how}.").format(when=shown, reasons=_join(reasons), how=how)
    return Outcome(reply=make_reply(title=_("Bekreft datoen"), lead=lead, buttons=buttons))


def _join(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " " + _("og") + " " + parts[-1]


def _this_year_unless_planned(ctx: Context, *, key: str, region: str | None, parsed: ParsedDate) -> _Choice:
    """A date typed without a year: next occurrence only within the planned cycle's window, else this year's.

    "dato vår 1. mars" typed on 15 March means this year's 1 March (passed, so the bot asks), not
    1 March next year, unless next year's 1 March is in the window of the cycle being planned.
    """
    if parsed.year_typed or parsed.relative or parsed.in_year is None:
        return _Choice(parsed=parsed)
    today = ctx.now.date()
    found = parsed.when.date()
    this_year = parsed.in_year(today.year)
    if this_year is None or this_year == found or found.year <= today.year:
        return _Choice(parsed=parsed)

    def item_for(year: int) -> Item:
        return milestone_for(ctx, key=key, year=year, region=region)

    planned = item_for(next_opening(today=today, item_for=item_for))
    if window_contains(planned, found):
        return _Choice(parsed=parsed)
    moved = parsed.when.replace(year=this_year.year, month=this_year.month, day=this_year.day)
    return _Choice(parsed=replace(parsed, when=moved), next_year=found)


def _item_containing(ctx: Context, *, key: str, region: str | None, day: date) -> Item:
    """The cycle whose window holds the date; otherwise the cycle the milestone is due in now."""
    for year in range(day.year - 1, day.year + 2):
        item = milestone_for(ctx, key=key, year=year, region=region)
        if window_contains(item, day):
            return item
    year = pick_year(ctx, item_for=lambda y: milestone_for(ctx, key=key, year=y, region=region))
    return milestone_for(ctx, key=key, year=year, region=region)


def _worries(ctx: Context, *, item: Item, when: datetime) -> list[str]:
    """Why a date looks wrong, each as what the date "er": "en lørdag", "passert", …"""
    day = when.date()
    worries = []
    if day < ctx.now.date():
        worries.append(_("passert"))
    if day.weekday() >= 5:
        worries.append(_("en lørdag") if day.weekday() == 5 else _("en søndag"))
    if (name := holiday_name(day)) is not None:
        worries.append(_("{name} (helligdag)").format(name=_(_lower_first(name))))
    elif (day.month, day.day) in ctx.config.reminders.days_off_set:  # e.g. julaften: no holiday, yet off
        off = name_of(day)
        worries.append(_("{name} (fridag)").format(name=_(off) if off else _("en fridag")))
    if not window_contains(item, day):
        worries.append(
            _("utenfor vinduet for {item} ({start}–{end})").format(
                item=item.title(), start=day_text(item.start), end=day_text(item.deadline)
            )
        )
    for after in item.spec.after:
        before_spec = ctx.config.milestone(after.key)
        if before_spec is None:
            continue
        before = milestone_for(
            ctx,
            key=after.key,
            year=item.year + after.cycle,
            region=item.region if before_spec.scope == "regional" else None,
        )
        progress = progress_of(config=ctx.config, state=ctx.state, item=before)
        first = progress.planned or progress.done_at
        if first is not None and first.date() > day:
            worries.append(
                _("før {item} ({day}), som skal komme først").format(item=before.title(), day=day_text(first.date()))
            )
    return worries


def _lower_first(name: str) -> str:
    """ "Grunnlovsdag" reads "grunnlovsdag" inside a sentence; "Kristi himmelfartsdag" keeps its capital."""
    parts = name.split(" og ")
    return " og ".join(part if part.startswith("Kristi") else part[:1].lower() + part[1:] for part in parts)
