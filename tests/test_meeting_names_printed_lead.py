"""«dato politisk behandling 15. desember» (nynorsk «politisk handsaming») sets the political treatment (walk 32
F3): the label the bot prints in reminders, `oversikt` and the wheel names the item though its first word alone
does too; before, «behandling» was read as part of the date and refused. Only `dato`: minutes may begin with the
word, «referat politisk Behandling i fylkestinget …», and keep it."""

from __future__ import annotations

import pytest

from tests.driver import make_bot, oslo
from tests.walk14a_steps import PERSON

LABEL = {"nb": "politisk behandling", "nn": "politisk handsaming"}


@pytest.mark.parametrize("lang", ["nb", "nn"])
@pytest.mark.parametrize("shape", ["{label}", "{Label}", "{label} 2028"])
def test_the_printed_label_of_the_political_treatment_names_it(lang: str, shape: str) -> None:
    person, region = PERSON[lang]
    name = shape.format(label=LABEL[lang], Label=LABEL[lang].capitalize())
    typed = make_bot(at=oslo(2027, 10, 5, 10)).say(f"dato {name} 15. desember bekreft", as_=person, channel=region)
    plain = make_bot(at=oslo(2027, 10, 5, 10)).say("dato politisk 15. desember bekreft", as_=person, channel=region)
    assert typed.ok and typed.text == plain.text, typed.text


@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_minutes_that_begin_with_the_word_keep_it(lang: str) -> None:
    person, region = PERSON[lang]
    bot = make_bot(at=oslo(2027, 12, 15, 10))
    word = LABEL[lang].split()[1].capitalize()
    reply = bot.say(f"referat politisk {word} i fylkestinget gjekk greitt bekreft", as_=person, channel=region)
    assert reply.ok, reply.text
    outcome = bot.tables(f"cycle/{region}/2028")["milestones"]["draft-political"]["outcome"]
    assert str(outcome.get("summary", outcome)).startswith(f"{word} i fylkestinget"), outcome
