"""Follow-up points from minutes (`oppfølging: … @IN`), followed up: each has an id people type
(`ferdig K7QM`), its owner (a party, or a person with their party) and an optional due date read from
its words («innen 15. mars», through the date grammar). Open ones show in the owner's `neste` and digest,
in the next meeting's reminder, in `status` and as a count in AU's `oversikt`; every surface calls the
functions here, so what is open, whose and overdue is decided once.

The points live with the meeting's outcome (`outcome["followups"]`, one list per stored item), so a
replaced outcome replaces its points and the history keeps both.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import TYPE_CHECKING

from bot.context import Context
from bot.i18n import _, ngettext
from bot.memo import IdentityMemo
from bot.messages import Button, Fact, Reply, Section
from bot.model.config import AppConfig
from bot.model.order import confirm_word
from bot.model.wheel import Item, milestone_item, responsible_party
from bot.shown.replies import day_text, make_reply
from bot.state.store import DomainError, StateStore, cycle_partition, national_partition
from storage.base import Document, StoreError

if TYPE_CHECKING:
    from bot.dates.deadline import Due

logger = logging.getLogger(__name__)

ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
"""No 0/O, 1/I/L: an id is read off a screen and typed."""
ID_LENGTH = 4
SHOW = 5
"""At most this many points (and their buttons) in one reply; the rest are counted."""
_SAME = ("text", "owner", "owner_name", "owner_party")


@dataclass(frozen=True)
class Followup:
    """One follow-up point, where it was decided and whether it is closed."""

    id: str
    text: str
    owner: str
    """A party code (`IN`, `agder`) or a person's key."""
    owner_name: str
    owner_party: str | None
    """The owner's party: the party itself, or the person's party when known."""
    due: date | None
    closed: bool
    item: Item
    """The meeting (or treatment) whose minutes hold it."""
    place: str | None = None
    """The region whose meeting it came from («Vestland»), shown with the meeting wherever the point goes
    (an actor's `neste` and digest hold points of many regions); None for national meetings."""
    due_unread: str | None = None
    """The words after «innen» when they are not one date («31. februar»): kept without a due date."""
    due_typed: date | None = None
    """The day typed when it was no working day, so `due` is the working day before («innen 1.1.»)."""
    due_counted: str | None = None
    """The words of a deadline counted from the meeting's day («to uker»), said in the reply."""
    made: date | None = None
    """The day the point was recorded (its minutes' day for points stored before it was kept): a reminder
    of it due before then is not sent late, the reply that recorded it said it all."""

    def overdue(self, today: date) -> bool:
        return not self.closed and self.due is not None and self.due < today


def new_id(*, seed: str, taken: set[str]) -> str:
    """A short id from the point's place and words, not yet used where it is stored."""
    for attempt in range(100):
        digest = hashlib.sha256(f"{seed}:{attempt}".encode()).digest()
        candidate = "".join(ALPHABET[b % len(ALPHABET)] for b in digest[:ID_LENGTH])
        if candidate not in taken:
            return candidate
    raise RuntimeError("no free follow-up id")  # 31**4 ids: never reached in practice


def due_phrase(text: str) -> str | None:
    """The date-looking words a point gives as its deadline when none was read as a date («31. februar» in
    «… innen 31. februar», «15. oktober» with no deadline word), or None: `bot.dates.deadline`."""
    from bot.dates.deadline import unread_deadline

    return unread_deadline(text)


def due_from(text: str, *, now: datetime) -> Due | None:
    """The due date in the point's words («innen 15. mars», «senest fredag», «før 1. oktober», «innen jul»: a
    period's last working day), read by the date grammar (`bot.dates.deadline.due_in`), with the words left
    when its phrase is taken out; None when there is none or it is not one date."""
    from bot.dates.deadline import due_in  # the grammar loads only when a point names a date

    return due_in(text, now=now)


def stamp(points: list[Document], *, now: datetime, held: datetime, seed: str) -> list[Document]:
    """Points as the action stores them: each with its id and due date (kept when already there). A due date
    is read from the meeting's day `held`: the deadlines were agreed there, so minutes written late keep them
    («innen 1. desember» of a meeting on 26 November is that 1 December, never a year on)."""
    taken = {str(point["id"]) for point in points if point.get("id")}
    stamped = []
    for index, point in enumerate(points):
        point = dict(point)
        if not point.get("id"):
            point["id"] = new_id(seed=f"{seed}:{index}:{point.get('text')}:{point.get('owner')}", taken=taken)
            point["made"] = now.date().isoformat()
            taken.add(point["id"])
        if "due" not in point:  # the date is kept as a date, and the words without it (shown «innen …»)
            found = due_from(str(point.get("text", "")), now=min(held, now))
            point["due"] = found.day.isoformat() if found else None
            if found and found.moved_from:  # «innen 1.1.»: the working day before, and the reply says so
                point["due_typed"] = found.moved_from.isoformat()
            if found and found.counted:  # «innen to uker»: from the meeting's day, and the reply says so
                point["due_counted"] = found.counted
            if found:
                point["typed"], point["text"] = point.get("text"), found[1] or point.get("text")
            elif (phrase := due_phrase(str(point.get("text", "")))) is not None:
                point["due_unread"] = phrase  # kept without a due date; the reply says so
        stamped.append(point)
    return stamped


def require_sound_points(points: list[Document], *, now: datetime, held: datetime, confirmed: bool) -> None:
    """A point says what is to be done: «oppfølging: @IN innen 1. mai» has only a deadline and is refused.
    Its date is read from the meeting's day `held` (see `stamp`); one before that day is most likely a slip
    («innen forrige uke»): asked, and `bekreft` stores it. One between the meeting and today was agreed at
    the meeting and is kept: the reply shows it «på overtid»."""
    since = min(held, now)
    for point in points:
        text = str(point.get("text", ""))
        found = due_from(text, now=since)
        if not (found[1] if found else text).strip(" .,;:-"):
            raise DomainError(
                _(
                    "Oppfølgingspunktet «{text}» mangler tekst: hva skal gjøres? "
                    "Skriv f.eks. «oppfølging: Sende utkast @IN innen 1. mai»."
                ).format(text=text)
            )
        if found and found[0] < since.date() and not confirmed:
            raise DomainError(
                _(
                    "Fristen for «{text}» ({day}) er allerede passert. Skriv en frist fram i tid, eller det samme "
                    "med «{confirm}» til slutt for å lagre punktet som forsinket."
                ).format(text=found[1], day=day_text(found[0]), confirm=confirm_word())
            )


def same_points(first: Iterable[Document], second: Iterable[Document]) -> bool:
    """The same points as typed (ids, due dates and closings aside)."""

    return list(map(typed_point, first)) == list(map(typed_point, second))


def typed_point(point: Document) -> dict:
    """A point as it was typed: its words and owner (its id, due date and closing aside)."""
    return {**{k: point.get(k) for k in _SAME}, "text": point.get("typed") or point.get("text")}


def _party_of(config: AppConfig, owner: str) -> str | None:
    if config.region(owner) or config.actor(owner) or owner == config.parties.coordinator.key:
        return owner
    person = next((p for p in config.people if p.key == owner), None)
    return person.party if person else None


def followups_of(*, config: AppConfig, state: StateStore, item: Item) -> list[Followup]:
    """The points of one item's minutes, in the order they were typed."""
    return _points(config, item=item, doc=state.item_doc(item))


def _points(config: AppConfig, *, item: Item, doc: Document) -> list[Followup]:
    outcome = doc.get("outcome") or {}
    found = []
    for point in outcome.get("followups") or ():
        if not isinstance(point, dict) or not point.get("id"):
            continue  # minutes recorded before points had ids: shown in `status` as before
        due_day = _day(point.get("due"))
        owner = str(point.get("owner", ""))
        party = point.get("owner_party")
        found.append(
            Followup(
                id=str(point["id"]),
                text=str(point.get("text", "")),
                owner=owner,
                owner_name=str(point.get("owner_name") or owner),
                owner_party=str(party) if party else _party_of(config, owner),
                due=due_day,
                closed=bool(point.get("closed_at")),
                item=item,
                place=config.party_short(item.region) if item.region else None,
                due_unread=str(point["due_unread"]) if point.get("due_unread") else None,
                due_typed=_day(point.get("due_typed")),
                due_counted=str(point["due_counted"]) if point.get("due_counted") else None,
                made=_day(point.get("made")) or _day(str(doc.get("done_at") or "")[:10]),
            )
        )
    return found


def _day(value: object) -> date | None:
    """A stored ISO day, or None when it is missing or not one (a hand-edited value never breaks a read)."""
    try:
        return date.fromisoformat(value) if isinstance(value, str) and value else None
    except ValueError:
        return None


def stored_cycles(
    *, config: AppConfig, state: StateStore, today: date, regions: Iterable[str] | None = None
) -> Iterator[tuple[int, str | None, str]]:
    """(year, region or None for the nation, partition) of every stored cycle up to next year's whose minutes
    may hold points: where points are read, and where a removed one is looked for."""
    chosen = [region.key for region in config.parties.regions] if regions is None else list(regions)
    places: list[str | None] = [None, *chosen]
    window = range(today.year - 1, today.year + 2)
    earlier = {year for place in places for year in state.stored_years(region=place, before=window.start)}
    for year in [*sorted(earlier), *window]:
        for region in places:
            yield year, region, national_partition(year) if region is None else cycle_partition(region, year)


def all_followups(
    *, config: AppConfig, state: StateStore, today: date, regions: Iterable[str] | None = None
) -> list[Followup]:
    """Every point in the minutes of every stored cycle up to next year's (national meetings, and every
    region's or only `regions`'): one read of each cycle's milestones, an item made only where minutes hold
    points. Not a window of years: a point an earlier cycle left open stays its owner's until it is closed
    (walk 7 F13: points of 2026 vanished from `neste` and digests on 1 January 2028)."""
    found: list[Followup] = []
    for year, region, partition in stored_cycles(config=config, state=state, today=today, regions=regions):
        try:
            milestones = state.tables(partition).get("milestones") or {}
        except StoreError:  # a damaged partition (noted on /healthz): its points wait, the others are read
            continue
        found += _points_in(config, milestones, year=year, region=region) if milestones else ()
    return found


def _points_in(config: AppConfig, milestones: dict, *, year: int, region: str | None) -> tuple[Followup, ...]:
    """The points in one partition's minutes: kept by its stored milestones table (a store never mutates
    it; `storage.fragments.share_unchanged` keeps it the same object across a write of another table), since
    AU's and an actor's `neste` scan every region's cycles and one write changes one partition."""
    kept = _IN_TABLE.get(milestones, (year, region))
    if kept is not None and kept[0] is config:
        return kept[1]
    found: list[Followup] = []
    for key, doc in milestones.items():
        if not isinstance(doc, dict) or not (doc.get("outcome") or {}).get("followups"):
            continue
        spec = config.milestone(key)
        if spec is not None:
            found += _points(config, item=milestone_item(config, milestone=spec, year=year, region=region), doc=doc)
    return _IN_TABLE.put(milestones, (config, tuple(found)), (year, region))[1]


_IN_TABLE: IdentityMemo[tuple[AppConfig, tuple[Followup, ...]]] = IdentityMemo(maxsize=4096)


def open_for(
    *,
    config: AppConfig,
    state: StateStore,
    today: date,
    party: str | None,
    person: str | Callable[[], str | None] | None = None,
) -> list[Followup]:
    """The open points a party (or one person) owns: the owner's `neste` and digest. `person` may be asked
    for only when some open point is a person's (`callers_points`).

    A region's points come from its own meetings and the national ones (a regional meeting is the region's
    with the actors, §3), so a county's `neste` reads its own cycles, not every region's; an actor's or
    AU's come from every region."""
    regions = [party] if party and config.region(party) else None
    points = [
        point for point in all_followups(config=config, state=state, today=today, regions=regions) if not point.closed
    ]
    if callable(person):  # a party's own point has the party as its owner; any other owner is a person
        person = person() if any(point.owner != point.owner_party for point in points) else None
    return [point for point in points if (person and point.owner == person) or (party and point.owner_party == party)]


def closable_by(
    *, config: AppConfig, state: StateStore, today: date, party: str | None, person: str | None
) -> list[Followup]:
    """The open points a party (or one person) may close (`may_close`): its own, and for a meeting's
    coordinators every point of that meeting (`ferdig` alone lists them: walk 14b C5)."""
    regions = [party] if party and config.region(party) else None
    parties = [party] if party else []
    return [
        point
        for point in all_followups(config=config, state=state, today=today, regions=regions)
        if not point.closed and may_close(config, point, parties=parties, person=person)
    ]


def callers_points(ctx: Context, *, today: date) -> list[Followup]:
    """The open points the person asking owns, by name or through their party (their `neste`). Who they
    are is asked only when some open point is a person's: a `neste` that never asked is the same for
    everyone of their party and role, and kept for them all (`bot.pipeline.personal`)."""
    caller = ctx.caller
    if not caller.known:
        return []
    return open_for(config=ctx.config, state=ctx.state, today=today, party=caller.party, person=lambda: caller.key)


def find(*, config: AppConfig, state: StateStore, today: date, point_id: str) -> list[Followup]:
    wanted = point_id.strip().upper()
    return [point for point in all_followups(config=config, state=state, today=today) if point.id == wanted]


def count_text(*, config: AppConfig, state: StateStore, today: date) -> str:
    """AU's `oversikt`: how many follow-up points are open, and how many of them are overdue ("" for none)."""
    points = [point for point in all_followups(config=config, state=state, today=today) if not point.closed]
    if not points:
        return ""
    late = sum(point.overdue(today) for point in points)
    text = ngettext("{n} åpent oppfølgingspunkt", "{n} åpne oppfølgingspunkter", len(points)).format(n=len(points))
    return text + (" " + _("({n} på overtid)").format(n=late) if late else "") + "."


def point_line(point: Followup, *, today: date) -> str:
    """«Sende utkast (IN, innen 15. mars, på overtid) [K7QM]», or «✓ …» when closed."""
    details = [point.owner_name]
    if point.due:
        details.append(_("innen {day}").format(day=day_text(point.due)))
    if point.overdue(today):
        details.append(_("på overtid"))
    line = f"{point.text} ({', '.join(details)}) [{point.id}]"
    return f"✓ {line}" if point.closed else line


def status_lines(*, config: AppConfig, state: StateStore, item: Item, today: date) -> tuple[str, ...]:
    """The points of an item's minutes as `status` says them, closed ones ticked, one line each: chat joins
    them, the status page lists them (walk 9 W3: the page showed none while chat said two were overdue)."""
    return tuple(point_line(point, today=today) for point in followups_of(config=config, state=state, item=item))


def status_text(*, config: AppConfig, state: StateStore, item: Item, today: date) -> str | None:
    """The points of an item's minutes for `status`, closed ones ticked; None when there are none with ids."""
    return "; ".join(status_lines(config=config, state=state, item=item, today=today)) or None


def meeting_label(point: Followup) -> str:
    """«Administrativt dialogmøte høst 2026 – Vestland»: the meeting and its region, so a point read outside
    the region's channel (an actor's `neste`, a digest) says where it was decided."""
    return f"{point.item.title()} – {point.place}" if point.place else point.item.title()


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


def may_close(config: AppConfig, point: Followup, *, parties: Iterable[str], person: str | None = None) -> bool:
    """Whether someone of `parties` (or the person `person`) may close a point: its owner (the person named,
    or a member of the owning party) or the coordinators of the meeting it came from, who keep the list. The
    one rule: `ferdig` checks it, and a reply shows a «Ferdig» button only where it holds (walk 14b F1)."""
    if person is not None and person == point.owner:
        return True
    keeper = responsible_party(config, point.item)
    return any(party in (point.owner_party, keeper) for party in parties)


def callers_closable(ctx: Context) -> Callable[[Followup], bool]:
    """`may_close` for the person asking (their `neste`, the minutes they record)."""
    caller = ctx.caller
    parties = [caller.party] if caller.known and caller.party else []

    def closable(point: Followup) -> bool:  # the key is read only for a person's point (a shared `neste`)
        by_party = may_close(ctx.config, point, parties=parties)
        return by_party or (caller.known and point.owner != point.owner_party and point.owner == caller.key)

    return closable


def close_button(point: Followup) -> Button:
    return Button(label=_("Ferdig: {id}").format(id=point.id), command=f"ferdig {point.id}")


def followup_section(
    points: list[Followup], *, today: date, closable: Callable[[Followup], bool]
) -> tuple[Section, tuple[Button, ...]] | None:
    """«Oppfølgingspunkter» with one line each (overdue and soonest first) and a «Ferdig» button for each open
    one its readers may close (`closable`, from `may_close`): a point of another party rides along with its
    meeting's reminder without a button that would only be refused (a closed point carried over into replaced
    minutes is ticked, with nothing to press)."""
    if not points:
        return None
    ordered = sorted(points, key=lambda p: (not p.overdue(today), p.due or date.max, p.id))
    shown = ordered[:SHOW]
    facts = tuple(Fact(meeting_label(point), point_line(point, today=today)) for point in shown)
    more = len(ordered) - len(shown)
    text = (
        _("… og {n} til (skriv «{command}»).").format(n=more, command=_rest_command(ordered[SHOW:])) if more else None
    )
    buttons = tuple(close_button(point) for point in shown if not point.closed and closable(point))
    return Section(title=_("Oppfølgingspunkter"), facts=facts, text=text), buttons


def _rest_command(rest: list[Followup]) -> str:
    """Where the points not shown are listed for any reader: a region's `status` (an actor's channel has no
    region of its own, so a bare «status» there only asks «Hvilken region?»)."""
    places = sorted({point.place for point in rest if point.place})
    if not places:
        return "status"
    return f"status {places[0].lower()}"


def with_followups(
    reply: Reply,
    points: list[Followup],
    *,
    today: date,
    closable: Callable[[Followup], bool],
    at: int | None = None,
) -> Reply:
    """A reply (`neste`, a digest, a meeting's reminder) with the open points added at the end, or before the
    body's section `at` (`neste` puts the asker's own points with its own work, before «Ellers»: walk 14b F3)."""
    found = followup_section(points, today=today, closable=closable)
    if found is None:
        return reply
    section, buttons = found
    lead = reply.sections[0].text if reply.sections and not reply.sections[0].title else None
    body = reply.sections[1:] if lead is not None else reply.sections
    place = len(body) if at is None else at
    built = make_reply(
        title=reply.title,
        lead=lead,
        sections=(*body[:place], section, *body[place:]),
        buttons=(*reply.buttons, *buttons),  # one per point shown (at most SHOW): never dropped behind others
        context=reply.context,
        visibility=reply.visibility,
        form=reply.form,
    )
    return replace(built, mentions=reply.mentions, ok=reply.ok, picture=reply.picture, lang=reply.lang)
