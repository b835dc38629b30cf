"""walk 15 N2, as issue 18's leftovers (fixam) have it: a pasted list whose owners are written without «@»
reads them as @ is read («Sende tall (IN)», «ansvar: Siva», a registered person's whole name); a point whose
owner cannot be read (none named, «NFR/RFF», an unknown name) is kept without one and named in the reply with
how to give one, in both written forms. These tests asserted the old refusal of the whole minutes, the
behaviour the task calls wrong (never refuse the whole minutes): they now assert the points are kept."""

from __future__ import annotations

import pytest

from tests.driver import BotDriver
from tests.walk15_steps import autumn_held

FORMS = {
    "nb": (
        "kari",
        "agder",
        "høst",
        "Oppfølgingspunkter",
        "innen",
        "har ingen ansvarlig jeg kjenner",
        "ingen ansvarlig",
    ),
    "nn": (
        "per",
        "vestland",
        "haust",
        "Oppfølgingspunkt",
        "innan",
        "har ingen ansvarleg eg kjenner",
        "ingen ansvarleg",
    ),
}


def _held() -> BotDriver:
    bot = autumn_held()
    bot.set_time(2026, 12, 7, 10)
    return bot


@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_owners_written_without_at_are_read_and_the_unowned_point_is_kept_and_said(lang: str) -> None:
    person, region, autumn, heading, until, lacks, nobody = FORMS[lang]
    bot = _held()
    points = [
        f"Sende tall (IN) {until} 15. januar",
        "Notat om inkubatorer, ansvar: Siva",
        f"Oversikt @NFR {until} 20. januar",
        "NFR/RFF: felles notat om FoU-behov",
    ]
    text = f"referat {autumn} Godt møte holdt 3. desember\n{heading}:\n" + "\n".join(f"• {p}" for p in points)
    reply = bot.say(text, as_=person, channel=region)
    assert reply.ok, reply.text
    assert lacks in reply.text and "«NFR/RFF: felles notat om FoU-behov»" in reply.text, reply.text
    assert "@IN" in reply.text  # how to give one
    assert f"NFR/RFF: felles notat om FoU-behov ({nobody}" in reply.text, reply.text
    status = bot.say("status", as_=person, channel=region).text
    assert "Sende tall (Innovasjon Norge" in status and "Notat om inkubatorer (Siva" in status, status


@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_one_point_without_an_owner_is_kept_and_said(lang: str) -> None:
    person, region, autumn, _heading, until, lacks, _nobody = FORMS[lang]
    bot = _held()
    reply = bot.say(
        f"referat {autumn} Godt møte. Oppfølging: Sende tall {until} 15. januar", as_=person, channel=region
    )
    assert reply.ok and "«Sende tall" in reply.text and lacks in reply.text, reply.text
