"""Walk 37 F-D, F-E: the which-meeting question («dialogmøte» alone, which two meetings share) offered buttons
its answer refused. AU's `dato dialogmøte i agder …` got «Dialogmøte vår» and «Dialogmøte høst», each refused
«Bare Agder fylkeskommune kan …»: now refused for the role at once. Minutes typed in November got «Dialogmøte
vår», refused «Vinduet … er ikke åpent nå»: now only the meeting the minutes can go to is offered."""

from __future__ import annotations

import pytest

from tests.driver import make_bot, oslo

ROLE = {"nb": "registreres av fylkeskommunens koordinatorer", "nn": "vert registrert av koordinatorane"}


@pytest.mark.parametrize("form", ["nb", "nn"])
def test_au_asking_for_a_regional_meeting_is_refused_for_the_role_without_buttons(form: str) -> None:
    bot = make_bot(at=oslo(2026, 11, 20, 9, 0))
    assert bot.say(f"målform kanal {form}", as_="admin", channel="nasjonal").ok
    before = bot.snapshot()
    for text in ("dato dialogmøte i agder 12. desember", "dato dialogmøtet for vestland 2027 12. mai"):
        reply = bot.say(text, as_="aud", channel="nasjonal")
        assert not reply.ok and not reply.buttons, reply
        assert "AU" in reply.text and "dialogmøte" not in reply.text.split("?")[0].lower(), reply.text
    assert bot.snapshot() == before
    # reading the minutes still asks which, with a button each: anyone may read
    asked = bot.say("referat vis dialogmøte agder", as_="aud", channel="nasjonal")
    assert len(asked.buttons) == 2, asked


@pytest.mark.parametrize(
    ("who", "region", "text", "autumn"),
    [
        ("kari", "agder", "referat dialogmøte Godt møte. oppfølging: Rapport @IN innen 1. desember", "referat høst "),
        ("per", "vestland", "referat dialogmøtet Vi møttest 18. november. Godt møte", "referat haust "),
    ],
)
def test_minutes_in_november_are_offered_only_the_autumn_meeting(who: str, region: str, text: str, autumn: str) -> None:
    bot = make_bot(at=oslo(2026, 10, 22, 16, 0))
    assert bot.say("referat høstmøtet Godt møte", as_="aud", channel="nasjonal").ok
    bot.set_time(2026, 11, 20, 9, 0)
    before = bot.snapshot()
    asked = bot.say(text, as_=who)
    assert not asked.ok
    assert [b.command[: len(autumn)] for b in asked.buttons] == [autumn], asked.buttons
    assert bot.snapshot() == before
    pressed = bot.say(asked.buttons[0].command, as_=who)
    assert pressed.ok and "2026" in pressed.title, pressed.text
    # with a year typed the question offers both, as before (the year says which cycle)
    command, word, rest = text.split(" ", 2)
    both = bot.say(f"{command} {word} {region} 2027 {rest}", as_=who)
    assert len(both.buttons) == 2, both
