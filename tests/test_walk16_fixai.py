"""walk 16 (fixai): what a newcomer meets in a monthly rhythm, each finding as a person meets it."""

from __future__ import annotations

import re

import pytest

from tests.driver import make_bot, oslo

PERSON = {"nb": ("kari", "agder"), "nn": ("per", "vestland")}
OTHERS = {"nb": "andre åpne", "nn": "andre opne"}
NOT_THERE = {"nb": "Side 9 finnes ikke", "nn": "Side 9 finst ikkje"}


def _titles(text: str) -> list[str]:
    return re.findall(r"^• (.+)$", text, flags=re.MULTILINE)


@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_neste_side_2_shows_the_other_open_items_and_a_page_past_the_end_says_so(lang: str) -> None:
    """F4: «Viser 5 av 10 andre åpne» names the page that holds the rest; that page lists them, none twice."""
    person, channel = PERSON[lang]
    bot = make_bot(at=oslo(2026, 11, 23, 9))
    first = bot.say("neste", as_=person, channel=channel)
    shown, total = (int(n) for n in re.search(rf"Viser (\d+) av (\d+) {OTHERS[lang]}", first.text).groups())
    assert shown < total and "«neste side 2»" in first.text, first.text
    assert "neste side 2" in [button.command for button in first.buttons]
    second = bot.say("neste side 2", as_=person, channel=channel)
    rest = _titles(second.text)
    assert len(rest) == total - shown and not set(rest) & set(_titles(first.text)), second.text
    assert f"{shown + 1}–{total} av {total}" in second.text
    before = bot.snapshot()
    past = bot.say("neste side 9", as_=person, channel=channel)
    assert NOT_THERE[lang] in past.text and _titles(past.text) == rest, past.text
    assert bot.snapshot() == before
