"""walk 15 N4: `logg` says which signatures a new agreement text voided, as `kvittering` does; a text that
voids none says nothing more."""

from __future__ import annotations

import pytest

from tests.driver import text_command
from tests.walk14a_steps import CONFIRM, PERSON, signed_by


@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_the_log_of_a_new_text_names_the_signatures_it_voided(lang: str) -> None:
    person, region = PERSON[lang]
    bot = signed_by(lang=lang, signers=(("ola", "IN"), ("siri", "SIVA")))
    line = text_command(year=2027, region=region, version=2)
    assert bot.say(f"{line} {CONFIRM[lang]}", as_=person, channel=region).ok
    log = bot.say("logg", as_=person, channel=region).text
    entry = next(row for row in log.splitlines() if "avtaleteksten 2027, versjon 2" in row)
    assert "må signere på nytt:" in entry, entry
    for party in ("Innovasjon Norge", "Siva", "Vestland" if region == "vestland" else "Agder"):
        assert party in entry.split("må signere på nytt:")[1], entry
    first = next(row for row in log.splitlines() if "avtaleteksten 2027, versjon 1" in row)
    assert "signere på nytt" not in first, first
