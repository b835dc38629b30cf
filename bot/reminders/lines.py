"""What one reminder says: a `DigestLine` (what, which region, by when, who acts, the one action), worded
once here for every platform, and the digest group it goes in (`SECTION_ORDER`). The planner
(`bot.reminders.planner`) decides which reminders are due; `bot.reminders.digest` puts a channel's lines into one message."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING, Literal

from bot.agreement.signing import late_breaches, opens_text, sign_button, signing_open
from bot.agreement.versions import NO_TEXT_YET, current_version, earlier_signatures
from bot.clock import OSLO
from bot.dates.text import clock_text
from bot.facts.assignment_answers import assignment_answers
from bot.facts.item_state import item_state, on_time_until
from bot.facts.kinds import is_action_plan, is_assignments, is_decided_elsewhere, is_meeting, is_signing
from bot.facts.text_due import text_due_after
from bot.i18n import _
from bot.messages import Button, ItemState
from bot.model.config import AppConfig
from bot.model.order import confirm_word
from bot.model.progress import Progress, earlier_missing, missing_for_signing
from bot.model.wheel import Item, record_command, responsible_party
from bot.parsing import typed_name
from bot.shown.plan_period import plan_period_reminder
from bot.shown.replies import day_text, days_phrase, days_text
from bot.state.store import StateStore

if TYPE_CHECKING:
    from bot.reminders.schedule import Occurrence

logger = logging.getLogger(__name__)

SectionKey = Literal["overdue", "waiting", "minutes", "week", "coming"]
SECTION_ORDER: tuple[SectionKey, ...] = ("overdue", "waiting", "minutes", "week", "coming")
"""«Venter på referat» («minutes») holds a meeting that was held and lacks its minutes: under «Denne uken» a
meeting held last week read as one still to come (walk 22, N3)."""
AnchorKind = Literal["planned", "suggested", "deadline"]


@dataclass(frozen=True)
class DigestLine:
    """One reminder as one line of a digest: what, which region, by when, who acts, the one action."""

    section: SectionKey
    region: str | None
    label: str
    """`Agder · Dialogmøte vår 2027`."""
    value: str
    """`møtet 22. april 2027 (om 14 dager). Agder kaller inn: «referat …»`."""
    button: Button | None = None
    state: ItemState | None = None
    """The item's state today (`bot.facts.item_state`), carried into the digest beside the words."""
    order: tuple[str, int] | None = None
    """Where it stands among its digest section's lines when not by its label: a follow-up point's by its
    deadline and its place in its minutes, not by its random id (walk 35 F4)."""

    @property
    def text(self) -> str:
        return f"{self.label}: {self.value}"


def digest_line(
    *,
    config: AppConfig,
    state: StateStore,
    progress: Progress,
    occurrence: Occurrence,
    anchor: tuple[date, AnchorKind],
    party: str,
    today: date,
    late: bool,
    blockers: list[Item] | None = None,
    first: bool | None = None,
) -> DigestLine:
    """What one reminder says, as one line: computed once here, shown by every platform. `anchor` is the
    day the leads count back from and what it is (`Planner.anchor`); `first`: nothing of the item was sent
    before, so the line names who takes part (None: the occurrence's own `first`)."""
    item = progress.item
    region = config.party_short(item.region) if item.region else (item.actor or _("Nasjonalt"))
    label = f"{region} · {item_label(item).replace(f' {item.actor} (', ' (') if item.actor else item_label(item)}"
    when = _when(progress, occurrence, anchor=anchor, today=today)
    shared = False
    button: Button | None = None
    if is_signing(item):
        if blockers is None:
            blockers = missing_for_signing(config=config, state=state, signing=item)
        action, button, shared = _signing_action(
            config,
            state,
            item=item,
            party=party,
            blockers=blockers,
            missing=progress.missing,
            today=today,
        )
        if shared:
            label = _("Alle regioner · {item}").format(item=item_label(item))
        if occurrence.kind == "opens":  # sent only when nothing blocks (the planner)
            opened = _("klar til signering fra i dag, frist {day} ({until})")
            if item.region and current_version(state, region=item.region, year=item.year) is None:
                # Not ready without a text: the window opens, but nothing can be signed yet (walk 24 F8)
                opened = _("signeringen åpner i dag, men venter på avtaleteksten; frist {day} ({until})")
            when = opened.format(day=day_text(item.deadline), until=days_phrase(deadline=item.deadline, today=today))
    else:
        waits_on = (
            earlier_missing(config=config, state=state, precondition=item) if item.kind == "precondition" else None
        )
        action = _action(config, progress, occurrence, party=party, today=today, waits_on=waits_on, state=state)
    value = f"{when}. {action[:1].upper()}{action[1:]}."
    if is_action_plan(item):  # the plan it belongs to may have run out: then the coordinator sets the next
        ended = plan_period_reminder(config=config, state=state, region=item.region or "", year=item.year)
        value += f" {ended}" if ended else ""
    if (occurrence.first if first is None else first) and getattr(item.spec, "participants", ""):
        value += " " + _("Deltakere: {who}.").format(who=item.spec.participants)
    if party == item.region and text_due_after(config=config, state=state, item=item, today=today):
        value += " " + _(NO_TEXT_YET)  # the text every signature waits on is the region's, due now (walk 16 F2)
    if late:
        value += " (" + _("Sendt for sent: skulle gått ut {day}.").format(day=day_text(occurrence.day)) + ")"
    section = section_of(item, occurrence, progress=progress, today=today)
    # A signing past its deadline stays under «Forsinket» also where the party's own part is a decision others
    # make (AU and the state budget): the agreements are late for the regions and actors, and the state
    # budget's own line waits under «Venter på vedtak andre gjør» (walk 7 F3).
    return DigestLine(
        section=section,
        region=None if shared else item.region,
        label=label,
        value=value,
        button=button,
        state=item_state(config=config, progress=progress, today=today),
    )


def _when(progress: Progress, occurrence: Occurrence, *, anchor: tuple[date, AnchorKind], today: date) -> str:
    """By when: the deadline, the planned meeting, the suggested month, or how long it has been late."""
    item = progress.item
    anchor_day, anchored_on = anchor
    # A fact others decide (the state budget is adopted by the Storting): AU only records it.
    decided_elsewhere = is_decided_elsewhere(item)
    deadline, until = day_text(item.deadline), days_phrase(deadline=item.deadline, today=today)
    if occurrence.kind == "still-overdue":
        since = day_text(on_time_until(progress) + timedelta(days=1))
        late = _("ikke registrert siden {day}") if decided_elsewhere else _("fortsatt forsinket siden {day}")
        return late.format(day=since)
    if occurrence.overdue:
        due = _("ventet innen {day} ({until})") if decided_elsewhere else _("frist var {day} ({until})")
        return due.format(day=deadline, until=until)
    if occurrence.kind == "minutes" and progress.planned:
        return _held(item, day=days_text(progress.planned.date(), progress.planned_last_day))
    if anchored_on == "planned":
        day = days_text(anchor_day, progress.planned_last_day)
        planned, one_day = progress.planned, not progress.planned_last_day or progress.planned_last_day == anchor_day
        if planned is not None and progress.planned_has_time and one_day:
            day += " " + clock_text(planned)  # its hour, as `neste` and the feed give it (walk 14b C3)
        return _dated(  # a meeting over two days names both (walk 12 m3), as `status` does
            item,
            day=day,
            until=days_phrase(deadline=anchor_day, today=today) + _papers(item, anchor_day, today=today),
        )
    if anchored_on == "suggested":
        month = day_text(anchor_day).split(" ", 1)[1]
        return _("foreslått i {month}, frist {day} ({until})").format(month=month, day=deadline, until=until)
    return _("frist {day} ({until})").format(day=deadline, until=until + _papers(item, item.deadline, today=today))


def _dated(item: Item, *, day: str, until: str) -> str:
    """A planned date named as what happens that day: a meeting is held, a political body treats the draft,
    the county council adopts its action plan (walk 4, M4: «møtet 2. desember» for a decision)."""
    kind = getattr(item.spec, "kind", "meeting")
    if kind == "plan":
        return _("vedtak {day} ({until})").format(day=day, until=until)
    if kind == "treatment":
        return _("behandling {day} ({until})").format(day=day, until=until)
    return _("møtet {day} ({until})").format(day=day, until=until)


def _held(item: Item, *, day: str) -> str:
    """A planned day that has passed without its record: «møtet var …», «vedtaket var planlagt …»."""
    kind = getattr(item.spec, "kind", "meeting")
    if kind == "plan":
        return _("vedtaket var planlagt {day}").format(day=day)
    if kind == "treatment":
        return _("behandlingen var planlagt {day}").format(day=day)
    return _("møtet var {day}").format(day=day)


def _papers(item: Item, day: date, *, today: date) -> str:
    """«; sakspapirene går ut 11. november»: why a political body's leads come its agenda's time early
    (`agenda_days`), or "" for an item without one, and once that day has passed (walk11 M2: «går ut» a
    past day reads false, and whether they went out is not recorded)."""
    agenda = getattr(item.spec, "agenda_days", 0)
    papers = day - timedelta(days=agenda)
    if not agenda or papers < today:
        return ""
    return "; " + _("sakspapirene går ut {day}").format(day=day_text(papers))


def _signing_action(
    config: AppConfig,
    state: StateStore,
    *,
    item: Item,
    party: str,
    blockers: list[Item],
    missing: tuple[str, ...],
    today: date,
) -> tuple[str, Button | None, bool]:
    """Who acts on a signing and how: (the action, a sign button, whether the line is shared by every region
    waiting on the same party)."""
    where = f" {item.region}" if item.region else ""
    own = [b for b in blockers if responsible_party(config, b) == party]
    if blockers and party != item.region and own:
        # What a party outside the region can do is the same for every region waiting on it (IN's
        # allocation letter, the state budget): one line, the same for each region, shown once.
        items = "; ".join(item_label(b) for b in own)
        before = earlier_missing(config=config, state=state, precondition=own[0])
        if before is not None:  # its own command would be refused until then: who it waits on (walk 6, F1)
            action = _("signeringen venter på {items}, som følger av {before}. {who} registrerer det først").format(
                items=items, before=item_label(before), who=config.party_short(responsible_party(config, before))
            )
            return action, None, True
        action = _("signeringen venter på {items}. {party} registrerer: «{command}»").format(
            items=items, party=config.party_short(party), command=record_command(own[0])
        )
        return action, None, True
    if blockers:
        items = "; ".join(item_label(b) for b in blockers)
        status = f"status{where} {item.year}"
        if own or party != item.region:
            action = _("før signering mangler: {items}. {party} sørger for sin del; se «{command}»").format(
                items=items, party=config.party_short(party), command=status
            )
        else:  # the region waits on others only: whom, and that it follows them up (not «its part»)
            action = _("venter på {items}. {party} følger opp; se «{command}»").format(
                items=items, party=config.party_short(party), command=status
            )
        if party == item.region and current_version(state, region=item.region, year=item.year) is None:
            action += ". " + _(NO_TEXT_YET).rstrip(".")  # the region's own part, whoever else holds it up
        return action, None, False
    if party == item.region and party not in missing:
        # The region has signed and answers for the rest: who is missing, and that it follows them up.
        return (
            _("mangler signatur fra {who}. {region} følger opp: se «{command}»").format(
                who=", ".join(map(config.party_prose, missing)),
                region=config.party_short(party),
                command=f"status{where} {item.year}",
            ),
            None,
            False,
        )
    version = current_version(state, region=item.region, year=item.year)
    if version is None:
        unsigned = _("{party} har ikke signert.").format(party=config.party_prose(party))
        return (unsigned + " " + _(NO_TEXT_YET)).rstrip("."), None, False
    noon = datetime.combine(today, time(12), tzinfo=OSLO)
    if not signing_open(item=item, at=noon):  # a button or a typed «signer» would be refused (walk 6, F16)
        unsigned = _("{party} har ikke signert.").format(party=config.party_prose(party)).rstrip(".")
        return f"{unsigned}; {opens_text(item)}", None, False
    button = sign_button(config, item=item, party=party, version=version, at=noon)  # carries «bekreft» late
    # The shortest command that works for the party in its own channel, on the day: the region signs with
    # the year alone, an actor names the region; after the deadline the order rule asks for the confirm word
    # (before the window nothing suggested carries it: the refusal explains the window, walk 4 S6).
    typed = f"signer {item.year}" if party == item.region else f"signer {item.region} {item.year}"
    if late_breaches(config=config, item=item, at=noon):
        typed += " " + confirm_word()
    action = _unsigned(config, state, item=item, party=party, version=version.number, command=typed)
    others = [p for p in missing if p != party]
    if party == item.region and others:
        # The region answers for the whole signing: its line names every party still missing, not the region
        # alone, late (walk 3, #2) and at the leads before the deadline alike (walk 23 #1).
        action += "; " + _("mangler også signatur fra {who}").format(who=", ".join(map(config.party_prose, others)))
    return action, button, False


def _unsigned(config: AppConfig, state: StateStore, *, item: Item, party: str, version: int, command: str) -> str:
    """«NFR har ikke signert: «…»», or for a party whose signature a new text voided «NFR signerte versjon 1;
    må signere versjon 2 på nytt: «…»» (walk 8 N12: it did sign, an earlier text)."""
    assert item.region is not None
    short = config.party_prose(party)  # named, not coded, in prose (walk 42)
    earlier = earlier_signatures(state, region=item.region, year=item.year).get(party)
    if earlier and earlier.get("version"):
        return _("{party} signerte versjon {old}; må signere versjon {new} på nytt: «{command}»").format(
            party=short, old=earlier["version"], new=version, command=command
        )
    return _("{party} har ikke signert: «{command}»").format(party=short, command=command)


def _action(
    config: AppConfig,
    progress: Progress,
    occurrence: Occurrence,
    *,
    party: str,
    today: date,
    waits_on: Item | None = None,
    state: StateStore | None = None,
) -> str:
    """Who acts on anything but a signing, and the one command that does it."""
    item = progress.item
    who = config.party_short(responsible_party(config, item))
    where = f" {item.region}" if item.region else ""
    if item.kind == "precondition":
        if waits_on is not None:  # its command would be refused until then (walk 6, F1)
            return _("venter på {before}; {who} registrerer det først").format(
                before=item_label(waits_on), who=config.party_short(responsible_party(config, waits_on))
            )
        if is_decided_elsewhere(item):
            return _("{who} registrerer det når det er vedtatt: «{command}»").format(
                who=who, command=record_command(item)
            )
        return _("{who} registrerer: «{command}»").format(who=who, command=record_command(item))
    if is_assignments(item):
        # The same rule as the `oppdrag` command uses to find its milestone (bot.facts.kinds).
        # It names the actors still open (walk 10, X13), as `status` does (bot.facts.assignment_answers).
        answers = (
            assignment_answers(config=config, state=state, region=item.region, year=item.year)
            if state is not None and item.region
            else None
        )
        if answers is not None and answers.open:
            return _("{who} avklarer {actors}: «oppdrag <aktør> sendt» eller «oppdrag <aktør> ingen»").format(
                who=who, actors=", ".join(map(config.party_short, answers.open))
            )
        return _("{who}: «oppdrag <aktør> sendt» eller «oppdrag <aktør> ingen»").format(who=who)
    minutes = f"referat {typed_name(item.spec)}{where} {item.year} …"  # a milestone's: minutes or a decision
    if not is_meeting(item):
        return _("{who} registrerer vedtaket: «{command}»").format(who=who, command=minutes)
    if occurrence.overdue and not progress.planned:
        action = _("{who} skriver referat hvis møtet er holdt: «{command}»").format(who=who, command=minutes)
    elif occurrence.kind == "minutes" or (progress.planned and progress.planned.date() < today):
        action = _("{who} skriver referat: «{command}»").format(who=who, command=minutes)
    elif party != responsible_party(config, item):
        action = _("{party} forbereder seg til møtet").format(party=config.party_prose(party))
    elif progress.planned:
        action = _("{who} kaller inn").format(who=who)
    else:
        action = _("{who} setter dato: «{command}»").format(
            who=who, command=f"dato {typed_name(item.spec)}{where} {item.year} " + _("<dato>")
        )
    if occurrence.lead and occurrence.lead.note and party == responsible_party(config, item):
        action += f". {occurrence.lead.note.rstrip('.')}"
    return action


def section_of(item: Item, occurrence: Occurrence, *, progress: Progress, today: date) -> SectionKey:
    if occurrence.overdue:
        if is_decided_elsewhere(item):
            return "waiting"
        return "overdue"
    if occurrence.kind == "minutes":
        return "minutes"
    return "week" if in_week_of(progress.target, today=today) else "coming"


def in_week_of(day: date, *, today: date) -> bool:
    """Whether `day` falls in the calendar week (Monday to Sunday) of `today`, today or later: «Denne
    uken» is the week people read it in, so a meeting next Monday is «Kommer» even when it is two days off."""
    return today <= day <= today + timedelta(days=6 - today.weekday())


def item_label(item: Item) -> str:
    """What an item is, as a name of work to do rather than a done state ("Tildelingsbrev", not
    "Tildelingsbrev mottatt")."""
    name = item.spec.label or item.spec.name
    if item.kind == "precondition":
        who = f" {item.actor}" if item.actor else ""
        return _("{name}{who} (avtale {year})").format(name=name, who=who, year=item.year)
    return f"{name} {item.year}"
