"""Walk 19 F1: a year too far back for a write. The suggestion a refusal prints is never a command that
writes another meeting, never carries the `bekreft` the person typed past a question not asked, and a year
put in stands where the typed one stood (never pasted into the minutes' text); a record already there
(last year's replaced minutes) can be written again after the year turns, asked as any replacement is."""

from __future__ import annotations

import pytest

from tests.driver import BotDriver, make_bot, oslo
from tests.helpers import assert_refused

# (person, meeting word, confirm word, text word for «for langt», the replace question's lead)
FORMS = [
    ("kari", "høst", "bekreft", "for langt tilbake", "Dette erstatter referatet for"),
    ("per", "haust", "stadfest", "for langt tilbake", "Dette erstattar referatet for"),
]


def _two_autumns(person: str, meeting: str) -> BotDriver:
    """The autumn meeting held and minuted in 2026 and in 2027, each with an open point."""
    bot = make_bot(at=oslo(2026, 11, 19, 15))
    assert bot.say("referat høstmøte Godt møte", as_="aud").ok
    assert bot.say(f"referat {meeting} Godt møte. oppfølging: send innspill @ola innen 1. desember", as_=person).ok
    bot.set_time(2027, 11, 19, 15)
    assert bot.say("referat høstmøte Godt møte", as_="aud").ok
    assert bot.say(
        f"referat {meeting} Nytt møte. oppfølging: utkast til ny avtale @{person} innen 1. desember", as_=person
    ).ok
    bot.set_time(2028, 2, 3, 9)
    return bot


@pytest.mark.parametrize(("person", "meeting", "confirm", "far", "question"), FORMS)
def test_last_years_minutes_restored_after_new_year_are_asked_for_not_sent_elsewhere(
    person: str, meeting: str, confirm: str, far: str, question: str
) -> None:
    bot = _two_autumns(person, meeting)
    this_year = bot.say(f"referat vis {meeting} 2027", as_=person).text
    asked = assert_refused(bot, f"referat {meeting} 2026 Rettet referat", as_=person)
    assert question in asked.text and "2026" in asked.text.split(question)[1][:80], asked.text
    restored = bot.say(f"referat {meeting} 2026 Gjenoppretta referat {confirm}", as_=person)
    assert restored.ok and "2026" in restored.text.splitlines()[0], restored.text
    assert bot.say(f"referat vis {meeting} 2027", as_=person).text == this_year  # this year's minutes untouched


@pytest.mark.parametrize(("person", "meeting", "confirm", "far", "question"), FORMS)
def test_a_year_too_far_back_suggests_no_command_for_another_meeting(
    person: str, meeting: str, confirm: str, far: str, question: str
) -> None:
    bot = _two_autumns(person, meeting)
    refused = assert_refused(bot, f"referat {meeting} 2025 Kort referat {confirm}", as_=person, contains=far)
    assert "Kort referat" not in refused.text and confirm not in refused.text, refused.text
    assert "2027" in refused.text and "2030" in refused.text, refused.text  # the years a write may go to


@pytest.mark.parametrize(("person", "meeting", "confirm", "far", "question"), FORMS)
def test_a_year_decades_ahead_suggests_the_year_in_its_place_without_the_confirm_word(
    person: str, meeting: str, confirm: str, far: str, question: str
) -> None:
    bot = _two_autumns(person, meeting)
    refused = assert_refused(bot, f"referat {meeting} 2072 Kort referat {confirm}", as_=person, contains="2072")
    assert f"«referat {meeting} 2028 Kort referat»" in refused.text, refused.text
