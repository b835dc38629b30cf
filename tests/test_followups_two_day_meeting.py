"""A meeting of two days agrees its follow-up points at its end (walk 32 F2): «innen fredag» in the minutes of a
Thursday–Friday meeting («22.-23. april») is the Friday after (30 April 2027), never the meeting's own last day,
which would be overdue the morning after. In both written forms; a one-day meeting still counts from its day.
Dates written out by hand: 22 April 2027 is a Thursday, 23 April a Friday, 30 April the Friday after."""

from __future__ import annotations

import pytest

from tests.driver import BotDriver, make_bot, oslo
from tests.helpers import assert_recorded

FORMS = {
    "nb": ("agder", "kari", "innen", "22.-23. april"),
    "nn": ("vestland", "per", "innan", "torsdag 22. og fredag 23. april"),
}


def _spring_meeting(*, region: str, coordinator: str, days: str) -> BotDriver:
    bot = make_bot(at=oslo(2027, 2, 1, 10))
    assert_recorded(bot, "dato vårmøte 9. mars kl 10", as_="aud", channel="nasjonal")
    bot.set_time(2027, 3, 9, 16)
    assert_recorded(bot, "referat vårmøte Godt møte", as_="aud", channel="nasjonal")
    assert_recorded(bot, f"dato vår {days}", as_=coordinator, channel=region)
    return bot


def _dues(bot: BotDriver, *, region: str) -> list[str | None]:
    points = bot.tables(f"cycle/{region}/2027")["milestones"]["regional-spring"]["outcome"]["followups"]
    return [point["due"] for point in points]


@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_a_weekday_in_the_minutes_of_a_two_day_meeting_counts_from_its_last_day(lang: str) -> None:
    region, coordinator, within, days = FORMS[lang]
    bot = _spring_meeting(region=region, coordinator=coordinator, days=days)
    bot.set_time(2027, 4, 23, 16)  # the Friday, its second day, as the meeting ends
    reply = assert_recorded(
        bot, f"referat vår Godt møte. oppfølging: Notat @SIVA {within} fredag", as_=coordinator, channel=region
    )
    assert _dues(bot, region=region) == ["2027-04-30"], reply.text
    assert "30. april 2027" in reply.text and "23. april 2027)" not in reply.text, reply.text


@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_minutes_written_days_later_keep_the_meetings_end_as_their_count(lang: str) -> None:
    region, coordinator, within, days = FORMS[lang]
    bot = _spring_meeting(region=region, coordinator=coordinator, days=days)
    bot.set_time(2027, 4, 27, 10)  # the Tuesday after
    reply = assert_recorded(
        bot, f"referat vår Godt møte. oppfølging: Notat @SIVA {within} fredag", as_=coordinator, channel=region
    )
    assert _dues(bot, region=region) == ["2027-04-30"], reply.text


@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_a_one_day_meeting_still_counts_from_its_day(lang: str) -> None:
    region, coordinator, within, _ = FORMS[lang]
    bot = _spring_meeting(region=region, coordinator=coordinator, days="torsdag 22. april")
    bot.set_time(2027, 4, 22, 16)
    reply = assert_recorded(
        bot, f"referat vår Godt møte. oppfølging: Notat @SIVA {within} fredag", as_=coordinator, channel=region
    )
    assert _dues(bot, region=region) == ["2027-04-23"], reply.text
