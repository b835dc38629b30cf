"""Walk 28 F1: in a region's shared channel an actor's adviser known through the organisation gets their own
actor's `neste` in that region (its tildelingsbrev first), as `hvem` there answers for them; `neste agder`
still gives the county's list (`bot.model.identity.own_actor_here`)."""

from __future__ import annotations

import pytest

from tests.driver import make_bot, oslo
from tests.test_organisations import ADMIN_TEAMS, TENANT, say

SHARED = "19:agder-delt@thread.tacv2"


@pytest.mark.parametrize("form", ["nb", "nn"])
def test_an_actors_adviser_in_a_regions_shared_channel_gets_their_actors_neste(form: str) -> None:
    bot = make_bot(at=oslo(2027, 1, 20, 10))
    bind = bot.say("koble region agder", as_=ADMIN_TEAMS, platform="teams", channel=SHARED)
    assert bind.ok, bind.text
    if form == "nn":
        assert bot.say("målform kanal nn", as_=ADMIN_TEAMS, platform="teams", channel=SHARED).ok
    assert bot.say(f"koble organisasjon {TENANT} IN", as_="admin").ok
    neste = say(bot, "neste", user="aad-inga", channel=SHARED, organisation=TENANT)
    assert neste.ok and "Innovasjon Norge i Agder" in neste.text, neste.text
    assert "Tildelingsbrev" in neste.text, neste.text
    who = say(bot, "hvem", user="aad-inga", channel=SHARED, organisation=TENANT)
    assert "Innovasjon Norge" in who.text.splitlines()[0]
    county = say(bot, "neste agder", user="aad-inga", channel=SHARED, organisation=TENANT)
    assert county.ok and "Innovasjon Norge i" not in county.text.splitlines()[0]
    # The county's own people and unknown readers still get the channel's party.
    guest = say(bot, "neste", user="aad-guest", channel=SHARED, organisation="0d5a1e4c-7b1e-4c1a-9a55-1f0e6b3c2d10")
    assert "Innovasjon Norge" not in guest.text.splitlines()[0]
