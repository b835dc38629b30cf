"""Walk 9 W7: an owner typed as a person's whole name after @ («@Ola Berg», as the terminal and Teams users
write it) is read whole: the surname does not stay in the point's words. A first name alone, a party, several
owners and a Slack mention token read as before; in both written forms."""

from __future__ import annotations

import pytest

from tests.driver import make_bot, oslo
from tests.helpers import assert_recorded

PEOPLE = {"nb": ("kari", "agder", "høst", "innen"), "nn": ("per", "vestland", "haust", "innan")}


def _points(lang: str, followups: str, *, platform: str = "terminal") -> list[dict]:
    person, region, meeting, by = PEOPLE[lang]
    bot = make_bot(at=oslo(2026, 11, 12, 15))
    assert_recorded(bot, "referat høstmøte Høstmøtet holdt", as_="aud")
    channel = {"terminal": region, "slack": f"C0{region.upper()}"}[platform]
    who = {"terminal": person, "slack": f"U0{person.upper()}"}[platform]
    reply = bot.say(
        f"referat {meeting} Godt møte. oppfølging: {followups.format(by=by)}",
        as_=who,
        channel=channel,
        platform=platform,
    )
    assert reply.ok, reply.text
    return bot.tables(f"cycle/{region}/2026")["milestones"]["regional-autumn"]["outcome"]["followups"]


@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_a_whole_name_after_the_at_sign_is_the_owner_and_not_the_task(lang: str) -> None:
    [point] = _points(lang, "innspill @Ola Berg {by} 4. desember")
    assert (point["text"], point["owner"], point["owner_name"]) == ("innspill", "ola", "Ola Berg")
    assert point["due"] == "2026-12-04"


@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_first_names_parties_and_tokens_read_as_before(lang: str) -> None:
    points = _points(lang, "tall @IN @ola {by} 1. desember; rapport @kari, sammen med Berg {by} 3. desember")
    assert [(p["text"], p["owner"]) for p in points] == [
        ("tall", "IN"),
        ("tall", "ola"),
        ("rapport sammen med Berg", "kari"),
    ]
    [slack] = _points(lang, "innspill <@U0OLA> {by} 4. desember", platform="slack")
    assert (slack["text"], slack["owner"]) == ("innspill", "ola")
