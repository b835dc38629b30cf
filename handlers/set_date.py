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
import re
from dataclasses import replace
from typing import TYPE_CHECKING

from bot.actions.base import Acting
from bot.actions.dates import (
    EXAMPLE,
    DateQuestion,
    DateSet,
    DateUnchanged,
    set_date,
)
from bot.actions.rules import require_national
from bot.context import Context
from bot.dates.text import month_name
from bot.dates.vague import working_days_in
from bot.i18n import _
from bot.messages import Outcome, Request, Visibility
from bot.model.order import and_join, split_confirm
from bot.model.wheel import done_word
from bot.parsing import fold, typed_name
from bot.pipeline.parse import first_word
from bot.shown.replies import day_text, make_reply, planned_text
from handlers import MOVE_WORDS
from handlers.common import read_meeting
from handlers.date_moved import moved_announcements
from handlers.date_question import date_question
from handlers.date_read import read_typed_date
from handlers.date_removed import removal, removes, time_alone
from handlers.date_replaced import replaced_note
from handlers.date_year import typed_year_choice, year_choice

if TYPE_CHECKING:
    from bot.dates.grammar import ParsedDate

logger = logging.getLogger(__name__)

_TO_RE = re.compile(r"^til\s+(?=\S)", re.IGNORECASE)


def handle(request: Request, ctx: Context) -> Outcome:
    words, confirmed = split_confirm(ctx.args.split())  # the one reading of `bekreft` (bot/model/order.py)
    meeting = read_meeting(ctx, words, command="dato", example=EXAMPLE)
    spec, region, args = meeting.spec, meeting.region, meeting.args
    text = " ".join(args.rest)
    if fold(first_word(request.text)) in MOVE_WORDS:  # «flytt vår til 29. april»: the day after «til»
        text = _TO_RE.sub("", text, count=1)
    # The command as the reader's own words: the meeting's name in their written form («dato haust»).
    typed = " ".join(str(part) for part in ("dato", typed_name(spec), args.region, args.year) if part)
    if removes(text):  # «dato høst avlyst»: the planned date taken back
        return removal(ctx, request, key=spec.key, region=region, year=args.year, confirmed=confirmed)
    acting = Acting.of(ctx=ctx, request=request)
    if spec.scope == "national":
        require_national(acting)  # who sets it, before what is missing from the command
    text = time_alone(acting, text=text, key=spec.key, region=region, year=args.year, typed=typed) or text
    parsed, window = read_typed_date(
        acting, text=text, key=spec.key, region=region, year=args.year, typed=typed, vocab=ctx.vocab
    )
    choice = (
        typed_year_choice(acting, parsed=parsed)
        if window
        else year_choice(acting, key=spec.key, region=region, parsed=parsed)
    )
    choice = replace(choice, parsed=_working_day_for_month(acting, choice.parsed))
    parsed = choice.parsed
    result = set_date(
        acting,
        key=spec.key,
        region=region,
        year=args.year,
        when=parsed.when,
        has_time=parsed.has_time,
        vague=parsed.month_only,
        confirmed=confirmed,
        last_day=parsed.span_end,
        until=parsed.until,
    )
    shown = planned_text(parsed.when, has_time=parsed.has_time, last_day=parsed.span_end)
    if isinstance(result, DateQuestion):
        return date_question(
            acting, result, choice=choice, text=text, shown=shown + _notes(parsed, typed=typed), typed=typed
        )
    item = result.item
    timed = parsed.has_time
    if result.when:
        shown = planned_text(result.when, has_time=result.has_time, last_day=result.last_day)
        timed = result.has_time  # a time kept from the planned date: «uten klokkeslett» would contradict it
    if isinstance(result, DateUnchanged):
        lead = _("{item} er allerede satt til {when}. Ingenting er endret.").format(
            item=item.title(),
            when=shown + _notes(parsed, typed=typed, only_dropped=True, timed=timed, kept_end=result.end),
        )
        return Outcome(reply=make_reply(title=_("Allerede registrert"), lead=lead + replaced_note(result)))
    after = (
        _("Registrert som dagen det ble {done}.").format(done=done_word(item))
        if result.held
        else _("Påminnelser går ut før denne datoen.")
    )
    reply = make_reply(
        title=_("Dato satt: {item}").format(item=item.title()),
        lead=_("{when}. {after} Satt av {name}.").format(
            when=shown + _notes(parsed, typed=typed, timed=timed, kept_end=result.kept_end),
            after=after,
            name=ctx.caller.name,
        )
        + replaced_note(result)
        + _confirmed_note(result)
        + _unrecorded_note(result),
        visibility=Visibility.CHANNEL,
    )
    return Outcome(reply=reply, announcements=moved_announcements(ctx, request=request, result=result))


def _confirmed_note(result: DateSet) -> str:
    """The day a `bekreft` went past named after the date set («… er andre påskedag (helligdag)»)."""
    if not result.confirmed_day or result.when is None:
        return ""
    return " " + _("Bekreftet: {when} er {reasons}.").format(
        when=day_text(result.when.date()), reasons=and_join(list(result.confirmed_day))
    )


def _unrecorded_note(result: DateSet) -> str:
    """«Referatet kan først registreres når … er registrert»: the meetings it follows have no date and are
    not recorded, so its minutes will be asked about; said with the date, not first at the minutes (N2)."""
    if not result.unrecorded_first:
        return ""
    return " " + _(
        "Merk: {items} skal komme før dette møtet og er ikke registrert ennå. Skrives referatet herfra før "
        "det er registrert, ber jeg om bekreftelse."
    ).format(items=and_join(list(result.unrecorded_first)))


def _notes(
    parsed: ParsedDate, *, typed: str, only_dropped: bool = False, timed: bool = False, kept_end: str | None = None
) -> str:
    """What was read beyond the typed words, right after the echoed date: the month a day typed without one
    fell in, that only a time range's start is kept, that a part of the day
    set no time (unless the date shown has one, `timed`: kept from the planned date). `only_dropped`: just what was typed and not kept (a date already set says so too, so
    «Ingenting er endret» never hides a typed end day), and the end time it keeps (`kept_end`, «14:00»): the
    same words as for a plan without an end hid it (walk 32 F5)."""
    notes = []
    if parsed.day_of_month and not only_dropped:
        notes.append(_("ingen måned skrevet, så {month} er valgt").format(month=month_name(parsed.when.month)))
    if parsed.week_only and not only_dropped:
        week = parsed.when.isocalendar().week
        # how to choose another day that week, so «uke 12» meant as «some day that week» is mended in one command
        chosen = (
            _(
                "ingen dag skrevet, så mandagen i uke {week} er valgt; en annen dag: skriv f.eks. «{typed} torsdag uke {week}»"
            )
            if parsed.when.weekday() == 0
            else _(  # the Monday is a holiday (2. påskedag): the week's first working day (walk 14a F4)
                "ingen dag skrevet, så den første arbeidsdagen i uke {week} er valgt; en annen dag: skriv f.eks. "
                "«{typed} torsdag uke {week}»"
            )
        )
        notes.append(chosen.format(week=week, typed=typed))
    if parsed.until is not None:
        hour, minute = parsed.until
        end = f"{hour:02d}.{minute:02d}"
        if parsed.span_end is None and parsed.has_time and parsed.until > (parsed.when.hour, parsed.when.minute):
            # a one-day meeting's end is kept: the calendar feed shows it (walk 7 F19)
            if not only_dropped or kept_end is not None:
                notes.append(_("slutt kl. {end}").format(end=end))
        else:
            notes.append(_("starttiden; slutten kl. {end} lagres ikke").format(end=end))
    elif kept_end is not None:  # the start typed again: the end typed before stays
        notes.append(_("slutt kl. {end}").format(end=kept_end.replace(":", ".")))
    if parsed.daypart and not timed:
        notes.append(_("uten klokkeslett"))
    return f" ({'; '.join(notes)})" if notes else ""


def _working_day_for_month(acting: Acting, parsed: ParsedDate) -> ParsedDate:
    """«midten av november», «første uka i desember»: the working day inside what was typed nearest the phrase's
    anchor, so the «Lagre likevel» it is offered as (and a typed `bekreft`) never saves a weekend or a holiday
    the weekend question would have stopped, nor a day outside the typed part of the month."""
    if not parsed.month_only:
        return parsed
    days = working_days_in(
        day=parsed.when.date(), part=parsed.month_part, days_off=acting.config.reminders.days_off_set
    )
    if not days:
        return parsed  # a part without a working day (none known): the day as read, and the weekend question
    day = days[0]
    return replace(parsed, when=parsed.when.replace(year=day.year, month=day.month, day=day.day))
