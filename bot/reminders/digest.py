"""One message per channel per pass: the digest that carries every reminder due there.

The planner says what each due reminder is (a `DigestLine`); here a channel's lines become one neutral
`Reply`: overdue first, then what waits on others, then this week, then what is coming; in actor and
national channels sorted by region, so a region's lines stand together. The ledger still records each
reminder id (`Digest.reminders`); the digest is only the message that carries them, so batching never
drops one. The national channel's digest on the first working day of a week also carries AU's weekly
overview (`bot.reminders.weekly`). Adapters only render the `Reply`.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date

from bot.dates.text import weekday_name
from bot.i18n import N_, Lang, _, ngettext, using
from bot.messages import Button, ChannelAddress, Fact, ItemState, Reply, Section, Visibility
from bot.model.config import AppConfig
from bot.model.followups import may_close
from bot.model.followups_channels import digest_points
from bot.model.followups_shown import with_followups
from bot.model.identity import ChannelContext
from bot.model.order import and_join
from bot.reminders.lines import SECTION_ORDER, DigestLine, SectionKey, item_label
from bot.reminders.notify import mentions_for, owner_mentions
from bot.reminders.planner import DueReminder
from bot.shown.replies import day_text, make_reply
from bot.state.store import StateStore
from bot.written_form import channel_form

logger = logging.getLogger(__name__)

MAX_BUTTONS = 5
"""More would crowd a message; the rest of the actions are written in the lines as «commands»."""

SECTION_TITLES: dict[SectionKey, str] = {
    "overdue": N_("Forsinket"),
    "waiting": N_("Venter på vedtak andre gjør"),
    "minutes": N_("Venter på referat"),
    "week": N_("Denne uken"),
    "coming": N_("Kommer"),
}


@dataclass(frozen=True)
class Digest:
    to: ChannelAddress
    reminders: tuple[DueReminder, ...]
    """Each goes into the ledger once the post is accepted."""
    overview_id: str | None
    """The weekly overview's ledger id, when this digest carries it."""
    reply: Reply
    overview_said: str = ""
    """What the overview says (`bot.reminders.weekly.fingerprint`), kept in its ledger entry."""


def build_digests(
    *,
    config: AppConfig,
    state: StateStore,
    today: date,
    due: Iterable[DueReminder],
    overview: dict[ChannelAddress, tuple[str, tuple[Section, ...], str]] | None = None,
) -> list[Digest]:
    """One digest per channel that has anything due, in a stable order (national, actors, regions)."""
    by_channel: dict[ChannelAddress, list[DueReminder]] = {}
    for reminder in due:
        by_channel.setdefault(reminder.to, []).append(reminder)
    overview = overview or {}
    for address in overview:
        by_channel.setdefault(address, [])
    digests: list[Digest] = []
    for address, reminders in by_channel.items():
        overview_id, overview_sections, said = overview.get(address, (None, (), ""))
        with using(address_form(config=config, state=state, address=address, reminders=reminders)):
            reply = digest_reply(
                config=config, state=state, today=today, to=address, reminders=reminders, overview=overview_sections
            )
        digests.append(
            Digest(to=address, reminders=tuple(reminders), overview_id=overview_id, reply=reply, overview_said=said)
        )
    return sorted(digests, key=lambda digest: (digest.to.platform, digest.to.channel_id))


def address_form(
    *, config: AppConfig, state: StateStore, address: ChannelAddress, reminders: list[DueReminder] | None = None
) -> Lang:
    """The written form a digest to `address` is written in: its reminders' (the planner chose it), else the
    channel's own (the national channel's weekly overview alone)."""
    if reminders:
        return reminders[0].lang
    return channel_form(
        config=config,
        state=state,
        platform=address.platform,
        channel_id=address.channel_id,
        context=ChannelContext(kind="national"),
    )


def digest_reply(
    *,
    config: AppConfig,
    state: StateStore,
    today: date,
    to: ChannelAddress,
    reminders: list[DueReminder],
    overview: tuple[Section, ...] = (),
) -> Reply:
    """The neutral digest: sections of one-line facts, at most `MAX_BUTTONS` buttons, the people to call."""
    lines = _in_the_channels_region(config, {reminder.line for reminder in reminders}, reminders)  # per (item, party)
    lines = _regions_left_out(config, lines, reminders)
    ordered = _merge_regions(
        sorted(
            lines,
            key=lambda line: (
                SECTION_ORDER.index(line.section),
                config.region_rank(line.region),
                *(line.order or (line.label, 0)),
                line.label,
            ),
        )
    )
    sections: list[Section] = []
    for key in SECTION_ORDER:
        # Each line carries its item's state; the «Forsinket» group as a whole is overdue, the others mix
        # states (a meeting this week may be planned or due), so only their lines carry one.
        facts = tuple(
            Fact(label=line.label, value=line.value, state=line.state) for line in ordered if line.section == key
        )
        if facts:
            shown = ItemState.OVERDUE if key == "overdue" else None
            sections.append(Section(title=f"{_(SECTION_TITLES[key])} ({len(facts)})", facts=facts, state=shown))
    buttons: list[Button] = []
    for line in ordered:
        if line.button is not None and line.button not in buttons and len(buttons) < MAX_BUTTONS:
            buttons.append(line.button)
    overview = _without_carried(overview, reminders)
    weekday = weekday_name(today)
    count = len(ordered)
    if overview:
        title = _("Påminnelser og ukeoversikt for AU – {weekday} {day}").format(weekday=weekday, day=day_text(today))
    else:
        title = ngettext(
            "Påminnelser {weekday} {day}: {n} sak", "Påminnelser {weekday} {day}: {n} saker", count
        ).format(weekday=weekday, day=day_text(today), n=count)
    lead = summary_lead(ordered) if ordered else None
    reply = make_reply(
        title=title,
        lead=lead,
        sections=[*overview, *sections],
        buttons=buttons,
        context=_("Skriv «neste» for alt som venter her · «varsel av» hvis du ikke vil bli nevnt"),
        visibility=Visibility.CHANNEL,
    )
    parties = [reminder.party for reminder in sorted(reminders, key=lambda r: SECTION_ORDER.index(r.line.section))]
    points = digest_points(  # issue 18: open follow-up points of the channel's parties and of the next meeting
        config=config,
        state=state,
        today=today,
        to=to,
        parties=parties,
        meetings=[r.item for r in reminders if not r.point],
    )
    reminded = {reminder.point for reminder in reminders if reminder.point}
    points = [point for point in points if point.id not in reminded]  # a point with its own line is not repeated
    readers = set(parties)  # a button only for the points this channel's parties may close (walk 14b F1)
    reply = with_followups(reply, points, today=today, closable=lambda point: may_close(config, point, parties=readers))
    if overview and not parties:
        parties = [config.parties.coordinator.key]
    mentions = mentions_for(config=config, state=state, parties=parties)
    owners = owner_mentions(config=config, state=state, owners=[r.owner for r in reminders if r.owner is not None])
    mentions += tuple(owner for owner in owners if owner.person not in {m.person for m in mentions})
    if mentions:
        names = ", ".join(mention.name for mention in mentions)
        reply = replace(reply, mentions=mentions, text=f"{reply.text}\n\n" + _("Til: {names}").format(names=names))
    return reply


def _in_the_channels_region(config: AppConfig, lines: set[DigestLine], reminders: list[DueReminder]) -> set[DigestLine]:
    """In a channel about one region (IN's «IN i Agder»), a line shared by every region («Alle regioner ·
    Signering 2028: venter på …») names that region, as the channel's other lines do (walk 14b C4)."""
    regions = {reminder.channel.region for reminder in reminders}
    region = next(iter(regions)) if len(regions) == 1 else None
    if region is None:
        return lines
    shared = _("Alle regioner · {item}").format(item="")
    here = f"{config.party_short(region)} · "
    return {
        replace(line, label=here + line.label[len(shared) :], region=region)
        if line.region is None and line.label.startswith(shared)
        else line
        for line in lines
    }


def _regions_left_out(config: AppConfig, lines: set[DigestLine], reminders: list[DueReminder]) -> set[DigestLine]:
    """A line shared by every region («Alle regioner · Signering 2027: venter på Tildelingsbrev IN») in a
    channel that does not hear it for every region names those it leaves out («Alle regioner unntatt Agder»):
    IN's general channel does not carry Agder's, which IN's «IN i Agder» channel hears (walk 26 F5), as the
    meeting lines leave Agder out there. When it hears fewer than it leaves out (`simulate --region vestland`),
    it names those it hears instead («Vestland · Signering 2028», walk 31 F7)."""
    shared = _("Alle regioner · {item}").format(item="")
    kept: set[DigestLine] = set()
    for line in lines:
        if line.region is None and line.label.startswith(shared):
            here = {reminder.item.region for reminder in reminders if reminder.line == line}
            left = [spec.key for spec in config.parties.regions if spec.key not in here]
            heard = [spec.key for spec in config.parties.regions if spec.key in here]
            item = line.label[len(shared) :]
            if left and heard and len(heard) < len(left):  # «Vestland · Signering 2028», not fourteen left out
                line = replace(line, label=f"{and_join([config.party_short(region) for region in heard])} · {item}")
            elif left and len(left) < len(config.parties.regions):
                regions = and_join([config.party_short(region) for region in left])
                label = _("Alle regioner unntatt {regions} · {item}").format(regions=regions, item=item)
                line = replace(line, label=label)
        kept.add(line)
    return kept


def _merge_regions(lines: list[DigestLine]) -> list[DigestLine]:
    """Lines that say the same of several regions (an actor preparing for fifteen spring meetings with the
    same suggested month and deadline) become one line naming the regions, in the first one's place."""
    groups: dict[tuple[object, ...], list[DigestLine]] = {}
    for line in lines:
        _head, sep, what = line.label.partition(" · ")
        key = (line.section, what, line.value, line.button, line.state) if sep and line.region else (id(line),)
        groups.setdefault(key, []).append(line)
    merged: list[DigestLine] = []
    for group in groups.values():
        if len(group) == 1:
            merged.append(group[0])
            continue
        regions = ", ".join(line.label.partition(" · ")[0] for line in group)
        what = group[0].label.partition(" · ")[2]
        merged.append(replace(group[0], label=f"{regions} · {what}"))
    return merged


def summary_lead(lines: list[DigestLine]) -> str:
    """`2 forsinket, 1 denne uken, 3 kommer.`: the digest at a glance (and in the notification)."""
    words = {
        "overdue": _("forsinket"),
        "waiting": _("venter på vedtak"),
        "minutes": _("venter på referat"),
        "week": _("denne uken"),
        "coming": _("kommer"),
    }
    parts = []
    for key in SECTION_ORDER:
        number = sum(1 for line in lines if line.section == key)
        if number:
            parts.append(f"{number} {words[key]}")
    return ", ".join(parts).capitalize() + "."


def _without_carried(overview: tuple[Section, ...], reminders: list[DueReminder]) -> tuple[Section, ...]:
    """The overview's national lines less what the same message already says in full below (a national
    meeting still overdue was listed twice in one message: in the overview and as its own reminder)."""
    carried = {item_label(reminder.item) for reminder in reminders if reminder.item.region is None}
    if not carried:
        return overview
    kept: list[Section] = []
    for section in overview:
        facts = tuple(fact for fact in section.facts if not (fact.label == _("Nasjonalt") and fact.value in carried))
        if facts or not section.facts:
            kept.append(replace(section, facts=facts))
    return tuple(kept)
