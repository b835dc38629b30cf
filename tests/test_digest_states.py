"""Every line of a digest carries its item's state (`Fact.state`), in every group («Forsinket», «Venter»,
«Denne uken», «Kommer»), decided by the one rule (`bot.facts.item_state`); and `simulate` tells a
reminder's lines from the weekly overview's by that state, never by the groups' Norwegian titles."""

from __future__ import annotations

import asyncio
from dataclasses import replace
from datetime import timedelta

from adapters.cli import _holds
from bot.facts.item_state import item_state
from bot.messages import ItemState
from bot.model.progress import progress_of
from bot.reminders.lines import SECTION_ORDER
from bot.reminders.passes import plan_digests, run_pass
from tests.driver import make_bot, oslo
from tests.helpers import senders_for


def test_every_group_of_a_digest_carries_its_items_states() -> None:
    bot = make_bot(at=oslo(2026, 9, 1, 9))
    assert bot.say("dato høst 19. november kl 10 bekreft", as_="kari").ok  # held, no minutes: «Venter på referat»
    groups_seen: set[str] = set()
    day = oslo(2026, 9, 1, 9)
    while day < oslo(2027, 12, 31, 9):
        bot.clock.set(day)
        today = day.date()
        for digest in plan_digests(core=bot.core, at=day):
            states = {
                reminder.line.label: item_state(
                    config=bot.core.config,
                    progress=progress_of(config=bot.core.config, state=bot.core.state, item=reminder.item),
                    today=today,
                )
                for reminder in digest.reminders
            }
            for reminder in digest.reminders:
                assert reminder.line.state is states[reminder.line.label]
                groups_seen.add(reminder.line.section)
            lines = [fact for section in digest.reply.sections for fact in section.facts if fact.state is not None]
            assert len(lines) == len({r.line for r in digest.reminders}) or any(
                "," in fact.label.partition(" · ")[0] for fact in lines
            )  # lines saying the same of several regions are merged into one
            for section in digest.reply.sections:
                if section.state is ItemState.OVERDUE and any(fact.state for fact in section.facts):
                    assert all(fact.state is ItemState.OVERDUE for fact in section.facts)
        day += timedelta(days=7)
    assert groups_seen == set(SECTION_ORDER)


def test_simulate_tells_reminders_from_the_overview_by_the_carried_state_not_the_titles() -> None:
    bot = make_bot(at=oslo(2027, 2, 1, 9))  # a Monday: the national digest carries the weekly overview
    digests = plan_digests(core=bot.core, at=bot.clock.now())
    national = next(d for d in digests if d.to.channel_id == "nasjonal" and d.overview_id)
    held = _holds(national)
    assert held.startswith("ukeoversikt")
    assert "Regioner på etterskudd" not in held and "Ikke signert" not in held
    renamed = replace(
        national,
        reply=replace(
            national.reply,
            sections=tuple(replace(s, title=f"Gruppe {i}") for i, s in enumerate(national.reply.sections)),
        ),
    )
    expected = ["ukeoversikt"] + [
        f"Gruppe {i}: " + ", ".join(fact.label for fact in section.facts)
        for i, section in enumerate(national.reply.sections)
        if section.facts and all(fact.state is not None for fact in section.facts)
    ]
    assert len(expected) > 1 and _holds(renamed) == " | ".join(expected)


def test_a_shared_signing_line_names_who_takes_part_on_its_first_reminder_only() -> None:
    """The line every region waiting on IN's allocation letter shares («Alle regioner · Signering 2027»)
    named the participants on every reminder: the blocker's name shadowed the «first reminder» flag."""
    bot = make_bot(at=oslo(2027, 1, 4, 9))
    day, seen = oslo(2027, 1, 4, 9), []
    while day < oslo(2027, 2, 20, 9):
        bot.clock.set(day)
        for digest in plan_digests(core=bot.core, at=day):
            if digest.to.channel_id == "in":
                seen += [
                    "Deltakere" in fact.value
                    for section in digest.reply.sections
                    for fact in section.facts
                    if fact.label.startswith("Alle regioner")
                ]
        asyncio.run(run_pass(core=bot.core, senders=senders_for(bot)))
        day += timedelta(days=1)
    assert len(seen) >= 3 and seen[0] and not any(seen[1:])
