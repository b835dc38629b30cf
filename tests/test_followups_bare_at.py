"""A follow-up point that is only «@» and a deadline says nothing to be done (walk 32 F7): refused as «oppfølging:
@IN innen 1. mai» is, «mangler tekst», in both written forms, and nothing is stored; before, «@» was kept as the
point's text with no owner, and `ferdig` listed «[YEJ3] @»."""

from __future__ import annotations

import pytest

from tests.driver import make_bot, oslo
from tests.walk14a_steps import PERSON

WORDS = {
    "nb": ("innen", "bekreft", "mangler tekst: hva skal gjøres?"),
    "nn": ("innan", "stadfest", "manglar tekst: kva skal gjerast?"),
}


@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_a_point_of_a_bare_at_sign_is_refused_and_nothing_stored(lang: str) -> None:
    person, region = PERSON[lang]
    within, confirm, refused = WORDS[lang]
    bot = make_bot(at=oslo(2027, 4, 20, 15))
    before = bot.snapshot()
    reply = bot.say(f"referat vår Møte. oppfølging: @ {within} 1. mai {confirm}", as_=person, channel=region)
    assert not reply.ok and refused in reply.text, reply.text
    assert bot.snapshot() == before
