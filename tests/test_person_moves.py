"""Walk 7 F1: a person is with one party in one role, so `person` that moves someone from the party or role
they hold asks first and names what they lose, the reply says what changed, and every surface (Slack, the
terminal, `hvem`) then agrees on the person's party."""

from __future__ import annotations

import pytest

from tests.driver import make_bot, oslo
from tests.helpers import assert_recorded, assert_refused


@pytest.mark.parametrize(
    ("channel", "lost", "confirm"),
    [
        ("nasjonal", "Aud Vik er AU-medlem for", "bekreft"),  # not «er nå»: nothing changed (walk 8 m2)
        ("vestland", "Aud Vik er AU-medlem for", "stadfest"),  # Vestland reads nynorsk
    ],
)
def test_moving_an_au_member_to_a_county_asks_first_and_every_surface_then_agrees(
    channel: str, lost: str, confirm: str
) -> None:
    bot = make_bot(at=oslo(2026, 9, 7, 9))
    before = bot.snapshot()
    asked = assert_refused(
        bot,
        "person <@U0AUD> troms koordinator",
        as_="U0ADMIN",
        channel="C0NASJONAL",
        platform="slack",
        contains="fjerner rettene som AU-medlem",
    )
    assert "Troms" in asked.text and "bekreft" in asked.text and bot.snapshot() == before
    asked = bot.say("person @aud troms koordinator", as_="admin", channel=channel)
    assert not asked.ok and lost in asked.text and confirm in asked.text and bot.snapshot() == before
    assert " er nå " not in asked.text and " er no " not in asked.text
    moved = assert_recorded(bot, f"person @aud troms koordinator {confirm}", as_="admin", channel=channel)
    assert "Troms" in moved.text and "AU-medlem" in moved.text and "lenger" in moved.text
    # Every surface agrees: AU's list, the terminal and Slack.
    assert "Aud Vik" not in bot.say("hvem AU", as_="admin").text
    assert "Aud Vik" in bot.say("hvem troms", as_="admin").text
    for platform, user, where in (("terminal", "aud", "nasjonal"), ("slack", "U0AUD", "C0NASJONAL")):
        refused = bot.say("dato høstmøte 12. november kl 10", as_=user, channel=where, platform=platform)
        assert not refused.ok and "Troms" in refused.text, platform


def test_the_same_party_and_role_again_and_a_new_person_ask_nothing() -> None:
    bot = make_bot(at=oslo(2026, 9, 7, 9))
    assert_recorded(bot, "person @eva agder koordinator", as_="admin")
    again = bot.say("person @eva agder koordinator", as_="admin")
    assert again.ok and again.title == "Allerede registrert"
    assert_refused(bot, "person @eva agder rådgiver", as_="admin", contains="fjerner rettene som koordinator")
