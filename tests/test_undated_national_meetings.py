"""Walk 5, N8: AU hears about an undated national meeting while its window is open, not only at the
summons «i god tid» and two weeks before the deadline: on the window's first working day and on the
digests' fortnightly days after it, until the meeting has a date."""

from __future__ import annotations

from datetime import date
from itertools import pairwise

import pytest

from tests.driver import make_bot, oslo
from tests.test_model_timing import days_saying, posted


def test_the_autumn_meeting_is_reminded_through_its_window_while_undated() -> None:
    bot = make_bot(at=oslo(2027, 8, 1, 9))
    posts = posted(bot, "nasjonal", start=date(2027, 8, 1), end=date(2027, 11, 30))
    told = days_saying(posts, "Høstmøtet (nasjonalt) 2027", "AU setter dato")
    # the summons, the window's opening (Friday 1 October), fortnightly Mondays, then 14 and 4 days before
    assert told == [
        date(2027, 8, 20),
        date(2027, 10, 1),
        date(2027, 10, 11),
        date(2027, 10, 25),
        date(2027, 11, 8),
        date(2027, 11, 16),
        date(2027, 11, 26),
    ]
    # no quiet stretch of a month or more once the window is open
    assert all((b - a).days < 21 for a, b in pairwise(told[1:]))


def test_the_spring_meeting_is_reminded_from_the_first_working_day_of_january() -> None:
    bot = make_bot(at=oslo(2026, 11, 2, 9))
    posts = posted(bot, "nasjonal", start=date(2026, 11, 2), end=date(2027, 3, 31))
    told = days_saying(posts, "Vårmøtet (nasjonalt) 2027", "AU setter dato")
    assert told[:2] == [date(2026, 11, 20), date(2027, 1, 4)]  # 1 January is a holiday
    assert [day for day in told if date(2027, 1, 5) <= day < date(2027, 3, 17)] == [
        date(2027, 1, 18),
        date(2027, 2, 1),
        date(2027, 2, 15),
        date(2027, 3, 1),
    ]


def test_a_date_ends_them_and_the_regions_and_actors_hear_none() -> None:
    bot = make_bot(at=oslo(2027, 8, 1, 9))
    before = {ch: posted(bot, ch, start=date(2027, 8, 1), end=date(2027, 11, 30)) for ch in ("agder", "in")}
    bot.clock.set(oslo(2027, 10, 4, 10))
    bot.say("dato høstmøte 18. november kl 10", as_="aud")
    posts = posted(bot, "nasjonal", start=date(2027, 10, 5), end=date(2027, 11, 17))
    assert days_saying(posts, "Høstmøtet (nasjonalt) 2027", "AU setter dato") == []
    assert date(2027, 11, 16) in days_saying(posts, "Høstmøtet (nasjonalt) 2027", "møtet 18. november 2027")
    for channel, earlier in before.items():  # only AU was told in October before the date was set
        assert not days_saying(
            {d: t for d, t in earlier.items() if date(2027, 9, 1) <= d <= date(2027, 11, 8)},
            "Høstmøtet (nasjonalt) 2027",
        ), channel


@pytest.mark.parametrize(
    ("actor", "region", "meeting"),
    [("siva", "agder", "Dialogmøte høst 2026"), ("in", "vestland", "Dialogmøte haust 2026")],
)
def test_actors_are_not_told_to_prepare_for_an_undated_meeting_at_its_last_call(
    actor: str, region: str, meeting: str
) -> None:
    """Walk 5, m5: «frist 31. desember (om 2 dager). SIVA forbereder seg til møtet» for 14 undated meetings."""
    bot = make_bot(at=oslo(2026, 12, 21, 9))
    posts = posted(bot, actor, start=date(2026, 12, 21), end=date(2026, 12, 31))
    assert not [day for day in days_saying(posts, "Dialogmøte høst 2026") if day >= date(2026, 12, 28)], posts
    assert days_saying(posted(bot, region, start=date(2026, 12, 21), end=date(2026, 12, 31)), meeting, "(om 2 da")
    by = "per" if region == "vestland" else "kari"
    bot.say(f"dato høst {region} 2026 30. desember kl 10 bekreft", as_=by)  # dated, the actors prepare for it
    posts = posted(bot, actor, start=date(2026, 12, 21), end=date(2026, 12, 31))
    assert days_saying(posts, "møtet 30. desember 2026"), posts


def test_passes_that_begin_inside_the_window_tell_the_summons_first_and_once() -> None:
    bot = make_bot(at=oslo(2027, 1, 5, 9))  # after the summons (20 November) and the window's opening (4 January)
    posts = posted(bot, "nasjonal", start=date(2027, 1, 5), end=date(2027, 1, 29))
    told = days_saying(posts, "Vårmøtet (nasjonalt) 2027", "AU setter dato")
    assert told == [date(2027, 1, 5), date(2027, 1, 18)], told
    # The summons fell on 20 November, before the bot existed (5 January): told plainly (walk 33 F4)
    assert "Kall inn i god tid" in posts[date(2027, 1, 5)] and "Sendt for sent" not in posts[date(2027, 1, 5)]
    assert "Kall inn i god tid" not in posts[date(2027, 1, 18)]
