"""The reminder planner: what is due at a moment, and the whole schedule of a span, from the state."""

from __future__ import annotations

from datetime import date

import holidays
import pytest

from bot.dates.workdays import is_working_day
from bot.messages import ChannelAddress
from tests.driver import BotDriver, make_bot, oslo, record_all_preconditions
from tests.helpers import make_config

NORWAY_2027 = holidays.country_holidays("NO", years=2027)


def two_regions(*, at=None) -> BotDriver:
    return make_bot(at=at or oslo(2027, 1, 4, 9), config=make_config(regions=("agder", "vestland")))


def due_ids(bot: BotDriver) -> list[str]:
    return [reminder.id for reminder in bot.core.planner.due(now=bot.clock.now())]


def test_workdays_agree_with_the_holidays_package() -> None:
    for day in (date(2027, 3, 25), date(2027, 3, 26), date(2027, 3, 29), date(2027, 5, 17), date(2027, 5, 6)):
        assert day in NORWAY_2027 and not is_working_day(day)
    assert not is_working_day(date(2027, 1, 2))  # a Saturday
    assert is_working_day(date(2027, 1, 4))


def test_schedule_of_2027_lands_on_working_days_only() -> None:
    bot = two_regions()
    schedule = bot.core.planner.schedule(start=date(2027, 1, 1), end=date(2027, 12, 31))
    assert schedule
    for day, item, occurrence in schedule:
        assert day.weekday() < 5 and day not in NORWAY_2027, (day, item.ident, occurrence.name)
    assert [entry[0] for entry in schedule] == sorted(entry[0] for entry in schedule)


def test_schedule_of_the_national_spring_meeting() -> None:
    bot = two_regions()
    days = {
        occurrence.name: day
        for day, item, occurrence in bot.core.planner.schedule(start=date(2026, 11, 1), end=date(2027, 4, 30))
        if item.ident == "milestone:national-spring:2027:national"
    }
    # The summons counts back from the window's first day (1 January), not the deadline (issue 18).
    assert days["lead-42"] == date(2026, 11, 20)
    assert days["lead-14"] == date(2027, 3, 17)
    assert days["lead-2"] == date(2027, 3, 24)  # 29 March is Easter Monday: the working day before
    assert days["overdue-0"] == date(2027, 4, 1)
    # Still overdue: folded into the digest on the first working day of every second week (the same weeks
    # for every item, so they share a message).
    assert days["overdue-1"] == date(2027, 4, 12)
    assert days["overdue-2"] == date(2027, 4, 26)


def test_nothing_is_due_on_weekends_and_holidays() -> None:
    bot = two_regions()
    for day in (date(2027, 2, 20), date(2027, 3, 26), date(2027, 5, 17), date(2027, 12, 25)):
        assert bot.core.planner.due(now=oslo(day.year, day.month, day.day, 9)) == []


def test_the_national_spring_lead_goes_to_au_in_good_time() -> None:
    bot = two_regions(at=oslo(2026, 11, 20, 9))
    due = [r for r in bot.core.planner.due(now=bot.clock.now()) if r.item.key == "national-spring"]
    addresses = {reminder.to for reminder in due}
    assert addresses == {
        ChannelAddress("terminal", "nasjonal"),
        ChannelAddress("slack", "C0NASJONAL"),
        ChannelAddress("teams", "19:nasjonal@thread.tacv2"),
    }
    for reminder in due:
        assert reminder.occurrence.name == "lead-42" and not reminder.late
        assert reminder.line.label == "Nasjonalt · Vårmøtet (nasjonalt) 2027"
        assert "Kall inn i god tid." in reply_text(reminder)
        assert "frist 31. mars 2027 (om 131 dager)" in reply_text(reminder)


def test_a_lead_of_14_days_goes_to_the_responsible_and_those_who_prepare() -> None:
    bot = two_regions(at=oslo(2027, 3, 17, 9))
    due = [r for r in bot.core.planner.due(now=bot.clock.now()) if r.item.key == "national-spring"]
    channels = {reminder.to.channel_id for reminder in due}
    assert {"nasjonal", "in", "siva", "nfr", "rff", "C0IN", "C0SIVA", "C0NFR", "C0RFF"} <= channels
    assert "agder" not in channels


def test_a_planned_date_moves_the_reminders() -> None:
    bot = two_regions(at=oslo(2027, 1, 4, 9))
    assert bot.say("dato vår 22. april kl 10", as_="kari").ok
    days = {
        occurrence.name: day
        for day, item, occurrence in bot.core.planner.schedule(start=date(2027, 1, 1), end=date(2027, 12, 31))
        if item.ident == "milestone:regional-spring:2027:agder"
    }
    assert days["lead-42"] == date(2027, 3, 11)
    assert days["lead-14"] == date(2027, 4, 8)
    assert days["lead-2"] == date(2027, 4, 20)
    bot.set_time(2027, 4, 20, 9)
    due = [
        r for r in bot.core.planner.due(now=bot.clock.now()) if r.item.ident == "milestone:regional-spring:2027:agder"
    ]
    assert {r.to.channel_id for r in due} >= {"agder", "C0AGDER", "C0INAGDER", "siva", "nfr"}
    assert all("møtet 22. april 2027 kl. 10.00 (om 2 dager)" in reply_text(r) for r in due)  # its hour (14b C3)


def test_done_items_are_never_due() -> None:
    bot = two_regions(at=oslo(2027, 2, 17, 9))
    assert any(r.item.key == "national-spring" for r in bot.core.planner.due(now=bot.clock.now()))
    assert bot.say("referat vår Holdt tidlig", as_="aud").ok
    assert not any(r.item.key == "national-spring" for r in bot.core.planner.due(now=bot.clock.now()))
    schedule = bot.core.planner.schedule(start=date(2027, 1, 1), end=date(2027, 12, 31))
    assert not any(item.ident == "milestone:national-spring:2027:national" for _, item, _ in schedule)


def test_items_before_tracking_start_are_history() -> None:
    bot = two_regions(at=oslo(2027, 1, 4, 9))
    idents = {r.item.ident for r in bot.core.planner.due(now=bot.clock.now())}
    assert not any(":2026:" in ident and "regional-spring" in ident for ident in idents)
    items = bot.core.planner.items(years=range(2026, 2027))
    assert all(item.deadline >= date(2026, 11, 1) for item in items)


@pytest.mark.parametrize("rff_enabled", [True, False])
def test_a_switched_off_actor_gets_no_reminders(rff_enabled: bool) -> None:
    bot = make_bot(at=oslo(2027, 1, 18, 9), config=make_config(regions=("agder", "vestland"), rff_enabled=rff_enabled))
    channels = {r.to.channel_id for r in bot.core.planner.due(now=bot.clock.now())}
    assert ("rff" in channels) is rff_enabled


def reply_text(reminder) -> str:
    return reminder.line.text


def test_a_signing_reminder_in_an_actor_channel_names_the_region() -> None:
    bot = make_bot(at=oslo(2027, 1, 11, 9))
    record_all_preconditions(bot, year=2027)
    due = bot.core.planner.due(now=oslo(2027, 1, 15, 9))  # 14 days before 31 January, moved off the weekend
    labels = {d.line.label for d in due if d.item.key == "signing" and d.to.channel_id == "C0INAGDER"}
    assert labels == {"Agder · Signering 2027"}


def test_overdue_reminders_go_to_the_responsible_party_only() -> None:
    bot = make_bot(at=oslo(2027, 1, 4, 9))
    due = bot.core.planner.due(now=oslo(2027, 1, 4, 9))  # first working day after 31 December
    autumn = {d.to.channel_id for d in due if d.item.ident == "milestone:regional-autumn:2026:agder"}
    assert autumn == {"agder", "C0AGDER", "19:agder@thread.tacv2"}  # Agder summons; the actors are not nagged
