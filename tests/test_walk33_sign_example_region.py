"""Walk 33 F7: an actor's `signer vestland trekk` (words `signer` does not read) was answered «Skriv for eksempel
«signer NFR agder 2027»»: the example named Agder, a region the person had not typed. It names the region typed,
else the channel's. Both written forms (the nynorsk refusal from Vestland's channel)."""

from __future__ import annotations

from tests.driver import make_bot, oslo


def test_the_example_names_the_region_typed() -> None:
    bot = make_bot(at=oslo(2027, 2, 17, 10))
    before = bot.snapshot()
    reply = bot.say("signer vestland kanskje", as_="nils", channel="nfr")
    assert not reply.ok and "«signer NFR vestland 2027»" in reply.text and "agder" not in reply.text, reply.text
    reply = bot.say("signer agder kanskje", as_="nils", channel="nfr")
    assert not reply.ok and "«signer NFR agder 2027»" in reply.text, reply.text
    assert bot.snapshot() == before


def test_without_a_region_the_channels_region_in_nynorsk() -> None:
    bot = make_bot(at=oslo(2027, 2, 17, 10))
    reply = bot.say("signer kanskje", as_="nils", channel="vestland")
    assert not reply.ok and "«signer NFR vestland 2027»" in reply.text and "Eg forstod ikkje" in reply.text, reply.text
