"""Issue 18, the year walk (F13): `oversikt <another year>` does not put today's backlog under that
year's heading; a cycle that has not begun says so."""

from __future__ import annotations

from tests.driver import make_bot, oslo


def test_a_future_year_labels_the_backlog_as_todays() -> None:
    bot = make_bot(at=oslo(2027, 3, 3, 10))
    later = bot.say("oversikt 2030", as_="aud")
    assert later.title == "Oversikt – syklus 2030"
    assert "Syklus 2030 har ikke begynt ennå. I dag (syklus 2027): 15 av 15 regioner er på etterskudd" in later.text
    now = bot.say("oversikt", as_="aud")
    assert "I dag (syklus" not in now.text and "15 av 15 regioner er på etterskudd" in now.text
    assert "I dag (syklus" not in bot.say("oversikt 2027", as_="aud").text


def test_a_past_year_labels_it_too_and_nynorsk_reads_nynorsk() -> None:
    bot = make_bot(at=oslo(2027, 3, 3, 10))
    assert "I dag (syklus 2027): " in bot.say("oversikt 2025", as_="aud").text
    nynorsk = bot.say("oversyn 2030", as_="per")
    assert "Syklus 2030 har ikkje byrja enno. I dag (syklus 2027): " in nynorsk.text, nynorsk.text
