"""Walk 10 (issue 18): the buttons of `dato`'s question save what the words said.

X5: a two-day meeting («6.–7. mai») asked about (a holiday) keeps BOTH days through «Lagre likevel», as the
typed span is kept (`planned_last_day`). For both written forms, with and without a time."""

from __future__ import annotations

import pytest

from tests.driver import make_bot, oslo

SPANS = [
    ("kari", "agder", "vår", "6.–7. mai kl 10", "cycle/agder/2027"),
    ("per", "vestland", "vår", "6.-7. mai", "cycle/vestland/2027"),
    ("per", "vestland", "vår", "torsdag 6. mai - fredag 7. mai", "cycle/vestland/2027"),
]


@pytest.mark.parametrize(("as_", "channel", "word", "typed", "partition"), SPANS)
def test_saving_a_two_day_meeting_anyway_keeps_both_days(
    as_: str, channel: str, word: str, typed: str, partition: str
) -> None:
    bot = make_bot(at=oslo(2027, 3, 10, 10))  # 6 May 2027 is Ascension Day: asked
    before = bot.snapshot()
    reply = bot.say(f"dato {word} {typed}", as_=as_, channel=channel)
    assert bot.snapshot() == before, reply.text
    assert "7. mai 2027" in reply.text, reply.text
    saved = bot.say(reply.buttons[0].command, as_=as_, channel=channel)
    assert "fredag 7. mai 2027" in saved.text, saved.text  # the reply names both days
    doc = bot.tables(partition)["milestones"]["regional-spring"]
    assert doc["planned"].startswith("2027-05-06"), doc
    assert doc["planned_last_day"] == "2027-05-07", doc
