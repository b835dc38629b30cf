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
    MinutesUnchanged,
    MinutesWanted,
    ReplaceAsked,
    record_minutes,
)
from bot.agreement.versions import is_example_link
from bot.context import Context
from bot.i18n import N_, _
from bot.mentions import names_in
from bot.messages import FORMLESS, Outcome, Request
from bot.model.order import split_confirm
from bot.parsing import is_placeholder, shown
from bot.shown.replies import make_reply
from bot.state.store import DomainError
from handlers import minutes_read
from handlers.announce import ready_announcements
from handlers.common import read_meeting
from handlers.minutes_dropped import dropped_announcements
from handlers.minutes_form import minutes_form
from handlers.minutes_held import held_day, named_day
from handlers.minutes_named_owners import named_owner
from handlers.minutes_owners import has_owner, owned_points
from handlers.minutes_points import is_follow_up_heading, sections, split_points
from handlers.minutes_replace import replace_refusal
from handlers.minutes_reply import recorded_reply
from handlers.minutes_told import held_before_plan_announcements, new_point_announcements, redated_announcements

EXAMPLE = N_("referat vår Godt møte, <lenke> vedtak: Felles søknad oppfølging: Sende utkast @IN")
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
        forms = request.platform not in FORMLESS
        form = minutes_form(result.item, region=region, region_name=region_name, confirmed=confirmed, forms=forms)
        return Outcome(reply=form)
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
    return Outcome(reply=recorded_reply(ctx, result=result), announcements=announcements)


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
