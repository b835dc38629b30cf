"""Walk 10, X8: words that point forward («over påske», «veka etter påske», «påskeuka», «skjærtorsdag»)
typed after this year's Easter mean next year's; with the passed year typed on purpose, the question names
both and offers each. «Lagre likevel» never silently saves a passed day for them. Both written forms."""

from __future__ import annotations

import pytest

from tests.driver import make_bot, oslo

PEOPLE = [("kari", "agder", "bekreft"), ("per", "vestland", "stadfest")]
# A week after Easter is its first working day, never Easter Monday (walk 14a F4).
WORDS = [("over påske", "2028-04-18"), ("veka etter påske", "2028-04-18"), ("uka etter påske", "2028-04-18"),
         ("påskeuka", "2028-04-10"), ("skjærtorsdag", "2028-04-13")]  # fmt: skip


@pytest.mark.parametrize(("as_", "channel", "confirm"), PEOPLE)
@pytest.mark.parametrize(("words", "coming"), WORDS)
def test_after_easter_the_words_mean_next_easter(as_: str, channel: str, confirm: str, words: str, coming: str) -> None:
    bot = make_bot(at=oslo(2027, 4, 7, 10))  # Easter 2027 was 28 March
    before = bot.snapshot()
    reply = bot.say(f"dato vår {words}", as_=as_, channel=channel)
    assert bot.snapshot() == before, reply.text  # next year's cycle while this spring's is open: asked
    commands = [button.command for button in reply.buttons]
    assert commands and all(" 2027-0" not in command for command in commands), reply.text  # no passed day
    assert commands[0] == f"dato vår {channel} 2028 {coming} {confirm}"
    assert "2027" in reply.text and "2028" in reply.text  # both springs named
    saved = bot.say(commands[0], as_=as_, channel=channel)
    assert saved.ok and "2028" in saved.title, saved.text


@pytest.mark.parametrize(("as_", "channel", "confirm"), PEOPLE)
def test_the_passed_year_typed_on_purpose_names_the_coming_one_too(as_: str, channel: str, confirm: str) -> None:
    bot = make_bot(at=oslo(2027, 4, 7, 10))
    before = bot.snapshot()
    reply = bot.say("dato vår 2027 over påske", as_=as_, channel=channel)
    assert bot.snapshot() == before
    passed, coming = (button.command for button in reply.buttons)
    assert passed == f"dato vår {channel} 2027 2027-03-30 {confirm}"  # asked for, so offered, and said passed
    assert coming == f"dato vår {channel} 2028 2028-04-18"  # the Tuesday after Easter Monday 2028: no worry
    assert bot.say(coming, as_=as_, channel=channel).ok
    assert "dialogmøte vår 2028" in reply.text, reply.text


@pytest.mark.parametrize(("as_", "channel", "confirm"), PEOPLE)
def test_a_holiday_week_the_bot_cannot_date_offers_no_day(as_: str, channel: str, confirm: str) -> None:
    bot = make_bot(at=oslo(2027, 3, 10, 10))  # after the winter holiday weeks
    reply = bot.say("dato vår uka etter vinterferien", as_=as_, channel=channel)
    assert not reply.buttons and not reply.ok, reply.text  # which week depends on the county: asked for a day
