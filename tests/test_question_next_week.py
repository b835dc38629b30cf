"""Walk 32 F9: «hva skjer neste uke?» was pointed to `neste` alone, though `neste uke` answers exactly that. A
plain question about the coming week now names the words to type and says what they show, and those words,
typed as shown, answer for the week, in both written forms."""

from __future__ import annotations

import pytest

from tests.driver import make_bot, oslo

FORMS = [
    ("kari", "agder", "hva skjer neste uke?", "Skriv «neste uke»: først det som har frist eller er satt neste uke"),
    (
        "per",
        "vestland",
        "kva skjer neste veke?",
        "Skriv «neste veke»: først det som har frist eller er sett neste veke",
    ),
]


@pytest.mark.parametrize(("person", "region", "question", "answer"), FORMS)
def test_a_question_about_next_week_names_neste_uke_and_what_it_shows(
    person: str, region: str, question: str, answer: str
) -> None:
    bot = make_bot(at=oslo(2026, 12, 9, 10))
    reply = bot.say(question, as_=person, channel=region)
    assert not reply.ok and answer in reply.text, reply.text
    typed = reply.text.split("Skriv «", 1)[1].split("»", 1)[0]
    week = bot.say(typed, as_=person, channel=region)
    assert week.ok and "14.–20. desember 2026" in week.text, week.text


def test_another_plain_question_is_pointed_as_before() -> None:
    bot = make_bot(at=oslo(2026, 12, 9, 10))
    reply = bot.say("hvordan signerer jeg", as_="kari", channel="agder")
    assert "Prøv «signer»" in reply.text and "neste uke" not in reply.text, reply.text
