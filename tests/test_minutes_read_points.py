"""`referat vis` shows each follow-up point as `status` does (walk 8 N2): owner, due date and id, closed ones
ticked, in either written form; an adviser who opens the minutes learns when a task is due and what to type."""

from __future__ import annotations

import re

import pytest

from tests.driver import make_bot, oslo
from tests.helpers import assert_recorded

MINUTES = "referat haust Godt møte. oppfølging: innspel @SIVA innan 4. desember; rapport @NFR innan 15.12; notat @IN"


@pytest.mark.parametrize(
    ("reader", "channel", "due"),
    [("siri", "siva", "innen 4. desember 2026"), ("per", "vestland", "innan 4. desember 2026")],
)
def test_the_minutes_show_each_point_as_status_does(reader: str, channel: str, due: str) -> None:
    bot = make_bot(at=oslo(2026, 12, 1, 15))
    assert_recorded(bot, "referat høstmøte Høstmøtet holdt", as_="aud", channel="nasjonal")
    recorded = assert_recorded(bot, MINUTES, as_="per", channel="vestland")
    ids = [b.command.split()[-1] for b in recorded.buttons if b.command.startswith("ferdig ")]
    assert len(ids) == 3
    siva = next(i for i in ids if re.search(rf"innspel \([^)]*\) \[{i}\]", recorded.text))
    assert_recorded(bot, f"ferdig {siva}", as_="siri", channel="siva")
    shown = bot.say("referat vis haust vestland", as_=reader, channel=channel)
    assert shown.ok, shown.text
    status = bot.say("status vestland 2026", as_=reader, channel=channel).text
    assert f"✓ innspel (Siva, {due}, ferdig 1. desember 2026) [{siva}]" in shown.text
    for point_id in ids:
        line = next(line for line in shown.text.splitlines() if f"[{point_id}]" in line)
        assert line.strip().removeprefix("• ") in status, (line, status)
