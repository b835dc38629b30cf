"""Walk 28 F3: a signature stands for the party it was made for (`bot.facts.signed_by`); moving its signer
(`person … bekreft`) or rebinding their organisation (`koble organisasjon … bekreft`) names it in the question
first, and the same person never signs a second party's place in the same agreement."""

from __future__ import annotations

import pytest

from tests.driver import make_bot, oslo, record_all_preconditions
from tests.test_organisations import TENANT, say


def _signed_through_the_organisation(*, nynorsk: bool):
    bot = make_bot(at=oslo(2027, 1, 5, 9))
    record_all_preconditions(bot, year=2027)
    if nynorsk:
        assert bot.say("målform nn", as_="admin").ok
    assert bot.say(f"koble organisasjon {TENANT} IN", as_="admin").ok
    signed = say(bot, "signer IN agder 2027 versjon 1", user="aad-inga", channel="agder", organisation=TENANT)
    assert signed.ok, signed.text
    return bot


@pytest.mark.parametrize(
    ("nynorsk", "stand", "nothing"), [(False, "står", "Ingenting er endret"), (True, "står", "Ingenting er endra")]
)
def test_rebinding_an_organisation_names_the_signatures_made_through_it(
    nynorsk: bool, stand: str, nothing: str
) -> None:
    bot = _signed_through_the_organisation(nynorsk=nynorsk)
    before = bot.snapshot()
    asked = bot.say(f"koble organisasjon {TENANT} SIVA", as_="admin")
    assert not asked.ok and nothing in asked.text
    assert "Aad-Inga for Innovasjon Norge" in asked.text and "2027" in asked.text and stand in asked.text, asked.text
    assert bot.snapshot() == before
    assert bot.say(f"koble organisasjon {TENANT} SIVA bekreft", as_="admin").ok
    # The IN signature stands; the same person may not take Siva's place in the same agreement as well.
    before = bot.snapshot()
    again = say(bot, "signer SIVA agder 2027 versjon 1", user="aad-inga", channel="agder", organisation=TENANT)
    assert not again.ok and "Innovasjon Norge" in again.text and "én part" in again.text, again.text
    assert bot.snapshot() == before
    assert set(bot.tables("cycle/agder/2027")["signatures"]) == {"IN"}
    # Another person of the same organisation signs for Siva.
    other = say(bot, "signer SIVA agder 2027 versjon 1", user="aad-siv", channel="agder", organisation=TENANT)
    assert other.ok, other.text


def test_moving_a_person_who_signed_names_the_signature_and_refuses_a_second_place() -> None:
    bot = make_bot(at=oslo(2027, 1, 5, 9))
    record_all_preconditions(bot, year=2027)
    assert bot.say("signer IN agder 2027 versjon 1", as_="ola", channel="in").ok
    asked = bot.say("person @ola SIVA rådgiver", as_="admin", channel="nasjonal")
    assert not asked.ok and "Ola Berg for Innovasjon Norge på samarbeidsavtalen 2027 for Agder" in asked.text, (
        asked.text
    )
    assert bot.say("person @ola SIVA rådgiver bekreft", as_="admin", channel="nasjonal").ok
    before = bot.snapshot()
    again = bot.say("signer SIVA agder 2027 versjon 1", as_="ola", channel="siva")
    assert not again.ok and "én part" in again.text, again.text
    assert bot.snapshot() == before
    status = bot.say("status agder 2027", as_="kari", channel="agder")
    assert "SIVA (Ola" not in status.text
