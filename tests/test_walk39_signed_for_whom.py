"""An actor's signature says whom it is for (walk 39 F2): «Siri Dahl signerte samarbeidsavtalen 2027 for Agder
fylkeskommune» under «Signert for Siva» read as if Siva had signed for the county; it names the actor with the
region, as «Allerede signert» does, and the region's own signature stays «for Agder fylkeskommune»."""

from __future__ import annotations

from tests.driver import signing_open


def test_an_actors_signature_names_the_actor_with_the_region() -> None:
    bot = signing_open(region="agder")
    own = bot.say("signer", as_="kari", channel="agder")
    assert own.ok and "Kari Nordmann signerte samarbeidsavtalen 2027 for Agder fylkeskommune," in own.text, own.text
    signed = bot.say("signer agder", as_="siri", channel="siva")
    assert signed.ok, signed.text
    assert "Siri Dahl signerte samarbeidsavtalen 2027 for Siva med Agder fylkeskommune," in signed.text, signed.text
    again = bot.say("signer agder", as_="siri", channel="siva")
    assert "for Siva med Agder fylkeskommune" in again.text, again.text


def test_nynorsk_reads_the_same_party_and_region() -> None:
    bot = signing_open(region="vestland")
    signed = bot.say("signer vestland", as_="nils", channel="nfr")
    assert signed.ok, signed.text
    assert "for Norges forskningsråd med Vestland fylkeskommune" in signed.text, signed.text
