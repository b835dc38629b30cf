"""`referat vis <møte> [region] [år] [tidligere]`: a meeting's recorded minutes read whole, privately; with
«tidligere» the minutes later ones replaced, as the history keeps them (the replacing reply points here).

`status` and `neste` show the minutes beside the rest of the item, where a platform may have to cut a long
text (Slack's 2,000 characters per field); the fact carries this command (`Fact.more`), so the «Se hele»
pointer leads here, where the text is the whole reply and each renderer splits it into parts it can show.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from bot.context import Context
from bot.i18n import _
from bot.messages import Fact, Outcome, Section
from bot.model.followups import followups_of, place_label, point_line
from bot.model.progress import progress_of, stored_held_last_day
from bot.model.wheel import Item, milestone_item
from bot.parsing import fold, shown, typed_name
from bot.shown.replies import day_text, days_text, make_reply
from bot.state.change_log import replaced_outcomes
from bot.state.store import DomainError
from handlers import READ_WORDS
from handlers.common import read_meeting
from storage.base import Document

EXAMPLE = "referat vis vår agder 2026"
EARLIER_WORDS = ("tidligere", "tidlegare", "forrige", "førre")
"""`referat vis høst tidligere`: the replaced versions instead of the current minutes."""
LOOK_BACK = 4
"""Without a year: the newest minutes from next year's cycle back over this many years."""


def wants_reading(args: str) -> bool:
    words = args.split()
    return bool(words) and fold(words[0]) in READ_WORDS


def read_command(item: Item, *, earlier: bool = False) -> str:
    """The command that shows `item`'s minutes whole (what a cut «Referat» fact points to); `earlier`: the
    minutes it replaced."""
    parts = ("referat vis", typed_name(item.spec), item.region, str(item.year), _("tidligere") if earlier else None)
    return " ".join(part for part in parts if part)


def handle(ctx: Context) -> Outcome:
    typed = ctx.args.split()[1:]
    words = [word for word in typed if fold(word) not in {fold(w) for w in EARLIER_WORDS}]
    earlier = len(words) < len(typed)
    meeting = read_meeting(ctx, words, command="referat vis", example=EXAMPLE, writes=False)
    if meeting.args.rest:  # the example is the meeting typed, whole: typed as shown, it is read
        example = " ".join(filter(None, ("referat vis", typed_name(meeting.spec), meeting.region)))
        raise DomainError(
            _("Jeg forstod ikke «{words}». Skriv for eksempel «{example}».").format(
                words=shown(" ".join(meeting.args.rest)), example=example
            )
        )
    years = [meeting.args.year] if meeting.args.year else range(ctx.now.year + 1, ctx.now.year - LOOK_BACK, -1)
    for year in years:
        item = milestone_item(ctx.config, milestone=meeting.spec, year=year, region=meeting.region)
        outcome = ctx.state.item_doc(item).get("outcome")
        if outcome and earlier:
            return Outcome(reply=_earlier(ctx, item))
        if outcome:
            return Outcome(reply=_whole(ctx, item, outcome))
    item = _missing(ctx, meeting.spec, region=meeting.region, years=years)
    raise DomainError(_("Det er ikke registrert noe referat for {item}.").format(item=item.title()))


def _missing(ctx: Context, spec: Any, *, region: str | None, years: Any) -> Item:
    """The meeting a miss names: the typed year's, else the newest whose window has opened (this spring's
    in spring 2027, never the 2028 cycle that has nothing in it yet), else this year's."""
    items = [milestone_item(ctx.config, milestone=spec, year=year, region=region) for year in years]
    if len(items) == 1:
        return items[0]
    opened = [item for item in items if item.start <= ctx.now.date()]
    return opened[0] if opened else milestone_item(ctx.config, milestone=spec, year=ctx.now.year, region=region)


def _earlier(ctx: Context, item: Item) -> Any:
    """The minutes later writes replaced, newest first, each with when and by whom it was replaced."""
    replaced = replaced_outcomes(ctx.state, item=item)
    if not replaced:
        lead = _("{item} har ikke fått referatet erstattet; «{command}» viser det som er registrert.")
        return make_reply(
            title=_("Tidligere referat: {item}").format(item=item.title()),
            lead=lead.format(item=item.title(), command=read_command(item)),
        )
    sections = []
    for old in replaced:
        title = _("Erstattet {day} av {name}").format(day=_day(old.replaced_at), name=old.replaced_by)
        held = _("Holdt {day}").format(day=_days(old.held, old.record)) if old.held else ""
        sections.append(Section(title=title, text=held))
        sections += _sections(old.outcome)
    return make_reply(
        title=_("Tidligere referat: {item}").format(item=item.title()),
        lead=_("Gjeldende referat: «{command}».").format(command=read_command(item)),
        sections=sections,
    )


def _days(held: str, record: Document | None) -> str:
    """The day(s) the replaced minutes were recorded as held: both days of a meeting held over two (walk 13 W6)."""
    last = stored_held_last_day(dict(record)) if record else None
    try:
        return days_text(datetime.fromisoformat(held).date(), last)
    except ValueError:
        return "–"


def _day(value: str | None) -> str:
    try:
        return day_text(datetime.fromisoformat(value).date()) if value else "–"
    except ValueError:
        return "–"


def _whole(ctx: Context, item: Item, outcome: Mapping[str, Any]) -> Any:
    """The minutes whole; each follow-up point in the words `status` gives it (owner, due date, id, closed
    ones ticked: walk 8 N2), so an adviser who opens the minutes learns when a task is due and what to type."""
    points = followups_of(config=ctx.config, state=ctx.state, item=item)
    lines = [f"• {point_line(point, today=ctx.now.date())}" for point in points]
    # its region and the day it was held, as the announcements and `status` name it (walk 26 F2: an adviser
    # with two regions open had only his own command to tell whose minutes he read)
    place = ctx.config.party_short(item.region) if item.region else None
    progress = progress_of(config=ctx.config, state=ctx.state, item=item)
    held = (
        _("Holdt {day}").format(day=days_text(progress.done_at.date(), progress.held_last_day)) + "."
        if progress.done_at
        else None
    )
    return make_reply(
        title=_("Referat: {item}").format(item=place_label(item, place=place)),
        sections=_sections(outcome, points=lines),
        context=held,  # beside the minutes, never in their text (a reader copies them whole)
    )


def _sections(outcome: Mapping[str, Any], *, points: list[str] | None = None) -> list[Section]:
    """The sections of minutes; `points` are the current follow-up points' lines (replaced minutes, and
    minutes recorded before points had ids, show the points as they were written)."""
    sections = [Section(title="", text=outcome.get("summary") or "–")]  # alone, so no platform cuts it
    if outcome.get("link"):
        sections.append(Section(title="", facts=(Fact(_("Lenke"), outcome["link"]),)))
    if outcome.get("decisions"):
        sections.append(Section(title=_("Vedtak"), text="\n".join(f"• {d}" for d in outcome["decisions"])))
    if outcome.get("followups"):
        lines = points or [_written_line(point) for point in outcome["followups"]]
        sections.append(Section(title=_("Oppfølging"), text="\n".join(lines)))
    return sections


def _written_line(point: Mapping[str, Any]) -> str:
    """A point as the replaced (or id-less) minutes kept it: its words, owner and deadline, «• Tal (Norges
    forskningsråd, innen 1. desember 2026)», as the current minutes show theirs (walk 17 F-f)."""
    details = [str(point.get("owner_name") or point.get("owner") or "")]
    if point.get("due") and (due := _day(str(point["due"]))) != "–":
        details.append(_("innen {day}").format(day=due))
    return f"• {point.get('text')} ({', '.join(details)})"
