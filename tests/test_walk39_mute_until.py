"""`varsel av til 9. august` before the summer (walk 39) was answered as if nothing sensible had been typed
(«Skriv «varsel av» … (nå: på)»); the reply now says mentions are switched, not timed, and what to type now and
on return, and nothing changes."""

from __future__ import annotations

import pytest

from tests.driver import make_bot, oslo


@pytest.mark.parametrize(
    ("person", "channel", "typed", "said"),
    [
        ("ola", "in", "varsel av til 9. august", "ikke til en dato"),
        ("kari", "agder", "varsel av i ferien", "«varsel på» når du er tilbake"),
        ("per", "vestland", "varsel av til 9. august", "ikkje til ein dato"),
    ],
)
def test_mentions_off_until_a_day_says_how_and_changes_nothing(
    person: str, channel: str, typed: str, said: str
) -> None:
    bot = make_bot(at=oslo(2027, 6, 25, 10, 0))
    before = bot.snapshot()
    refused = bot.say(typed, as_=person, channel=channel)
    assert not refused.ok and said in refused.text, refused.text
    assert bot.snapshot() == before
    assert bot.say("varsel av", as_=person, channel=channel).ok
