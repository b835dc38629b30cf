"""Walk 9 W5: minutes written in November give their points deadlines in the words people use for them:
«innen nyttår», «innen utgangen av januar», «innen jul», «innen 1. kvartal», «innen påske», «innen
sommeren» are the last working day of (or before) that period, read by the one date grammar with its year
rule; a phrase still unread («innen neste møte») keeps the warning. In both written forms."""

from __future__ import annotations

from typing import Any

import pytest

from bot.messages import Reply
from tests.driver import make_bot, oslo
from tests.helpers import assert_recorded

PEOPLE = {"nb": ("kari", "agder", "høst", "innen"), "nn": ("per", "vestland", "haust", "innan")}
WARNED = {"nb": "Fristen «neste møte»", "nn": "Fristen «neste møte»"}
EXPECTED = {
    "a": ("15. januar", "2028-01-14"),  # a Saturday: the Friday before (walk 11 M6)
    "b": ("nyttår", "2027-12-30"),  # 31 December is a day off in app.yaml (walk 33 F9)
    "c": ("utgangen av januar", "2028-01-31"),
    "d": ("jul", "2027-12-23"),  # before Christmas Eve, not July
    "e": ("1. kvartal", "2028-03-31"),
    "f": ("påske", "2028-04-12"),  # the Wednesday before Maundy Thursday
    "g": ("sommeren", "2028-06-30"),
    "h": ("neste møte", None),
}


def autumn_points(lang: str, *, points: str) -> tuple[Reply, list[dict[str, Any]]]:
    """The region's autumn minutes of 18 November 2027 with `points` (AU's in first): the reply and the points
    stored. `points` may hold «{by}», the written form's «innen»/«innan»."""
    person, region, meeting, by = PEOPLE[lang]
    bot = make_bot(at=oslo(2027, 11, 1, 9))
    assert_recorded(bot, "dato høstmøte 28. oktober kl 10 bekreft", as_="aud")
    bot.set_time(2027, 11, 18, 15)
    assert_recorded(bot, "referat høstmøte Godt møte", as_="aud")
    reply = assert_recorded(bot, f"referat {meeting} Godt møte. oppfølging: {points.format(by=by)}", as_=person)
    return reply, bot.tables(f"cycle/{region}/2027")["milestones"]["regional-autumn"]["outcome"]["followups"]


@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_period_deadlines_in_minutes_are_the_periods_last_working_day(lang: str) -> None:
    points = "; ".join(f"{key} @IN {{by}} {words}" for key, (words, _due) in EXPECTED.items())
    reply, stored = autumn_points(lang, points=points)
    assert {point["text"].split()[0]: point["due"] for point in stored} == {k: due for k, (_w, due) in EXPECTED.items()}
    assert WARNED[lang] in reply.text, reply.text  # the one phrase still unread
    for words in ("nyttår", "jul»", "1. kvartal", "påske", "sommeren", "utgangen av januar"):
        assert f"«{words}" not in reply.text, reply.text
