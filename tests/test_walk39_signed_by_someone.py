"""`signer … signert av fylkesordføreren 11. januar` (walk 39 F5): the signer's words were dropped without a word
and «Kari Nordmann signerte» was recorded where the county mayor had signed; now nothing is recorded and the
reply says whose name a signature carries and how to write it. And «signert i Oslo 10. januar» (a place, after
the verb) is no second region: it was answered «Én avtale om gangen … «signer signert oslo 10. januar»»."""

from __future__ import annotations

import pytest

from tests.driver import signing_open


@pytest.mark.parametrize(
    ("person", "channel", "typed", "example"),
    [
        ("kari", "agder", "signer signert av fylkesordføreren 11. januar", "«signer signert 11. januar 2027»"),
        ("ola", "in", "signer agder signert av administrerende direktør", "«signer agder signert 12. januar 2027»"),
    ],
)
def test_signed_by_someone_else_records_nothing_and_says_how(
    person: str, channel: str, typed: str, example: str
) -> None:
    bot = signing_open(region="agder")
    bot.set_time(2027, 1, 12, 10)
    before = bot.snapshot()
    refused = bot.say(typed, as_=person, channel=channel)
    assert not refused.ok, refused.text
    assert "lagres ikke" in refused.text and example in refused.text, refused.text
    assert bot.snapshot() == before
    signed = bot.say(example.strip("«»"), as_=person, channel=channel)
    assert signed.ok and "signerte samarbeidsavtalen 2027" in signed.text, signed.text


def test_nynorsk_reads_the_refusal_in_its_own_form() -> None:
    bot = signing_open(region="vestland")
    bot.set_time(2027, 1, 12, 10)
    refused = bot.say("signer signert av fylkesordføraren 11. januar", as_="per", channel="vestland")
    assert not refused.ok and "vert ikkje lagra" in refused.text, refused.text


def test_a_place_after_signert_is_no_second_region() -> None:
    bot = signing_open(region="agder")
    bot.set_time(2027, 1, 12, 10)
    signed = bot.say("signer agder signert i Oslo 10. januar", as_="ola", channel="in")
    assert signed.ok, signed.text
    assert "Ført som signert 10. januar 2027" in signed.text, signed.text
    assert "Oslo" not in bot.say("status agder", as_="ola", channel="in").text.split("Signert:")[1].splitlines()[0]
