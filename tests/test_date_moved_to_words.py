"""«dato høst flyttes til 12. november»: the words a civil servant puts before a meeting's new day are read as
that day (walk 32), in both written forms; «til» alone and a move with no day are still refused."""

from __future__ import annotations

import pytest

from tests.driver import make_bot, oslo

MOVES = [
    ("kari", "agder", "flyttes til 12. november bekreft", "torsdag 12. november 2026"),
    ("kari", "agder", "blir flyttet til 13. november kl 10 bekreft", "fredag 13. november 2026 kl. 10.00"),
    ("kari", "agder", "utsatt til 16. november bekreft", "mandag 16. november 2026"),
    ("per", "vestland", "flyttast til 17. november bekreft", "tysdag 17. november 2026"),
    ("per", "vestland", "vert flytta til 18. november stadfest", "onsdag 18. november 2026"),
]


@pytest.mark.parametrize(("person", "region", "typed", "shown"), MOVES)
def test_a_moved_meeting_s_new_day_is_read_after_the_moving_words(
    person: str, region: str, typed: str, shown: str
) -> None:
    bot = make_bot(at=oslo(2026, 9, 8, 10))
    reply = bot.say(f"dato høst {typed}", as_=person, channel=region)
    assert reply.ok, reply.text
    assert shown in reply.text, reply.text


@pytest.mark.parametrize(("person", "region"), [("kari", "agder"), ("per", "vestland")])
def test_til_alone_and_a_move_without_a_day_are_refused_and_nothing_is_stored(person: str, region: str) -> None:
    bot = make_bot(at=oslo(2026, 9, 8, 10))
    before = bot.snapshot()
    for typed in ("dato høst til 12. november", "dato høst flyttes"):
        reply = bot.say(typed, as_=person, channel=region)
        assert not reply.ok, reply.text
    assert bot.snapshot() == before
