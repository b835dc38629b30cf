"""walk 16 (fixai): what a newcomer meets in a monthly rhythm, each finding as a person meets it."""

from __future__ import annotations

import re

import pytest

from tests.driver import make_bot, oslo, record_all_preconditions

PERSON = {"nb": ("kari", "agder"), "nn": ("per", "vestland")}
OTHERS = {"nb": "andre åpne", "nn": "andre opne"}
NOT_THERE = {"nb": "Side 9 finnes ikke", "nn": "Side 9 finst ikkje"}


def _titles(text: str) -> list[str]:
    return re.findall(r"^• (.+)$", text, flags=re.MULTILINE)


@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_neste_side_2_shows_the_other_open_items_and_a_page_past_the_end_says_so(lang: str) -> None:
    """F4: «Viser 5 av 10 andre åpne» names the page that holds the rest; that page lists them, none twice."""
    person, channel = PERSON[lang]
    bot = make_bot(at=oslo(2026, 11, 23, 9))
    first = bot.say("neste", as_=person, channel=channel)
    shown, total = (int(n) for n in re.search(rf"Viser (\d+) av (\d+) {OTHERS[lang]}", first.text).groups())
    assert shown < total and "«neste side 2»" in first.text, first.text
    assert "neste side 2" in [button.command for button in first.buttons]
    second = bot.say("neste side 2", as_=person, channel=channel)
    rest = _titles(second.text)
    assert len(rest) == total - shown and not set(rest) & set(_titles(first.text)), second.text
    assert f"{shown + 1}–{total} av {total}" in second.text
    before = bot.snapshot()
    past = bot.say("neste side 9", as_=person, channel=channel)
    assert NOT_THERE[lang] in past.text and _titles(past.text) == rest, past.text
    assert bot.snapshot() == before


SIGNERS = {"ola": "in", "siri": "siva", "nils": "nfr", "rita": "rff"}
ASKED = {"nb": "Disse venter på din signatur: Agder 2027, Vestland 2027.", "nn": "Desse ventar på signaturen din"}


@pytest.mark.parametrize("person", sorted(SIGNERS))
def test_a_bare_signer_in_an_actors_channel_signs_the_one_agreement_that_waits_for_it(person: str) -> None:
    """F1: «Hver part signerer med «signer»» is typed as told in the actor's own channel (no region in it)."""
    bot = make_bot(at=oslo(2027, 1, 5, 9))
    record_all_preconditions(bot, year=2027)
    done = bot.say("signer", as_=person, channel=SIGNERS[person])
    assert done.ok and "2027 for Agder fylkeskommune" in done.text, done.text
    party = bot.core.config.party_short(next(iter(bot.core.state.signatures(region="agder", year=2027))))
    assert party.lower() == SIGNERS[person]


@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_a_bare_signer_with_several_waiting_asks_with_a_button_each(lang: str) -> None:
    bot = make_bot(at=oslo(2027, 1, 5, 9))
    assert bot.say(f"målform {lang}", as_="ola", channel="in").ok
    record_all_preconditions(bot, year=2027)
    record_all_preconditions(bot, year=2027, region="vestland")
    before = bot.snapshot()
    asked = bot.say("signer", as_="ola", channel="in")
    assert not asked.ok and ASKED[lang] in asked.text, asked.text
    assert bot.snapshot() == before
    commands = [button.command for button in asked.buttons]
    assert commands == ["signer IN agder 2027 versjon 1", "signer IN vestland 2027 versjon 1"]
    assert bot.say(commands[1], as_="ola", channel="in").ok
    assert "IN" in bot.core.state.signatures(region="vestland", year=2027)
    assert not bot.core.state.signatures(region="agder", year=2027)


def test_a_bare_signer_with_nothing_waiting_still_asks_which_region() -> None:
    bot = make_bot(at=oslo(2027, 1, 5, 9))
    asked = bot.say("signer", as_="ola", channel="in")
    assert not asked.ok and "Hvilken regions avtale" in asked.text and not asked.buttons
