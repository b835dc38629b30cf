"""Walk 21 A1: an actor's adviser asking about `oppdrag` is told what each region has recorded for the
actor and who records it; never asked to answer the question themselves with a command they may not run.
Nothing changes."""

from __future__ import annotations

import re

import pytest

from tests.driver import make_bot, oslo
from tests.walk21_steps import in_january


@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_an_actor_asking_oppdrag_is_told_the_regions_answer(lang: str) -> None:
    bot = in_january(lang=lang, channel="siva")
    before = bot.snapshot()
    asked = bot.say("oppdrag agder", as_="siri", channel="siva")
    assert not asked.ok and bot.snapshot() == before
    waiting = "har ikkje registrert" if lang == "nn" else "har ikke registrert"
    assert f"Agder {waiting} oppdragsavtalen 2027 til Siva" in asked.text, asked.text
    coordinators = "koordinatorane i fylkeskommunen" if lang == "nn" else "fylkeskommunens koordinatorer"
    assert coordinators in asked.text, asked.text
    for example in re.findall(r"«([^»]+)»", asked.text):  # every command it names, she may run
        assert not example.startswith("oppdrag"), asked.text
        typed = bot.say(example, as_="siri", channel="siva")
        assert typed.ok, (example, typed.text)

    assert bot.say("oppdrag SIVA sendt", as_="kari", channel="agder").ok
    assert bot.say("oppdrag SIVA ingen", as_="per", channel="vestland").ok
    before = bot.snapshot()
    told = bot.say("oppdrag agder", as_="siri", channel="siva")
    assert not told.ok and bot.snapshot() == before
    assert "Agder har registrert oppdragsavtalen 2027 til Siva som sendt (5. januar 2027, Kari Nordmann)" in told.text

    every = bot.say("oppdrag", as_="siri", channel="siva")  # no region: each region's answer
    assert not every.ok and bot.snapshot() == before
    assert "som sendt" in every.text and "Vestland har registrert at Siva" in every.text, every.text
    assert "Rogaland" in every.text and "Agder" in every.text, every.text  # the unanswered named too
    typed = bot.say("oppdrag SIVA sendt", as_="siri", channel="siva")  # the command the walk was offered
    assert not typed.ok and bot.snapshot() == before and "som sendt" in typed.text, typed.text


def test_an_actor_in_a_regions_channel_hears_that_regions_answer_and_who_may_record() -> None:
    bot = make_bot(at=oslo(2027, 1, 5, 9))
    asked = bot.say("oppdrag agder", as_="ola", channel="agder")
    assert not asked.ok
    assert "Agder har ikke registrert oppdragsavtalen 2027 til Innovasjon Norge" in asked.text, asked.text
    assert "Hvilken aktør" not in asked.text, asked.text
    tried = bot.say("oppdrag IN sendt", as_="ola", channel="agder")  # trying to record: refused, told why and the state
    assert not tried.ok and "Bare Agder fylkeskommune" in tried.text and "har ikke registrert" in tried.text
    assert not bot.say("oppdrag vestland", as_="rita", channel="rff").ok
    assert "Vestland har ikke registrert oppdragsavtalen 2027 til Regionale forskningsfond" in bot.last.reply.text


def test_hjelp_oppdrag_says_the_region_records_it() -> None:
    bot = make_bot(at=oslo(2027, 1, 5, 9))
    assert "Regionens koordinator registrerer" in bot.say("hjelp oppdrag", as_="siri", channel="siva").text
