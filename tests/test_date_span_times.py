"""Walk 7 F17: a meeting over two days typed with a time range («22.–23. april kl 10–15», «22. og 23. april»)
is one meeting from the first day's start, its last day kept and the end time said not kept, in both written
forms; never «to datoer» with advice that drops the second day."""

from __future__ import annotations

import pytest

from tests.driver import BotDriver, make_bot, oslo
from tests.helpers import assert_recorded

REGION = {"kari": "agder", "per": "vestland"}


@pytest.fixture
def jan12() -> BotDriver:
    bot = make_bot(at=oslo(2027, 1, 12, 9))
    assert bot.say("dato vårmøte 11. mars kl 10", as_="aud").ok
    return bot


@pytest.mark.parametrize(
    ("as_", "when", "hour", "end_note"),
    [
        ("kari", "22.–23. april kl 10–15", 10, "slutten kl. 15.00 lagres ikke"),
        ("per", "22.-23. april 10:00-15:00", 10, "slutten kl. 15.00 vert ikkje lagra"),
        ("kari", "22.-23. april kl. 10.00 - 15.00", 10, "slutten kl. 15.00 lagres ikke"),
        ("per", "22.04.–23.04.2027 kl 9–15", 9, "slutten kl. 15.00 vert ikkje lagra"),
        ("kari", "torsdag 22. og fredag 23. april", 0, None),
        ("per", "22. og 23. april kl 10", 10, None),
        # walk 31 F1: an end not after the start is the last day's (lunch to lunch), never «to datoer»
        ("kari", "22.-23. april kl 12-12", 12, "slutten kl. 12.00 lagres ikke"),
        ("per", "22.-23. april kl 12-12", 12, "slutten kl. 12.00 vert ikkje lagra"),
        ("kari", "22.–23.04 kl. 12.00–12.00", 12, "slutten kl. 12.00 lagres ikke"),
        ("per", "22. og 23. april kl 12-12", 12, "slutten kl. 12.00 vert ikkje lagra"),
        ("kari", "22.-23. april kl 16-10", 16, "slutten kl. 10.00 lagres ikke"),
        ("per", "torsdag 22. og fredag 23. april kl 12-12", 12, "slutten kl. 12.00 vert ikkje lagra"),
    ],
)
def test_two_days_with_a_time_range_are_one_meeting(
    jan12: BotDriver, as_: str, when: str, hour: int, end_note: str | None
) -> None:
    reply = assert_recorded(jan12, f"dato vår {when}", as_=as_)
    stored = jan12.tables(f"cycle/{REGION[as_]}/2027")["milestones"]["regional-spring"]
    assert stored["planned"] == oslo(2027, 4, 22, hour).isoformat(), reply.text
    assert stored["planned_last_day"] == "2027-04-23", reply.text
    assert "fredag 23. april 2027" in reply.text
    assert end_note is None or end_note in reply.text, reply.text
    assert "to dato" not in reply.text and "februar" not in reply.text


@pytest.mark.parametrize("as_", ["kari", "per"])
def test_two_days_apart_joined_by_og_stay_two_dates(jan12: BotDriver, as_: str) -> None:
    before = jan12.snapshot()
    reply = jan12.say("dato vår 22. og 27. april", as_=as_)
    assert not reply.ok and jan12.snapshot() == before
