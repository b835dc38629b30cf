"""Walk 19 F2: last year's agreement text (its link and checksum copied from someone's notes) registered for
next year is asked first, naming the year it is and that all signed it; confirmed, it is registered."""

from __future__ import annotations

import pytest

from tests.driver import COORDINATOR, signing_open, text_command
from tests.helpers import assert_refused

ACTORS = ("ola", "siri", "nils", "rita")


@pytest.mark.parametrize(
    ("region", "confirm", "says"),
    [
        ("agder", "bekreft", ("er samarbeidsavtalen 2027 for Agder", "Er det riktig tekst for 2028?", "«bekreft»")),
        (
            "vestland",
            "stadfest",
            ("er samarbeidsavtalen 2027 for Vestland", "Er det rett tekst for 2028?", "«stadfest»"),
        ),
    ],
)
def test_last_years_signed_text_for_next_year_is_asked_first(region: str, confirm: str, says: tuple[str, ...]) -> None:
    bot = signing_open(region=region)
    coordinator = COORDINATOR[region]
    assert bot.say(f"signer {region} 2027", as_=coordinator).ok
    for actor in ACTORS:
        assert bot.say(f"signer {region} 2027", as_=actor).ok
    bot.set_time(2027, 12, 10, 15)
    copied = text_command(year=2028, region=region)
    asked = assert_refused(bot, copied, as_=coordinator, contains=says)
    assert "signert av alle partene" in asked.text or "signert av alle partane" in asked.text, asked.text
    registered = bot.say(f"{copied} {confirm}", as_=coordinator)
    assert registered.ok and "2028" in registered.text, registered.text
    assert bot.say(copied, as_=coordinator).ok  # the same text again for 2028: already its text, not asked


def test_a_new_text_for_next_year_is_not_asked() -> None:
    bot = signing_open(region="agder")
    bot.set_time(2027, 12, 10, 15)
    reply = bot.say(text_command(year=2028, region="agder", version=2), as_="kari")
    assert reply.ok and "samarbeidsavtalen 2027" not in reply.text, reply.text
