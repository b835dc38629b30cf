"""A move typed as people write it (walk 39 F1): «flytt vårmøtet til 27. april» was answered «Jeg forstår
kommandoer, ikke spørsmål», «flytt vår til 22.4» the same: a move written with its verb first is a new date."""

from __future__ import annotations

import pytest

from tests.driver import make_bot, oslo


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("flytt vår til 29. april", "torsdag 29. april 2027 kl. 09.00"),
        ("flytt dialogmøtet vår 2027 til 22.4 kl 10", "torsdag 22. april 2027 kl. 10.00"),
        ("utsett dialogmøtet vår til 3. mai", "mandag 3. mai 2027 kl. 09.00"),
        ("flytte vår 2027 til tirsdag 27. april", "tirsdag 27. april 2027 kl. 09.00"),
    ],
)
def test_a_move_typed_with_til_moves_the_meeting(typed: str, said: str) -> None:
    bot = make_bot(at=oslo(2027, 2, 15, 10, 0))
    assert bot.say("dato vår 20. april kl 9", as_="kari", channel="agder").ok
    moved = bot.say(typed, as_="kari", channel="agder")
    assert moved.ok, moved.text
    assert said in moved.text and "Erstatter tirsdag 20. april 2027 kl. 09.00" in moved.text, moved.text
    assert said in bot.say("status", as_="kari", channel="agder").text


def test_flytt_names_who_records_a_national_meeting_and_changes_nothing() -> None:
    bot = make_bot(at=oslo(2027, 2, 15, 10, 0))
    before = bot.snapshot()
    refused = bot.say("flytt vårmøtet til 27. april", as_="kari", channel="agder")
    assert not refused.ok and "ikke spørsmål" not in refused.text, refused.text
    assert "Regionalutviklingskollegiets arbeidsutvalg (AU)" in refused.text, refused.text
    assert bot.snapshot() == before
    moved = bot.say("flytt vårmøtet til 10. mars kl 10", as_="aud", channel="nasjonal")
    assert moved.ok and "onsdag 10. mars 2027 kl. 10.00" in moved.text, moved.text
