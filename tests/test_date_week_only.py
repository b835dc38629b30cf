"""Walk 7 F12: `uke 12` alone is saved as the week's Monday, and the reply says so and how to choose another
day that week with the whole command, which typed as shown moves the meeting to that day."""

from __future__ import annotations

import pytest

from tests.driver import make_bot, oslo
from tests.helpers import assert_recorded

REGION = {"kari": "agder", "per": "vestland"}


@pytest.mark.parametrize(
    ("as_", "note", "other"),
    [
        ("kari", "mandagen i uke 46 er valgt; en annen dag: skriv f.eks.", "dato høst torsdag uke 46"),
        ("per", "måndagen i veke 46 er vald; ein annan dag: skriv t.d.", "dato haust torsdag veke 46"),
    ],
)
def test_a_week_alone_says_the_monday_and_how_to_choose_another_day(as_: str, note: str, other: str) -> None:
    bot = make_bot(at=oslo(2026, 10, 1, 9))
    assert bot.say("dato høstmøte 5. november kl 10", as_="aud").ok
    reply = assert_recorded(bot, "dato høst uke 46", as_=as_)
    assert f"{note} «{other}»" in reply.text, reply.text
    assert_recorded(bot, other, as_=as_)
    stored = bot.tables(f"cycle/{REGION[as_]}/2026")["milestones"]["regional-autumn"]["planned"]
    assert stored == oslo(2026, 11, 12).isoformat()
