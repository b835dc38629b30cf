"""`ferdig` alone for a coordinator lists the open points of their region's meetings too, which they may close
(walk 14a F6: «Du har ingen opne oppfølgingspunkt» while his meetings had four), and `hjelp ferdig` shows an id
the asker may close, typed as shown it closes it (walk 13 W2). Both written forms."""

from __future__ import annotations

import re

import pytest

from tests.driver import BotDriver, make_bot, oslo
from tests.helpers import assert_recorded, assert_refused


def _minutes(*, coordinator: str, region: str, meeting: str, points: str) -> BotDriver:
    bot = make_bot(at=oslo(2026, 9, 2, 10))
    assert_recorded(bot, "dato høstmøte 5. november kl 10", as_="aud", channel="nasjonal")
    assert_recorded(bot, f"dato {meeting} 25. november", as_=coordinator, channel=region)
    bot.set_time(2026, 11, 6, 9)
    assert_recorded(bot, "referat høstmøte Bra", as_="aud", channel="nasjonal")
    bot.set_time(2026, 11, 26, 9)
    assert_recorded(bot, f"referat {meeting} Godt møte. oppfølging: {points}", as_=coordinator, channel=region)
    return bot


def _ids(bot: BotDriver, region: str) -> dict[str, str]:
    stored = bot.tables(f"cycle/{region}/2026")["milestones"]["regional-autumn"]["outcome"]["followups"]
    return {point["owner"]: point["id"] for point in stored}


@pytest.mark.parametrize(
    ("coordinator", "region", "meeting", "said", "example"),
    [
        ("kari", "agder", "høst", "Åpne fra møtene dere har ansvar for", "Eksempel: «ferdig "),
        ("per", "vestland", "haust", "Opne frå møta de har ansvar for", "Døme: «ferdig "),
    ],
)
def test_a_coordinator_is_shown_the_points_of_the_regions_meetings(
    coordinator: str, region: str, meeting: str, said: str, example: str
) -> None:
    bot = _minutes(coordinator=coordinator, region=region, meeting=meeting, points="Tall @SIVA; Notat @RFF")
    ids = _ids(bot, region)
    asked = assert_refused(bot, "ferdig", as_=coordinator, channel=region, contains=said)
    assert ids["SIVA"] in asked.text and ids["RFF"] in asked.text
    helped = bot.say("hjelp ferdig", as_=coordinator, channel=region).text
    typed = re.search(r"«(ferdig [A-Z0-9]{4})»", helped[helped.index(example[: -len("«ferdig ")]) :])
    assert typed is not None, helped
    assert_recorded(bot, typed.group(1), as_=coordinator, channel=region)


def test_own_points_come_first_and_the_kept_ones_after() -> None:
    bot = _minutes(coordinator="kari", region="agder", meeting="høst", points="Budsjett @agder; Tall @SIVA")
    ids = _ids(bot, "agder")
    asked = assert_refused(bot, "ferdig", as_="kari", channel="agder", contains="Dine åpne")
    assert asked.text.index(ids["agder"]) < asked.text.index(ids["SIVA"])
    assert f"«ferdig {ids['agder']}»" in bot.say("hjelp ferdig", as_="kari", channel="agder").text
    # an actor sees only its own, never another region's coordinator's list
    assert "ansvar for" not in bot.say("ferdig", as_="siri").text
