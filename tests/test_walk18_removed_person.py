"""Walk 18 (fixal) F14: a removal uses the name given with `person`, and the removed person is told so."""

from __future__ import annotations

import pytest

from tests.driver import make_bot, oslo


@pytest.mark.parametrize(("form", "told"), [("nb", "Du er ikke lenger med for"), ("nn", "Du er ikkje lenger med for")])
def test_a_removed_person_is_named_as_given_and_told_they_were_removed(form: str, told: str) -> None:
    bot = make_bot(at=oslo(2027, 1, 5, 9))
    assert bot.say("person @kari agder koordinator Kari N. Hansen", as_="admin", channel="nasjonal").ok
    assert bot.say("person @nyr agder koordinator Nils Ny", as_="admin", channel="nasjonal").ok
    assert bot.say(f"målform {form}", as_="kari", channel="agder").ok
    removed = bot.say("forlat agder @kari bekreft", as_="admin", channel="nasjonal")
    assert removed.ok and "Kari N. Hansen" in removed.text and "Kari Nordmann" not in removed.text, removed.text
    log = bot.say("logg", as_="nyr", channel="agder").text
    assert "fjernet Kari N. Hansen" in log, log
    before = bot.snapshot()
    refused = bot.say("dato vår 22. april", as_="kari", channel="agder")
    assert not refused.ok and bot.snapshot() == before, refused.text
    assert f"{told} Agder fylkeskommune" in refused.text and "bli med agder" in refused.text, refused.text
    assert "ennå" not in refused.text and "enno" not in refused.text, refused.text


def test_someone_never_registered_is_told_as_before() -> None:
    bot = make_bot(at=oslo(2027, 1, 5, 9))
    refused = bot.say("dato vår 22. april", as_="ukjent", channel="agder")
    assert not refused.ok and "ikke registrert hos meg ennå" in refused.text, refused.text
