"""A precondition carries the day it happened (walk 10, X7): «forutsetning budsjett vedtatt 14. desember» records
that day, read as minutes read their held day, and `status`/`logg` say it with the day it was typed; in both forms."""

from __future__ import annotations

import pytest

from tests.driver import make_bot, oslo
from tests.helpers import assert_recorded, assert_refused, make_config

CASES = [
    ("agder", "kari", "forutsetning budsjett vedtatt i fylkestinget 14. desember", "14. desember 2027", "registrert"),
    ("vestland", "per", "føresetnad budsjett vedteke 14. desember", "14. desember 2027", "registrert"),
]


@pytest.mark.parametrize(("region", "coordinator", "typed", "day", "word"), CASES)
def test_a_budget_adopted_in_time_and_typed_in_january_is_not_late(
    region: str, coordinator: str, typed: str, day: str, word: str
) -> None:
    bot = make_bot(at=oslo(2028, 1, 3, 10), config=make_config(regions=("agder", "vestland")))
    reply = assert_recorded(bot, typed, as_=coordinator, channel=region)
    assert day in reply.text
    status = bot.say("status", as_=coordinator, channel=region).text
    assert f"Ferdig {day} ({word} 3. januar 2028)" in status
    assert day in bot.say("logg", as_=coordinator, channel=region).text
    doc = bot.tables(f"cycle/{region}/2028")["preconditions"]["budsjett"]
    assert doc["done_at"].startswith("2027-12-14") and doc["recorded_at"].startswith("2028-01-03")


def test_the_state_budget_and_a_letter_carry_their_days() -> None:
    bot = make_bot(at=oslo(2027, 12, 20, 10))
    assert_recorded(bot, "forutsetning statsbudsjett vedtatt i Stortinget 3. desember", as_="aud", channel="nasjonal")
    assert bot.tables("national/2028")["preconditions"]["statsbudsjett"]["done_at"].startswith("2027-12-03")
    bot.set_time(2028, 1, 3, 10)
    assert_recorded(bot, "forutsetning tildelingsbrev mottatt 22. desember", as_="nils", channel="nfr")
    letter = bot.tables("national/2028")["preconditions"]
    assert any(
        key.startswith("tildelingsbrev") and doc["done_at"].startswith("2027-12-22") for key, doc in letter.items()
    )
    # Typed again without a day: already there, and it says when it was typed.
    again = bot.say("forutsetning statsbudsjett", as_="aud", channel="nasjonal")
    assert "20. desember 2027" in again.text


def test_a_day_not_yet_come_or_unreadable_is_refused_and_nothing_changes() -> None:
    bot = make_bot(at=oslo(2027, 11, 25, 10))
    before = bot.snapshot()
    assert_refused(bot, "forutsetning budsjett vedtatt 10. desember", as_="kari", contains="har ikke kommet")
    assert_refused(
        bot, "forutsetning budsjett vedtatt snart", as_="kari", contains="vedtatt 25. november 2027"
    )  # a day that has come (fixbf 3)
    assert bot.snapshot() == before
