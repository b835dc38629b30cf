"""A sentence names a party by its name, as `status` does («Regionale forskningsfond har ikke signert»,
«Signert: Siva (…)»), never by the code one types in a command («RFF», «SIVA»); codes stay in the commands
shown (walk 39; the one naming rule: AppConfig.party_prose)."""

from __future__ import annotations

from datetime import date

import pytest

from tests.driver import signing_open
from tests.test_model_timing import days_saying, posted

CASES = [  # region, coordinator, «not signed», «missing»
    ("agder", "kari", "Regionale forskningsfond har ikke signert", "Mangler signatur fra Regionale forskningsfond"),
    ("vestland", "per", "Regionale forskingsfond har ikkje signert", "Manglar signatur frå Regionale forskingsfond"),
]


@pytest.mark.parametrize(("region", "coordinator", "unsigned", "missing"), CASES)
def test_signing_lines_name_the_parties(region: str, coordinator: str, unsigned: str, missing: str) -> None:
    bot = signing_open(region=region)
    assert bot.say(f"signer {region} 2027", as_="siri").ok
    status = bot.say(f"status {region} 2027", as_=coordinator)
    assert "Signert: Siva (Siri Dahl, 5. januar 2027)" in status.text, status.text
    for person in (coordinator, "ola", "nils"):
        assert bot.say(f"signer {region} 2027", as_=person).ok
    rff = posted(bot, "rff", start=date(2027, 1, 6), end=date(2027, 1, 31))
    bokmaal = unsigned.replace("ikkje", "ikke").replace("forskingsfond", "forskningsfond")
    assert days_saying(rff, bokmaal), rff  # RFF's own channel reads bokmål
    assert not days_saying(rff, "RFF har ikke signert"), rff
    own = posted(bot, region, start=date(2027, 1, 6), end=date(2027, 1, 31))
    assert days_saying(own, missing), own
    assert not days_saying(own, "signatur fra RFF") and not days_saying(own, "signatur frå RFF"), own
