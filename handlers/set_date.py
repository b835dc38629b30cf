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
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from bot.actions.base import Acting
from bot.actions.dates import (
    EXAMPLE,
    DateQuestion,
    DateSet,
    DateUnchanged,
    date_worries,
    dated_item,
    dating_year,
    overdue_nearer,
    set_date,
)
from bot.actions.rules import milestone_for, require_near_year
from bot.context import Context
from bot.dates.fallback import foreign_zone, zone_after
from bot.dates.pasted import essence
from bot.dates.text import month_name, weekday_name
from bot.dates.vague import working_days_in
from bot.dates.workdays import on_or_after
from bot.i18n import N_, _
from bot.messages import Button, Outcome, Request, Visibility
from bot.model.order import and_join, confirm_word, model_quote, split_confirm
from bot.model.progress import progress_of
from bot.model.wheel import Item, done_word
from bot.parsing import Vocabulary, typed_name, year_of
from bot.parsing import shown as typed_back
from bot.shown.replies import day_text, make_reply, planned_text
from bot.state.store import DomainError
from handlers.common import read_meeting
from handlers.date_moved import moved_announcements
from handlers.date_removed import removal, removes, time_alone
from handlers.date_replaced import replaced_note
from handlers.date_year import Choice, on_day, typed_year_choice, weekday_read, year_choice

if TYPE_CHECKING:
    from bot.dates.grammar import ParsedDate

logger = logging.getLogger(__name__)

_FORMS = N_("«22.04.27 10.00», «tirsdag neste uke» eller «uke 17»")


def handle(request: Request, ctx: Context) -> Outcome:
    words, confirmed = split_confirm(ctx.args.split())  # the one reading of `bekreft` (bot/model/order.py)
    meeting = read_meeting(ctx, words, command="dato", example=EXAMPLE)
    spec, region, args = meeting.spec, meeting.region, meeting.args
    text = " ".join(args.rest)
    # The command as the reader's own words: the meeting's name in their written form («dato haust»).
    typed = " ".join(str(part) for part in ("dato", typed_name(spec), args.region, args.year) if part)
    if removes(text):  # «dato høst avlyst»: the planned date taken back
        return removal(ctx, request, key=spec.key, region=region, year=args.year, confirmed=confirmed)
    acting = Acting.of(ctx=ctx, request=request)
    text = time_alone(acting, text=text, key=spec.key, region=region, year=args.year, typed=typed) or text
    parsed, window = _read(acting, text, key=spec.key, region=region, year=args.year, typed=typed, vocab=ctx.vocab)
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
        return _question(
            acting, result, choice=choice, text=text, shown=shown + _notes(parsed, typed=typed), typed=typed
        )
    item = result.item
    if result.when:
        shown = planned_text(result.when, has_time=result.has_time, last_day=result.last_day)
    if isinstance(result, DateUnchanged):
        lead = _("{item} er allerede satt til {when}. Ingenting er endret.").format(
            item=item.title(), when=shown + _notes(parsed, typed=typed, only_dropped=True)
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
            when=shown + _notes(parsed, typed=typed), after=after, name=ctx.caller.name
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


def _read(
    acting: Acting, text: str, *, key: str, region: str | None, year: int | None, typed: str, vocab: Vocabulary
) -> tuple[ParsedDate, Item | None]:
    """The typed date (read within the typed year's window, returned with it), or a Norwegian sentence
    saying what to write instead."""
    # The date grammar is loaded by the first command that reads a date, not by every start-up.
    from bot.dates.grammar import DateTrouble, read_date
    from bot.dates.hints import mended_date
    from bot.dates.missing_day import missing_day

    example = _example_day(acting, key=key, region=region, year=year)
    if not text:
        raise DomainError(
            _("Hvilken dato? Skriv f.eks. «{typed} {day}», {forms}.").format(typed=typed, day=example, forms=_(_FORMS))
        )
    if year:
        require_near_year(acting, year, example=EXAMPLE)
    window = milestone_for(acting.config, key=key, year=year, region=region) if year else None
    now = acting.now
    reading = read_date(text, now=now, window=(window.start, window.deadline) if window else None)
    if isinstance(reading, DateTrouble) and reading.reason == "weekday" and window is None:
        reading = weekday_read(acting, text, trouble=reading, key=key, region=region)  # «onsdag 25. november»
    if isinstance(reading, DateTrouble) and len(reading.instead) == 2:
        first, second = (f"{typed} {phrase}" for phrase in reading.instead)
        raise DomainError(
            reading.message + " " + _("Skriv «{first}» eller «{second}».").format(first=first, second=second)
        )
    if isinstance(reading, DateTrouble) and len(reading.instead) == 1:  # «10:00-25:00»: how to write it
        raise DomainError(
            reading.message + " " + _("Skriv f.eks. «{typed} {day}».").format(typed=typed, day=reading.instead[0])
        )
    if isinstance(reading, DateTrouble):
        day = f"{reading.day.day}. {month_name(reading.day.month)}" if reading.day else example
        raise DomainError(
            reading.message + " " + _("Skriv én dato, f.eks. «{typed} {day}».").format(typed=typed, day=day)
        )
    if reading is None and (missing := missing_day(text, year=window.start.year if window else None, today=now.date())):
        raise DomainError(missing + " " + _("Skriv f.eks. «{typed} {day}».").format(typed=typed, day=example))
    if reading is None and (mended := mended_date(text, now=now)) is not None:
        raise DomainError(
            _("Jeg forstod ikke datoen «{text}». Mente du «{typed} {mended}»?").format(
                text=typed_back(text), typed=typed, mended=mended
            )
        )
    first, _space, rest = text.partition(" ")
    if reading is None and rest and (near := vocab.near(first, kinds=("region",))) and _dated(rest, now=now):
        # "dato vår agdr 22. april", «dato høst agdеr 2026 …» (a Cyrillic е, walk 27 F6): a misspelt region in
        # front of the date (and the year after it), never read as part of it
        raise DomainError(
            _("Jeg forstod ikke «{words}». Mente du «{mended}»?").format(
                words=typed_back(f"{typed} {text}"), mended=typed_back(f"{typed} {near} {rest}")
            )
        )
    if reading is None and (far := _far_year(text)) is not None:
        require_near_year(acting, far, example=EXAMPLE)  # «0001-01-01» is far off, as «9999-12-31» (walk 27 F7)
    if reading is None and (oslo := foreign_zone(essence(text), now=now)) is not None:
        # «26. november 2026 10:00 GMT» is 11.00 in Oslo: never saved at the typed hour, nor advised to be
        raise DomainError(_zone_refusal(oslo, typed=typed))
    if reading is None and (around := _date_among(text, now=now, window=window)) is not None:
        # "dato politisk fylkestinget 14. desember": a body named with the date; name the words not read
        unread, date_words, found = around
        if found.has_time and (oslo := zone_after(unread, wall=found.when, now=now)) is not None:
            raise DomainError(_zone_refusal(oslo, typed=typed))  # «kl 10 UTC»: not «skriv bare datoen» at 10
        mended = f"{typed} {date_words.rstrip(',;:-–')}"
        if typed_back(mended) != mended:  # never an example cut with «…», which is refused when typed as shown
            mended = f"{typed} {found.when:%d.%m.%Y}" + (f" kl {found.when:%H.%M}" if found.has_time else "")
        raise DomainError(
            _("Jeg forstod ikke «{words}» i datoen. Skriv bare datoen, f.eks. «{mended}».").format(
                words=typed_back(unread), mended=mended
            )
        )
    if reading is None:
        raise DomainError(
            _("Jeg forstod ikke datoen «{text}». Skriv f.eks. «{typed} {day}», {forms}.").format(
                text=typed_back(text), typed=typed, day=example, forms=_(_FORMS)
            )
        )
    return reading, window


def _dated(text: str, *, now: datetime) -> bool:
    """Whether `text` is a date, or a cycle year and a date («2026 19.11.2026 10:00»)."""
    from bot.dates.grammar import read_date

    year, _space, after = text.partition(" ")
    return bool(read_date(text, now=now) or (after and year_of(year) and read_date(after, now=now)))


_ISO_YEAR = re.compile(r"(?<![0-9])([0-9]{4})-[0-9]{1,2}-[0-9]{1,2}(?![0-9])")


def _far_year(text: str) -> int | None:
    """The year of an ISO date the grammar did not read («0001-01-01»): asked about as far off, as «9999-12-31»
    is (a year typed after the day, «14.04.0830», stays a date not understood: tests/test_date_dato_typed.py)."""
    found = _ISO_YEAR.search(text)
    return None if found is None else int(found.group(1))


_AROUND = 3
"""At most this many words before or after a date are looked past to name them («fylkestinget 14. desember»)."""


def _zone_refusal(oslo: datetime, *, typed: str) -> str:
    """A time typed in another zone, refused with the Norwegian hour it is, so the advice saves the hour meant."""
    return _("Tiden er skrevet i en annen tidssone enn norsk tid. Skriv norsk tid, f.eks. «{typed} {when}».").format(
        typed=typed, when=f"{oslo:%d.%m.%Y} kl {oslo:%H.%M}"
    )


def _date_among(text: str, *, now: datetime, window: Item | None) -> tuple[str, str, ParsedDate] | None:
    """The words around a date that the grammar reads alone, the date's words and what they read: (unread,
    date, read), or None."""
    from bot.dates.grammar import parse_norwegian_date

    bounds = (window.start, window.deadline) if window else None
    words = text.split()
    for before in range(_AROUND + 1):
        for after in range(_AROUND + 1):
            unread = words[:before] + words[len(words) - after :]
            if not 0 < before + after < len(words) or any(char.isdigit() for word in unread for char in word):
                continue  # a number left out is part of the date («31. april», «13/4 0900 1000»): not this
            middle = words[before : len(words) - after]
            found = parse_norwegian_date(" ".join(middle), now=now, window=bounds)
            if found is not None and not (found.month_only or found.day_of_month or found.week_only):
                return " ".join(unread), " ".join(middle), found
    return None


def _example_day(acting: Acting, *, key: str, region: str | None, year: int | None) -> str:
    """A day that fits the meeting in an example («22. november kl 10» for the autumn meeting, never an April
    day): the 22nd of its suggested month (else the month its window closes), or when that has passed a
    working day a week on, inside the window of the cycle the command means (walk 8 N5: never a past Sunday)."""
    spec = acting.config.milestone(key)
    month = (spec.suggested_month or int(spec.window.to.date.split("-")[0])) if spec else 4
    if spec is not None:
        item_for = lambda y: milestone_for(acting.config, key=key, year=y, region=region)  # noqa: E731
        item = item_for(year or dating_year(acting, item_for=item_for))
        today = acting.now.date()
        off = acting.config.reminders.days_off_set
        suggested = [date(y, month, 22) for y in (item.start.year, item.deadline.year)]
        day = next((d for d in suggested if item.start <= d <= item.deadline), item.start)
        day = on_or_after(day, days_off=off)
        if day <= today:
            day = on_or_after(today + timedelta(days=7), days_off=off)
        if item.start <= day <= item.deadline:
            return _("{day}. {month} kl 10").format(day=day.day, month=month_name(day.month))
    return _("{day}. {month} kl 10").format(day=22, month=month_name(month))


def _notes(parsed: ParsedDate, *, typed: str, only_dropped: bool = False) -> str:
    """What was read beyond the typed words, right after the echoed date: the month a day typed without one
    fell in, that only a time range's start is kept, that a part of the day
    set no time. `only_dropped`: just what was typed and not kept (a date already set says so too, so
    «Ingenting er endret» never hides a typed end day)."""
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
            if not only_dropped:  # a one-day meeting's end is kept: the calendar feed shows it (walk 7 F19)
                notes.append(_("slutt kl. {end}").format(end=end))
        else:
            notes.append(_("starttiden; slutten kl. {end} lagres ikke").format(end=end))
    if parsed.daypart:
        notes.append(_("uten klokkeslett"))
    return f" ({'; '.join(notes)})" if notes else ""


def _command(
    item: Item,
    *,
    when: datetime,
    has_time: bool,
    last_day: date | None = None,
    until: tuple[int, int] | None = None,
    confirm: bool = True,
) -> str:
    """The `dato` line that saves `when` on `item` as typed: a meeting over two days keeps its last day
    («2027-05-06–2027-05-07», read back as the typed span is), and a typed end time its end («2026-11-18
    12:30–15:00», walk 25 F1), so «Lagre likevel» never drops either."""
    iso = when.strftime("%Y-%m-%d %H:%M") if has_time else when.strftime("%Y-%m-%d")
    if has_time and until is not None and (last_day is None or last_day <= when.date()):
        iso += f"–{until[0]:02d}:{until[1]:02d}"
    if last_day is not None and last_day > when.date():
        iso += f"–{last_day:%Y-%m-%d}"
    parts = [
        "dato",
        typed_name(item.spec),
        item.region or "",
        str(item.year),
        iso,
        confirm_word() if confirm else "",
    ]
    return " ".join(part for part in parts if part)


def _question(acting: Acting, asked: DateQuestion, *, choice: Choice, text: str, shown: str, typed: str) -> Outcome:
    """The confirm reply: a day is missing, or the date looks wrong (`asked.worries`)."""
    item, parsed = asked.item, choice.parsed
    command = _command(item, when=parsed.when, has_time=parsed.has_time, last_day=parsed.span_end, until=parsed.until)
    buttons = [Button(label=_("Lagre likevel"), command=command, primary=False)]
    if asked.held is not None:
        lead = _(
            "Ikke lagret: {item} er registrert som {done} {held}. Skriv «{command}» for å flytte dagen det ble "
            "{done} til {when}."
        ).format(item=item.title(), done=done_word(item), held=day_text(asked.held.date()), command=command, when=shown)
        if asked.worries:
            lead += " " + _("{when} er {reasons}.").format(when=shown, reasons=and_join(list(asked.worries)))
        return Outcome(reply=make_reply(title=_("Bekreft datoen"), lead=lead, buttons=buttons))
    if parsed.month_only:
        day = parsed.when.date()  # the working day inside what was typed nearest its anchor (vague.working_days_in)
        example = f"{typed} {day.day}. {month_name(day.month)}"  # the button's day, never a second one (walk 14a F5)
        what = (
            _("Ikke lagret: «{text}» er en uke, ikke en dag.")
            if parsed.month_part.endswith("_week")
            else _("Ikke lagret: «{text}» er en måned, ikke en dag.")
        )
        lead = (
            what.format(text=text)
            + " "
            + _("Skriv dagen, f.eks. «{example}», eller «{command}» for å lagre {day}.").format(
                example=example, command=command, day=day_text(day)
            )
        )
        return Outcome(reply=make_reply(title=_("Hvilken dag?"), lead=lead, buttons=buttons))
    if choice.unfinished:  # an earlier cycle's item still open: named, as the next one is (walk 10, X12)
        how = _("Skriv «{command}» for å lagre likevel for {item}, som ikke er fullført").format(
            command=command, item=item.title()
        )
    else:
        how = _("Skriv «{command}» for å lagre likevel").format(command=command)
    if (later := _later(acting, item=item, choice=choice)) is not None:
        how += ", " + later[0]
        buttons.append(later[1])
    reasons = list(asked.worries)
    lead = _("Ikke lagret: {when} er {reasons}. {how}.").format(when=shown, reasons=and_join(reasons), how=how)
    if choice.absent_in is not None:
        day = parsed.when.date()
        lead = (
            _("{day} finnes ikke i {year}.").format(day=f"{day.day}. {month_name(day.month)}", year=choice.absent_in)
            + " "
            + lead
        )
    if choice.passed_over is not None:
        other, day = choice.passed_over
        lead += " " + _("{day} er en {weekday}, så datoen er lest for {asked}, ikke for {item}.").format(
            item=other.title(), day=day_text(day), weekday=weekday_name(day), asked=item.title()
        )
    if (passed := _named_passed(acting, item=item, parsed=parsed)) is not None:
        lead += " " + _("For {item} er {words} passert: skriv dagen, f.eks. «{example}».").format(
            item=passed.title(),
            words=text,
            example=f"{typed} {_example_day(acting, key=passed.key, region=passed.region, year=passed.year)}",
        )
    if asked.about_order and (quote := model_quote(item)):
        lead += " " + quote
    return Outcome(reply=make_reply(title=_("Bekreft datoen"), lead=lead, buttons=buttons))


def _named_passed(acting: Acting, *, item: Item, parsed: ParsedDate) -> Item | None:
    """The year before's item, still open, when words that point forward («veka etter påske») were read in
    the next cycle because this year's days have passed (walk11 F3): the question names it and asks for a
    day, so the only button (next year's) is not the only answer it gives."""
    if not parsed.named or parsed.in_year is None:
        return None
    earlier = parsed.in_year(item.year - 1)
    if earlier is None or earlier >= acting.now.date() or item.year - 1 != acting.now.year:
        return None
    before = milestone_for(acting.config, key=item.key, year=item.year - 1, region=item.region)
    progress = progress_of(config=acting.config, state=acting.state, item=before)
    return None if progress.done or progress.planned else before


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


def _later(acting: Acting, *, item: Item, choice: Choice) -> tuple[str, Button] | None:
    """The same day in the next cycle, offered beside the one asked about: when it would be kept as typed,
    or, when the one asked about is an earlier cycle's unfinished item and the next one's window is as near
    (`overdue_nearer`), with its own worries named and `bekreft` in its command: in May, «25. november»
    may be the open autumn meeting of last year or this autumn's, and both are named with a button each."""
    if choice.next_year is None:
        return None
    parsed = on_day(choice.parsed, choice.next_year)
    later_item = dated_item(acting, key=item.key, region=item.region, day=choice.next_year)
    worries = date_worries(acting, item=later_item, when=parsed.when, last_day=parsed.span_end)
    named = choice.forward or (choice.unfinished and not overdue_nearer(acting, meant=item, planned=later_item))
    if worries and not named:
        return None
    command = _command(
        later_item,
        when=parsed.when,
        has_time=parsed.has_time,
        last_day=parsed.span_end,
        until=parsed.until,
        confirm=bool(worries),
    )
    if worries:
        when = planned_text(parsed.when, has_time=parsed.has_time, last_day=parsed.span_end)
        text = _("eller «{command}» for {item} ({when} er {reasons})").format(
            command=command, item=later_item.title(), when=when, reasons=and_join(worries)
        )
    elif named:
        text = _("eller «{command}» for {item}").format(command=command, item=later_item.title())
    else:
        text = _("eller «{command}» for neste år").format(command=command)
    label = _("Neste år ({day})").format(day=day_text(choice.next_year))
    return text, Button(label=label, command=command, primary=False)
