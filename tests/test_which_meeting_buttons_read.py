"""Walk 32 F8: the which-meeting question built its buttons from words the bot could not read: «dato dialogmøte
i agder 26. november» offered «dato vår i agder 26. november», refused «Jeg forstod ikke «i agder» i datoen»,
and «dato dialogmøtet neste vår 20. april» alike. «i/for <region>» after the meeting now names the region and
«neste vår» the spring meeting, so every button's command is accepted when typed exactly, in both forms."""

from __future__ import annotations

import pytest

from tests.driver import make_bot, oslo

FORMS = [("kari", "agder", "høst", "forstod ikke"), ("per", "vestland", "haust", "forstod ikkje")]


@pytest.mark.parametrize(("person", "region", "autumn", "refused"), FORMS)
@pytest.mark.parametrize(
    "asked", ["dato dialogmøte i {region} 26. november", "dato dialogmøtet for {region} 26. november"]
)
def test_every_which_meeting_button_is_read_when_typed(
    person: str, region: str, autumn: str, refused: str, asked: str
) -> None:
    bot = make_bot(at=oslo(2027, 1, 5, 10))
    question = bot.say(asked.format(region=region), as_=person, channel=region)
    assert len(question.buttons) == 2, question.text
    for button in question.buttons:
        assert refused not in bot.say(button.command, as_=person, channel=region).text, button.command
    example = question.text.split("«", 1)[1].split("»", 1)[0]  # the question's own example, typed as shown
    assert refused not in bot.say(example, as_=person, channel=region).text, example


@pytest.mark.parametrize(("person", "region", "autumn", "refused"), FORMS)
def test_a_region_after_i_and_the_next_spring_name_the_meeting(
    person: str, region: str, autumn: str, refused: str
) -> None:
    bot = make_bot(at=oslo(2027, 9, 1, 10))
    typed = bot.say(f"dato {autumn} i {region} 26. november kl 10", as_=person, channel=region)
    assert typed.ok and "26. november 2027 kl. 10.00" in typed.text, typed.text
    spring = bot.say("dato dialogmøtet neste vår 20. april 2028", as_=person, channel=region)
    assert refused not in spring.text and "vår 2028" in spring.text, spring.text
