"""Walk 7 F9: a time pasted with another zone than Norway's («10:00 GMT», «EST», «Z», «UTC+0») is refused with
the Norwegian hour to write, never saved as the same clock time in Oslo; Oslo's own offset or name is read."""

from __future__ import annotations

import importlib.util

import pytest

from tests.driver import BotDriver, make_bot, oslo
from tests.helpers import assert_recorded

pytestmark = pytest.mark.skipif(importlib.util.find_spec("dateparser") is None, reason="dateparser is not installed")
REGION = {"kari": "agder", "per": "vestland"}


@pytest.fixture
def tue() -> BotDriver:
    bot = make_bot(at=oslo(2027, 3, 2, 9))
    assert bot.say("dato vårmøte 10. mars kl 10", as_="aud").ok
    return bot


@pytest.mark.parametrize(
    ("as_", "when", "oslo_hour"),
    [
        ("kari", "14. april 2027 10:00 GMT", "12.00"),
        ("per", "14. april 2027 10:00 (UTC)", "12.00"),
        ("per", "14. april 2027 10:00 Z", "12.00"),
        ("kari", "Wed 14 Apr 2027 10:00 EST", "17.00"),
        ("per", "14. april 2027 10:00 PST", "20.00"),
        ("kari", "14. april 2027 10:00 BST", "11.00"),
        ("per", "14. april 2027 10:00 +01:00", "11.00"),  # Oslo's winter offset, but April is summer time
        ("kari", "14. april 2027 10:00 (GMT+00:00)", "12.00"),
        # without the year, or in the form the grammar reads: the words after the time name the zone
        ("per", "14. april kl 10 UTC", "12.00"),
        ("kari", "14. april 10:00 GMT", "12.00"),
        ("per", "2027-04-14 10:00 UTC", "12.00"),
        ("kari", "14. april kl 10 (GMT)", "12.00"),
    ],
)
def test_a_foreign_zone_is_refused_with_the_norwegian_hour(tue: BotDriver, as_: str, when: str, oslo_hour: str) -> None:
    before = tue.snapshot()
    reply = tue.say(f"dato vår {when}", as_=as_)
    assert not reply.ok and tue.snapshot() == before, reply.text
    lead = "Tida er skriven i ei anna tidssone" if as_ == "per" else "Tiden er skrevet i en annen tidssone"
    assert lead in reply.text and f"«dato vår 14.04.2027 kl {oslo_hour}»" in reply.text, reply.text
    # the advice, typed as shown, saves the meeting at the Norwegian hour meant
    assert_recorded(tue, f"dato vår 14.04.2027 kl {oslo_hour}", as_=as_)
    hour, minute = (int(part) for part in oslo_hour.split("."))
    planned = tue.tables(f"cycle/{REGION[as_]}/2027")["milestones"]["regional-spring"]["planned"]
    assert planned == oslo(2027, 4, 14, hour, minute).isoformat()


@pytest.mark.parametrize("as_", ["kari", "per"])
def test_an_offset_that_is_no_date_format_is_refused(tue: BotDriver, as_: str) -> None:
    before = tue.snapshot()
    reply = tue.say("dato vår 14.04.2027 10:00 UTC+0", as_=as_)
    assert not reply.ok and tue.snapshot() == before, reply.text


@pytest.mark.parametrize(
    ("as_", "when"),
    [
        ("kari", "14. april 2027 10:00 +02:00"),
        ("per", "14. april 2027 10:00 CEST"),
        ("kari", "14. april 2027 10:00 (UTC+02:00)"),
        ("per", "Wed 14 Apr 2027 10:00"),
    ],
)
def test_oslos_own_zone_is_read(tue: BotDriver, as_: str, when: str) -> None:
    assert_recorded(tue, f"dato vår {when}", as_=as_)
    planned = tue.tables(f"cycle/{REGION[as_]}/2027")["milestones"]["regional-spring"]["planned"]
    assert planned == oslo(2027, 4, 14, 10).isoformat()
