"""`referat <milepæl> [region] [år] <tekst>`: record a meeting's outcome and mark it held.

Grammar, in one line or several:
    referat vår Godt møte om havbruk https://… vedtak: Felles søknad; Ny arbeidsgruppe
            oppfølging: Sende utkast @IN; Kalle inn til verksted @agder
The text before `vedtak:`/`oppfølging:` is the summary (its first link is the minutes link); decisions and
follow-up points are separated by `;` or new lines; each follow-up point names its owner with `@`.
The summary may name the day it was held («holdt 6. mai», «vi møttes 6. mai», «vedteke 17. desember»,
handlers/minutes_held.py); without one the planned day is taken once it has come, else today, and the reply
says so and how to set the right day (`dato … bekreft`).
With no text, the adapter opens a form with the same fields. `referat vis <møte> [region] [år]` reads the
recorded minutes whole (handlers/minutes_read.py).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date, datetime, time, timedelta

from bot.actions.base import Acting
from bot.actions.happened import Happened
from bot.actions.minutes import (
    MeetingOutcome,
    MinutesRecorded,
    MinutesUnchanged,
    MinutesWanted,
    ReplaceAsked,
    record_minutes,
)
from bot.agreement.versions import is_example_link
from bot.context import Context
from bot.dates.text import month_name
from bot.facts.kinds import is_meeting
from bot.i18n import N_, _, ngettext
from bot.mentions import names_in
from bot.messages import Form, FormField, Outcome, Reply, Request, Visibility
from bot.model.followups import Followup, callers_closable, followups_of
from bot.model.followups_replaced import dropped_line, redated_text
from bot.model.followups_shown import followup_section, moved_due_text, unread_due_text
from bot.model.order import OUTSIDE, confirm_word, split_confirm
from bot.model.progress import progress_of
from bot.model.wheel import Item, done_word
from bot.parsing import is_placeholder, shown, typed_name
from bot.shown.replies import day_text, days_text, make_reply
from bot.state.store import DomainError
from handlers import minutes_read
from handlers.announce import ready_announcements, ready_buttons_here
from handlers.common import read_meeting
from handlers.minutes_dropped import dropped_announcements
from handlers.minutes_held import held_day, named_day
from handlers.minutes_named_owners import named_owner, unowned_note
from handlers.minutes_owners import WORD, has_owner, owned_points
from handlers.minutes_points import is_follow_up_heading, sections, split_points
from handlers.minutes_replace import replace_refusal
from handlers.minutes_told import held_before_plan_announcements, new_point_announcements, redated_announcements

EXAMPLE = N_("referat vår Godt møte, <lenke> vedtak: Felles søknad oppfølging: Sende utkast @IN")
# The form's example is typed for the meeting the form is for (never «vår» on the autumn meeting's form).
_EXAMPLE_TEXT = N_("Godt møte, <lenke> vedtak: Felles søknad oppfølging: Sende utkast @IN")
_URL = re.compile(r"https?://\S+")


def handle(request: Request, ctx: Context) -> Outcome:
    if minutes_read.wants_reading(ctx.args):
        return minutes_read.handle(ctx)
    words, confirmed = split_confirm(ctx.args.split())
    meeting = read_meeting(ctx, words, command="referat", example=EXAMPLE)
    spec, region, args = meeting.spec, meeting.region, meeting.args
    free_text = _after_words(ctx.args, skip=len(words) - len(args.rest))
    if confirmed:
        free_text = free_text.rsplit(None, 1)[0] if len(free_text.split()) > 1 else ""
    if is_placeholder(free_text):
        free_text = ""  # a suggested command typed as shown («… 2027 …», «<tekst>»): no text, so the form asks

    def outcome() -> MeetingOutcome | None:
        if request.fields:
            return _from_fields(ctx, request.fields, request=request)
        return _from_text(ctx, free_text, request=request)

    def summary() -> str:
        return (request.fields.get("sammendrag") or "") if request.fields else sections(free_text)[0]

    def held_on() -> Happened | None:
        return held_day(summary(), now=ctx.now)

    def named_on(first: date, last: date) -> Happened | None:
        """The day the text names in the meeting's window (before today), taken when no day was set."""
        day = named_day(summary(), now=ctx.now, window=(first, min(last, ctx.now.date() - timedelta(days=1))))
        return Happened(when=datetime.combine(day, time(), tzinfo=ctx.now.tzinfo)) if day else None

    try:
        result = record_minutes(
            Acting.of(ctx=ctx, request=request),
            key=spec.key,
            region=region,
            year=args.year,
            confirmed=confirmed,
            outcome=outcome,
            held_on=held_on,
            named_on=named_on,
        )
    except ReplaceAsked as asked:
        raise replace_refusal(
            asked, from_form=bool(request.fields) or not free_text.strip(), line=request.text.strip()
        ) from None
    if isinstance(result, MinutesWanted):
        region_name = ctx.config.party_name(region) if region else None
        return Outcome(reply=_form(result.item, region=region, region_name=region_name, confirmed=confirmed))
    if isinstance(result, MinutesUnchanged):
        lead = _("{item} har allerede dette referatet. Ingenting er endret.").format(item=result.item.title())
        return Outcome(reply=make_reply(title=_("Allerede registrert"), lead=lead))
    announcements = tuple(
        announcement
        for year, regions in result.newly_ready
        for announcement in ready_announcements(ctx, request=request, regions=list(regions), year=year)
    )
    announcements += dropped_announcements(ctx, request=request, item=result.item, dropped=result.dropped)
    announcements += new_point_announcements(ctx, request=request, item=result.item, new=result.new_points)
    announcements += redated_announcements(ctx, request=request, item=result.item, redated=result.redated)
    announcements += held_before_plan_announcements(
        ctx, request=request, item=result.item, planned=result.moved_from, held=result.held
    )
    return Outcome(reply=_recorded(ctx, result), announcements=announcements)


def _recorded(ctx: Context, result: MinutesRecorded) -> Reply:
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


def _after_words(text: str, *, skip: int) -> str:
    """The free text as typed (line breaks kept), after the first `skip` words."""
    rest = text.strip()
    for _skipped in range(skip):
        rest = rest.split(None, 1)[1] if len(rest.split(None, 1)) > 1 else ""
    return rest.strip()


def _from_text(ctx: Context, text: str, *, request: Request) -> dict | None:
    if not text.strip():
        return None
    summary, headed = sections(text)
    decisions = _items(";".join(body for heading, body in headed if not is_follow_up_heading(heading)))
    followup_texts = _items(";".join(body for heading, body in headed if is_follow_up_heading(heading)))
    return _outcome(
        ctx, request=request, summary=summary, link=None, decisions=decisions, followup_texts=followup_texts
    )


def _from_fields(ctx: Context, fields: Mapping[str, str], *, request: Request) -> dict | None:
    summary = (fields.get("sammendrag") or "").strip()
    link = (fields.get("lenke") or "").strip() or None
    decisions = _items(fields.get("vedtak") or "")
    followup_texts = _items(fields.get("oppfolging") or "")
    if not (summary or link or decisions or followup_texts):
        raise DomainError(_("Skjemaet var tomt. Fyll inn minst et sammendrag eller en lenke til referatet."))
    return _outcome(
        ctx, request=request, summary=summary, link=link, decisions=decisions, followup_texts=followup_texts
    )


def _items(text: str) -> list[str]:
    return [part.strip(" -•\t") for part in re.split(r"[;\n]", text) if part.strip(" -•\t")]


def _outcome(
    ctx: Context, *, request: Request, summary: str, link: str | None, decisions: list[str], followup_texts: list[str]
) -> dict:
    if link is None and (found := _URL.search(summary)):
        link = found.group(0).rstrip(".,)")
    if link and not _URL.fullmatch(link):
        raise DomainError(_("Lenken til referatet må begynne med https:// eller http://."))
    if link and is_example_link(link):  # «https://…» or example.no typed from a help text (walk 8 N5)
        raise DomainError(
            _(
                "«{link}» er et eksempel, ikke referatet; skriv lenken til det ekte referatet, eller ingen lenke."
            ).format(link=shown(link))
        )
    if re.search(r"<lenkj?e>", summary, re.IGNORECASE):
        raise DomainError(_("Skriv lenken til referatet i stedet for «<lenke>», eller ta den bort."))
    clauses = [clause for text in followup_texts for clause in split_points(ctx, text, request=request)]
    # An owner written without @ («(IN)», «ansvar: Siva», «til Kari Nordmann») is read as @ is; a point whose
    # owner cannot be read is kept without one and said in the reply (`unowned_note`), never the whole refused.
    followups = [
        point
        for clause in clauses
        for point in (
            owned_points(ctx, clause, request=request)
            if has_owner(clause)
            else [named_owner(ctx, clause, request=request)]
        )
    ]
    summary = names_in(summary, request=request, directory=ctx.directory)  # mentions read as names
    decisions = [names_in(text, request=request, directory=ctx.directory) for text in decisions]
    lines = (" ".join(line.split()) for line in summary.splitlines())  # the pasted lines kept (walk 15 N8)
    return {
        "summary": "\n".join(line for line in lines if line),
        "link": link,
        "decisions": decisions,
        "followups": followups,
    }


def _form(item: Item, *, region: str | None, region_name: str | None, confirmed: bool) -> Reply:
    submit = f"referat {item.key} {region or ''} {item.year}".replace("  ", " ")
    submit += " bekreft" if confirmed else ""
    form = Form(
        title=_("Referat"),
        submit_command=submit,
        context=" · ".join(part for part in (item.spec.name, region_name, str(item.year)) if part),
        fields=(
            FormField(name="sammendrag", label=_("Sammendrag"), multiline=True),
            FormField(name="lenke", label=_("Lenke til referat"), hint="https://…"),
            FormField(name="vedtak", label=_("Vedtak (ett per linje)"), multiline=True),
            FormField(
                name="oppfolging",
                label=_("Oppfølgingspunkter (ett per linje, med @ansvarlig)"),
                multiline=True,
                hint=_("Sende utkast @IN"),
            ),
        ),
    )
    return make_reply(
        title=_("Referat for {item}").format(item=item.title()),
        lead=_("Fyll inn skjemaet, eller skriv det på én linje: «{example}».").format(
            example=_form_example(item, region=region, confirmed=confirmed)
        ),
        form=form,
    )


def _form_example(item: Item, *, region: str | None, confirmed: bool) -> str:
    """The one-line way to fill the form, for its own meeting, region and year, so typed as shown it records
    these minutes; a form that replaces minutes is answered with `bekreft` on the line too. A decision (the
    action plan, the political treatment) is exemplified as one, not as a meeting's minutes."""
    example = _(_EXAMPLE_TEXT) if is_meeting(item) else _("Vedtatt <dag>, <lenke>")  # a decision (walk 20 F-k)
    parts = ("referat", typed_name(item.spec), region, str(item.year), example)
    line = " ".join(part for part in parts if part)
    return f"{line} {confirm_word()}" if confirmed else line
