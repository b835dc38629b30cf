"""Walk 13, W3: a question that says «skriv det samme med «bekreft» til slutt» carries that command as a
button (as `dato`'s questions do), in the reader's written form: replacing the agreement text after
signatures, signing after the deadline, replacing minutes. Pressed, it does what the question said."""

from __future__ import annotations

import json

import pytest

from tests.driver import make_bot, oslo, register_text, signing_open, text_command
from tests.walk13_steps import regional_autumn_held

FORMS = [("kari", "agder", "bekreft", "høst"), ("per", "vestland", "stadfest", "haust")]


@pytest.mark.parametrize(("as_", "region", "confirm", "autumn"), FORMS)
def test_replacing_the_signed_text_offers_the_button(as_: str, region: str, confirm: str, autumn: str) -> None:
    bot = signing_open(region=region)
    assert bot.say(f"signer IN {region} 2027", as_="ola").ok
    typed = text_command(year=2027, region=region, version=2)
    before = bot.snapshot()
    asked = bot.say(typed, as_=as_)
    assert not asked.ok and bot.snapshot() == before
    assert [button.command for button in asked.buttons] == [f"{typed} {confirm}"], asked.text
    done = bot.say(asked.buttons[0].command, as_=as_)
    assert done.ok and "versjon 2" in done.text, done.text


@pytest.mark.parametrize(("as_", "region", "confirm", "autumn"), FORMS)
def test_signing_after_the_deadline_offers_the_button(as_: str, region: str, confirm: str, autumn: str) -> None:
    bot = signing_open(region=region)
    bot.set_time(2027, 2, 2, 9, 0)
    before = bot.snapshot()
    asked = bot.say("signer", as_=as_)
    assert not asked.ok and bot.snapshot() == before
    assert [button.command for button in asked.buttons] == [f"signer {confirm}"], asked.text
    done = bot.say(asked.buttons[0].command, as_=as_)
    assert done.ok, done.text


@pytest.mark.parametrize(("as_", "region", "confirm", "autumn"), FORMS)
def test_replacing_minutes_offers_the_button(as_: str, region: str, confirm: str, autumn: str) -> None:
    bot = regional_autumn_held(as_=as_, word=autumn)
    asked = bot.say(f"referat {autumn} Et bedre referat", as_=as_)
    assert not asked.ok
    assert [button.command for button in asked.buttons] == [f"referat {autumn} Et bedre referat {confirm}"]
    done = bot.say(asked.buttons[0].command, as_=as_)
    assert done.ok, done.text


def test_a_question_without_the_same_command_gets_no_button() -> None:
    bot = make_bot(at=oslo(2027, 1, 5, 9))
    register_text(bot, year=2027)
    asked = bot.say("signer IN agder 2027", as_="kari")  # refused, not asked: nothing to press
    assert not asked.ok and not asked.buttons


def test_teams_renders_the_button() -> None:
    from adapters.teams.cards import render_card

    bot = signing_open(region="agder")
    bot.say("signer IN agder 2027", as_="ola")
    asked = bot.say(text_command(year=2027, version=2), as_="kari")
    card = json.dumps(render_card(asked), ensure_ascii=False)
    assert "Registrer den nye teksten" in card and f"{text_command(year=2027, version=2)} bekreft" in card
