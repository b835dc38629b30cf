"""The next agreement's items are in `neste` from the day its preparation opens (1 September, when the model
starts the action plan and the draft's treatment), never months before under «Ellers» (walk 39: Agder's
`neste` in June 2027, its 2027 agreement signed and plan adopted, listed 2028's); the one rule
`bot.model.cycle.latest_counted`, which `status`'s section for the next agreement and the digests follow too."""

from __future__ import annotations

import pytest

from tests.driver import signing_open

CASES = [
    ("agder", "kari", "bekreft", "Årlig handlingsplan vedtatt 2028"),
    ("vestland", "per", "stadfest", "Årleg handlingsplan vedteken 2028"),
]


@pytest.mark.parametrize(("region", "person", "confirm", "plan"), CASES)
def test_next_cycles_items_wait_for_their_preparation(region: str, person: str, confirm: str, plan: str) -> None:
    bot = signing_open(region=region)
    for who in (person, "ola", "siri", "nils", "rita"):
        assert bot.say(f"signer {region} 2027", as_=who).ok
    assert bot.say(f"referat handlingsplan 2027 Vedtatt {confirm}", as_=person).ok
    for day in ((2027, 2, 10), (2027, 6, 10), (2027, 8, 31)):
        bot.set_time(*day, 9)
        text = bot.say("neste", as_=person).text
        assert "2028" not in text, (day, text)
        assert "2028" not in bot.say("status", as_=person).text, day
    bot.set_time(2027, 9, 1, 9)
    text = bot.say("neste", as_=person).text
    assert plan in text, text
