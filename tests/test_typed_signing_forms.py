"""How people type a signature (walk 14b F4, F5, F6): a closing full stop, the button's own words and a
version or year that does not fit are read for every command and region, and a refusal says what is true."""

from __future__ import annotations

import pytest

from tests.driver import BotDriver, record_all_preconditions, signing_open
from tests.helpers import assert_recorded, assert_refused

OLA_TEAMS = "11111111-0000-0000-0000-000000000003"
REGIONS = [("agder", "kari"), ("vestland", "per")]


@pytest.mark.parametrize(("region", "coordinator"), REGIONS)
@pytest.mark.parametrize("stop", [".", "!", " .", "?", "..", ":"])
def test_a_closing_full_stop_never_makes_a_command_refused(region: str, coordinator: str, stop: str) -> None:
    bot = signing_open(region=region)
    assert_recorded(bot, f"Signer {region.capitalize()} 2027{stop}", as_="siri")
    assert_recorded(bot, f"signer {region}{stop}", as_=coordinator, channel=region)
    assert bot.say(f"neste{stop}", as_="ola").text == bot.say("neste", as_="ola").text
    assert bot.say(f"status {region}{stop}", as_="ola").ok


def test_punctuation_alone_is_still_the_help_alias() -> None:
    bot = signing_open(region="agder")
    assert bot.say("?", as_="kari").title == bot.say("hjelp", as_="kari").title


def _both_open() -> BotDriver:
    bot = signing_open(region="agder")
    record_all_preconditions(bot, year=2027, region="vestland")
    return bot


@pytest.mark.parametrize(
    ("person", "channel", "platform"),
    [("ola", "in", "terminal"), ("U0OLA", "C0IN", "slack"), (OLA_TEAMS, "19:in@thread.tacv2", "teams")],
)
def test_an_actors_signing_buttons_each_name_their_region(person: str, channel: str, platform: str) -> None:
    bot = _both_open()
    reply = bot.say("neste", as_=person, channel=channel, platform=platform)
    labels = [button.label for button in reply.buttons if button.command.startswith("signer")]
    assert labels == ["Signer for IN – Agder", "Signer for IN – Vestland"], labels
    for button in reply.buttons:  # typed as the label reads, each signs its own region
        if button.command.startswith("signer"):
            typed = assert_recorded(bot, button.label, as_=person, channel=channel, platform=platform)
            region = button.label.rsplit("– ", 1)[1]
            assert f"med {region}" in typed.text or f"for {region} fylkeskommune" in typed.text, typed.text


@pytest.mark.parametrize("typed", ["signer for IN", "Signer for IN", "signer for Innovasjon Norge agder"])
def test_the_buttons_own_words_typed_sign(typed: str) -> None:
    bot = signing_open(region="agder")
    reply = assert_recorded(bot, typed, as_="ola", channel="agder")
    assert reply.title == "Signert for Innovasjon Norge"


def test_a_regions_own_button_names_the_region_once() -> None:
    bot = signing_open(region="vestland")
    reply = bot.say("neste", as_="per", channel="vestland")
    assert "Signer for Vestland" in [button.label for button in reply.buttons]
    assert_recorded(bot, "Signer for Vestland", as_="per", channel="vestland")


@pytest.mark.parametrize(
    ("form", "none", "past"),
    [
        (
            "nb",
            "Det finnes ingen versjon 3; gjeldende er versjon 1",
            "Avtalen 2026 er forbi (fristen var 31. januar 2026)",
        ),
        (
            "nn",
            "Det finst ingen versjon 3; gjeldande er versjon 1",
            "Avtalen 2026 er forbi (fristen var 31. januar 2026)",
        ),
    ],
)
@pytest.mark.parametrize("region", ["agder", "vestland"])
def test_a_version_or_year_that_does_not_fit_is_said_as_it_is(region: str, form: str, none: str, past: str) -> None:
    bot = signing_open(region=region)
    assert bot.say(f"målform {form}", as_="nils").ok
    refused = assert_refused(bot, f"signer {region} 2027 versjon 3", as_="nils", contains=none)
    assert "endret" not in refused.text and "endra" not in refused.text
    assert [button.command for button in refused.buttons] == [f"signer NFR {region} 2027 versjon 1"]
    refused = assert_refused(bot, f"signer {region} 2026", as_="nils", contains=(past, f"signer {region} 2027"))
    assert "ennå" not in refused.text and "enno" not in refused.text
    assert_refused(bot, f"signer {region} 2028", as_="nils", contains=("2028",))


def test_a_days_ordinal_keeps_its_full_stop_and_a_number_ending_a_sentence_is_read() -> None:
    bot = signing_open(region="agder")
    asked = bot.say("dato høst den 22. og 24.", as_="kari", channel="agder")
    assert "er to datoer" in asked.text, asked.text
    assert_recorded(bot, "signer IN agder 2027 versjon 1.", as_="ola")
    assert bot.say("logg agder side 2.", as_="ola").title == bot.say("logg agder side 2", as_="ola").title
