"""walk 20 F-m: one nynorsk word for «not followed up here»: `status` and `oversyn` both say «følgt opp»."""

from __future__ import annotations

from tests.driver import make_bot, oslo


def test_status_and_overview_say_it_alike_in_nynorsk() -> None:
    bot = make_bot(at=oslo(2026, 11, 16, 10))
    status = bot.say("status", as_="per", channel="vestland").text
    overview = bot.say("oversyn", as_="per", channel="vestland").text
    assert "Ikkje følgt opp her" in status, status
    assert "ikkje følgt opp her" in overview, overview
    assert "følgd opp" not in status + overview
