"""A meeting on its own day, without minutes, is said as today's in `neste`, `status` and on the page (walk 8
m3: it read as any planned meeting, while a past one reads «møtet er over; referatet mangler»); decided by the
day (`bot.facts.item_state.meeting_today`), as those replies are the same all day. In both written forms."""

from __future__ import annotations

import pytest

from tests.driver import make_bot, oslo
from tests.helpers import assert_recorded, status_page_html

TODAY = {"nb": "i dag; referatet skrives når møtet er over", "nn": "i dag; referatet vert skrive når møtet er over"}
OVER = {"nb": "møtet er over; referatet mangler", "nn": "møtet er over; referatet manglar"}


@pytest.mark.parametrize(("reader", "channel", "lang"), [("siri", "siva", "nb"), ("per", "vestland", "nn")])
def test_the_meeting_day_and_the_day_after(reader: str, channel: str, lang: str) -> None:
    bot = make_bot(at=oslo(2026, 11, 2, 9))
    assert_recorded(bot, "dato høstmøte 12. november kl 10", as_="aud", channel="nasjonal")
    assert_recorded(bot, "dato haust tysdag 1. desember kl 10", as_="per", channel="vestland")
    bot.set_time(2026, 12, 1, 15)
    for command in ("neste", "status vestland 2026"):
        text = bot.say(command, as_=reader, channel=channel).text
        assert TODAY[lang] in text and "1. desember 2026 kl. 10.00 (" in text, text
    assert TODAY["nn"] in status_page_html(bot.core, region="vestland", year=2026)  # Vestland's page: nynorsk
    bot.set_time(2026, 12, 2, 9)
    text = bot.say("status vestland 2026", as_=reader, channel=channel).text
    assert OVER[lang] in text and TODAY[lang] not in text
