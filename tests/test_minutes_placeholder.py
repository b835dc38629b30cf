"""Walk 7 F15: a suggested command typed exactly as a digest or `neste` shows it («referat handlingsplan agder
2027 …») records nothing: a text that is only a placeholder («…», «...», «<tekst>», «[tekst]») is no text, so
the form asks for it, as README says «no text opens a form»; a text with words around «…» is a text."""

from __future__ import annotations

import pytest

from tests.driver import make_bot, oslo
from tests.helpers import assert_recorded

REGION = {"kari": "agder", "per": "vestland"}


@pytest.mark.parametrize(
    ("as_", "placeholder", "title"),
    [
        ("kari", "…", "Referat for Årlig handlingsplan vedtatt 2027"),
        ("per", "…", "Referat for Årleg handlingsplan vedteken 2027"),
        ("kari", "...", "Referat for Årlig handlingsplan vedtatt 2027"),
        ("per", "<tekst>", "Referat for Årleg handlingsplan vedteken 2027"),
        ("kari", "[tekst] bekreft", "Referat for Årlig handlingsplan vedtatt 2027"),
    ],
)
def test_a_placeholder_alone_records_nothing_and_asks(as_: str, placeholder: str, title: str) -> None:
    bot = make_bot(at=oslo(2026, 12, 16, 9))
    before = bot.snapshot()
    reply = bot.say(f"referat handlingsplan {REGION[as_]} 2027 {placeholder}", as_=as_)
    assert reply.form is not None and title in reply.text, reply.text
    assert bot.snapshot() == before


@pytest.mark.parametrize("as_", ["kari", "per"])
def test_words_around_an_ellipsis_are_a_text(as_: str) -> None:
    bot = make_bot(at=oslo(2026, 12, 16, 9))
    assert_recorded(bot, f"referat handlingsplan {REGION[as_]} 2027 Vedtatt … i fylkestinget", as_=as_)
