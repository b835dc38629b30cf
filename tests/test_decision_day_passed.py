"""A decision planned for a day (the action plan's adoption, the political treatment) whose day passes
without its record is told so the next working day, with how to record it (walk 10 X11), as a meeting is
told «møtet var …; skriver referat»: not first «frist var …» after the deadline. Both written forms."""

from __future__ import annotations

from datetime import date

import pytest

from bot.reminders.passes import plan_digests
from tests.driver import make_bot, oslo
from tests.helpers import assert_recorded


def _digest(bot, channel: str, day: date) -> str:  # type: ignore[no-untyped-def]
    return " ".join(
        d.reply.text
        for d in plan_digests(core=bot.core, at=oslo(day.year, day.month, day.day, 9))
        if d.to.platform == "terminal" and d.to.channel_id == channel
    )


@pytest.mark.parametrize(
    ("person", "region", "said"),
    [
        ("kari", "agder", ("vedtaket var planlagt 9. desember 2027", "registrerer vedtaket", "referat handlingsplan")),
        (
            "per",
            "vestland",
            ("vedtaket var planlagt 9. desember 2027", "registrerer vedtaket", "referat handlingsplan"),
        ),
    ],
)
def test_an_action_plan_whose_day_passed_is_told_how_to_record_it(
    person: str, region: str, said: tuple[str, ...]
) -> None:
    bot = make_bot(at=oslo(2027, 9, 6, 10))
    assert_recorded(bot, "dato handlingsplan torsdag 9. desember", as_=person, channel=region)
    text = _digest(bot, region, date(2027, 12, 10))
    assert all(words in text for words in said), text
    assert "frist var" not in text


def test_a_political_treatment_whose_day_passed_is_told_how_to_record_it_in_nynorsk() -> None:
    bot = make_bot(at=oslo(2027, 9, 6, 10))
    assert_recorded(bot, "dato haustmøtet 2. november kl 10", as_="aud", channel="nasjonal")
    assert_recorded(bot, "dato haust 18. november kl 10", as_="per", channel="vestland")
    assert_recorded(bot, "dato politisk 9. desember", as_="per", channel="vestland")
    text = _digest(bot, "vestland", date(2027, 12, 10))
    assert "handsaminga var planlagd 9. desember 2027" in text, text
    assert "referat politisk" in text
