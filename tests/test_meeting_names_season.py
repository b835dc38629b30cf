"""«Dialogmøtet i haust» names the meeting (walk 32 F1): the bare «dialogmøte(t)», which the spring and the autumn
meeting share, followed by a season («i høst», «i haust», «om våren», «hausten») is that season's meeting, read as
the plain `dato høst …` is, in both written forms. Before, the bot asked which meeting and offered buttons
(«dato haust i haust 26. november») that it then refused, «Eg forstod ikkje «i haust» i datoen»."""

from __future__ import annotations

import pytest

from tests.driver import make_bot, oslo
from tests.walk14a_steps import AUTUMN, PERSON

SEASONED = {
    "nb": ["dialogmøtet i høst", "dialogmøte om høsten", "dialogmøtet høsten", "Dialogmøte til høsten"],
    "nn": ["dialogmøtet i haust", "dialogmøte om hausten", "dialogmøtet hausten", "Dialogmøte til hausten"],
}


@pytest.mark.parametrize("lang", ["nb", "nn"])
@pytest.mark.parametrize("index", range(4))
def test_a_shared_meeting_word_with_its_season_is_that_meeting(lang: str, index: int) -> None:
    person, region = PERSON[lang]
    typed = make_bot(at=oslo(2026, 10, 5, 10)).say(
        f"dato {SEASONED[lang][index]} 19. november bekreft", as_=person, channel=region
    )
    plain = make_bot(at=oslo(2026, 10, 5, 10)).say(
        f"dato {AUTUMN[lang]} 19. november bekreft", as_=person, channel=region
    )
    assert typed.ok and typed.text == plain.text, typed.text


@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_minutes_of_the_spring_meeting_named_by_its_season(lang: str) -> None:
    person, region = PERSON[lang]
    words = "dialogmøtet i vår"  # the same in both written forms
    bot = make_bot(at=oslo(2027, 4, 20, 15))
    reply = bot.say(f"referat {words} Godt møte bekreft", as_=person, channel=region)
    assert reply.ok, reply.text
    assert bot.tables(f"cycle/{region}/2027")["milestones"]["regional-spring"]["done"] is True


@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_the_bare_shared_meeting_word_still_asks_which(lang: str) -> None:
    """Without a season the bare word asks which, a button each, and nothing is stored."""
    person, region = PERSON[lang]
    bot = make_bot(at=oslo(2027, 4, 13, 10))
    before = bot.snapshot()
    asked = bot.say("dato dialogmøtet 26. november", as_=person, channel=region)
    assert not asked.ok and [button.command for button in asked.buttons] == [
        "dato vår 26. november",
        f"dato {AUTUMN[lang]} 26. november",
    ]
    assert bot.snapshot() == before
