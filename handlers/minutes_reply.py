"""`referat`: the reply to minutes recorded. It names the day recorded as held (planned, named in the text,
or today, with how to set another), counts the decisions and points, says what replaced minutes dropped or
moved, warns of deadlines it could not read and owners it could not place, and lists the points with a
«Ferdig» button for those the writer may close.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from bot.actions.minutes import MinutesRecorded
from bot.context import Context
from bot.dates.text import month_name
from bot.i18n import _, ngettext
from bot.messages import Reply, Visibility
from bot.model.followups import Followup, callers_closable, followups_of
from bot.model.followups_replaced import dropped_line, redated_text
from bot.model.followups_shown import followup_section, moved_due_text, unread_due_text
from bot.model.order import OUTSIDE, confirm_word
from bot.model.progress import progress_of
from bot.model.wheel import Item, done_word
from bot.parsing import typed_name
from bot.shown.replies import day_text, days_text, make_reply
from handlers import minutes_read
from handlers.announce import ready_buttons_here
from handlers.minutes_held import named_day
from handlers.minutes_named_owners import unowned_note
from handlers.minutes_owners import WORD


def recorded_reply(ctx: Context, *, result: MinutesRecorded) -> Reply:
    item, outcome = result.item, result.outcome
    decisions, followups = len(outcome["decisions"]), len(outcome["followups"])
    counts = (
        ngettext("{n} vedtak", "{n} vedtak", decisions).format(n=decisions)
        + ", "
        + ngettext("{n} oppfølgingspunkt", "{n} oppfølgingspunkter", followups).format(n=followups)
        + "."
        if decisions or followups or item.spec.kind == "meeting"  # «0 vedtak» reads oddly for an adopted plan
        else ""
    )
    outside = " " + _("Merket {outside}.").format(outside=_(OUTSIDE)) if result.note else ""
    again = (
        " "
        + _("(erstatter forrige referat, som beholdes i «logg» og vises med «{command}»)").format(
            command=minutes_read.read_command(item, earlier=True)
        )
        if result.replaced
        else ""
    )
    if result.moved_from is not None and result.held is not None:  # held before its plan (walk 8, N13)
        outside += " " + _("Planen er flyttet fra {planned} til {held}.").format(
            planned=day_text(result.moved_from.date()), held=day_text(result.held.date())
        )
    if result.not_planned is not None and result.held is not None:  # the text's day, not the plan (walk 15 N6)
        outside += " " + _("Planlagt dag var {planned}; teksten sier {held}, så {held} er registrert.").format(
            planned=day_text(result.not_planned.date()), held=day_text(result.held.date())
        )
    dropped = (
        " "
        + _("Fjernet: {points}; de ansvarlige har fått beskjed.").format(
            points="; ".join(dropped_line(point) for point in result.dropped)
        )
        if result.dropped
        else ""
    )
    recorded = followups_of(config=ctx.config, state=ctx.state, item=item)
    unread = unread_due_text(recorded)
    moved = moved_due_text(recorded)
    unowned = unowned_note(recorded)
    points = followup_section(recorded, today=ctx.now.date(), closable=callers_closable(ctx))
    section, buttons = points if points else (None, ())
    return make_reply(
        title=(_("Referat registrert: {item}") if item.spec.kind == "meeting" else _("Registrert: {item}")).format(
            item=item.title()
        ),
        lead=" ".join(part for part in (f"{_done_phrase(item)} {_held(ctx, result)}{again}.", counts) if part)
        + f"{outside} "
        + _("Registrert av {name}.").format(name=ctx.caller.name)
        + dropped
        + "".join(" " + redated_text(point) for point in result.redated)
        + (f" ⚠️ {unread}" if unread else "")
        + (f" ⚠️ {unowned}" if unowned else "")
        + _unheaded_text(ctx, result)
        + (f" {moved}" if moved else "")
        + "".join(" " + _counted_text(point, held=result.held) for point in recorded if point.due_counted)
        + (" " + _today_note(ctx, result) if result.held_today else "")
        + (" " + _named_note(ctx, result) if result.named_in_text else ""),
        sections=(section,) if section else (),
        buttons=[
            *buttons,
            *(
                b
                for year, regions in result.newly_ready
                for b in ready_buttons_here(ctx, regions=list(regions), year=year)
            ),
        ],
        visibility=Visibility.CHANNEL,
    )


def _done_phrase(item: Item) -> str:
    """What the reply says was done, in the word that fits: a meeting held, a treatment, a plan adopted."""
    if item.spec.kind == "meeting":
        return _("Møtet er markert som holdt")
    return _("Registrert som {done}").format(done=done_word(item))


def _held(ctx: Context, result: MinutesRecorded) -> str:
    """The day recorded as held, always named: the planned day, the day the text names, or today; a meeting
    planned over two days held from its first day is named with both («1.–2. desember 2027», walk 13 W6)."""
    if result.held is None:
        return ""
    progress = progress_of(config=ctx.config, state=ctx.state, item=result.item)
    return days_text(result.held.date(), progress.held_last_day)


def _unheaded_text(ctx: Context, result: MinutesRecorded) -> str:
    """Owners named in minutes without a heading that opens points («Oppfølgingsliste: Sende tall @IN»): no
    point was stored, so the reply says so and how to write them (walk 14a F15), never a silent «0»."""
    if result.outcome["followups"]:
        return ""
    named = [
        match.group(0).rstrip(".,;:")
        for match in WORD.finditer(str(result.outcome.get("summary") or ""))
        if ctx.vocab.party(match.group(1).rstrip(".,;:"))
    ]
    if not named:
        return ""
    return " ⚠️ " + _(
        "Referatet nevner {owners}, men ingen oppfølgingspunkter er lagret: skriv dem etter «oppfølging:», "
        "f.eks. «oppfølging: Sende tall {owner} innen 1. desember», så blir de fulgt opp."
    ).format(owners=", ".join(dict.fromkeys(named)), owner=named[0])


def _counted_text(point: Followup, *, held: datetime | None) -> str:
    """A deadline counted from the meeting («innen to uker»), said with the day it came to (walk 14a F8)."""
    if point.due is None or held is None:
        return ""
    return _("Fristen «{words}» [{id}] er regnet fra møtedagen {held}: {due}.").format(
        words=point.due_counted, id=point.id, held=day_text(held.date()), due=day_text(point.due)
    )


def _today_note(ctx: Context, result: MinutesRecorded) -> str:
    """No day was planned or named, so the day the minutes were typed was taken: say so, and how to set
    the right one (the item's own word and a day in its window in the text, «behandlet 10. desember», or
    `dato … bekreft` afterwards)."""
    item = result.item
    last = min(ctx.now.date() - timedelta(days=1), item.deadline)
    named = named_day(str(result.outcome.get("summary") or ""), now=ctx.now, window=(item.start, last))
    example_day = named or max(item.start, last)
    day = f"{example_day.day}. {month_name(example_day.month)}"
    example = f"{done_word(item)} {day}"
    command = " ".join(
        part
        for part in (
            "dato",
            typed_name(item.spec),
            item.region or "",
            str(item.year),
            day if named else _("<dag>"),  # the day the text names, ready to send (walk 15 N7)
            confirm_word(),
        )
        if part
    )
    return _(
        "Ingen dato var satt, så i dag er registrert. Var det en annen dag? Skriv «{command}», "
        "eller «{example}» i referatet neste gang."
    ).format(command=command, example=example)


def _named_note(ctx: Context, result: MinutesRecorded) -> str:
    """No day was set: the day the text names was taken, not today (walk 19 F6; inside the window too,
    walk 22 N7), and why when the window had closed."""
    item = result.item
    command = " ".join(
        part
        for part in ("dato", typed_name(item.spec), item.region or "", str(item.year), _("<dag>"), confirm_word())
        if part
    )
    if ctx.now.date() <= item.deadline:
        return _(
            "Ingen dato var satt, så dagen referatet nevner er registrert, ikke i dag. Var det en annen dag? "
            "Skriv «{command}»."
        ).format(command=command)
    return _(
        "Ingen dato var satt, og vinduet stengte {deadline}, så dagen referatet nevner er registrert, ikke i dag. "
        "Var det en annen dag? Skriv «{command}»."
    ).format(deadline=day_text(item.deadline), command=command)
