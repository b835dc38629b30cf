"""walk 20 F-c: the wheel's one line for the allocation letters («Tildelingsbrev mottatt 4/4») is done on the
day the last letter came, not the first: IN's on 16 December, NFR's and RFF's on 4 January."""

from __future__ import annotations

import pytest

from tests.driver import make_bot, oslo

CASES = [("kari", "agder", "nb"), ("per", "vestland", "nn"), ("aud", "nasjonal", "nb")]


@pytest.mark.parametrize(("person", "channel", "lang"), CASES)
def test_the_letters_arc_is_done_when_the_last_letter_came(person: str, channel: str, lang: str) -> None:
    bot = make_bot(at=oslo(2026, 12, 16, 10))
    assert bot.say("forutsetning statsbudsjett 2027", as_="aud").ok  # the letters follow the state budget
    assert bot.say("forutsetning tildelingsbrev 2027", as_="ola").ok
    bot.set_time(2026, 12, 21, 10)
    assert bot.say("forutsetning tildelingsbrev 2027", as_="siri").ok
    bot.set_time(2027, 1, 4, 10)
    for actor in ("nils", "rita"):
        assert bot.say("forutsetning tildelingsbrev 2027", as_=actor).ok
    bot.set_time(2027, 1, 5, 10)
    text = bot.say("årshjul", as_=person, channel=channel).text
    line = next(
        line for line in text.splitlines() if "Tildelingsbrev mottatt" in line or "Tildelingsbrev motteke" in line
    )
    assert "4/4" in line and "4. januar 2027" in line and "16. desember" not in line, line
