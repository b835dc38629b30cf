"""Which cycle a `dato` without a year means (walk 8, N7 and N8): the one rule of bot/model/cycle.py that
`referat` follows, and a day typed without a year read as the day nearest that cycle, never a year back."""

from __future__ import annotations

import pytest

from tests.driver import make_bot, oslo


@pytest.mark.parametrize(
    ("who", "channel", "typed", "cycle"),
    [
        ("kari", "agder", "dato høst 10. desember", "dato høst agder 2026 2026-12-10 bekreft"),
        ("per", "vestland", "dato haust 10. desember", "dato haust vestland 2026 2026-12-10 stadfest"),
    ],
)
def test_in_january_a_december_day_dates_last_autumns_overdue_meeting(
    who: str, channel: str, typed: str, cycle: str
) -> None:
    bot = make_bot(at=oslo(2027, 1, 11, 9))
    before = bot.snapshot()
    reply = bot.say(typed, as_=who, channel=channel)
    assert bot.snapshot() == before  # a passed day is asked about, never saved silently
    assert "10. desember 2026" in reply.text and "2026" in reply.title + reply.text
    assert reply.buttons[0].command == cycle
    saved = bot.say(reply.buttons[0].command, as_=who, channel=channel)
    assert saved.ok and "2026" in saved.title and "10. desember 2026" in saved.text
    minutes = bot.say(typed.replace("dato", "referat").split(" 10.")[0] + " Godt møte", as_=who, channel=channel)
    assert "2026" in minutes.text  # `referat` and `dato` mean the same meeting


@pytest.mark.parametrize(
    ("who", "channel", "typed"),
    [("kari", "agder", "dato politisk 5.1"), ("per", "vestland", "dato politisk 5.1")],
)
def test_late_in_december_a_january_day_is_next_week_not_a_year_back(who: str, channel: str, typed: str) -> None:
    bot = make_bot(at=oslo(2026, 12, 28, 9))
    reply = bot.say(typed, as_=who, channel=channel)
    assert "5. januar 2027" in reply.text and "5. januar 2026" not in reply.text
    commands = [button.command for button in reply.buttons]
    assert commands and all("2026-01-05" not in command for command in commands)
    saved = bot.say(commands[0], as_=who, channel=channel)
    assert saved.ok and "5. januar 2027" in saved.text


@pytest.mark.parametrize(
    ("who", "channel", "button"),
    [
        ("kari", "agder", "dato politisk agder 2027 2026-12-10 bekreft"),
        ("per", "vestland", "dato politisk vestland 2027 2026-12-10 stadfest"),
    ],
)
def test_the_overdue_political_treatment_is_meant_whichever_day_is_typed(who: str, channel: str, button: str) -> None:
    bot = make_bot(at=oslo(2027, 1, 8, 10))
    before = bot.snapshot()
    reply = bot.say("dato politisk 10. desember", as_=who, channel=channel)
    assert bot.snapshot() == before
    assert "10. desember 2026" in reply.text and "2028" not in reply.text, reply.text
    assert reply.buttons[0].command == button
