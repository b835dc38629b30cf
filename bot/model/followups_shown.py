"""How follow-up points are shown: a point's line («Sende utkast (IN, innen 15. mars) [K7QM]»), the meeting
it came from, the «Ferdig» button, the one order and pages of a list, and the «Oppfølgingspunkter» section
added to `neste`, a digest or a meeting's reminder. What is open, whose and overdue is
`bot.model.followups`; every surface shows points through these, so a point reads the same everywhere.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import replace
from datetime import date

from bot.i18n import _, ngettext
from bot.messages import Button, Fact, Reply, Section
from bot.model.followups import Followup
from bot.model.wheel import Item
from bot.shown.replies import day_text, make_reply

logger = logging.getLogger(__name__)

SHOW = 5
"""At most this many points (and their buttons) in one reply; the rest are counted."""


def point_line(point: Followup, *, today: date) -> str:
    """«Sende utkast (IN, innen 15. mars, på overtid) [K7QM]», or «✓ … (IN, innen 15. mars, ferdig 20. mars, etter
    fristen) [K7QM]» when closed."""
    details = [point.owner_shown]
    if point.due:
        details.append(_("innen {day}").format(day=day_text(point.due)))
    if point.overdue(today):
        details.append(_("på overtid"))
    if point.closed and point.closed_on is not None:  # when, and whether it was late (walk 39 F8)
        details.append(_("ferdig {day}").format(day=day_text(point.closed_on)))
        if point.closed_late:
            details.append(_("etter fristen"))
    line = f"{point.text} ({', '.join(details)}) [{point.id}]"
    return f"✓ {line}" if point.closed else line


def meeting_label(point: Followup) -> str:
    """«Administrativt dialogmøte høst 2026 – Vestland»: the meeting and its region, so a point read outside
    the region's channel (an actor's `neste`, a digest) says where it was decided."""
    return place_label(point.item, place=point.place)


def place_label(item: Item, *, place: str | None) -> str:
    """An item's title with its region's short name, «… høst 2026 – Vestland» (a national one's alone): the
    minutes read and the points closed name the region too (walk 26 F2)."""
    return f"{item.title()} – {place}" if place else item.title()


def unread_due_text(points: Iterable[Followup]) -> str | None:
    """The warning for points whose «innen …» was not one date (kept without a due date), or None."""
    unread = [point for point in points if point.due_unread]
    if not unread:
        return None
    phrases = ", ".join(f"«{point.due_unread}» [{point.id}]" for point in unread)
    return ngettext(
        "Fristen {phrases} er ikke en dato jeg kan lese, så punktet er lagret uten frist; "
        "skriv f.eks. «innen 15. mars».",
        "Fristene {phrases} er ikke datoer jeg kan lese, så punktene er lagret uten frist; "
        "skriv f.eks. «innen 15. mars».",
        len(unread),
    ).format(phrases=phrases)


def moved_due_text(points: Iterable[Followup]) -> str | None:
    """What became of deadlines typed on a day off («innen 1.1.»): the working day before, said (walk 11 M6)."""
    moved = [point for point in points if point.due_typed and point.due and not point.closed]
    if not moved:
        return None
    return " ".join(
        _("Fristen {typed} [{id}] er ikke en arbeidsdag, så den er satt til {due}.").format(
            typed=day_text(point.due_typed), id=point.id, due=day_text(point.due)
        )
        for point in moved
        if point.due_typed and point.due
    )


def close_button(point: Followup) -> Button:
    return Button(label=_("Ferdig: {id}").format(id=point.id), command=f"ferdig {point.id}")


def ordered(points: Iterable[Followup], *, today: date) -> list[Followup]:
    """The one order of a list of points, overdue and soonest first: every page of it and every full list.
    Points due the same day keep the order they come in, which for one meeting is the order its minutes typed
    them (`followups_of`), as `status` and `referat vis` list them: a sort on the random ids made a numbered
    list of 30 read «29, 2, 5, 18, 3» in the reply and `neste` (walk 35)."""
    return sorted(points, key=lambda p: (not p.overdue(today), p.due or date.max))


def point_pages(points: list[Followup]) -> int:
    """How many pages of `SHOW` a list of points fills (`neste side 2` shows the next: walk 26 F4)."""
    return -(-len(points) // SHOW)


def followup_section(
    points: list[Followup],
    *,
    today: date,
    closable: Callable[[Followup], bool],
    page: int = 1,
    more_command: Callable[[int], str] | None = None,
) -> tuple[Section, tuple[Button, ...]] | None:
    """«Oppfølgingspunkter» with one line each (overdue and soonest first) and a «Ferdig» button for each open
    one its readers may close (`closable`, from `may_close`): a point of another party rides along with its
    meeting's reminder without a button that would only be refused (a closed point carried over into replaced
    minutes is ticked, with nothing to press). `page` shows that page of `SHOW`; a cut list names the command
    that shows the rest: `more_command(next page)` where the reader's own list pages (`neste side 2`), else
    `status` where this reader's points are listed whole (walk 26 F4)."""
    listed = ordered(points, today=today)
    start = (page - 1) * SHOW
    shown = listed[start : start + SHOW]
    if not shown:
        return None
    facts = tuple(Fact(meeting_label(point), point_line(point, today=today)) for point in shown)
    rest = listed[start + SHOW :]
    command = more_command(page + 1) if more_command else rest_command(rest)
    text = _("… og {n} til (skriv «{command}»).").format(n=len(rest), command=command) if rest else None
    buttons = tuple(close_button(point) for point in shown if not point.closed and closable(point))
    if rest and more_command:  # the page typed in the text is a button too, as «Viser 5 av 7» has (walk 31 F5)
        buttons = (*buttons, Button(label=_("Side {page}").format(page=page + 1), command=command))
    return Section(title=_("Oppfølgingspunkter"), facts=facts, text=text), buttons


def rest_command(rest: list[Followup]) -> str:
    """Where the points not shown are listed for any reader: a region's `status` for its meetings' points; a
    bare `status` for a national meeting's, which in an actor's or AU's channel lists the channel's party's
    points whole (`handlers.status_points`)."""
    places = {point.place for point in rest}
    if len(places) == 1 and None not in places:
        return f"status {next(iter(places)).lower()}"
    return "status"


def with_followups(
    reply: Reply,
    points: list[Followup],
    *,
    today: date,
    closable: Callable[[Followup], bool],
    at: int | None = None,
    page: int = 1,
    more_command: Callable[[int], str] | None = None,
) -> Reply:
    """A reply (`neste`, a digest, a meeting's reminder) with the open points added at the end, or before the
    body's section `at` (`neste` puts the asker's own points with its own work, before «Ellers»: walk 14b F3)."""
    found = followup_section(points, today=today, closable=closable, page=page, more_command=more_command)
    if found is None:
        return reply
    section, buttons = found
    return with_section(reply, section, buttons=buttons, at=at)


def with_section(reply: Reply, section: Section, *, buttons: tuple[Button, ...], at: int | None = None) -> Reply:
    """`reply` with `section` added at the end (or before the body's section `at`) and its buttons after the
    reply's own; the rest of the reply as it was."""
    lead = reply.sections[0].text if reply.sections and not reply.sections[0].title else None
    body = reply.sections[1:] if lead is not None else reply.sections
    place = len(body) if at is None else at
    built = make_reply(
        title=reply.title,
        lead=lead,
        sections=(*body[:place], section, *body[place:]),
        # one per point shown (at most SHOW): never dropped behind others; a page button the reply has once
        buttons=(*reply.buttons, *(b for b in buttons if b.command not in {own.command for own in reply.buttons})),
        context=reply.context,
        visibility=reply.visibility,
        form=reply.form,
    )
    return replace(built, mentions=reply.mentions, ok=reply.ok, picture=reply.picture, lang=reply.lang)
