"""Closing a follow-up point (`ferdig <id>`) is not new minutes (walk 14a F10): `logg` shows the closing
without «Det forrige referatet: …», and `referat vis … tidligere` lists only minutes someone replaced, never a
version for each closing. Both written forms."""

from __future__ import annotations

import pytest

from tests.driver import BotDriver, make_bot, oslo
from tests.helpers import assert_recorded


def _minutes_with_a_point(*, coordinator: str, region: str, meeting: str, deadline: str) -> tuple[BotDriver, str]:
    bot = make_bot(at=oslo(2027, 8, 16, 9))
    assert_recorded(bot, "dato høstmøte 2. november kl 10", as_="aud", channel="nasjonal")
    bot.set_time(2027, 11, 3, 9)
    assert_recorded(bot, "referat høstmøte Bra", as_="aud", channel="nasjonal")
    bot.set_time(2027, 11, 26, 9)
    assert_recorded(
        bot,
        f"referat {meeting} Godt møte holdt 25. november. oppfølging: Innspill @IN {deadline} 10. desember",
        as_=coordinator,
        channel=region,
    )
    points = bot.tables(f"cycle/{region}/2027")["milestones"]["regional-autumn"]["outcome"]["followups"]
    return bot, points[0]["id"]


@pytest.mark.parametrize(
    ("coordinator", "region", "meeting", "deadline", "earlier", "no_earlier"),
    [
        ("kari", "agder", "høst", "innen", "tidligere", ("Det forrige referatet", "Erstattet")),
        ("per", "vestland", "haust", "innan", "tidlegare", ("Det førre referatet", "Erstatta")),
    ],
)
def test_closing_a_point_is_logged_as_a_closing_not_as_replaced_minutes(
    coordinator: str, region: str, meeting: str, deadline: str, earlier: str, no_earlier: tuple[str, str]
) -> None:
    bot, point = _minutes_with_a_point(coordinator=coordinator, region=region, meeting=meeting, deadline=deadline)
    bot.set_time(2027, 12, 1, 9)
    assert_recorded(bot, f"ferdig {point}", as_=coordinator, channel=region)
    logged = bot.say(f"logg {region}", as_=coordinator, channel=region).text
    assert point in logged
    assert no_earlier[0] not in logged
    shown = bot.say(f"referat vis {meeting} {region} 2027 {earlier}", as_=coordinator, channel=region).text
    assert no_earlier[1] not in shown

    bot.set_time(2027, 12, 2, 9)  # a real replacement is still kept and pointed to, once
    replaced = assert_recorded(
        bot,
        f"referat {meeting} Godt møte holdt 25. november. oppfølging: Innspill @IN {deadline} 10. desember; "
        f"Tall @SIVA {deadline} 12. desember {'bekreft' if region == 'agder' else 'stadfest'}",
        as_=coordinator,
        channel=region,
    )
    new = [p["id"] for p in bot.tables(f"cycle/{region}/2027")["milestones"]["regional-autumn"]["outcome"]["followups"]]
    for point_id in new:
        bot.say(f"ferdig {point_id}", as_=coordinator, channel=region)
    shown = bot.say(f"referat vis {meeting} {region} 2027 {earlier}", as_=coordinator, channel=region).text
    assert shown.count(no_earlier[1]) == 1, (replaced.text, shown)
    assert bot.say(f"logg {region}", as_=coordinator, channel=region).text.count(no_earlier[0]) == 1
