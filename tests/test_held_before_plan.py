"""Walk 8, N13: a meeting held (minutes with «holdt/halde <day>») before its PLANNED day, the model's order
kept: the bot asks to move the plan to the held day, and with `bekreft` records it without the mark «utenfor
modellens rekkefølge»; status then shows the held day as the plan, never the stale one."""

from __future__ import annotations

import pytest

from tests.driver import make_bot, oslo

FORMS = [
    ("kari", "agder", "høst", "holdt", "Administrativt dialogmøte høst 2026 er planlagt 26. november 2026",
     "Med «bekreft» til slutt flyttes planen til 24. november 2026", "bekreft",
     "Planen er flyttet fra 26. november 2026 til 24. november 2026", "Planlagt: tirsdag 24. november 2026",
     "utenfor"),
    ("per", "vestland", "haust", "halde", "Administrativt dialogmøte haust 2026 er planlagd 26. november 2026",
     "Med «stadfest» til slutt vert planen flytta til 24. november 2026", "stadfest",
     "Planen er flytta frå 26. november 2026 til 24. november 2026", "Planlagd: tysdag 24. november 2026",
     "utanfor"),
]  # fmt: skip


def _national_held() -> object:
    bot = make_bot(at=oslo(2026, 11, 2, 9))
    bot.say("dato høstmøte 12. november kl 10", as_="aud", channel="nasjonal")
    bot.set_time(2026, 11, 13, 9, 0)
    bot.say("referat høstmøte Godt møte", as_="aud", channel="nasjonal")
    return bot


@pytest.mark.parametrize(("as_", "channel", "word", "held", "plan", "move", "confirm", "moved", "status", "out"), FORMS)
def test_held_before_the_plan_moves_the_plan_when_confirmed(
    as_: str, channel: str, word: str, held: str, plan: str, move: str, confirm: str, moved: str, status: str, out: str
) -> None:
    bot = _national_held()
    bot.say(f"dato {word} 26.11 kl 10", as_=as_, channel=channel)
    bot.set_time(2026, 11, 24, 15, 0)
    before = bot.snapshot()
    asked = bot.say(f"referat {word} Godt møte {held} 24. november", as_=as_, channel=channel)
    assert bot.snapshot() == before, asked.text
    assert plan in asked.text and move in asked.text, asked.text
    assert "Modellen:" not in asked.text and out not in asked.text, asked.text  # the model's order was kept
    done = bot.say(f"referat {word} Godt møte {held} 24. november {confirm}", as_=as_, channel=channel)
    assert moved in done.text and out not in done.text, done.text
    shown = bot.say("status 2026", as_=as_, channel=channel).text
    assert status in shown and "26. november" not in shown and out not in shown, shown


def test_held_before_the_plan_and_before_the_national_meeting_is_still_marked() -> None:
    """Moving a stale plan never hides a real breach: the national meeting it follows is not held."""
    bot = make_bot(at=oslo(2026, 11, 2, 9))
    bot.say("dato høstmøte 12. november kl 10", as_="aud", channel="nasjonal")
    bot.say("dato høst 26.11 kl 10", as_="kari", channel="agder")
    bot.set_time(2026, 11, 24, 15, 0)
    asked = bot.say("referat høst Godt møte holdt 23. november", as_="kari", channel="agder")
    assert "flyttes planen til 23. november 2026" in asked.text and "Modellen:" in asked.text, asked.text
    done = bot.say("referat høst Godt møte holdt 23. november bekreft", as_="kari", channel="agder")
    assert "utenfor modellens rekkefølge" in done.text and "Planen er flyttet" in done.text, done.text


def test_minutes_before_the_plan_without_a_held_day_are_asked_as_before() -> None:
    bot = _national_held()
    bot.say("dato høst 26.11 kl 10", as_="kari", channel="agder")
    bot.set_time(2026, 11, 24, 15, 0)
    asked = bot.say("referat høst Godt møte", as_="kari", channel="agder")
    assert "som ikke er kommet ennå" in asked.text and "flyttes planen" not in asked.text, asked.text


@pytest.mark.parametrize(("as_", "channel", "word", "held", "confirm"), [(f[0], f[1], f[2], f[3], f[6]) for f in FORMS])
def test_the_move_question_carries_its_button_and_says_the_confirm_word_once(
    as_: str, channel: str, word: str, held: str, confirm: str
) -> None:
    """Walk 15 N9: the question that moves the plan offers its button, as the other questions do, and names
    «bekreft»/«stadfest» once; the button records it."""
    bot = _national_held()
    bot.say(f"dato {word} 26.11 kl 10", as_=as_, channel=channel)
    bot.set_time(2026, 11, 24, 15, 0)
    line = f"referat {word} Godt møte {held} 24. november"
    asked = bot.say(line, as_=as_, channel=channel)
    assert asked.text.count(f"«{confirm}»") == 1, asked.text
    assert [button.command for button in asked.buttons] == [f"{line} {confirm}"], asked.buttons
    done = bot.say(asked.buttons[0].command, as_=as_, channel=channel)
    assert done.ok and "24. november 2026" in done.text, done.text
