"""`logg` is worded in the reader's written form, as README says (walk 8 m7: README said bokmål while Per's
`logg` read nynorsk; the README now says what the bot does)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.driver import make_bot, oslo


@pytest.mark.parametrize(
    ("person", "channel", "typed", "lead", "did"),
    [
        ("kari", "agder", "dato høst tirsdag 1. desember kl 10", "Den eneste endringen", "Satte dato"),
        ("per", "vestland", "dato haust tysdag 1. desember kl 10", "Den einaste endringa", "Sette dato"),
    ],
)
def test_logg_reads_in_the_readers_form(person: str, channel: str, typed: str, lead: str, did: str) -> None:
    bot = make_bot(at=oslo(2026, 11, 2, 9))
    assert bot.say(typed, as_=person, channel=channel).ok
    text = bot.say("logg", as_=person, channel=channel).text
    assert lead in text and did in text, text


def test_readme_says_what_logg_does() -> None:
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    assert "The history (`logg`" in readme and "worded in\n  the reader's form" in readme
