"""walk 15 N2: a pasted list whose owners are written without «@» names every point that lacks one in one
reply, in both written forms, and saves nothing; one such point is refused as before."""

from __future__ import annotations

import pytest

from tests.driver import BotDriver
from tests.walk15_steps import autumn_held

FORMS = {
    "nb": ("kari", "agder", "høst", "Oppfølgingspunkter", "innen", "mangler ansvarlig", "Ingenting er lagret"),
    "nn": ("per", "vestland", "haust", "Oppfølgingspunkt", "innan", "manglar ansvarleg", "Ingenting er lagra"),
}


def _held() -> BotDriver:
    bot = autumn_held()
    bot.set_time(2026, 12, 7, 10)
    return bot


@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_every_point_without_an_owner_is_named_in_one_reply(lang: str) -> None:
    person, region, autumn, heading, until, lacks, nothing = FORMS[lang]
    bot = _held()
    points = [
        f"Sende tall (IN) {until} 15. januar",
        "Notat om inkubatorer, ansvar: Siva, frist 1. februar",
        f"Oversikt @NFR {until} 20. januar",
        "NFR/RFF: felles notat om FoU-behov",
    ]
    text = f"referat {autumn} Godt møte holdt 3. desember\n{heading}:\n" + "\n".join(f"• {p}" for p in points)
    before = bot.snapshot()
    reply = bot.say(text, as_=person, channel=region)
    assert not reply.ok
    assert f"3 oppfølgingspunkt{'er' if lang == 'nb' else ''} {lacks}" in reply.text, reply.text
    for unowned in ("Sende tall (IN)", "Notat om inkubatorer", "NFR/RFF: felles notat"):
        assert unowned in reply.text, (unowned, reply.text)
    assert "Oversikt" not in reply.text and nothing in reply.text
    assert bot.snapshot() == before


@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_one_point_without_an_owner_is_refused_as_before(lang: str) -> None:
    person, region, autumn, _heading, until, lacks, _nothing = FORMS[lang]
    bot = _held()
    before = bot.snapshot()
    reply = bot.say(
        f"referat {autumn} Godt møte. Oppfølging: Sende tall {until} 15. januar", as_=person, channel=region
    )
    assert not reply.ok and f"Oppfølgingspunktet «Sende tall {until} 15. januar» {lacks}" in reply.text, reply.text
    assert bot.snapshot() == before
