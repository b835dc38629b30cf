"""A 10,000-character message (a pasted document, a runaway script) is refused before it is read (walk 40):
a read was titled «Ikke registrert», as if something had been meant to be recorded; it is «Ikke vist» as
every refused read is, and a write keeps «Ikke registrert». Nothing is stored either way."""

from __future__ import annotations

import pytest

from tests.driver import make_bot

FILLER = " x" * 5000


@pytest.mark.parametrize(
    ("typed", "title"),
    [("status agder", "Ikke vist"), ("referat vis høst agder 2026", "Ikke vist"), ("referat høst", "Ikke registrert")],
)
def test_a_message_over_the_limit_is_refused_under_the_title_of_what_it_asked(typed: str, title: str) -> None:
    bot = make_bot()
    before = bot.snapshot()
    reply = bot.say(typed + FILLER, as_="kari", channel="agder")
    assert not reply.ok
    assert reply.title == title
    assert reply.text.startswith("Meldingen er for lang (over 4000 tegn)")
    assert bot.snapshot() == before
