"""Walk 37 F-B: `dato høst flyttes fra 16.11 til 23.11` (nynorsk «flytta frå … til …») was refused «Jeg forstod
ikke datoen …» with an example that ignored the move. It is still refused (the old day is named too, batch 17),
now saying to type the new day alone, with that day: typed back as shown, it moves the meeting."""

from __future__ import annotations

import re

import pytest

from tests.driver import make_bot, oslo

CASES = [
    ("kari", "høst", "flyttes fra 16.11 til 23.11", "dato høst 23.11", "Skriv bare den nye dagen"),
    ("kari", "høst", "flyttet fra 16. november til 23. november", "dato høst 23. november", "Skriv bare den nye dagen"),
    ("per", "haust", "flytta frå 16.11 til 23.11", "dato haust 23.11", "Skriv berre den nye dagen"),
    ("per", "haust", "vert flytta frå 16. november til 23. november", "dato haust 23. november", "Skriv berre"),
]


@pytest.mark.parametrize(("who", "autumn", "move", "example", "words"), CASES)
def test_a_move_from_one_day_to_another_says_to_type_the_new_day(
    who: str, autumn: str, move: str, example: str, words: str
) -> None:
    bot = make_bot(at=oslo(2026, 10, 23, 9, 0))
    assert bot.say("referat høstmøtet Godt møte", as_="aud", channel="nasjonal").ok
    assert bot.say(f"dato {autumn} 16. november kl 10", as_=who).ok
    before = bot.snapshot()
    refused = bot.say(f"dato {autumn} {move}", as_=who)
    assert not refused.ok and words in refused.text and f"«{example}»" in refused.text, refused.text
    assert bot.snapshot() == before
    typed_back = re.search(r"«(dato [^»]+)»", refused.text.split(words, 1)[1]).group(1)  # type: ignore[union-attr]
    moved = bot.say(typed_back, as_=who)
    assert moved.ok and "23. november 2026 kl. 10.00" in moved.text and "16. november" in moved.text, moved.text
