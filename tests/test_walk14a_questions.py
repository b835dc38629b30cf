"""walk 14a F13: a confirmation question carries its button, and replacing the text of a fully signed
agreement says it is complete and binding (and late, past the signing deadline) before anything is voided."""

from __future__ import annotations

import pytest

from tests.driver import make_bot, oslo, record_all_preconditions, text_command
from tests.walk14a_steps import CONFIRM, PERSON, signed_by

ADOPTED = {"nb": "vedtatt", "nn": "vedteke"}
SIGNERS = {"ola": "IN", "siri": "SIVA", "nils": "NFR", "rita": "RFF"}
BINDING = {
    "nb": ("Avtalen er signert av alle partene og har vært bindende siden", "så de nye signaturene kommer"),
    "nn": ("Avtalen er signert av alle partane og har vore bindande sidan", "så dei nye signaturane kjem"),
}


@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_changing_a_precondition_s_day_asks_with_a_button_that_changes_it(lang: str) -> None:
    person, channel = PERSON[lang]
    bot = make_bot(at=oslo(2026, 12, 17, 9))
    assert bot.say(f"forutsetning budsjett {ADOPTED[lang]} 16. desember", as_=person, channel=channel).ok
    line = f"forutsetning budsjett {ADOPTED[lang]} 15. desember"
    before = bot.snapshot()
    asked = bot.say(line, as_=person, channel=channel)
    assert not asked.ok and "16. desember 2026" in asked.text
    assert [button.command for button in asked.buttons] == [f"{line} {CONFIRM[lang]}"]
    assert bot.snapshot() == before
    done = bot.say(asked.buttons[0].command, as_=person, channel=channel)
    assert done.ok and "15. desember 2026" in done.text


@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_a_new_text_on_a_fully_signed_agreement_says_it_is_complete_binding_and_late(lang: str) -> None:
    person, region = PERSON[lang]
    bot = signed_by(lang=lang, signers=tuple(SIGNERS.items()))
    bot.set_time(2027, 2, 8, 9)
    line = text_command(year=2027, region=region, version=2)
    before = bot.snapshot()
    asked = bot.say(line, as_=person, channel=region)
    assert not asked.ok
    complete, late = BINDING[lang]
    assert complete in asked.text and "31. januar 2027" in asked.text and late in asked.text
    assert [button.command for button in asked.buttons] == [f"{line} {CONFIRM[lang]}"]
    assert bot.snapshot() == before


def test_a_new_text_before_every_party_signed_says_nothing_of_a_binding_agreement() -> None:
    bot = make_bot(at=oslo(2027, 1, 12, 9))
    record_all_preconditions(bot, year=2027)
    assert bot.say("signer agder 2027", as_="kari").ok
    asked = bot.say(text_command(year=2027, version=2), as_="kari")
    assert not asked.ok and "må signere på nytt" in asked.text and "bindende" not in asked.text
