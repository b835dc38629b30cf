"""Fixbf 4: a move notice named a meeting's start only («flyttet fra … kl. 09.00 til … kl. 09.00») when it has an
end time too: it says «kl. 09.00–15.30», the old date's end and the new one's, in each channel's form."""

from __future__ import annotations

import pytest

from tests.driver import make_bot, oslo


@pytest.mark.parametrize(("person", "channel", "season"), [("kari", "agder", "høst"), ("per", "vestland", "haust")])
def test_a_move_notice_names_the_end_time(person: str, channel: str, season: str) -> None:
    bot = make_bot(at=oslo(2027, 6, 28, 10))
    assert bot.say("dato høstmøte 27. oktober kl 10", as_="aud", channel="nasjonal").ok
    assert bot.say(f"dato {season} 16. november kl. 09.00-15.30", as_=person, channel=channel).ok
    bot.set_time(2027, 8, 16, 9)
    assert bot.say(f"dato {season} 23. november", as_=person, channel=channel).ok  # the time and end kept
    told = [a.reply.text for a in bot.last.announcements]
    assert told and all("16. november 2027 kl. 09.00–15.30" in t for t in told), told
    assert all("23. november 2027 kl. 09.00–15.30" in t for t in told), told
    assert bot.say(f"dato {season} 24. november kl 10-14", as_=person, channel=channel).ok
    told = [a.reply.text for a in bot.last.announcements]
    assert told and all("kl. 09.00–15.30" in t and "24. november 2027 kl. 10.00–14.00" in t for t in told), told
    assert bot.say(f"dato {season} 25. november kl 10", as_=person, channel=channel).ok  # a new start drops the end
    told = [a.reply.text for a in bot.last.announcements]
    assert told and all("kl. 10.00–14.00 til" in t and "25. november 2027 kl. 10.00." in t for t in told), told
