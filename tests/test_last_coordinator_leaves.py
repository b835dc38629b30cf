"""Walk 7 F11: the last coordinator of a party who leaves with `forlat` is asked first (the party would have
nobody to date meetings, record minutes or sign), and once confirmed the admins are told where they read."""

from __future__ import annotations

import pytest

from bot.messages import ChannelAddress
from tests.driver import make_bot, oslo
from tests.helpers import assert_recorded, assert_refused

PEOPLE = {"nb": ("kari", "agder"), "nn": ("per", "vestland")}  # Vestland reads nynorsk
ASKED = {"nb": "Uten en koordinator", "nn": "Utan ein koordinator"}


@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_the_last_coordinator_is_asked_and_the_admins_are_told(lang: str) -> None:
    person, region = PEOPLE[lang]
    bot = make_bot(at=oslo(2026, 10, 5, 9))
    assert_recorded(bot, f"person @tor {region} rådgiver", as_="admin")  # someone else stays: an adviser
    asked = assert_refused(
        bot, f"forlat {region}", as_=person, channel=region, contains=("den siste koordinatoren", ASKED[lang])
    )
    assert f"forlat {region} " in asked.text
    assert_recorded(bot, f"forlat {region} bekreft", as_=person, channel=region)
    told = {a.to: a.reply.text for a in bot.last.announcements}
    national = ChannelAddress("terminal", "nasjonal")
    assert national in told and "har ingen koordinator" in told[national], told
    assert f"person @… {region} koordinator" in told[national]
    assert ChannelAddress("slack", "C0NASJONAL") in told


def test_a_coordinator_who_is_not_the_last_leaves_without_a_question() -> None:
    bot = make_bot(at=oslo(2026, 10, 5, 9))
    assert_recorded(bot, "person @eva agder koordinator", as_="admin")
    assert_recorded(bot, "forlat agder", as_="kari", channel="agder")
    assert bot.last.announcements == ()
