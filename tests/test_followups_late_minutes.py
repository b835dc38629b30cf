"""Minutes written days after the meeting keep the deadlines agreed at it (walk 8 N10): a point's «innen …»
is read from the meeting's held day, so «innen 1. desember» of a meeting on 26 November is 1 December that
year even when the minutes come on 5 December; the reply and the owner's `neste` say it is already overdue,
and a day before the meeting is still asked about. Never a year on, silently."""

from __future__ import annotations

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
    assert dues == ["2026-12-15", "2026-12-20", "2027-02-01"]
    assert "innan 15. desember 2026, på overtid" in text and "innan 1. februar 2027)" in text
