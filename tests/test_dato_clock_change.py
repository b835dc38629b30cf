"""A meeting typed at a time Oslo's clock skips (02.30 on the spring night) or shows twice (02.30 on the autumn
night) is refused with one line saying so and a time to type instead, in both written forms: never confirmed as
«kl. 02.30» and shown later as «kl. 03.30» (walk 34 F8)."""

from __future__ import annotations

import pytest

from tests.driver import make_bot, oslo

SEATS = [
    ("kari", "agder", "vår", "finnes ikke natt til søndag 28. mars 2027", "dato vår 2027 28.3.2027 kl 03.00"),
    ("per", "vestland", "vår", "finst ikkje natt til søndag 28. mars 2027", "dato vår 2027 28.3.2027 kl 03.00"),
]


@pytest.mark.parametrize(("who", "channel", "season", "said", "instead"), SEATS)
@pytest.mark.parametrize("typed", ["28. mars kl 02:30", "2027-03-28 02:30", "søndag 28.03.2027 kl. 02.30"])
def test_the_spring_gap_is_refused(who: str, channel: str, season: str, said: str, instead: str, typed: str) -> None:
    bot = make_bot(at=oslo(2027, 3, 1, 9))
    before = bot.snapshot()
    reply = bot.say(f"dato {season} 2027 {typed} bekreft", as_=who, channel=channel)
    assert not reply.ok
    assert "02.30" in reply.text and said in reply.text and instead in reply.text
    assert "03.30" not in reply.text
    assert bot.snapshot() == before  # nothing written
    typed_instead = bot.say(f"{instead} bekreft", as_=who, channel=channel)
    assert typed_instead.ok and "kl. 03.00" in typed_instead.text  # the suggestion is taken as typed


@pytest.mark.parametrize(
    ("who", "channel", "season", "said"),
    [("kari", "agder", "høst", "kommer to ganger natt til"), ("per", "vestland", "haust", "kjem to gonger natt til")],
)
def test_the_autumn_hour_twice_is_refused(who: str, channel: str, season: str, said: str) -> None:
    bot = make_bot(at=oslo(2027, 9, 1, 9))
    before = bot.snapshot()
    reply = bot.say(f"dato {season} 2027 31. oktober kl 02:30 bekreft", as_=who, channel=channel)
    assert not reply.ok and said in reply.text and "31. oktober 2027" in reply.text
    assert bot.snapshot() == before


@pytest.mark.parametrize("clock", ["01:30", "03:30"])
def test_the_hours_around_the_turn_are_kept_as_typed(clock: str) -> None:
    bot = make_bot(at=oslo(2027, 9, 1, 9))
    reply = bot.say(f"dato høst 2027 31. oktober kl {clock} bekreft", as_="kari", channel="agder")
    assert reply.ok and f"kl. {clock.replace(':', '.')}" in reply.text
    again = bot.say(f"dato høst 2027 31. oktober kl {clock} bekreft", as_="kari", channel="agder")
    assert "Ingenting er endret" in again.text  # the same instant typed again is no replacement
    shown = bot.say("status 2027", as_="kari", channel="agder")
    assert f"Planlagt: søndag 31. oktober 2027 kl. {clock.replace(':', '.')}" in shown.text


def test_minutes_held_on_the_spring_night_read_the_day() -> None:
    bot = make_bot(at=oslo(2027, 3, 29, 9))
    reply = bot.say("referat vår 2027 holdt 28. mars kl 02:30 Godt møte", as_="kari", channel="agder")
    assert "finnes ikke" not in reply.text
