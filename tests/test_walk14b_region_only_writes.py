"""Walk 14b F8: in an actor's channel, a write only a county council makes for its region (`oppdrag`, `dato`,
`avtale`, `forutsetning budsjett`, `referat`) is refused for the role at once, saying who records it, and
never asks «Hvilken region?» with an example the asker may not run (`bot.actions.rules.refuse_for_the_role`).
Reads of the same words (`avtale`, `referat vis`) still ask for the region; a county's own coordinator is
answered as before."""

from __future__ import annotations

import pytest

from tests.driver import make_bot, oslo

WRITES = (
    "oppdrag IN sendt",
    "oppdrag IN ingen",
    "oppdrag sendt",
    "dato vår 22. april",
    "avtale https://dok.agder.no/x.pdf",
    "forutsetning budsjett",
    "referat vår Godt møte",
    "ikke aktuelt oppdrag",
    "plan 2028–2031",
)


@pytest.mark.parametrize("lang", ["nb", "nn"])
@pytest.mark.parametrize("command", WRITES)
def test_an_actors_adviser_is_told_who_records_a_regions_write(command: str, lang: str) -> None:
    bot = make_bot(at=oslo(2027, 1, 6, 10))
    if lang == "nn":
        assert bot.say("målform kanal nn", as_="admin", channel="in").ok
    for who, channel, party in (("ola", "in", "Innovasjon Norge"), ("siri", "siva", "Siva")):
        before = bot.snapshot()
        reply = bot.say(command, as_=who, channel=channel)
        assert not reply.ok and bot.snapshot() == before, reply.text
        assert "Hvilken region" not in reply.text and "Kva region" not in reply.text, reply.text
        nynorsk = lang == "nn" and channel == "in"
        word = "koordinatorane i fylkeskommunen" if nynorsk else "fylkeskommunens koordinatorer"
        assert word in reply.text and party in reply.text, reply.text
        assert not any(b.command for b in reply.buttons), reply.buttons


def test_reads_and_the_countys_own_writes_are_as_before() -> None:
    bot = make_bot(at=oslo(2027, 1, 6, 10))
    assert "Hvilken region" in bot.say("avtale", as_="ola", channel="in").text  # reading: for anyone
    assert "Hvilken region" in bot.say("referat vis vår", as_="ola", channel="in").text
    assert bot.say("dato vår 22. april", as_="kari", channel="agder").ok
    refused = bot.say("dato vår agder 22. april", as_="ola", channel="in")  # named: the refusal as before
    assert not refused.ok and "Agder fylkeskommune" in refused.text, refused.text
