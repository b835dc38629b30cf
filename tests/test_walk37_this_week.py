"""Walk 37 F-H: «hva skjer denne uka?» was pointed to «neste uke», which shows what falls due the coming week
(23.–29. november asked on 16 November). A question about this week points to «neste» (what is open now,
overdue first); one about the coming week still to «neste uke» / «neste veke» (walk 32 F9)."""

from __future__ import annotations

import pytest

from tests.driver import make_bot, oslo

CASES = [
    ("kari", "hva skjer denne uka?", "«neste»", "«neste uke»"),
    ("per", "kva skjer denne veka?", "«neste»", "«neste veke»"),
    ("kari", "hva skjer neste uke?", "«neste uke»", None),
    ("per", "kva skjer neste veke?", "«neste veke»", None),
]


@pytest.mark.parametrize(("who", "question", "pointed", "not_pointed"), CASES)
def test_a_question_about_this_week_is_not_pointed_to_next_week(
    who: str, question: str, pointed: str, not_pointed: str | None
) -> None:
    bot = make_bot(at=oslo(2026, 11, 16, 9, 0))
    before = bot.snapshot()
    reply = bot.say(question, as_=who)
    assert not reply.ok and pointed in reply.text, reply.text
    if not_pointed:
        assert not_pointed not in reply.text, reply.text
    assert bot.snapshot() == before
