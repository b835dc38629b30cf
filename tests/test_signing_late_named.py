"""Walk15b N2: a party signs for several regions; a late (or early) «signer» is refused naming the region's
agreement, so two refusals from two buttons do not read alike. Nothing is signed. Both written forms."""

from __future__ import annotations

import pytest

from tests.driver import make_bot, oslo, record_all_preconditions


def test_two_late_signings_by_one_party_name_their_regions() -> None:
    bot = make_bot(at=oslo(2027, 1, 4, 9))
    for region in ("agder", "vestland"):
        record_all_preconditions(bot, year=2027, region=region)
    bot.set_time(2027, 2, 1, 10)
    before = bot.snapshot()
    agder = bot.say("signer agder 2027", as_="ola", channel="in")
    vestland = bot.say("signer vestland 2027", as_="ola", channel="in")
    assert not agder.ok and "avtalen 2027 for Agder fylkeskommune var 31. januar 2027" in agder.text, agder.text
    assert not vestland.ok and "avtalen 2027 for Vestland fylkeskommune var" in vestland.text, vestland.text
    assert bot.snapshot() == before


@pytest.mark.parametrize(
    ("person", "region", "words"),
    [
        ("kari", "agder", "Avtalen 2027 for Agder fylkeskommune signeres fra 1. januar 2027"),
        ("per", "vestland", "Avtalen 2027 for Vestland fylkeskommune vert signert frå 1. januar 2027"),
    ],
)
def test_an_early_signing_names_the_region(person: str, region: str, words: str) -> None:
    bot = make_bot(at=oslo(2026, 12, 20, 9))
    record_all_preconditions(bot, year=2027, region=region)
    before = bot.snapshot()
    reply = bot.say(f"signer {region} 2027", as_=person)
    assert not reply.ok and words in reply.text, reply.text
    assert bot.snapshot() == before


def test_a_late_nynorsk_signing_names_the_region_and_the_stored_note_does_not() -> None:
    bot = make_bot(at=oslo(2027, 1, 4, 9))
    record_all_preconditions(bot, year=2027, region="vestland")
    bot.set_time(2027, 2, 3, 9)
    reply = bot.say("signer 2027", as_="per")
    assert not reply.ok and "Fristen for å signere avtalen 2027 for Vestland fylkeskommune var" in reply.text
    assert bot.say("signer 2027 stadfest", as_="per").ok
    signature = bot.core.state.signatures(region="vestland", year=2027)["vestland"]
    assert signature["outside_order_nn"] == "Fristen for å signere avtalen 2027 var 31. januar 2027."
