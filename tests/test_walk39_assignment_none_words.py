"""`oppdrag RFF ikke aktuelt i år` (walk 39 F7) was answered «Jeg forstod ikke «ikke aktuelt i år». Skriv for
eksempel «oppdrag IN sendt»», an example of the opposite; words of «none» or «not sent» get the two commands,
with the actor typed, and nothing is recorded."""

from __future__ import annotations

import pytest

from tests.driver import make_bot, oslo


@pytest.mark.parametrize(
    ("person", "region", "typed", "said"),
    [
        ("kari", "agder", "oppdrag RFF ikke aktuelt i år", "«oppdrag RFF ingen» om det ikke blir noen"),
        ("kari", "agder", "oppdrag RFF ikke sendt", "«oppdrag RFF sendt» når den er sendt"),
        ("per", "vestland", "oppdrag SIVA ikkje aktuelt", "«oppdrag SIVA ingen» om det ikkje kjem nokon"),
    ],
)
def test_none_words_get_the_command_for_none(person: str, region: str, typed: str, said: str) -> None:
    bot = make_bot(at=oslo(2027, 1, 12, 10, 0))
    before = bot.snapshot()
    refused = bot.say(typed, as_=person, channel=region)
    assert not refused.ok and said in refused.text, refused.text
    assert bot.snapshot() == before
    assert bot.say(said.split("»")[0].strip("«"), as_=person, channel=region).ok
