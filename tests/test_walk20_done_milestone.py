"""walk 20 F-d: `ferdig handlingsplan` (a milestone or a precondition named where a follow-up point's id goes)
is not read as a point to close: the refusal names the command that records it, in the reader's form, and
nothing changes. An id typed still closes its point."""

from __future__ import annotations

import pytest

from tests.driver import make_bot, oslo

CASES = [  # who, channel, typed, what the refusal names
    (
        "kari",
        "agder",
        "ferdig handlingsplan",
        "«referat handlingsplan <vedtak eller lenke>»",
        "lukker et oppfølgingspunkt",
    ),
    (
        "per",
        "vestland",
        "ferdig handlingsplan",
        "«referat handlingsplan <vedtak eller lenkje>»",
        "lukkar eit oppfølgingspunkt",
    ),
    ("kari", "agder", "ferdig politisk", "«referat politisk <vedtak eller lenke>»", "lukker et oppfølgingspunkt"),
    ("per", "vestland", "ferdig haust", "«referat haust <referat eller lenkje>»", "lukkar eit oppfølgingspunkt"),
    ("kari", "agder", "ferdig signering", "«signer»", "lukker et oppfølgingspunkt"),
]


@pytest.mark.parametrize(("person", "channel", "typed", "command", "closes"), CASES)
def test_a_milestone_named_to_ferdig_is_pointed_to_its_command(
    person: str, channel: str, typed: str, command: str, closes: str
) -> None:
    bot = make_bot(at=oslo(2026, 12, 10, 14))
    before = bot.snapshot()
    reply = bot.say(typed, as_=person, channel=channel)
    assert not reply.ok and command in reply.text and closes in reply.text, reply.text
    assert "Hvilket oppfølgingspunkt" not in reply.text and "Kva for oppfølgingspunkt" not in reply.text
    assert bot.snapshot() == before


def test_a_word_that_names_nothing_still_asks_which_point() -> None:
    bot = make_bot(at=oslo(2026, 12, 10, 14))
    assert "Hvilket oppfølgingspunkt?" in bot.say("ferdig tullball", as_="kari").text
