"""An actor's `neste` on what the agreements wait for (walk 39): «15 avtaler venter på: Tildelingsbrev fra SIVA»
said the letter came from Siva, which receives it from its ministry; it is named as `status` names it, the
letter and its actor («Tildelingsbrev – Siva»), while a region's budget stays «fra Agder»."""

from __future__ import annotations

from tests.driver import make_bot, oslo


def test_the_letter_is_named_with_the_actor_that_receives_it() -> None:
    bot = make_bot(at=oslo(2027, 1, 5, 10, 0))
    text = bot.say("neste", as_="ola", channel="in").text
    assert "Tildelingsbrev – Siva (15 regioner)" in text, text
    assert "Tildelingsbrev fra" not in text, text
    assert bot.say("målform nn", as_="ola").ok
    nynorsk = bot.say("neste", as_="ola", channel="in").text
    assert "Tildelingsbrev frå" not in nynorsk and "Tildelingsbrev – " in nynorsk, nynorsk
