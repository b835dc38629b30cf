"""Surfaces check (issue 18, fixz): the minutes form's one-line example names the meeting the form is for,
its region and year, in the asker's written form, whether the form was opened by `referat <møte>` or by the
«Erstatt referatet» button (then with `bekreft`/`stadfest`, so typed as shown it replaces the minutes)."""

from __future__ import annotations

import re

import pytest

from tests.driver import BotDriver, make_bot, oslo

# (person, region, the autumn meeting's word, the link placeholder, the confirm word) in their written form
FORMS = [
    ("kari", "agder", "høst", "<lenke>", "bekreft"),
    ("per", "vestland", "haust", "<lenkje>", "stadfest"),
]


def _example(text: str) -> str:
    found = re.search(r"linje: «(.+?)»\.", text)
    assert found, text
    return found[1]


def _autumn_bot() -> BotDriver:
    bot = make_bot(at=oslo(2026, 11, 23, 9))
    assert bot.say("referat høstmøte Godt møte bekreft", as_="aud").ok  # the national meeting it follows
    return bot


@pytest.mark.parametrize(("as_", "region", "word", "link", "confirm"), FORMS)
def test_the_autumn_form_gives_an_autumn_example(as_: str, region: str, word: str, link: str, confirm: str) -> None:
    bot = _autumn_bot()
    reply = bot.say("referat høst", as_=as_)
    assert reply.form is not None, reply.text
    example = _example(reply.text)
    assert example.startswith(f"referat {word} {region} 2026 Godt møte, {link} "), example
    assert "vår" not in example and not example.endswith(confirm), example
    typed = example.replace(link, "https://dok.fylke.no/referat-host.pdf")
    recorded = bot.say(typed, as_=as_)  # typed as shown, with a real link, it records these minutes
    assert recorded.ok and "2026" in recorded.title and word in recorded.title, recorded.text


@pytest.mark.parametrize(("as_", "region", "word", "link", "confirm"), FORMS)
def test_the_replace_button_form_gives_the_example_with_confirm(
    as_: str, region: str, word: str, link: str, confirm: str
) -> None:
    bot = _autumn_bot()
    assert bot.say("referat høst Godt møte", as_=as_).ok
    refusal = bot.say("referat høst", as_=as_)
    assert not refusal.ok and refusal.buttons, refusal.text
    reply = bot.say(refusal.buttons[0].command, as_=as_)  # «Erstatt referatet»
    assert reply.form is not None, reply.text
    example = _example(reply.text)
    assert example.startswith(f"referat {word} {region} 2026 Godt møte, {link} "), example
    assert example.endswith(f" {confirm}"), example
    replaced = bot.say(example.replace(link, "https://dok.fylke.no/nytt-referat.pdf"), as_=as_)
    assert replaced.ok, replaced.text


@pytest.mark.parametrize(("as_", "word"), [("kari", "vår"), ("per", "vår")])
def test_the_spring_form_still_says_spring(as_: str, word: str) -> None:
    bot = make_bot(at=oslo(2027, 5, 10, 9))
    reply = bot.say("referat vår bekreft", as_=as_)
    assert reply.form is not None, reply.text
    assert _example(reply.text).startswith(f"referat {word} "), reply.text
