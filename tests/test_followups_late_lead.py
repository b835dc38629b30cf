"""A follow-up point written after that day's reminder pass is never «Sendt for sent» for that day (walk 14a
F3): its owner was told it when it was recorded, so its two-day lead that fell on that day is not sent late
on the next working day; its overdue reminder still comes. Both written forms."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest

from bot.reminders.pass_plan import plan_digests, record_digest
from tests.driver import BotDriver, make_bot, oslo
from tests.helpers import assert_recorded


def _pass(bot: BotDriver, day: date) -> list[str]:
    """The reminder pass at 09:00 on `day`, as the server runs it: what it posts, recorded in the ledger."""
    at = datetime.combine(day, time(9), tzinfo=bot.clock.tz)
    bot.clock.set(at)
    texts = []
    for digest in plan_digests(core=bot.core, at=at):
        texts.append(digest.reply.text)
        record_digest(bot.core, digest, at=at)
    return texts


@pytest.mark.parametrize(
    ("coordinator", "region", "meeting", "deadline", "late"),
    [("kari", "agder", "høst", "innen", "Sendt for sent"), ("per", "vestland", "haust", "innan", "Sendt for seint")],
)
def test_a_point_written_after_the_days_pass_is_not_reminded_late_for_that_day(
    coordinator: str, region: str, meeting: str, deadline: str, late: str
) -> None:
    bot = make_bot(at=oslo(2026, 9, 2, 10))
    assert_recorded(bot, "dato høstmøte 5. november kl 10", as_="aud", channel="nasjonal")
    assert_recorded(bot, f"dato {meeting} 25. november", as_=coordinator, channel=region)
    bot.set_time(2026, 11, 6, 9)
    assert_recorded(bot, "referat høstmøte Bra", as_="aud", channel="nasjonal")
    _pass(bot, date(2026, 11, 27))  # Friday's pass runs at 09:00, before the minutes
    bot.set_time(2026, 11, 27, 15)
    assert_recorded(
        bot,
        f"referat {meeting} Bra møte. oppfølging: Utkast avtale @IN {deadline} 1.12",  # its lead: Friday 27th
        as_=coordinator,
        channel=region,
    )
    told: list[str] = []
    day = date(2026, 11, 30)
    while day <= date(2026, 12, 3):
        told += [text for text in _pass(bot, day) if "Utkast avtale" in text]
        day += timedelta(days=1)
    assert told, "the overdue point is never reminded"
    assert not any(late in text for text in told), told
