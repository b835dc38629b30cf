"""Walk15b N6: a region's meeting dated while the national meeting it follows has no date is asked about,
but the bot never claims the day is before a meeting that has no day: it says «kanskje før … som … ikke
har dato ennå». Both written forms; nothing is stored until confirmed."""

from __future__ import annotations

import pytest

from tests.driver import make_bot, oslo


@pytest.mark.parametrize(
    ("person", "words"),
    [
        ("kari", "er kanskje før Nasjonalt temamøte høst (høstmøtet) 2026, som skal komme først og ikke har dato"),
        ("per", "er kanskje før Nasjonalt temamøte haust (haustmøtet) 2026, som skal kome først og ikkje har dato"),
    ],
)
def test_a_day_is_not_said_to_be_before_an_undated_meeting(person: str, words: str) -> None:
    bot = make_bot(at=oslo(2026, 9, 21, 10))
    before = bot.snapshot()
    reply = bot.say("dato høst 12. november kl 10", as_=person)
    assert words in reply.text, reply.text
    assert " er før " not in reply.text, reply.text
    assert bot.snapshot() == before
