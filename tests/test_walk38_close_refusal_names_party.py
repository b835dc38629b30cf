"""A `ferdig` refused names the owner's party beside the owner (walk 38 F4): Ola's point may be closed by any
of Innovasjon Norge's people, so «Bare Ola Berg eller Agder fylkeskommune» told the asker something untrue."""

from __future__ import annotations

import re

import pytest

from tests.driver import make_bot, oslo


@pytest.mark.parametrize(
    ("region", "coordinator", "form", "said"),
    [
        ("agder", "kari", "nb", "Bare Innovasjon Norge (Ola Berg) eller Agder fylkeskommune kan lukke"),
        ("vestland", "per", "nn", "Berre Innovasjon Norge (Ola Berg) eller Vestland fylkeskommune kan lukke"),
    ],
)
def test_a_refused_close_names_the_owners_party(region: str, coordinator: str, form: str, said: str) -> None:
    bot = make_bot(at=oslo(2027, 1, 12, 10, 0))
    recorded = bot.say(
        f"referat høst {region} 2026 Godt møte 18. november. oppfølging: Lage notat @ola innen 1. mars bekreft",
        as_=coordinator,
        channel=region,
    )
    assert recorded.ok, recorded.text
    point = re.search(r"\[([0-9A-Z]{4})\]", recorded.text)
    assert point is not None
    assert bot.say(f"målform {form}", as_="siri").ok
    refused = bot.say(f"ferdig {point.group(1)}", as_="siri")
    assert said in refused.text, refused.text
    assert bot.say(f"ferdig {point.group(1)}", as_="ola").ok  # and IN's own may
