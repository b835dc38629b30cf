"""The digest: one message per channel per pass, timed from what is known, calling on the people who act."""

from __future__ import annotations

import asyncio
from datetime import date

import pytest

from adapters.slack.render import render_blocks
from adapters.teams.cards import render_card
from bot.model.config import ConfigError, parse_config
from bot.reminders.passes import plan_digests, run_pass
from bot.reminders.planner import DueReminder
from tests.driver import BotDriver, make_bot, oslo
from tests.helpers import demo_text, line_no, make_config, replace_once, senders_for


def two_regions(*, at) -> BotDriver:
    return make_bot(at=at, config=make_config(regions=("agder", "vestland")))


def schedule_of(bot: BotDriver, ident: str, *, start: date, end: date) -> dict[str, date]:
    return {
        occurrence.name: day
        for day, item, occurrence in bot.core.planner.schedule(start=start, end=end)
        if item.ident == ident
    }


def due_for(bot: BotDriver, ident: str) -> list[DueReminder]:
    return [r for r in bot.core.planner.due(now=bot.clock.now()) if r.item.ident == ident]


def digest_text(bot: BotDriver, channel: str, *, platform: str = "terminal") -> str:
    digests = plan_digests(core=bot.core, at=bot.clock.now())
    found = [d for d in digests if d.to.platform == platform and d.to.channel_id == channel]
    assert len(found) == 1, [d.to for d in digests]
    return found[0].reply.text


# -- timing -------------------------------------------------------------------------------------------------


def test_leads_count_back_from_the_suggested_month_before_a_date_is_planned() -> None:
    bot = two_regions(at=oslo(2026, 9, 1, 9))
    autumn = schedule_of(bot, "milestone:regional-autumn:2026:agder", start=date(2026, 9, 1), end=date(2027, 3, 1))
    # "f.eks. i november": from 1 November, not from the end of the window (31 December).
    assert autumn["lead-42"] == date(2026, 9, 18)  # 20 September is a Sunday: the Friday before
    assert autumn["lead-14"] == date(2026, 10, 16)
    # The last call counts from the deadline (walk 4, M2: it came on 30 October, two months before it).
    assert autumn["lead-2"] == date(2026, 12, 29)
    assert autumn["overdue-0"] == date(2027, 1, 4)  # the first working day after 31 December
    spring = schedule_of(bot, "milestone:regional-spring:2027:agder", start=date(2027, 1, 1), end=date(2027, 8, 1))
    assert spring["lead-42"] == date(2027, 2, 18)  # from 1 April, not 30 June
    # No suggested month: the summons from the window's first day (1 October), the others from the deadline.
    national = schedule_of(
        bot, "milestone:national-autumn:2027:national", start=date(2027, 8, 1), end=date(2027, 12, 1)
    )
    assert national["lead-42"] == date(2027, 8, 20)
    bot.set_time(2026, 9, 18, 9)
    (reminder,) = [r for r in due_for(bot, "milestone:regional-autumn:2026:agder") if r.to.channel_id == "agder"]
    assert "foreslått i november 2026, frist 31. desember 2026" in reminder.line.value
    assert "Kall inn i god tid" in reminder.line.value
    assert "«dato høst agder 2026 <dato>»" in reminder.line.value


def test_once_planned_leads_count_to_the_meeting_and_a_nudge_for_minutes_follows() -> None:
    bot = two_regions(at=oslo(2026, 9, 1, 9))
    assert bot.say(
        "dato høstmøte 2026 20. oktober kl 10", as_="aud"
    ).ok  # the national meeting it follows is dated first
    assert bot.say("dato høst 9. november 2026 kl 10", as_="per", channel="vestland").ok
    ident = "milestone:regional-autumn:2026:vestland"
    days = schedule_of(bot, ident, start=date(2026, 9, 1), end=date(2027, 3, 1))
    assert days["lead-42"] == date(2026, 9, 28)
    assert days["lead-14"] == date(2026, 10, 26)
    assert days["lead-2"] == date(2026, 11, 6)  # 7 November is a Saturday
    assert days["minutes"] == date(2026, 11, 10)  # the first working day after the meeting
    bot.set_time(2026, 10, 26, 9)
    (reminder,) = [r for r in due_for(bot, ident) if r.to.channel_id == "vestland"]
    assert "møtet 9. november 2026 kl. 10.00 (om 14 dagar)" in reminder.line.value  # nynorsk, its hour (14b C3)
    assert "frist" not in reminder.line.value
    bot.set_time(2026, 11, 10, 9)
    (nudge,) = [r for r in due_for(bot, ident) if r.to.channel_id == "vestland"]
    assert nudge.occurrence.name == "minutes"
    assert "møtet var 9. november 2026" in nudge.line.value and "«referat haust vestland 2026 …»" in nudge.line.value
    assert asyncio.run(run_pass(core=bot.core, senders=senders_for(bot))).sent
    bot.set_time(2026, 11, 11, 9)
    assert due_for(bot, ident) == []  # one nudge; the next word is the overdue notice after the deadline


def test_kall_inn_is_said_of_meetings_only_and_participants_in_the_first_reminder() -> None:
    bot = two_regions(at=oslo(2026, 10, 20, 9))  # lead-42 of the political treatment (suggested December)
    (political,) = [r for r in due_for(bot, "milestone:draft-political:2027:agder") if r.to.channel_id == "agder"]
    assert political.occurrence.name == "lead-42" and political.occurrence.first
    assert "Kall inn" not in political.line.value
    assert "Deltakere: Egnet politisk organ i fylkeskommunen." in political.line.value
    asyncio.run(run_pass(core=bot.core, senders=senders_for(bot)))
    bot.set_time(2026, 11, 17, 9)
    (later,) = [r for r in due_for(bot, "milestone:draft-political:2027:agder") if r.to.channel_id == "agder"]
    assert later.occurrence.name == "lead-14" and "Deltakere" not in later.line.value
    # A bot that starts late names who takes part in the first reminder it does send.
    fresh = two_regions(at=oslo(2026, 11, 17, 9))
    (first,) = [r for r in due_for(fresh, "milestone:draft-political:2027:agder") if r.to.channel_id == "agder"]
    assert first.occurrence.name == "lead-14" and "Deltakere: Egnet politisk organ" in first.line.value


def test_optional_milestones_get_no_overdue_notices() -> None:
    bot = two_regions(at=oslo(2027, 1, 4, 9))
    days = schedule_of(bot, "milestone:assignments:2027:agder", start=date(2027, 1, 1), end=date(2027, 12, 31))
    assert days and not any(name.startswith("overdue") for name in days)


def test_the_state_budget_is_waited_for_not_called_late() -> None:
    bot = two_regions(at=oslo(2027, 1, 4, 9))
    text = digest_text(bot, "nasjonal")
    assert "Venter på vedtak andre gjør (1)" in text
    line = next(row for row in text.splitlines() if "Statsbudsjett" in row)
    assert "ventet innen 31. desember 2026" in line and "AU registrerer det når det er vedtatt" in line
    assert "forsinket" not in line.lower()


# -- days off -----------------------------------------------------------------------------------------------


def test_christmas_eve_and_new_years_eve_are_off_and_reminders_move_to_the_day_before() -> None:
    bot = make_bot(at=oslo(2027, 12, 1, 9))
    planner = bot.core.planner
    assert not planner.is_reminder_day(date(2027, 12, 24)) and not planner.is_reminder_day(date(2027, 12, 31))
    assert planner.is_reminder_day(date(2027, 12, 23))
    schedule = planner.schedule(start=date(2026, 9, 1), end=date(2028, 3, 1))
    assert not any((day.month, day.day) in ((12, 24), (12, 31)) for day, _, _ in schedule)
    assert plan_digests(core=bot.core, at=oslo(2027, 12, 24, 9)) == []
    # Overdue notices fall on days off too, and move to the working day before (never the day after).
    still = [occ for day, item, occ in schedule if occ.kind == "still-overdue"]
    assert still and all(planner.is_reminder_day(occ.day) for occ in still)
    # Easter Monday 2027 (29 March): the folded overdue lines go out before Easter, on Wednesday 24 March.
    signing = schedule_of(bot, "milestone:signing:2027:agder", start=date(2027, 2, 1), end=date(2027, 5, 1))
    assert date(2027, 3, 24) in signing.values() and date(2027, 3, 30) not in signing.values()


def test_days_off_are_validated_with_their_line() -> None:
    text = replace_once(demo_text(), 'days_off: ["12-24", "12-31"]', 'days_off: ["12-24", "24.12"]')
    with pytest.raises(ConfigError) as error:
        parse_config(text)
    problem = error.value.problems[0]
    assert f":{line_no(text, 'days_off:')}:" in problem and "reminders.days_off" in problem and '"MM-DD"' in problem


# -- one message per channel, with every reminder in it ----------------------------------------------------


def test_one_digest_per_channel_carries_every_reminder_and_folds_what_is_still_overdue() -> None:
    bot = make_bot(at=oslo(2027, 2, 1, 9))  # first working day after January's deadlines; a Monday
    digests = plan_digests(core=bot.core, at=bot.clock.now())
    channels = [d.to for d in digests]
    assert len(channels) == len(set(channels))
    due = bot.core.planner.due(now=bot.clock.now())
    assert sum(len(d.reminders) for d in digests) == len(due)
    inn = next(d for d in digests if d.to.channel_id == "in")
    assert inn.reply.text.count("Signering 2027") == 1  # one line for all the regions waiting on IN's letter
    nasjonal = next(d for d in digests if d.to.channel_id == "nasjonal")
    assert nasjonal.overview_id and "Ikke signert" in nasjonal.reply.text
    assert "Avtale 2027: Agder, Akershus" in nasjonal.reply.text  # the regions with the same gaps on one line
    agder = next(d for d in digests if d.to.channel_id == "agder").reply.text
    assert agder.index("Forsinket") < agder.index("Signering 2027")
    # Two weeks on, what is still overdue is one short line each.
    asyncio.run(run_pass(core=bot.core, senders=senders_for(bot)))
    bot.set_time(2027, 2, 15, 9)
    agder = digest_text(bot, "agder")
    assert "Agder · Signering 2027: fortsatt forsinket siden 1. februar 2027" in agder


def test_the_weekly_overview_comes_on_the_first_working_day_of_the_week_only() -> None:
    bot = make_bot(at=oslo(2027, 3, 9, 9))  # a Tuesday
    assert not any(d.overview_id for d in plan_digests(core=bot.core, at=bot.clock.now()))
    bot.set_time(2027, 3, 30, 9)  # Tuesday after Easter Monday: the week's first working day
    overview = [d for d in plan_digests(core=bot.core, at=bot.clock.now()) if d.overview_id]
    assert {d.to.channel_id for d in overview} == {"nasjonal", "C0NASJONAL", "19:nasjonal@thread.tacv2"}
    text = overview[0].reply.text
    assert "Regioner på etterskudd (15)" in text and "Ikke signert" in text
    asyncio.run(run_pass(core=bot.core, senders=senders_for(bot)))
    assert not any(d.overview_id for d in plan_digests(core=bot.core, at=bot.clock.now()))  # once a week


# -- to people ----------------------------------------------------------------------------------------------


def test_a_digest_calls_on_the_people_who_act_and_varsel_av_leaves_one_out() -> None:
    bot = two_regions(at=oslo(2027, 1, 4, 9))
    digest = next(d for d in plan_digests(core=bot.core, at=bot.clock.now()) if d.to.channel_id == "C0AGDER")
    assert [m.person for m in digest.reply.mentions] == ["kari"]
    blocks = render_blocks(digest.reply)
    assert any(b["type"] == "context" and "<@U0KARI>" in b["elements"][0]["text"] for b in blocks)
    card = render_card(digest.reply)
    assert any(block.get("text") == "Til: <at>Kari Nordmann</at>" for block in card["body"])
    assert card["msteams"]["entities"] == [
        {
            "type": "mention",
            "text": "<at>Kari Nordmann</at>",
            "mentioned": {"id": "11111111-0000-0000-0000-000000000001", "name": "Kari Nordmann"},
        }
    ]
    assert bot.say("varsel av", as_="kari").ok
    digest = next(d for d in plan_digests(core=bot.core, at=bot.clock.now()) if d.to.channel_id == "C0AGDER")
    assert digest.reply.mentions == () and digest.reminders  # still posted, without the mention
    assert bot.say("varsel på", as_="kari").ok
    digest = next(d for d in plan_digests(core=bot.core, at=bot.clock.now()) if d.to.channel_id == "C0AGDER")
    assert [m.person for m in digest.reply.mentions] == ["kari"]


def test_a_person_bound_at_runtime_is_mentioned_and_unknown_people_cannot_mute() -> None:
    bot = two_regions(at=oslo(2027, 1, 4, 9))
    assert bot.say("person @U0NEW vestland koordinator", as_="admin", channel="nasjonal").ok
    digest = next(d for d in plan_digests(core=bot.core, at=bot.clock.now()) if d.to.channel_id == "C0VESTLAND")
    ids = {m.person: dict(m.ids) for m in digest.reply.mentions}
    assert ids["U0NEW"] == {"terminal": "U0NEW"} and "per" in ids
    refused = bot.say("varsel av", as_="ukjent")
    assert not refused.ok and "person" in refused.text
    assert not bot.say("varsel kanskje", as_="kari").ok


def test_an_item_marked_not_relevant_gets_no_reminders_at_all() -> None:
    bot = two_regions(at=oslo(2027, 1, 15, 9))  # lead-14 of the assignment agreements (31 January)
    ident = "milestone:assignments:2027:agder"
    assert due_for(bot, ident)
    assert bot.say("ikke aktuelt oppdrag 2027", as_="kari").ok
    assert due_for(bot, ident) == []
    assert not any(
        item.ident == ident for _, item, _ in bot.core.planner.schedule(start=date(2027, 1, 1), end=date(2027, 12, 31))
    )
