"""What one reminder says: a `DigestLine` (what, which region, by when, who acts, the one action), worded
once here for every platform, and the digest group it goes in (`SECTION_ORDER`). The planner
(`bot.planner`) decides which reminders are due; `bot.digest` puts a channel's lines into one message."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, Literal

from bot.agreement import NO_TEXT_YET, current_version
from bot.config import AppConfig
from bot.facts.item_state import DUE_DAYS, item_state
from bot.facts.kinds import is_assignments, is_decided_elsewhere, is_meeting, is_signing
from bot.i18n import _
from bot.messages import Button, ItemState
from bot.parsing import typed_name
from bot.progress import Progress, missing_for_signing
from bot.replies import day_text, days_phrase
from bot.signing import sign_button
from bot.state import StateStore
from bot.wheel import Item, responsible_party

if TYPE_CHECKING:
    from bot.planner import Occurrence

logger = logging.getLogger(__name__)

SectionKey = Literal["overdue", "waiting", "week", "coming"]
SECTION_ORDER: tuple[SectionKey, ...] = ("overdue", "waiting", "week", "coming")
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
    day the leads count back from and what it is (`Planner.anchor`)."""
    item = progress.item
    region = config.party_short(item.region) if item.region else (item.actor or _("Nasjonalt"))
    who = config.party_short(responsible_party(config, item))
    label = f"{region} · {item_label(item).replace(f' {item.actor} (', ' (') if item.actor else item_label(item)}"
    button: Button | None = None
    region_of_line = item.region
    anchor_day, anchored_on = anchor
    # A fact others decide (the state budget is adopted by the Storting): AU only records it.
    decided_elsewhere = is_decided_elsewhere(item)
    deadline, until = day_text(item.deadline), days_phrase(deadline=item.deadline, today=today)
    # By when.
    if occurrence.kind == "still-overdue":
        since = day_text(item.deadline + timedelta(days=1))
        when = (_("ikke registrert siden {day}") if decided_elsewhere else _("fortsatt forsinket siden {day}")).format(
            day=since
        )
    elif occurrence.overdue:
        when = (_("ventet innen {day} ({until})") if decided_elsewhere else _("frist var {day} ({until})")).format(
            day=deadline, until=until
        )
    elif occurrence.kind == "minutes" and progress.planned:
        when = _("møtet var {day}").format(day=day_text(progress.planned.date()))
    elif anchored_on == "planned":
        when = _("møtet {day} ({until})").format(
            day=day_text(anchor_day), until=days_phrase(deadline=anchor_day, today=today)
        )
    elif anchored_on == "suggested":
        month = day_text(anchor_day).split(" ", 1)[1]
        when = _("foreslått i {month}, frist {day} ({until})").format(month=month, day=deadline, until=until)
    else:
        when = _("frist {day} ({until})").format(day=deadline, until=until)
    # Who acts, and the one action.
    where = f" {item.region}" if item.region else ""
    if is_signing(item):
        if blockers is None:
            blockers = missing_for_signing(config=config, state=state, signing=item)
        own = [b for b in blockers if responsible_party(config, b) == party]
        if blockers and party != item.region and own:
            # What a party outside the region can do is the same for every region waiting on it (IN's
            # allocation letter, the state budget): one line, the same for each region, shown once.
            first = own[0]
            command = (
                _("forutsetning") + f" {first.key}" + (f" {first.actor}" if first.actor else "") + f" {first.year}"
            )
            label = _("Alle regioner · {item}").format(item=item_label(item))
            action = _("signeringen venter på {items}. {party} registrerer: «{command}»").format(
                items="; ".join(item_label(b) for b in own), party=config.party_short(party), command=command
            )
            region_of_line: str | None = None
        elif blockers:
            action = _("før signering mangler: {items}. {party} sørger for sin del; se «{command}»").format(
                items="; ".join(item_label(b) for b in blockers),
                party=config.party_short(party),
                command=f"status{where} {item.year}",
            )
        else:
            version = current_version(state, region=item.region, year=item.year)
            if version is not None:
                button = sign_button(config, item=item, party=party, version=version)
                action = _("{party} har ikke signert: «{command}»").format(
                    party=config.party_short(party), command=button.command
                )
            else:
                action = (
                    _("{party} har ikke signert.").format(party=config.party_short(party)) + " " + _(NO_TEXT_YET)
                ).rstrip(".")
    elif item.kind == "precondition":
        command = _("forutsetning") + f" {item.key}" + (f" {item.actor}" if item.actor else "") + f" {item.year}"
        if decided_elsewhere:
            action = _("{who} registrerer det når det er vedtatt: «{command}»").format(who=who, command=command)
        else:
            action = _("{who} registrerer: «{command}»").format(who=who, command=command)
    elif is_assignments(item):
        # The same rule as the `oppdrag` command uses to find its milestone (bot.facts.kinds).
        action = _("{who}: «oppdrag <aktør> sendt» eller «oppdrag <aktør> ingen»").format(who=who)
    elif is_meeting(item):
        if occurrence.overdue and not progress.planned:
            action = _("{who} skriver referat hvis møtet er holdt: «{command}»").format(
                who=who, command=f"referat {typed_name(item.spec)}{where} {item.year} …"
            )
        elif occurrence.kind == "minutes" or (progress.planned and progress.planned.date() < today):
            action = _("{who} skriver referat: «{command}»").format(
                who=who, command=f"referat {typed_name(item.spec)}{where} {item.year} …"
            )
        elif party != responsible_party(config, item):
            action = _("{party} forbereder seg til møtet").format(party=config.party_short(party))
        elif progress.planned:
            action = _("{who} kaller inn").format(who=who)
        else:
            action = _("{who} setter dato: «{command}»").format(
                who=who, command=f"dato {typed_name(item.spec)}{where} {item.year} " + _("<dato>")
            )
        if occurrence.lead and occurrence.lead.note and party == responsible_party(config, item):
            action += f". {occurrence.lead.note.rstrip('.')}"
    else:
        action = _("{who} registrerer vedtaket: «{command}»").format(
            who=who, command=f"referat {typed_name(item.spec)}{where} {item.year} …"
        )
    value = f"{when}. {action[:1].upper()}{action[1:]}."
    if (occurrence.first if first is None else first) and getattr(item.spec, "participants", ""):
        value += " " + _("Deltakere: {who}.").format(who=item.spec.participants)
    if late:
        value += " (" + _("Sendt for sent: skulle gått ut {day}.").format(day=day_text(occurrence.day)) + ")"
    section = section_of(item, occurrence, progress=progress, today=today)
    if section == "overdue" and region_of_line is None and is_signing(item) and blockers:
        own = [b for b in blockers if responsible_party(config, b) == party]
        if own and all(is_decided_elsewhere(b) for b in own):
            section = "waiting"  # waits on a decision others make (the state budget): not this party's delay
    return DigestLine(
        section=section,
        region=region_of_line,
        label=label,
        value=value,
        button=button,
        state=item_state(config=config, progress=progress, today=today),
    )


def section_of(item: Item, occurrence: Occurrence, *, progress: Progress, today: date) -> SectionKey:
    if occurrence.overdue:
        if is_decided_elsewhere(item):
            return "waiting"
        return "overdue"
    if occurrence.kind == "minutes":
        return "week"
    return "week" if (progress.target - today).days <= DUE_DAYS else "coming"


def item_label(item: Item) -> str:
    """What an item is, as a name of work to do rather than a done state ("Tildelingsbrev", not
    "Tildelingsbrev mottatt")."""
    name = item.spec.label or item.spec.name
    if item.kind == "precondition":
        who = f" {item.actor}" if item.actor else ""
        return _("{name}{who} (avtale {year})").format(name=name, who=who, year=item.year)
    return f"{name} {item.year}"
