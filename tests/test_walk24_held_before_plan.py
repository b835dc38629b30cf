"""Walk 24 F12: minutes recorded, with the bot's own «bekreft» button, before the day the meeting was planned
for. The reply said «Ingen dato var satt, så i dag er registrert» though a date was set, the click's time became
the planned one, and the channels that heard the planned day were never told it was off. Now the reply says
the plan moved from the planned day to today, the day carries no invented time, and the channels that hear
the meeting's leads are told."""

from __future__ import annotations

import pytest

from tests.driver import make_bot, oslo

CASES = [  # person, region, meeting word, confirm, «moved» words, «held» words, no-date words
    ("kari", "agder", "vår", "bekreft", "Planen er flyttet fra", "ble holdt", "Ingen dato var satt"),
    ("per", "vestland", "vår", "stadfest", "Planen er flytta frå", "vart halde", "Ingen dato var sett"),
]


@pytest.mark.parametrize(("person", "region", "meeting", "confirm", "moved", "held", "no_date"), CASES)
def test_minutes_before_the_planned_day_move_the_plan_and_tell_the_leads(
    person: str, region: str, meeting: str, confirm: str, moved: str, held: str, no_date: str
) -> None:
    bot = make_bot(at=oslo(2027, 2, 4, 11))
    assert bot.say(f"dato {meeting} 4. mai 2027", as_=person, channel=region).ok
    bot.set_time(2027, 2, 5, 10, 5)
    asked = bot.say(f"referat {meeting} Godt møte", as_=person, channel=region)
    assert not asked.ok and confirm in asked.text, asked.text
    done = bot.say(f"referat {meeting} Godt møte {confirm}", as_=person, channel=region)
    assert done.ok, done.text
    assert no_date not in done.text and moved in done.text and "4. mai 2027" in done.text, done.text
    heard = [a for a in bot.last.announcements if a.to.channel_id != region]
    assert heard, "the channels that heard 4 May are told"
    for announcement in heard:
        assert "4. mai 2027" in announcement.reply.text and "5. februar 2027" in announcement.reply.text
    assert any(held in a.reply.text for a in heard), [a.reply.text for a in heard]
    status = bot.say("status", as_=person, channel=region).text
    assert "10.05" not in status, status  # no time nobody typed
