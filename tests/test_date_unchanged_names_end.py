"""Walk 32 F5: «Allerede registrert» left out a stored end time, the same words as for a plan without an end.
A date typed again (with its end, with the start alone, or the day alone) now names the end it keeps."""

from __future__ import annotations

import pytest

from tests.driver import make_bot, oslo

FORMS = [  # person, channel, the unchanged reply's words
    ("kari", "agder", "er allerede satt til tirsdag 20. april 2027 kl. 10.00 (slutt kl. 14.00). Ingenting er endret."),
    ("per", "vestland", "er allereie sett til tysdag 20. april 2027 kl. 10.00 (slutt kl. 14.00). Ingenting er endra."),
]


@pytest.mark.parametrize(("person", "channel", "unchanged"), FORMS)
@pytest.mark.parametrize("again", ["tirsdag 20. april kl 10-14", "20.04.2027 kl 10", "tirsdag 20. april"])
def test_a_date_typed_again_names_the_end_it_keeps(person: str, channel: str, unchanged: str, again: str) -> None:
    bot = make_bot(at=oslo(2027, 1, 5, 10))
    assert bot.say("dato vår 20.04.2027 kl. 10.00 - 14.00", as_=person, channel=channel).ok
    reply = bot.say(f"dato vår {again}", as_=person, channel=channel)
    assert unchanged in reply.text, reply.text


@pytest.mark.parametrize(("person", "channel", "unchanged"), FORMS)
def test_a_date_without_an_end_is_still_told_without_one(person: str, channel: str, unchanged: str) -> None:
    bot = make_bot(at=oslo(2027, 1, 5, 10))
    assert bot.say("dato vår 20.04.2027 kl. 10.00", as_=person, channel=channel).ok
    text = bot.say("dato vår tirsdag 20. april kl 10", as_=person, channel=channel).text
    assert unchanged.replace(" (slutt kl. 14.00)", "") in text and "slutt" not in text, text
