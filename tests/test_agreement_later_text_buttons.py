"""Surfaces check (issue 18, fixz): a later agreement text registered while signing is open, before anyone
signed, carries the sign buttons its channel would get and says who must sign, as the first text's reply
does; a click on an older version's button is refused with the current version's «Signer for …» button,
the one its text names. Both written forms (Agder reads bokmål, Vestland nynorsk)."""

from __future__ import annotations

import pytest

from tests.driver import COORDINATOR, make_bot, oslo, signing_open, text_command

MUST_SIGN = {"agder": "(har ikke signert)", "vestland": "(har ikkje signert)"}
CHANGED = {"agder": "Avtaleteksten er endret", "vestland": "Avtaleteksten er endra"}


@pytest.mark.parametrize("region", ["agder", "vestland"])
def test_a_later_text_before_anyone_signed_carries_the_buttons(region: str) -> None:
    bot = signing_open(region=region)
    first = bot.last.reply  # the last precondition made it ready; version 1 was registered before
    assert first.ok
    reply = bot.say(text_command(year=2027, region=region, version=2), as_=COORDINATOR[region])
    assert reply.ok and MUST_SIGN[region] in reply.text, reply.text
    commands = [button.command for button in reply.buttons]
    assert commands and all(command.endswith("versjon 2") for command in commands), commands
    assert f"signer IN {region} 2027 versjon 2" in commands  # a region's channel speaks for every party
    assert bot.say(commands[0], as_=COORDINATOR[region]).ok  # the button signs version 2


@pytest.mark.parametrize("region", ["agder", "vestland"])
def test_an_old_version_button_is_refused_with_the_current_one(region: str) -> None:
    bot = signing_open(region=region)
    assert bot.say(text_command(year=2027, region=region, version=2), as_=COORDINATOR[region]).ok
    before = bot.snapshot()
    refusal = bot.say(f"signer {region} {region} 2027 versjon 1", as_=COORDINATOR[region])
    assert not refusal.ok and CHANGED[region] in refusal.text, refusal.text
    assert bot.snapshot() == before
    assert [button.command for button in refusal.buttons] == [f"signer for {region} 2027 versjon 2"]
    assert f"«signer for {region} 2027 versjon 2»" in refusal.text  # the button is the command it names
    assert bot.say(refusal.buttons[0].command, as_=COORDINATOR[region]).ok


def test_an_actor_clicking_an_old_button_gets_its_own_current_button() -> None:
    bot = signing_open(region="agder")
    assert bot.say(text_command(year=2027, region="agder", version=2), as_="kari").ok
    refusal = bot.say("signer IN agder 2027 versjon 1", as_="ola", channel="in")
    assert [(button.label, button.command) for button in refusal.buttons] == [
        ("Signer for IN – Agder", "signer IN agder 2027 versjon 2")
    ], refusal.text


def test_a_text_before_signing_opens_carries_no_buttons() -> None:
    bot = make_bot(at=oslo(2026, 11, 23, 9))
    reply = bot.say(text_command(year=2027, region="agder"), as_="kari")
    assert reply.ok and not reply.buttons and "har ikke signert" not in reply.text, reply.text
    reply = bot.say(text_command(year=2027, region="agder", version=2), as_="kari")
    assert reply.ok and not reply.buttons and "har ikke signert" not in reply.text, reply.text
