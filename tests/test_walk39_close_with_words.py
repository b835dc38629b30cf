"""`ferdig H3A3 sendt på e-post til Kari` (walk 39 F6): the name «Kari» after the id, four letters, was read as a
second id («[KARI] ikke lukket: Jeg finner ikke oppfølgingspunktet «KARI»», «1 av 2»); words after the ids are
unread words unless written as a copied id is (capitals or a digit)."""

from __future__ import annotations

import re

from tests.driver import make_bot, oslo


def _points(bot, text: str) -> list[str]:  # type: ignore[no-untyped-def]
    recorded = bot.say(text, as_="kari", channel="agder")
    assert recorded.ok, recorded.text
    return list(dict.fromkeys(re.findall(r"\[([0-9A-Z]{4})\]", recorded.text)))


def test_a_name_after_the_id_is_no_second_id() -> None:
    bot = make_bot(at=oslo(2027, 1, 12, 10, 0))
    (point,) = _points(bot, "referat høst agder 2026 Godt møte 18. november. oppfølging: Sende tall @IN bekreft")
    closed = bot.say(f"ferdig {point} sendt på e-post til Kari", as_="ola", channel="in")
    assert closed.ok, closed.text
    assert "1 av 1" in closed.text and "KARI" not in closed.text, closed.text
    assert "«Kari»" in closed.text, closed.text  # said unread, never dropped
    assert f"ferdig {point}" not in bot.say("neste", as_="ola", channel="in").text


def test_ids_typed_after_words_in_capitals_are_still_read() -> None:
    bot = make_bot(at=oslo(2027, 1, 12, 10, 0))
    first, second = _points(
        bot, "referat høst agder 2026 Godt møte 18. november. oppfølging: Sende tall @IN; Lage notat @IN bekreft"
    )
    closed = bot.say(f"ferdig {first.lower()} og også {second}", as_="ola", channel="in")
    assert closed.ok and "2 av 2" in closed.text, closed.text
