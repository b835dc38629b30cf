"""A meeting place typed after the date («dato vår 22. april kl 10 Kristiansand, rådhuset») is not a bad date:
the bot keeps no place, so the reply names the place's words as not read, says where a place goes and gives
the date alone to type, in both written forms; nothing is written (walk 35 F9)."""

from __future__ import annotations

import pytest

from tests.driver import make_bot, oslo

SEATS = {
    "nb": ("kari", "agder", "høst", "Boten lagrer ikke møtested; skriv det i innkallingen.", "Jeg forstod ikke"),
    "nn": ("per", "vestland", "haust", "Boten lagrar ikkje møtestad; skriv han i innkallinga.", "Eg forstod ikkje"),
}
PLACES = [
    # (typed after «dato <møte> », the words named as not read, the date to type again)
    (
        "12. november kl 10-15 Scandic Kristiansand, møterom Sørlandet & Co",
        "Scandic Kristiansand, møterom",
        "12. november kl 10-15",
    ),
    ("12. november kl 10 Kristiansand, rådhuset", "Kristiansand, rådhuset", "12. november kl 10"),
    ("12. november kl 10, Bergen rådhus, møterom 3", "Bergen rådhus, møterom 3", "12. november kl 10"),
    ("12.11.2026 10:00 Thon Hotel Opera", "Thon Hotel Opera", "12.11.2026 10:00"),
]


@pytest.mark.parametrize("lang", ["nb", "nn"])
@pytest.mark.parametrize(("typed", "unread", "date"), PLACES)
def test_a_place_after_the_date_is_named_and_the_date_offered(lang: str, typed: str, unread: str, date: str) -> None:
    who, channel, season, where, not_read = SEATS[lang]
    bot = make_bot(at=oslo(2026, 10, 5, 9))
    before = bot.snapshot()
    reply = bot.say(f"dato {season} {typed}", as_=who, channel=channel)
    assert not reply.ok
    assert f"{not_read} «{unread}" in reply.text, reply.text
    assert where in reply.text and f"«dato {season} {date}»" in reply.text, reply.text
    assert bot.snapshot() == before
    again = bot.say(f"dato {season} {date} bekreft", as_=who, channel=channel)
    assert again.ok, again.text  # the date offered is read as typed


def test_words_before_the_date_are_still_named_without_a_place() -> None:
    reply = make_bot(at=oslo(2026, 10, 5, 9)).say(
        "dato politisk fylkestinget 14. desember", as_="kari", channel="agder"
    )
    assert "Jeg forstod ikke «fylkestinget» i datoen" in reply.text and "møtested" not in reply.text
