"""walk 14a F11, F12: minutes recorded out of the model's order can be replaced. One question names all one
`bekreft` confirms (the order and the replacement, with the points it drops), carries its button, and the
typed line with `bekreft` works; recorded minutes are never replaced without the question having said so."""

from __future__ import annotations

import pytest

from tests.driver import BotDriver, make_bot, oslo
from tests.walk14a_steps import AUTUMN, CONFIRM, PERSON, asked_unchanged

BY = {"nb": "innen", "nn": "innan"}
AFTER = {"nb": "kommer etter", "nn": "kjem etter"}
REPLACES = {"nb": "Dette erstatter referatet", "nn": "Dette erstattar referatet"}
OUTSIDE = {"nb": "utenfor modellens rekkefølge", "nn": "utanfor rekkjefølgja i modellen"}


def _recorded_out_of_order(lang: str, *, task: str) -> BotDriver:
    """Høstmøtet dated 19 Nov, the region's autumn meeting 12 Nov with `bekreft`, its minutes with two points
    recorded out of order on 13 Nov; the clock then at 16 Nov."""
    person, channel = PERSON[lang]
    bot = make_bot(at=oslo(2026, 9, 2, 10))
    assert bot.say("dato høstmøte 19. november kl 10", as_="aud", channel="nasjonal").ok
    assert bot.say(f"dato {AUTUMN[lang]} 12. november {CONFIRM[lang]}", as_=person, channel=channel).ok
    bot.set_time(2026, 11, 13, 9)
    first = (
        f"referat {AUTUMN[lang]} Godt møte. oppfølging: {task} @IN {BY[lang]} 1. desember; "
        f"Notat @Siva {BY[lang]} 4. desember {CONFIRM[lang]}"
    )
    assert bot.say(first, as_=person, channel=channel).ok
    bot.set_time(2026, 11, 16, 9)
    return bot


@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_one_question_names_the_order_and_the_replacement_and_its_button_replaces(lang: str) -> None:
    person, channel = PERSON[lang]
    bot = _recorded_out_of_order(lang, task=f"Sende tall {lang}")
    line = f"referat {AUTUMN[lang]} Tillegg: NFR deltok. oppfølging: Kartlegging @NFR {BY[lang]} 10. desember"
    names = (AFTER[lang], REPLACES[lang], OUTSIDE[lang], f"Sende tall {lang}", "Notat")
    asked = asked_unchanged(bot, line, lang=lang, names=names)
    assert [button.command for button in asked.buttons] == [f"{line} {CONFIRM[lang]}"]
    done = bot.say(asked.buttons[0].command, as_=person, channel=channel)
    assert done.ok, done.text
    status = bot.say(f"status {channel} 2026", as_=person, channel=channel).text
    assert "Tillegg: NFR deltok" in status, status


@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_bekreft_typed_at_once_asks_once_naming_all_and_the_same_line_replaces(lang: str) -> None:
    person, channel = PERSON[lang]
    bot = _recorded_out_of_order(lang, task=f"Lage tall {lang}")
    line = f"referat {AUTUMN[lang]} Tillegg. oppfølging: Analyse @NFR {BY[lang]} 10. desember {CONFIRM[lang]}"
    asked = asked_unchanged(
        bot, line, lang=lang, names=(AFTER[lang], REPLACES[lang], OUTSIDE[lang], f"Lage tall {lang}")
    )
    assert f"«{CONFIRM[lang]}» til slutt" not in asked.text  # it was typed: the line again is the answer
    assert [button.command for button in asked.buttons] == [line]
    assert bot.say(line, as_=person, channel=channel).ok


@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_political_treatment_out_of_order_is_never_replaced_unasked(lang: str) -> None:
    person, channel = PERSON[lang]
    bot = make_bot(at=oslo(2026, 12, 11, 9))
    first = f"referat politisk Behandlet i fylkesutvalget 10. desember {CONFIRM[lang]}"
    assert bot.say(first, as_=person, channel=channel).ok
    before = bot.snapshot()
    asked = bot.say("referat politisk angre", as_=person, channel=channel)
    assert not asked.ok
    assert AFTER[lang] in asked.text and REPLACES[lang] in asked.text
    assert [button.command for button in asked.buttons] == [f"referat politisk angre {CONFIRM[lang]}"]
    assert bot.snapshot() == before
