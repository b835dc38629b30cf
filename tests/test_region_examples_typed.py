"""Every «Hvilken region?» / «Hvilken aktør?» example is a whole command, the asker's own words with a region
put in (walk 8 N4, m11): typed exactly as shown, it is understood (read, recorded, or refused for a reason
other than the words), in either written form; never «…»."""

from __future__ import annotations

import re

import pytest

from tests.driver import make_bot, oslo
from tests.helpers import assert_recorded, assert_refused

ASKED = [
    ("ola", "in", "dato vår 22. april kl 10"),
    ("ola", "in", "dato høst uke 45"),
    ("ola", "in", "referat vår Godt møte vedtak: Felles søknad"),
    ("ola", "in", "referat politisk Vedtatt i fylkestinget"),
    ("ola", "in", "referat handlingsplan Vedtatt"),
    ("ola", "in", "referat vis høst"),
    ("ola", "in", "kvittering"),
    ("ola", "in", "oppdrag IN sendt"),
    ("aud", "nasjonal", "oppdrag SIVA ingen"),
    ("admin", "nasjonal", "oppdrag SIVA ingen"),
    ("aud", "nasjonal", "oppdrag sendt"),
    ("aud", "nasjonal", "oppdrag IN"),
    ("kari", "agder", "oppdrag sendt"),
    ("ola", "in", "ikke aktuelt oppdrag 2027"),
    ("ola", "in", "plan 2028–2031"),
    ("ola", "in", "forutsetning budsjett"),
    ("ola", "in", "signer"),
    ("ola", "in", "status"),
    ("ola", "in", "avtale"),
]
NOT_UNDERSTOOD = ("Hvilken region", "Kva region", "forstod ikke", "forstod ikkje", "Mente du", "Meinte du")


@pytest.mark.parametrize("form", ["nb", "nn"])
@pytest.mark.parametrize(("person", "channel", "text"), ASKED)
def test_the_example_typed_as_shown_is_understood(form: str, person: str, channel: str, text: str) -> None:
    bot = make_bot(at=oslo(2026, 12, 1, 15))
    assert bot.say(f"målform {form}", as_=person, channel=channel).ok
    asked = bot.say(text, as_=person, channel=channel)
    assert asked.ok is False, asked.text
    examples = [e for e in re.findall(r"«([^»]+)»", asked.text) if e != "oversikt"]
    assert examples, asked.text
    for example in examples:
        assert "…" not in example, asked.text
        typed = bot.say(example, as_=person, channel=channel)
        assert not any(n in typed.text for n in NOT_UNDERSTOOD), (example, typed.text)


def test_the_example_keeps_the_askers_status() -> None:
    bot = make_bot(at=oslo(2026, 12, 1, 15))
    # AU records no assignment: said at once, never «oppdrag SIVA ingen agder» it may not run (walk 14b F8)
    asked = bot.say("oppdrag SIVA ingen", as_="aud", channel="nasjonal")
    assert "fylkeskommunens koordinatorer" in asked.text and "sendt" not in asked.text, asked.text


def test_oppdrag_in_an_actors_channel_means_that_actor() -> None:
    bot = make_bot(at=oslo(2026, 12, 1, 15))
    done = assert_recorded(bot, "oppdrag ingen 2027", as_="kari", channel="siva")
    assert "Siva" in done.title, done.text


def test_switching_none_to_sent_asks_as_the_opposite_does() -> None:
    bot = make_bot(at=oslo(2026, 12, 1, 15))
    assert_recorded(bot, "oppdrag SIVA ingen 2027", as_="per", channel="vestland")
    assert_refused(bot, "oppdrag siva sendt 2027", as_="per", channel="vestland", contains="ingen i år")
    assert_recorded(bot, "oppdrag siva sendt 2027 bekreft", as_="per", channel="vestland")
    assert_recorded(bot, "oppdrag siva ingen 2027 bekreft", as_="per", channel="vestland")


@pytest.mark.parametrize(("person", "channel"), [("per", "vestland"), ("kari", "agder")])
def test_not_relevant_for_one_actor_points_to_oppdrag_ingen(person: str, channel: str) -> None:
    bot = make_bot(at=oslo(2026, 12, 1, 15))
    assert_refused(bot, "ikke aktuelt oppdrag SIVA 2027", as_=person, channel=channel, contains="oppdrag SIVA ingen")
