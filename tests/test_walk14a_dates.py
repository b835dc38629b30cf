"""walk 14a F4, F5: a week typed without a day is never a holiday Monday, and a month phrase's question
proposes one day, the same in its text and its button."""

from __future__ import annotations

import re

import pytest

from tests.driver import make_bot, oslo
from tests.walk14a_steps import AUTUMN, PERSON

SPRING = {"nb": "vår", "nn": "vår"}
WORKING_DAY = {"nb": "den første arbeidsdagen i uke 13", "nn": "den første arbeidsdagen i veke 13"}


@pytest.mark.parametrize("lang", ["nb", "nn"])
@pytest.mark.parametrize("words", ["etter påske", "rett over påske", "uka etter påske", "veka etter påske", "uke 13"])
def test_a_week_after_easter_is_its_first_working_day(lang: str, words: str) -> None:
    person, channel = PERSON[lang]
    bot = make_bot(at=oslo(2027, 1, 12, 9))
    reply = bot.say(f"dato {SPRING[lang]} {words}", as_=person, channel=channel)
    assert reply.ok, reply.text
    assert "30. mars 2027" in reply.text and WORKING_DAY[lang] in reply.text
    assert "29. mars" not in reply.text and "påskedag" not in reply.text


def test_a_week_after_whitsun_is_its_first_working_day_too() -> None:
    bot = make_bot(at=oslo(2027, 1, 12, 9))
    reply = bot.say("dato vår etter pinse", as_="kari")
    assert "18. mai 2027" in reply.text and "17. mai" not in reply.text, reply.text


@pytest.mark.parametrize("lang", ["nb", "nn"])
@pytest.mark.parametrize(
    "words",
    ["medio november", "i slutten av november", "siste uka i november", "midt i november", "sist i november"],
)
def test_a_month_phrase_proposes_one_day_in_its_text_and_its_button(lang: str, words: str) -> None:
    person, channel = PERSON[lang]
    bot = make_bot(at=oslo(2026, 9, 2, 10))
    before = bot.snapshot()
    reply = bot.say(f"dato {AUTUMN[lang]} {words}", as_=person, channel=channel)
    assert bot.snapshot() == before
    (button,) = reply.buttons
    day = int(re.search(r"2026-11-(\d\d)", button.command).group(1))
    example = re.search(rf"«dato {AUTUMN[lang]} (\d+)\. november»", reply.text)
    assert example is not None and int(example.group(1)) == day, reply.text
    assert f"{day}. november 2026" in reply.text
