"""Walk 33 F2: a meeting moved to another day typed without a time lost its time (and its end) without a word;
moved back, it stayed without. A day typed alone keeps the planned time, as the same day typed again always did,
and the reply says so; a new time typed with the day still replaces it. Both written forms, region and national."""

from __future__ import annotations

import pytest

from tests.driver import make_bot, oslo

KEPT = {
    "nb": "Klokkeslettet er beholdt fra den planlagte datoen",
    "nn": "Klokkeslettet frå den planlagde datoen står ved lag",
}


def _bot():
    bot = make_bot(at=oslo(2027, 6, 28, 10))
    assert bot.say("dato høstmøte 27. oktober kl 10", as_="aud", channel="nasjonal").ok
    return bot


@pytest.mark.parametrize(
    ("person", "channel", "first", "lang"),
    [
        ("kari", "agder", "dato høst tirsdag 16. november kl. 09.00-15.30", "nb"),
        ("per", "vestland", "dato haust tysdag 16. november kl. 09.00-15.30", "nn"),
    ],
)
def test_a_day_typed_alone_keeps_the_planned_time_and_end(person: str, channel: str, first: str, lang: str) -> None:
    bot = _bot()
    assert bot.say(first, as_=person, channel=channel).ok
    bot.set_time(2027, 8, 16, 9)
    season = "høst" if lang == "nb" else "haust"
    moved = bot.say(f"dato {season} 23. november", as_=person, channel=channel)
    assert moved.ok and "23. november 2027 kl. 09.00" in moved.text and "16. november 2027 kl. 09.00" in moved.text
    told = [a.reply.text for a in bot.last.announcements]
    assert told and all(
        "til tirsdag 23. november 2027 kl. 09.00" in t or "til tysdag 23. november 2027 kl. 09.00" in t for t in told
    ), told
    back = bot.say(f"dato {season} 16. november", as_=person, channel=channel)
    assert back.ok and "16. november 2027 kl. 09.00" in back.text, back.text
    assert "kl. 09.00" in bot.say(f"status {channel}", as_=person, channel=channel).text
    page = bot.say(f"status {channel}", as_=person, channel=channel).text
    assert "16. november 2027 kl. 09.00" in page, page


def test_the_reply_says_the_time_was_kept_in_the_askers_form() -> None:
    bot = _bot()
    assert bot.say("dato høst 16. november kl 9", as_="kari").ok
    assert KEPT["nb"] in bot.say("dato høst 18. november", as_="kari").text
    assert bot.say("dato haust 16. november kl 9", as_="per").ok
    reply = bot.say("dato haust 18. november", as_="per").text
    assert "Klokkeslettet" in reply and "beholdt" not in reply, reply


def test_a_new_time_typed_with_the_day_replaces_it() -> None:
    bot = _bot()
    assert bot.say("dato høst 16. november kl 9", as_="kari").ok
    reply = bot.say("dato høst 18. november kl 13", as_="kari")
    assert reply.ok and "18. november 2027 kl. 13.00" in reply.text and "beholdt" not in reply.text, reply.text


def test_the_national_meeting_keeps_its_time_too() -> None:
    bot = _bot()
    reply = bot.say("dato høstmøte 28.10", as_="aud", channel="nasjonal")
    assert reply.ok and "28. oktober 2027 kl. 10.00" in reply.text, reply.text
