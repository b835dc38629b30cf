"""A follow-up point due «innen uke 50» / «innan veke 50» is due by the end of that working week, its Friday (or
the last working day before a holiday Friday), not its Monday (walk8 N3); «innen fredag» is the Friday after the
meeting, also when the minutes are written later."""

from __future__ import annotations

import pytest

from tests.driver import BotDriver, make_bot, oslo
from tests.helpers import assert_recorded


def _held_26_november(*, region: str, coordinator: str) -> BotDriver:
    bot = make_bot(at=oslo(2026, 11, 2, 9))
    assert_recorded(bot, "dato høstmøte 12. november kl 10", as_="aud", channel="nasjonal")
    bot.set_time(2026, 11, 13, 9)
    assert_recorded(bot, "referat høstmøte Godt møte", as_="aud", channel="nasjonal")
    assert_recorded(bot, "dato høst 26.11 kl 10", as_=coordinator, channel=region)
    return bot


@pytest.mark.parametrize(
    ("region", "coordinator", "meeting", "words", "shown"),
    [
        ("agder", "kari", "høst", "budsjett @IN innen uke 50; rapport @NFR innen fredag; notat @SIVA innen uke 52",
         "innen 11. desember 2026"),
        ("vestland", "per", "haust", "budsjett @IN innan veke 50; rapport @NFR innan fredag; notat @SIVA innan veke 52",
         "innan 11. desember 2026"),
    ],
)  # fmt: skip
def test_a_week_deadline_is_the_end_of_that_working_week(
    region: str, coordinator: str, meeting: str, words: str, shown: str
) -> None:
    bot = _held_26_november(region=region, coordinator=coordinator)
    bot.set_time(2026, 12, 1, 15)
    reply = assert_recorded(bot, f"referat {meeting} Godt møte. oppfølging: {words}", as_=coordinator, channel=region)
    points = bot.tables(f"cycle/{region}/2026")["milestones"]["regional-autumn"]["outcome"]["followups"]
    # week 50: Friday 11 December; «fredag» after Thursday 26 November: 27 November (agreed at the meeting);
    # week 52: Friday 25 December is Christmas Day, so Thursday 24 December
    assert [point["due"] for point in points] == ["2026-12-11", "2026-11-27", "2026-12-24"]
    assert shown in reply.text and "7. desember" not in reply.text


def test_the_owner_is_not_told_overdue_in_the_week_it_is_due() -> None:
    bot = _held_26_november(region="agder", coordinator="kari")
    bot.set_time(2026, 12, 1, 15)
    assert_recorded(bot, "referat høst Godt møte. oppfølging: budsjett @IN innen uke 50", as_="kari", channel="agder")
    bot.set_time(2026, 12, 8, 9)
    line = next(line for line in bot.say("neste", as_="ola").text.splitlines() if "budsjett" in line)
    assert "innen 11. desember 2026" in line and "på overtid" not in line, line
    bot.set_time(2026, 12, 14, 9)
    line = next(line for line in bot.say("neste", as_="ola").text.splitlines() if "budsjett" in line)
    assert "på overtid" in line, line
