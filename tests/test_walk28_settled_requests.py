"""Walk 28 F5: a `bli med` request settled by `koble organisasjon` is answered to the person where they asked,
and a binding that makes them another party's than they asked for says so to the admin before `bekreft`."""

from __future__ import annotations

import pytest

from tests.driver import make_bot, oslo
from tests.test_organisations import TENANT, say

SHARED = "19:agder-delt@thread.tacv2"
FORMS = [
    ("nb", "Ingenting er endret", "Du ba om å bli med for Innovasjon Norge"),
    ("nn", "Ingenting er endra", "Du bad om å bli med for Innovasjon Norge"),
]


@pytest.mark.parametrize(("form", "nothing", "asked_for"), FORMS)
def test_a_binding_to_another_party_asks_first_and_tells_the_person_where_they_asked(
    form: str, nothing: str, asked_for: str
) -> None:
    bot = make_bot(at=oslo(2026, 11, 23, 10))
    if form == "nn":
        assert bot.say("målform nn", as_="admin").ok
        assert bot.say("målform kanal nn", as_="admin").ok
    asked = say(bot, "bli med IN", user="aad-xenia", channel=SHARED, organisation=TENANT)
    assert asked.ok, asked.text
    before = bot.snapshot()
    question = bot.say(f"koble organisasjon {TENANT} SIVA", as_="admin")
    assert not question.ok and nothing in question.text and "Innovasjon Norge" in question.text, question.text
    assert "Aad-Xenia" in question.text
    assert bot.snapshot() == before
    done = bot.say(f"koble organisasjon {TENANT} SIVA bekreft", as_="admin")
    assert done.ok, done.text
    told = [a for a in bot.last.announcements if a.to.channel_id == SHARED]
    assert len(told) == 1 and "Siva" in told[0].reply.text and asked_for in told[0].reply.text, told
    assert [m.person for m in told[0].reply.mentions] == ["aad-xenia"]


def test_a_binding_to_the_party_asked_for_needs_no_question_and_tells_the_person() -> None:
    bot = make_bot(at=oslo(2026, 11, 23, 10))
    assert say(bot, "bli med IN", user="aad-xenia", channel=SHARED, organisation=TENANT).ok
    done = bot.say(f"koble organisasjon {TENANT} IN", as_="admin")
    assert done.ok, done.text
    told = [a for a in bot.last.announcements if a.to.channel_id == SHARED]
    assert len(told) == 1 and "Innovasjon Norge" in told[0].reply.text and "Du ba om" not in told[0].reply.text
    assert "avgjort" in bot.say("opptak ja 1", as_="admin").text
