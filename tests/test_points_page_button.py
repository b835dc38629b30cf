"""Walk 31 F5: `neste` that cuts the follow-up points («… og 2 til (skriv «neste side 2»)») has a «Side 2» button
for what it tells to type, in both written forms, also when no item list was cut; pressed, it shows the rest."""

from __future__ import annotations

import pytest

from tests.test_walk26_points_rest import _ids, _seven_for_in, _suggested


@pytest.mark.parametrize(("lang", "label"), [("nb", "Side 2"), ("nn", "Side 2")])
def test_a_cut_point_list_has_the_page_button_it_names(lang: str, label: str) -> None:
    bot = _seven_for_in(lang)
    for who, channel in (("ola", "in"), ("aud", "nasjonal")):
        first = bot.say("neste", as_=who, channel=channel)
        command = _suggested(first.text)
        pages = [button for button in first.buttons if button.command == command]
        assert len(pages) == 1 and pages[0].label == label, (first.text, first.buttons)
        second = bot.say(pages[0].command, as_=who, channel=channel)
        assert len(_ids(second.text)) == 2 and not _ids(second.text) & _ids(first.text), second.text
        assert not [button for button in second.buttons if button.label.startswith("Side")], second.buttons
