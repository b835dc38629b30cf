"""Walk15b N3: in January the picture draws last year's overdue items of this year's agreement (the action
plan not recorded by 15 December) from 1 January; the text wheel names them too, under January, with the
same state. Both written forms, each region."""

from __future__ import annotations

import pytest

from bot.shown.wheel_picture import region_wheel
from tests.driver import make_bot, oslo, record_all_preconditions

PEOPLE = {"nb": ("kari", "agder", "! Årlig handlingsplan vedtatt (avtale 2027)"), "nn": ("per", "vestland", "! Årleg")}


@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_the_text_names_the_overdue_item_the_picture_draws_in_january(lang: str) -> None:
    person, region, line = PEOPLE[lang]
    bot = make_bot(at=oslo(2027, 1, 4, 9))
    record_all_preconditions(bot, year=2027, region=region)
    bot.set_time(2027, 2, 3, 10)
    picture = region_wheel(
        config=bot.core.config, state=bot.core.state, region=region, year=2027, today=oslo(2027, 2, 3).date()
    )
    drawn = [arc for arc in picture.arcs if arc.state == "overdue" and "andlingsplan" in arc.label]
    text = bot.say("årshjul", as_=person, channel=region).text
    january = text.split("•")[1]
    assert drawn and line in january, (picture.arcs, text)
    assert "(avtale 2027) – frist 15. desember 2026" in january, text
