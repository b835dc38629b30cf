"""Walk 21 A11: an adviser typing two regions in one `signer` («signer agder vestland», «… og vestland») is
told to sign one agreement at a time, with a command for each that signs as typed; nothing is signed."""

from __future__ import annotations

import re

import pytest

from tests.driver import make_bot, oslo, record_all_preconditions


@pytest.mark.parametrize("lang", ["nb", "nn"])
@pytest.mark.parametrize("typed", ["signer agder vestland", "signer agder og vestland", "signer IN agder, vestland"])
def test_two_regions_in_one_signer_are_one_at_a_time(lang: str, typed: str) -> None:
    bot = make_bot(at=oslo(2027, 1, 5, 9))
    if lang == "nn":
        assert bot.say("målform kanal nynorsk", as_="admin", channel="in").ok
    record_all_preconditions(bot, year=2027, region="agder")
    record_all_preconditions(bot, year=2027, region="vestland")
    before = bot.snapshot()
    refused = bot.say(typed, as_="ola", channel="in")
    assert not refused.ok and bot.snapshot() == before, refused.text
    assert "er ikke part" not in refused.text and "er ikkje part" not in refused.text, refused.text
    examples = re.findall(r"«([^»]+)»", refused.text)
    assert len(examples) == 2 and "agder" in examples[0] and "vestland" in examples[1], refused.text
    for example in examples:
        assert bot.say(example, as_="ola", channel="in").ok, example
    assert "IN" in bot.core.state.signatures(region="agder", year=2027)
    assert "IN" in bot.core.state.signatures(region="vestland", year=2027)


def test_a_regions_coordinator_naming_another_region_is_answered_as_before() -> None:
    bot = make_bot(at=oslo(2027, 1, 5, 9))
    refused = bot.say("signer vestland agder", as_="kari")
    assert not refused.ok and "Én avtale om gangen" not in refused.text, refused.text
