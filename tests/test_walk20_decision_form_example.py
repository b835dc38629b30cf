"""walk 20 F-k: the minutes form of a decision (the action plan, the political treatment) gives a decision's
one-line example («Vedtatt <dag>, <lenke>»), not a meeting's («Godt møte … oppfølging @IN»); a meeting's
form keeps its own. In both written forms."""

from __future__ import annotations

import pytest

from tests.driver import make_bot, oslo

CASES = [
    ("kari", "referat handlingsplan agder 2027 …", "«referat handlingsplan agder 2027 Vedtatt <dag>, <lenke>»"),
    ("per", "referat handlingsplan vestland 2027 …", "«referat handlingsplan vestland 2027 Vedteke <dag>, <lenkje>»"),
    ("kari", "referat politisk agder 2027 … bekreft", "«referat politisk agder 2027 Vedtatt <dag>, <lenke> bekreft»"),
]


@pytest.mark.parametrize(("person", "typed", "example"), CASES)
def test_a_decisions_form_gives_a_decisions_example(person: str, typed: str, example: str) -> None:
    bot = make_bot(at=oslo(2026, 12, 17, 10))
    reply = bot.say(typed, as_=person)
    assert reply.form is not None and example in reply.text, reply.text
    assert "møte" not in reply.text.split("«", 1)[1] and "@IN" not in reply.text


def test_a_meetings_form_keeps_the_meetings_example() -> None:
    bot = make_bot(at=oslo(2027, 4, 26, 10))
    reply = bot.say("referat vår agder 2027 … bekreft", as_="kari")
    assert reply.form is not None and "Godt møte" in reply.text, reply.text
