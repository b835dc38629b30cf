"""Walk 6 findings fixed in part fixf: nothing the bot suggests is refused when the reader runs it (F1), a
follow-up point's every owner keeps it (F2), no sign button before the window (F16), join requests'
buttons only for those who may press them (F13)."""

from __future__ import annotations

import pytest

from tests.driver import make_bot, oslo
from tests.test_model_timing import digest


# -- F1: an actor is never told to run a command it will be refused -----------------------------------------
@pytest.mark.parametrize(
    ("form", "waits", "can"),
    [("nb", "Venter på Statsbudsjett", "Du kan gjøre nå"), ("nn", "Ventar på Statsbudsjett", "Du kan gjere no")],
)
def test_an_allocation_letter_waiting_on_the_state_budget_names_au_and_no_command(
    form: str, waits: str, can: str
) -> None:
    bot = make_bot(at=oslo(2027, 1, 15, 9))  # the state budget is not registered
    if form == "nn":
        assert bot.say("målform kanal nn", as_="admin", channel="in").ok
    for actor in ("in", "siva"):
        text = digest(bot, actor)
        assert "forutsetning tildelingsbrev" not in text and "forutsetning statsbudsjett" not in text, text
        assert "AU registrerer det først" in text, text
    assert waits in digest(bot, "in")
    mine = bot.say("neste", as_="ola", channel="in").text
    assert can not in mine, mine
    refused = bot.say("forutsetning tildelingsbrev IN 2027", as_="ola", channel="in")
    assert not refused.ok and "AU registrerer det" in refused.text, refused.text
    assert "forutsetning statsbudsjett" not in refused.text and "føresetnad" not in refused.text
    # once AU has registered it, the letter is IN's to record, and the reminder says how
    assert bot.say("forutsetning statsbudsjett 2027", as_="aud", channel="nasjonal").ok
    assert "tildelingsbrev IN 2027»" in digest(bot, "in")
    assert can in bot.say("neste", as_="ola", channel="in").text
    assert bot.say("forutsetning tildelingsbrev IN 2027", as_="ola", channel="in").ok
