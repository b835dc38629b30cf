"""Walk 31 F1/F3: a meeting over days whose end time is not after its start («22.–23. april kl 12–12», lunch to
lunch) ends on its last day (tested with the other span forms in test_date_span_times.py); the same end on ONE
day stays refused, and the refusal's example is itself accepted."""

from __future__ import annotations

import pytest

from tests.driver import BotDriver, make_bot, oslo
from tests.helpers import assert_recorded


@pytest.fixture
def feb1() -> BotDriver:
    bot = make_bot(at=oslo(2027, 2, 1, 10))
    assert bot.say("dato vårmøte 11. mars kl 10", as_="aud").ok
    return bot


@pytest.mark.parametrize("as_", ["kari", "per"])
@pytest.mark.parametrize("when", ["22. april kl 12-12", "22. april kl 14-10"])
def test_the_same_end_on_one_day_stays_refused(feb1: BotDriver, as_: str, when: str) -> None:
    before = feb1.snapshot()
    reply = feb1.say(f"dato vår {when}", as_=as_)
    assert not reply.ok and feb1.snapshot() == before, reply.text
    assert "Sluttid" in reply.text and "februar" not in reply.text


@pytest.mark.parametrize("as_", ["kari", "per"])
@pytest.mark.parametrize("time", ["kl 23-01", "kl 22.30-22", "kl 23.59-01", "kl 14-12"])
def test_the_refusals_example_is_itself_accepted(as_: str, time: str) -> None:
    bot = make_bot(at=oslo(2026, 9, 1, 10))
    before = bot.snapshot()
    reply = bot.say(f"dato høst 12.11 {time}", as_=as_)
    assert not reply.ok and bot.snapshot() == before, reply.text
    example = reply.text.split("«")[-1].split("»")[0]
    assert example.startswith(("dato høst 12. november kl ", "dato haust 12. november kl ")), reply.text
    again = bot.say(example, as_=as_)  # a late evening asks to be confirmed; never refused the same way
    assert again.ok and "Sluttid" not in again.text, again.text


@pytest.mark.parametrize(("as_", "no_time"), [("kari", "uten klokkeslett"), ("per", "utan klokkeslett")])
def test_a_part_of_the_day_retyped_keeps_the_time_without_saying_there_is_none(
    feb1: BotDriver, as_: str, no_time: str
) -> None:
    """Walk 31 F8: «lunsj til lunsj» sets no time, so the planned 12.00 is kept; the reply never says «uten
    klokkeslett» right after «kl. 12.00»."""
    assert_recorded(feb1, "dato vår 22.-23. april kl 12", as_=as_)
    reply = feb1.say("dato vår torsdag 22. og fredag 23. april, lunsj til lunsj", as_=as_)
    assert reply.ok and "kl. 12.00" in reply.text, reply.text
    assert no_time not in reply.text, reply.text
