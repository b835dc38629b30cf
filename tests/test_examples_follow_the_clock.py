"""Fixbf 3: refusals' examples named fixed days: «Jeg forstod ikke dagen» for a precondition always suggested
«14. desember» (still ahead on 7 December), `oppdrag IN sendt <dag>` in December 2026 the deadline of a cycle no
longer meant («31. januar 2026»), `signer … signert <unread>` «21. januar», a time alone «22. november». Every
such example now comes from the clock and the wheel (`handlers.placeholder_day.plausible_day` for a day that
happened, `handlers.date_read.example_day` for a day ahead)."""

from __future__ import annotations

import pytest

from tests.driver import make_bot, oslo
from tests.helpers import assert_refused


@pytest.mark.parametrize(
    ("at", "day"),
    [((2026, 12, 7), "7. desember 2026"), ((2027, 2, 10), "31. desember 2026")],  # not ahead; the cycle meant
)
def test_an_unread_precondition_day_suggests_a_day_that_has_come(at: tuple[int, int, int], day: str) -> None:
    bot = make_bot(at=oslo(*at, 10))
    reply = assert_refused(bot, "forutsetning budsjett vedtatt blåbær", as_="kari")
    assert f"«forutsetning budsjett vedtatt {day}»" in reply.text and "14. desember" not in reply.text, reply.text


def test_oppdrag_suggests_no_day_of_a_cycle_no_longer_meant() -> None:
    bot = make_bot(at=oslo(2026, 12, 7, 10))
    reply = assert_refused(bot, "oppdrag IN sendt <dag>", as_="kari")
    assert "«oppdrag IN sendt 7. desember 2026»" in reply.text, reply.text
    assert "31. januar 2026" not in reply.text, reply.text
    bot.set_time(2027, 2, 10, 10)  # the agreements of 2027 late: their deadline is the example
    assert "«oppdrag IN sendt 31. januar 2027»" in assert_refused(bot, "oppdrag IN sendt <dag>", as_="kari").text


def test_a_signing_day_and_a_time_alone_follow_the_wheel() -> None:
    bot = make_bot(at=oslo(2027, 1, 12, 10))
    reply = assert_refused(bot, "signer agder 2027 signert blåbær", as_="kari")
    assert "«signer agder 2027 signert 12. januar 2027»" in reply.text, reply.text  # today, inside the window
    bot.set_time(2027, 11, 24, 10)
    reply = assert_refused(bot, "dato høst kl 13", as_="kari")
    assert "«dato høst 1. desember kl 10»" in reply.text, reply.text  # a working day a week on, in its window


@pytest.mark.parametrize(
    ("typed", "example"),
    [
        ("dato vår 2099 22. april", "«dato vår 18. mai kl 10»"),  # 22 April has passed: a working day a week on
        ("dato vår 22. april 2099", "«dato vår 18. mai kl 10»"),
        ("dato høst 9999-12-31", "«dato høst 22. november kl 10»"),
    ],
)
def test_a_year_too_far_off_suggests_the_meetings_own_day_ahead(typed: str, example: str) -> None:
    bot = make_bot(at=oslo(2027, 5, 10, 10))
    reply = assert_refused(bot, typed, as_="kari")
    assert example in reply.text and "22. april" not in reply.text.split("f.eks.")[1], reply.text
