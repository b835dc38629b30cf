"""`dato`: the confirm question when a typed date is not kept as it is.

A day is missing («i april», «uke 17»), the date looks wrong (a weekend, a holiday, the past, outside the
window), or the meeting is already recorded as held. The reply says why, offers «Lagre likevel» with the
exact `dato … bekreft` line, and the same day in the next cycle when that would fit as well.
"""

from __future__ import annotations

import logging
from datetime import date, datetime
from typing import TYPE_CHECKING

from bot.actions.base import Acting
from bot.actions.date_example import example_day
from bot.actions.dates import DateQuestion, date_worries, dated_item, overdue_nearer
from bot.actions.rules import milestone_for
from bot.dates.text import month_name, weekday_name
from bot.i18n import _
from bot.messages import Button, Outcome
from bot.model.order import and_join, confirm_word, model_quote
from bot.model.progress import progress_of
from bot.model.wheel import Item, done_word
from bot.parsing import typed_name
from bot.shown.replies import day_text, make_reply, planned_text
from handlers.date_year import Choice, on_day

if TYPE_CHECKING:
    from bot.dates.grammar import ParsedDate

logger = logging.getLogger(__name__)


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


def date_question(acting: Acting, asked: DateQuestion, *, choice: Choice, text: str, shown: str, typed: str) -> Outcome:
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
            example=f"{typed} {example_day(acting, key=passed.key, region=passed.region, year=passed.year)}",
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
