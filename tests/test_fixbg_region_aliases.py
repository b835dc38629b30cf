"""Region names as people say them (walk 39): former and informal names are app.yaml's aliases; a former
county now split between regions (Viken) is answered with a question naming them, never a guess."""

from __future__ import annotations

import pytest

from bot.model.config import ConfigError, parse_config
from tests.driver import make_bot, oslo
from tests.helpers import assert_refused, demo_text, replace_once


@pytest.mark.parametrize(
    ("typed", "heading"),
    [
        ("status møre", "Møre og Romsdal"),
        ("status Vest-Agder", "Agder fylkeskommune"),
        ("status Hordaland", "Vestland fylkeskommune"),
        ("status Sogn og Fjordane 2027", "Vestland fylkeskommune"),
        ("status hedmark", "Innlandet fylkeskommune"),
        ("status Nord-Trøndelag", "Trøndelag fylkeskommune"),
    ],
)
def test_former_and_informal_names_are_the_region(typed: str, heading: str) -> None:
    bot = make_bot(at=oslo(2027, 3, 1, 9, 0))
    reply = bot.say(typed, as_="aud")
    assert reply.ok, reply.text
    assert heading in reply.text.splitlines()[0]


def test_a_split_county_is_asked_about_in_both_forms() -> None:
    bot = make_bot(at=oslo(2027, 3, 1, 9, 0))
    reply = assert_refused(bot, "status Viken", as_="aud", contains=("Viken", "«Akershus», «Buskerud» eller «Østfold»"))
    assert "forstod" not in reply.text
    nynorsk = assert_refused(bot, "status Troms og Finnmark", as_="per", contains=("«Troms» eller «Finnmark»",))
    assert "Kva" in nynorsk.text and "Hvilken" not in nynorsk.text


def test_an_alias_naming_two_parties_is_refused_at_start_up() -> None:
    text = replace_once(
        demo_text(),
        '{name: "Viken", regions: [akershus, buskerud, ostfold]}',
        '{name: "Hordaland", regions: [akershus, buskerud]}',
    )
    with pytest.raises(ConfigError) as caught:
        parse_config(text)
    assert any("Hordaland" in problem for problem in caught.value.problems)
    text = replace_once(demo_text(), "regions: [vestfold, telemark]", "regions: [vestfold, grenland]")
    with pytest.raises(ConfigError) as caught:
        parse_config(text)
    assert any("grenland" in problem for problem in caught.value.problems)
