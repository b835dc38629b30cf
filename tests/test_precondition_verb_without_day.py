"""Walk 13 W1: «forutsetning tildelingsbrev mottatt» with no day is the short form (today), as an adviser types
it; words after the verb that name no day are refused with an example of the asker's own precondition and a
day; `hjelp forutsetning` shows the optional `vedtatt/mottatt <dag>`. Both written forms."""

from __future__ import annotations

from tests.driver import make_bot, oslo


def _with_state_budget():
    bot = make_bot(at=oslo(2028, 1, 4, 9, 0))
    assert bot.say("forutsetning statsbudsjett 2028", as_="aud", channel="nasjonal").ok
    return bot


def test_the_verb_without_a_day_records_today_like_the_short_form() -> None:
    verb, short = _with_state_budget(), _with_state_budget()
    assert verb.say("forutsetning tildelingsbrev mottatt", as_="siri", channel="siva").ok
    assert short.say("forutsetning tildelingsbrev", as_="siri", channel="siva").ok
    assert verb.say("status agder 2028").text == short.say("status agder 2028").text
    assert verb.say("føresetnad budsjett vedteke", as_="per").ok
    assert short.say("føresetnad budsjett", as_="per").ok
    assert verb.say("status vestland 2028", as_="per").text == short.say("status vestland 2028", as_="per").text


def test_words_naming_no_day_get_the_askers_own_example_with_a_day() -> None:
    bot = _with_state_budget()
    before = bot.snapshot()
    refused = bot.say("forutsetning tildelingsbrev mottatt i posten", as_="siri", channel="siva")
    assert not refused.ok and "«forutsetning tildelingsbrev mottatt 4. januar 2028»" in refused.text
    refused = bot.say("føresetnad budsjett vedteke i fylkestinget", as_="per")
    assert (
        not refused.ok and "«føresetnad budsjett vedteke 31. desember 2027»"
    )  # its deadline: from the clock and the wheel (fixbf 3) in refused.text
    assert bot.snapshot() == before


def test_help_shows_the_day_part_in_both_forms() -> None:
    bot = make_bot(at=oslo(2028, 1, 4, 9, 0))
    assert "[vedtatt/mottatt <dag>]" in bot.say("hjelp forutsetning", as_="kari").text
    assert "[vedteke/motteke <dag>]" in bot.say("hjelp føresetnad", as_="per").text
