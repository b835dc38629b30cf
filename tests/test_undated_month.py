"""Walk 36 F12: an undated regional dialogue meeting is told in its suggested month that it still has no
date (the month's first working day and mid-month, once each), not left unmentioned from the lead 14 days
before the month until the last call two days before its deadline. One schedule rule, every undated
meeting with a suggested month: autumn and spring, both written forms."""

from __future__ import annotations

from datetime import date

import pytest

from tests.driver import make_bot, oslo
from tests.test_model_timing import days_saying, posted


@pytest.mark.parametrize(
    ("region", "meeting", "sets"),
    [
        ("agder", "Dialogmøte høst 2026", "Agder setter dato"),
        ("vestland", "Dialogmøte haust 2026", "Vestland set dato"),
    ],
)
def test_the_autumn_meeting_is_told_in_november_while_undated(region: str, meeting: str, sets: str) -> None:
    bot = make_bot(at=oslo(2026, 9, 1, 9))
    posts = posted(bot, region, start=date(2026, 9, 1), end=date(2026, 12, 31))
    told = days_saying(posts, meeting, sets)
    # the summons, 14 days before November, Monday 2 and Monday 16 November, the last call
    assert told == [date(2026, 9, 18), date(2026, 10, 16), date(2026, 11, 2), date(2026, 11, 16), date(2026, 12, 29)]


def test_the_spring_meeting_is_told_in_april_on_working_days() -> None:
    bot = make_bot(at=oslo(2027, 1, 5, 9))
    posts = posted(bot, "vestland", start=date(2027, 1, 5), end=date(2027, 6, 30))
    told = days_saying(posts, "Dialogmøte vår 2027", "Vestland set dato")
    assert [day for day in told if day.month == 4] == [date(2027, 4, 1), date(2027, 4, 15)]
    assert all(day.weekday() < 5 for day in told)


def test_a_date_set_before_the_month_ends_them() -> None:
    bot = make_bot(at=oslo(2026, 10, 20, 10))
    assert bot.say("dato høst 25. november kl 10 bekreft", as_="kari", channel="agder").ok
    posts = posted(bot, "agder", start=date(2026, 10, 21), end=date(2026, 11, 20))
    assert days_saying(posts, "Dialogmøte høst 2026", "Agder setter dato") == []
