"""Walk 13 W0: a command refused for want of a year, a region or an actor suggests the asker's own words with
that one word put in. Typed back, the suggestion records exactly what typing the full command directly records
(never «sendt» for «ingen», never the marking for «angre», never today for the typed day), in both written forms."""

from __future__ import annotations

import re

import pytest

from tests.driver import make_bot, oslo

SUGGESTED = re.compile(r"(?:f\.eks\.|t\.d\.) «([^»]+)»")

CASES = [
    ((2027, 12, 16), "kari", None, "oppdrag SIVA ingen", "oppdrag SIVA ingen 2028"),
    ((2027, 12, 16), "per", None, "oppdrag SIVA ingen", "oppdrag SIVA ingen 2028"),
    (
        (2027, 12, 16),
        "kari",
        "ikke aktuelt oppdrag 2028",
        "ikke aktuelt oppdrag angre",
        "ikke aktuelt oppdrag 2028 angre",
    ),
    (
        (2027, 12, 16),
        "per",
        "ikkje aktuelt oppdrag 2028",
        "ikkje aktuelt oppdrag angre",
        "ikkje aktuelt oppdrag 2028 angre",
    ),
    (
        (2027, 9, 6),
        "nils",
        None,
        "forutsetning tildelingsbrev mottatt 1. september",
        "forutsetning tildelingsbrev 2028 mottatt 1. september",
    ),
    # A typed `bekreft` answered no question about the year suggested: left out (walk 19 F1), so typed back
    # the suggestion asks whatever it must.
    ((2027, 9, 6), "kari", None, "signer bekreft", "signer 2028"),
    # («oppdrag IN ingen» typed by IN's adviser is refused for the role at once, walk 14b F8:
    # tests/test_walk14b_region_only_writes.py)
]


@pytest.mark.parametrize(("day", "who", "before", "typed", "suggested"), CASES)
def test_the_suggestion_keeps_every_typed_word(
    day: tuple[int, int, int], who: str, before: str | None, typed: str, suggested: str
) -> None:
    walked, direct = make_bot(at=oslo(*day, 9, 0)), make_bot(at=oslo(*day, 9, 0))
    for bot in (walked, direct):
        if before:
            assert bot.say(before, as_=who).ok
    refused = walked.say(typed, as_=who)
    assert not refused.ok
    assert SUGGESTED.findall(refused.text)[0] == suggested
    followed = walked.say(suggested, as_=who)
    straight = direct.say(suggested, as_=who)
    assert followed.text == straight.text
    assert walked.say("status agder 2028", as_="kari").text == direct.say("status agder 2028", as_="kari").text
    assert walked.say("status vestland 2028", as_="per").text == direct.say("status vestland 2028", as_="per").text


def test_a_year_too_far_is_replaced_not_added() -> None:
    bot = make_bot(at=oslo(2027, 12, 16, 9, 0))
    assert SUGGESTED.findall(bot.say("signer 2072 bekreft", as_="kari").text) == ["signer 2027"]
