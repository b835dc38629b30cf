"""`dato høstmøte` typed by a county coordinator without a day (walk 39) was answered «Hvilken dato? Skriv f.eks.
«dato høstmøte agder 22. november kl 10»», an example she could not use; who sets a national meeting is said
first, as it is when a day is typed, and nothing is recorded."""

from __future__ import annotations

import pytest

from tests.driver import make_bot, oslo


@pytest.mark.parametrize("typed", ["dato høstmøte agder", "dato vårmøte", "dato vårmøte 10. mars"])
def test_a_county_coordinator_is_told_who_sets_a_national_meeting(typed: str) -> None:
    bot = make_bot(at=oslo(2027, 2, 3, 10, 0))
    before = bot.snapshot()
    refused = bot.say(typed, as_="kari", channel="agder")
    assert not refused.ok and "Bare Regionalutviklingskollegiets arbeidsutvalg (AU)" in refused.text, refused.text
    assert "Hvilken dato" not in refused.text
    assert bot.snapshot() == before


def test_au_is_still_asked_for_the_day() -> None:
    bot = make_bot(at=oslo(2027, 2, 3, 10, 0))
    asked = bot.say("dato vårmøte", as_="aud", channel="nasjonal")
    assert not asked.ok and "Hvilken dato" in asked.text, asked.text
