"""Follow-up points from minutes (`oppfølging: … @IN`), followed up: each has an id people type
(`ferdig K7QM`), its owner (a party, or a person with their party) and an optional due date read from
its words («innen 15. mars», through the date grammar). Open ones show in the owner's `neste` and digest,
in the next meeting's reminder, in `status` and as a count in AU's `oversikt`; every surface calls the
functions here, so what is open, whose and overdue is decided once.

How a point is stored (id, due date, checks) is `bot.model.followups_recorded`; how a point and a list of
them are shown (its line, the «Ferdig» button, the section a reply gets), `bot.model.followups_shown`; what
`status` and AU's `oversikt` say of them, `bot.model.followups_status`.

The points live with the meeting's outcome (`outcome["followups"]`, one list per stored item), so a
replaced outcome replaces its points and the history keeps both.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date

from bot.context import Context
from bot.i18n import _
from bot.memo import IdentityMemo
from bot.model.config import AppConfig
from bot.model.followups_departed import hand_on
from bot.model.wheel import Item, milestone_item, responsible_party
from bot.state.store import StateStore, cycle_partition, national_partition
from storage.base import Document, StoreError

logger = logging.getLogger(__name__)


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
    position: int = 0
    """Its place among its minutes' points, as typed: points due the same day are listed in this order."""
    handed_on_from: str | None = None
    """The name of the person who owned it and has left its party: it is the party's now, `owner_name` the
    party's name (`bot.model.followups_departed`)."""
    closed_on: date | None = None
    """The day it was closed with `ferdig` (Oslo), shown beside the ✓ so a point closed late says so (walk 39)."""

    @property
    def closed_late(self) -> bool:
        """Closed after its due date: «ferdig 15. juni 2027, etter fristen» where the ✓ alone hid it."""
        return self.closed_on is not None and self.due is not None and self.closed_on > self.due

    @property
    def owner_shown(self) -> str:
        """The owner as every line of the point says it: «Agder fylkeskommune, overtatt etter Kari Nordmann»
        for a departed owner's point (walk 18 F3), in the written form of the reply being made."""
        if not self.owner:  # kept without one: the minutes named nobody the bot knows (handlers/minutes_named_owners)
            return _("ingen ansvarlig")
        if self.handed_on_from is None:
            return self.owner_name
        return _("{party}, overtatt etter {name}").format(party=self.owner_name, name=self.handed_on_from)

    @property
    def person_owner(self) -> tuple[str, str] | None:
        """(key, name) of the person who owns it; None where a party does, or nobody, or it was handed on."""
        if not self.owner or self.owner == self.owner_party or self.handed_on_from is not None:
            return None
        return self.owner, self.owner_name

    def overdue(self, today: date) -> bool:
        return not self.closed and self.due is not None and self.due < today


def _party_of(config: AppConfig, owner: str) -> str | None:
    if config.region(owner) or config.actor(owner) or owner == config.parties.coordinator.key:
        return owner
    person = next((p for p in config.people if p.key == owner), None)
    return person.party if person else None


def followups_of(*, config: AppConfig, state: StateStore, item: Item) -> list[Followup]:
    """The points of one item's minutes, in the order they were typed."""
    return hand_on(config=config, state=state, points=_points(config, item=item, doc=state.item_doc(item)))


def _points(config: AppConfig, *, item: Item, doc: Document) -> list[Followup]:
    outcome = doc.get("outcome") or {}
    found = []
    for position, point in enumerate(outcome.get("followups") or ()):
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
                closed_on=_day(str(point.get("closed_at") or "")[:10]),
                item=item,
                place=config.party_short(item.region) if item.region else None,
                due_unread=str(point["due_unread"]) if point.get("due_unread") else None,
                due_typed=_day(point.get("due_typed")),
                due_counted=str(point["due_counted"]) if point.get("due_counted") else None,
                made=_day(point.get("made")) or _day(str(doc.get("done_at") or "")[:10]),
                position=position,
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
    *,
    config: AppConfig,
    state: StateStore,
    today: date,
    regions: Iterable[str] | None = None,
    before: int | None = None,
    nation: bool = True,
) -> Iterator[tuple[int, str | None, str]]:
    """(year, region or None for the nation, partition) of every stored cycle up to next year's whose minutes
    may hold points: where points are read, and where a removed one is looked for. Only the cycles before
    `before` when it is given, and without the nation's when `nation` is False: a region's earlier open
    points (`bot.shown.earlier_open`) need neither the cycle just written nor the national meetings'."""
    chosen = [region.key for region in config.parties.regions] if regions is None else list(regions)
    places: list[str | None] = [None, *chosen] if nation else list(chosen)
    window = range(today.year - 1, today.year + 2 if before is None else min(today.year + 2, before))
    earlier = {year for place in places for year in state.stored_years(region=place, before=today.year - 1)}
    for year in [*sorted(year for year in earlier if before is None or year < before), *window]:
        for region in places:
            yield year, region, national_partition(year) if region is None else cycle_partition(region, year)


def all_followups(
    *, config: AppConfig, state: StateStore, today: date, regions: Iterable[str] | None = None
) -> list[Followup]:
    """Every point in the minutes of every stored cycle up to next year's (national meetings, and every
    region's or only `regions`'): one read of each cycle's milestones, an item made only where minutes hold
    points. Not a window of years: a point an earlier cycle left open stays its owner's until it is closed
    (walk 7 F13: points of 2026 vanished from `neste` and digests on 1 January 2028)."""
    cycles = stored_cycles(config=config, state=state, today=today, regions=regions)
    return followups_in(config=config, state=state, cycles=cycles)


def followups_in(
    *, config: AppConfig, state: StateStore, cycles: Iterable[tuple[int, str | None, str]]
) -> list[Followup]:
    """The points in the minutes of `cycles` (`stored_cycles`' (year, region, partition)), a departed owner's
    named as the party's: `all_followups`, or what earlier cycles left in a region (`bot.shown.earlier_open`)."""
    found: list[Followup] = []
    for year, region, partition in cycles:
        try:
            milestones = state.tables(partition).get("milestones") or {}
        except StoreError:  # a damaged partition (noted on /healthz): its points wait, the others are read
            continue
        found += _points_in(config, milestones, year=year, region=region) if milestones else ()
    return hand_on(config=config, state=state, points=found)  # a departed owner's points: the party's


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
    return [
        point
        for point in points
        if (person and point.owner == person and not point.handed_on_from) or (party and point.owner_party == party)
    ]


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


def followed_by(
    *,
    config: AppConfig,
    state: StateStore,
    today: date,
    party: str | None,
    person: str | Callable[[], str | None] | None = None,
) -> list[Followup]:
    """The open points a party (or one person of it) follows: its own, then the others' of the meetings the
    party keeps (walk 21 A3: the coordinator who handed the work out follows it, as `ferdig` lets them close
    it). The one list a person's `neste` pages and a bare `status` in an actor's or AU's channel shows whole
    (walk 26 F4); the kept ones by party alone, so a kept `neste` stays shared."""
    own = open_for(config=config, state=state, today=today, party=party, person=person)
    if not party:
        return own
    mine = {point.id for point in own}
    kept = closable_by(config=config, state=state, today=today, party=party, person=None)
    return own + [point for point in kept if point.id not in mine]


def callers_points(ctx: Context, *, today: date) -> list[Followup]:
    """The open points the person asking follows (`followed_by`). Who they are is asked only when some open
    point is a person's: a `neste` that never asked is the same for everyone of their party and role, and
    kept for them all (`bot.pipeline.personal`)."""
    caller = ctx.caller
    if not caller.known:
        return []
    return followed_by(config=ctx.config, state=ctx.state, today=today, party=caller.party, person=lambda: caller.key)


def find(*, config: AppConfig, state: StateStore, today: date, point_id: str) -> list[Followup]:
    wanted = point_id.strip().upper()
    return [point for point in all_followups(config=config, state=state, today=today) if point.id == wanted]


def may_close(config: AppConfig, point: Followup, *, parties: Iterable[str], person: str | None = None) -> bool:
    """Whether someone of `parties` (or the person `person`) may close a point: its owner (the person named,
    or a member of the owning party) or the coordinators of the meeting it came from, who keep the list. The
    one rule: `ferdig` checks it, and a reply shows a «Ferdig» button only where it holds (walk 14b F1)."""
    if person and person == point.owner:
        return True
    keeper = responsible_party(config, point.item)
    return any(party in (point.owner_party, keeper) for party in parties)


def callers_closable(ctx: Context) -> Callable[[Followup], bool]:
    """`may_close` for the person asking (their `neste`, the minutes they record)."""
    caller = ctx.caller
    parties = [caller.party] if caller.known and caller.party else []

    def closable(point: Followup) -> bool:  # the key is read only for a person's point (a shared `neste`)
        by_party = may_close(ctx.config, point, parties=parties)
        own = bool(point.owner) and point.owner != point.owner_party and point.owner == caller.key
        return by_party or (caller.known and own)

    return closable
