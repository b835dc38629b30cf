"""How people type a signature (walk 14b F4, F5, F6): a closing full stop, the button's own words and a
version or year that does not fit are read for every command and region, and a refusal says what is true."""

from __future__ import annotations

import pytest

from tests.driver import signing_open
from tests.helpers import assert_recorded

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
