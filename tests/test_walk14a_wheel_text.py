"""walk 14a F9: the text `årshjul` carries the same state as the picture beside it: each line the arc's
symbol and count («✓ Tildelingsbrev mottatt 4/4», «○ Signering … 3/5»), with the legend."""

from __future__ import annotations

import pytest

from bot.shown.wheel_picture import region_wheel
from tests.driver import oslo
from tests.walk14a_steps import PERSON, signed_by

LETTERS = {"nb": "✓ Tildelingsbrev mottatt 4/4", "nn": "✓ Tildelingsbrev motteke 4/4"}
SIGNERS = (("ola", "IN"), ("siri", "SIVA"))


@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_the_wheel_text_says_what_the_picture_shows(lang: str) -> None:
    person, region = PERSON[lang]
    bot = signed_by(lang=lang, signers=SIGNERS)
    bot.set_time(2027, 1, 20, 9)
    text = bot.say("årshjul", as_=person, channel=region).text
    assert LETTERS[lang] in text and "○ Signering av samarbeidsavtalen 3/5" in text, text
    assert "✓ Ferdig" in text  # the legend, as the picture's
    picture = region_wheel(
        config=bot.core.config, state=bot.core.state, region=region, year=2027, today=oslo(2027, 1, 20).date()
    )
    labels = {arc.label for arc in picture.arcs}
    assert "○ Signering 3/5" in labels and "✓ Tildelingsbrev 4/4" in labels, labels
