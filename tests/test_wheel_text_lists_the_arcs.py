"""One list behind the wheel's picture and its text (walk 35 F6): late in the year the picture drew «○ Tildelingsbrev
0/4 (2028)» (next agreement's letters, 1 December–31 January) while the text of the same reply did not list it,
though the picture's alt text says the text holds the same. Every arc the picture draws is a line of the text,
in both written forms, and next year's letters stand under December."""

from __future__ import annotations

from collections import Counter

import pytest

from bot.shown.states import STATE_SYMBOLS
from bot.shown.wheel_picture import build_picture
from tests.driver import make_bot, oslo

SEATS = [
    ("kari", "agder", "Tildelingsbrev mottatt 0/4 (avtale 2028)"),
    ("per", "vestland", "Tildelingsbrev motteke 0/4 (avtale 2028)"),
]
DAYS = [(2027, 1, 20), (2027, 6, 15), (2027, 11, 24), (2027, 12, 20)]


def _lines(text: str) -> list[str]:
    symbols = tuple(STATE_SYMBOLS.values())
    return [line.strip() for line in text.splitlines() if line.strip().startswith(symbols)]


@pytest.mark.parametrize(("who", "channel", "letters"), SEATS)
@pytest.mark.parametrize("day", DAYS)
def test_every_arc_of_the_picture_is_a_line_of_the_text(
    who: str, channel: str, letters: str, day: tuple[int, int, int]
) -> None:
    bot = make_bot(at=oslo(*day, 9))
    reply = bot.say("årshjul", as_=who, channel=channel)
    assert reply.ok and reply.picture is not None
    drawing = build_picture(
        config=bot.core.config, state=bot.core.state, params=reply.picture.params, today=bot.clock.now().date()
    )
    assert drawing is not None
    lines = _lines(reply.text)
    assert Counter(arc.label.split()[0] for arc in drawing.arcs) == Counter(line.split()[0] for line in lines), (
        [arc.label for arc in drawing.arcs],
        lines,
    )
    assert any("Tildelingsbrev" in arc.label and "(2028)" in arc.label for arc in drawing.arcs)
    december = reply.text.split("• Desember")[1]
    assert letters in december, reply.text
