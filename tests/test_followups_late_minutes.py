"""Minutes written days after the meeting keep the deadlines agreed at it (walk 8 N10): a point's «innen …»
is read from the meeting's held day, so «innen 1. desember» of a meeting on 26 November is 1 December that
year even when the minutes come on 5 December; the reply and the owner's `neste` say it is already overdue,
and a day before the meeting is still asked about. Never a year on, silently. A week as the deadline («innen uke
50» / «innan veke 50») is by the end of that working week, its Friday or the last working day before it, not its
Monday (walk 8 N3)."""

from __future__ import annotations

import pytest

from bot.reminders.passes import plan_digests
from tests.driver import BotDriver, make_bot, oslo
from tests.helpers import assert_recorded, assert_refused


def _held_26_november(*, region: str, coordinator: str) -> BotDriver:
    bot = make_bot(at=oslo(2026, 11, 2, 9))
    assert_recorded(bot, "dato høstmøte 12. november kl 10", as_="aud", channel="nasjonal")
    bot.set_time(2026, 11, 13, 9)
    assert_recorded(bot, "referat høstmøte Godt møte", as_="aud", channel="nasjonal")
    assert_recorded(bot, "dato høst 26.11 kl 10", as_=coordinator, channel=region)
    return bot


def _written(bot: BotDriver, *, region: str, coordinator: str, minutes: str) -> tuple[str, list[str | None]]:
    """The reply's text and the points' stored due days once `minutes` are recorded in `region`."""
    reply = assert_recorded(bot, minutes, as_=coordinator, channel=region)
    points = bot.tables(f"cycle/{region}/2026")["milestones"]["regional-autumn"]["outcome"]["followups"]
    return reply.text, [point["due"] for point in points]


def test_bokmal_deadlines_read_from_the_meeting_day_not_a_year_on() -> None:
    bot = _held_26_november(region="agder", coordinator="kari")
    bot.set_time(2026, 12, 5, 10)
    text, dues = _written(
        bot,
        region="agder",
        coordinator="kari",
        minutes="referat høst Godt møte. oppfølging: innspill @SIVA innen 1. desember; rapport @NFR innen fredag; "
        "notat @IN innen 30.11; plan @IN innen 15. desember",
    )
    assert dues == ["2026-12-01", "2026-11-27", "2026-11-30", "2026-12-15"]
    assert "innen 1. desember 2026, på overtid" in text and "2027" not in text
    assert "innen 15. desember 2026)" in text
    assert "innspill (Siva, innen 1. desember 2026, på overtid)" in bot.say("neste", as_="siri").text
    told = [
        digest
        for day in range(5, 12)
        for digest in plan_digests(core=bot.core, at=oslo(2026, 12, day, 9))
        if "innspill" in digest.reply.text and "på overtid" in digest.reply.text
    ]
    assert told, "Siva is not reminded of its overdue point in the week the minutes were written"


def test_nynorsk_deadlines_read_from_the_meeting_day_and_a_day_before_it_is_asked() -> None:
    bot = _held_26_november(region="vestland", coordinator="per")
    bot.set_time(2027, 1, 8, 10)
    assert_refused(
        bot,
        "referat haust Godt møte. oppfølging: innspel @SIVA innan i går",
        as_="per",
        channel="vestland",
        contains="er alt passert",
    )
    text, dues = _written(
        bot,
        region="vestland",
        coordinator="per",
        minutes="referat haust Godt møte. oppfølging: innspel @SIVA innan 15. desember; rapport @NFR innan 20.12; "
        "notat @IN innan 1. februar",
    )
    assert dues == ["2026-12-15", "2026-12-18", "2027-02-01"]  # 20.12 a Sunday: the Friday before (walk 11 M6)
    assert "innan 15. desember 2026, på overtid" in text and "innan 1. februar 2027)" in text


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
    assert [point["due"] for point in points] == [
        "2026-12-11",
        "2026-11-27",
        "2026-12-23",
    ]  # 24 December is a day off (walk 33 F9)
    assert shown in reply.text and "7. desember" not in reply.text


@pytest.mark.parametrize(
    ("region", "coordinator", "meeting", "words"),
    [
        ("agder", "kari", "høst", "budsjett @IN innen utgangen av uke 50; notat @SIVA innen slutten av uke 52"),
        ("vestland", "per", "haust", "budsjett @IN innan utgangen av veke 50; notat @SIVA innan slutten av veke 52"),
    ],
)  # fmt: skip
def test_the_end_of_a_week_is_that_weeks_last_working_day(
    region: str, coordinator: str, meeting: str, words: str
) -> None:
    """Walk 21 A7: «innen utgangen av uke 49», as e-mails write it, kept the point without a deadline."""
    bot = _held_26_november(region=region, coordinator=coordinator)
    bot.set_time(2026, 12, 1, 15)
    reply = assert_recorded(bot, f"referat {meeting} Godt møte. oppfølging: {words}", as_=coordinator, channel=region)
    points = bot.tables(f"cycle/{region}/2026")["milestones"]["regional-autumn"]["outcome"]["followups"]
    assert [point["due"] for point in points] == ["2026-12-11", "2026-12-23"]  # 24 December is a day off (walk 33 F9)
    assert "⚠" not in reply.text, reply.text


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
