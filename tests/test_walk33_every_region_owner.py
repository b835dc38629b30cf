"""Walk 33 F6: AU's autumn minutes with «oppfølging: Innspill til avtale 2028 @regionene innen 15. november» were
refused with «Jeg kjenner ikke «@regionene»», no word of how to give a point to every region. As «@aktørene» does,
the refusal says to name each region, and names them, so typed as shown each gets its own point. Both written
forms; nothing recorded."""

from __future__ import annotations

import pytest

from tests.driver import make_bot, oslo


@pytest.mark.parametrize(
    ("person", "channel", "typed", "says"),
    [
        (
            "aud",
            "nasjonal",
            "referat høstmøte Godt møte. oppfølging: Innspill @regionene innen 15. november",
            "alle regionene",
        ),
        (
            "per",
            "vestland",
            "referat haust Godt møte. oppfølging: Innspel @fylka innan 15. desember stadfest",
            "alle regionane",
        ),
    ],
)
def test_every_region_is_named_and_nothing_recorded(person: str, channel: str, typed: str, says: str) -> None:
    bot = make_bot(at=oslo(2027, 10, 28, 12))
    before = bot.snapshot()
    reply = bot.say(typed, as_=person, channel=channel)
    assert not reply.ok and says in reply.text and "@agder @akershus" in reply.text and "@ostfold" in reply.text, (
        reply.text
    )
    assert bot.snapshot() == before


def test_the_regions_written_out_give_each_its_point() -> None:
    bot = make_bot(at=oslo(2027, 10, 28, 12))
    refused = bot.say("referat høstmøte Godt møte. oppfølging: Innspill @regionene innen 15. november", as_="aud")
    every = refused.text.split("f.eks. «", 1)[1].split("»", 1)[0]
    typed = bot.say(f"referat høstmøte Godt møte. oppfølging: Innspill {every} innen 15. november", as_="aud")
    assert typed.ok and "15 oppfølgingspunkter" in typed.text, typed.text
    bot = make_bot(at=oslo(2027, 10, 28, 12))
    reply = bot.say(
        "referat høstmøte Godt møte. oppfølging: Innspill @agder @vestland innen 15. november bekreft",
        as_="aud",
        channel="nasjonal",
    )
    assert reply.ok and "Agder fylkeskommune, innen 15. november 2027" in reply.text, reply.text
    assert "Vestland fylkeskommune, innen 15. november 2027" in reply.text, reply.text
