"""A time followed by a zone as Outlook, Google and Teams print it is read by the zone's rules (walk8 N11): another
zone's clock («(Greenwich Mean Time)», «(UTC+00:00) Dublin, Edinburgh, Lisboa, London») is refused with the Oslo
hour it is, never with a suggestion that keeps the foreign clock time; Oslo's own zone under any of its names («W.
Europe Standard Time», «(UTC+01:00) Amsterdam, Berlin, …») is read as typed, in winter and in summer."""

from __future__ import annotations

from datetime import datetime

import pytest

from tests.driver import make_bot, oslo

FOREIGN = [
    # (typed after the date, the Oslo hour in November, the Oslo hour in April)
    ("10:00 (Greenwich Mean Time)", "11.00", "12.00"),
    ("10:00 Greenwich Mean Time", "11.00", "12.00"),
    ("10:00 (UTC+00:00) Dublin, Edinburgh, Lisboa, London", "11.00", "11.00"),  # London keeps summer time too
    ("10:00 (UTC+00:00) Dublin, Edinburgh, Lisbon, London", "11.00", "11.00"),
    ("kl 10 (GMT Standard Time)", "11.00", "11.00"),
    ("10:00 Europe/London", "11.00", "11.00"),
    ("10:00 (Coordinated Universal Time)", "11.00", "12.00"),
    ("10:00 (UTC-05:00) Eastern Time (USA og Canada)", "16.00", "16.00"),
    ("10:00 Eastern Standard Time", "16.00", "16.00"),
    ("10:00 (UTC+02:00) Helsinki, Kyiv, Riga, Sofia, Tallinn, Vilnius", "09.00", "09.00"),
]
OSLO_NAMES = [
    "10:00 (UTC+01:00) Amsterdam, Berlin, Bern, Roma, Stockholm, Wien",
    "10:00 (UTC+01:00) Brussel, København, Madrid, Paris",
    "10:00 (W. Europe Standard Time)",
    "10:00 Central European Standard Time",
    "10:00 (GMT+01:00) Central European Time - Oslo",
    "10:00 Europe/Oslo",
    "kl 10 (Romance Standard Time)",
]
SEATS = [("kari", "agder", "høst", "Tiden er skrevet i en annen tidssone"), ("per", "vestland", "haust", "tidssone")]
DAYS = [("26. november 2026", "26.11.2026", 1), ("22. april 2027", "22.04.2027", 2)]  # a spring meeting in April


def _meeting(day: str, typed: str) -> str:
    return typed if day.startswith("26") else {"høst": "vår", "haust": "vår"}[typed]


@pytest.mark.parametrize(("zone", "november", "april"), FOREIGN)
@pytest.mark.parametrize(("who", "channel", "meeting", "said"), SEATS)
@pytest.mark.parametrize(("day", "short", "which"), DAYS)
def test_another_zone_is_refused_with_the_oslo_hour(
    zone: str,
    november: str,
    april: str,
    who: str,
    channel: str,
    meeting: str,
    said: str,
    day: str,
    short: str,
    which: int,
) -> None:
    bot = make_bot(at=oslo(2026, 10, 5, 9, 0))
    bot.say("dato høstmøte 5. november kl 10", as_="aud", channel="nasjonal")
    before = bot.snapshot()
    name = _meeting(day, meeting)
    reply = bot.say(f"dato {name} {day} {zone}", as_=who, channel=channel)
    assert not reply.ok and bot.snapshot() == before, reply.text
    hour = november if which == 1 else april
    assert said in reply.text and f"{short} kl {hour}»" in reply.text, reply.text
    assert "10:00»" not in reply.text and "kl 10»" not in reply.text  # never the foreign clock time as advice


@pytest.mark.parametrize("zone", OSLO_NAMES)
@pytest.mark.parametrize(("day", "at"), [("26. november 2026", oslo(2026, 11, 26, 10, 0)), ("2. desember 2026", None)])
def test_oslos_own_zone_is_read_as_typed(zone: str, day: str, at: datetime | None) -> None:
    bot = make_bot(at=oslo(2026, 10, 5, 9, 0))
    bot.say("dato høstmøte 5. november kl 10", as_="aud", channel="nasjonal")
    reply = bot.say(f"dato høst {day} {zone}", as_="kari", channel="agder")
    assert reply.ok and reply.title.startswith("Dato satt"), reply.text
    stored = datetime.fromisoformat(bot.tables("cycle/agder/2026")["milestones"]["regional-autumn"]["planned"])
    assert stored.hour == 10 and stored.minute == 0
    if at is not None:
        assert stored == at


@pytest.mark.parametrize("zone", OSLO_NAMES)
def test_oslos_own_zone_in_summer_is_summer_time(zone: str) -> None:
    bot = make_bot(at=oslo(2026, 12, 1, 9, 0))
    reply = bot.say(f"dato vår 22. april 2027 {zone}", as_="per", channel="vestland")
    assert reply.ok and reply.title.startswith("Dato sett"), reply.text
    stored = datetime.fromisoformat(bot.tables("cycle/vestland/2027")["milestones"]["regional-spring"]["planned"])
    assert stored == oslo(2027, 4, 22, 10, 0)


def test_the_advised_command_saves_the_hour_meant() -> None:
    bot = make_bot(at=oslo(2026, 10, 5, 9, 0))
    bot.say("dato høstmøte 5. november kl 10", as_="aud", channel="nasjonal")
    reply = bot.say("dato høst 26. november 2026 10:00 (Greenwich Mean Time)", as_="kari", channel="agder")
    assert "«dato høst 26.11.2026 kl 11.00»" in reply.text
    assert bot.say("dato høst 26.11.2026 kl 11.00", as_="kari", channel="agder").ok
    stored = datetime.fromisoformat(bot.tables("cycle/agder/2026")["milestones"]["regional-autumn"]["planned"])
    assert stored == oslo(2026, 11, 26, 11, 0)


@pytest.mark.parametrize(
    ("pasted", "oslo_hour"),
    [
        ("Dato: 26.11.2026\nTid: 10:00\nTidssone: Europe/London", "11.00"),  # the zone line was dropped before
        (
            "Når: torsdag 26. november 2026 10:00-12:00 (UTC+00:00) Dublin, Edinburgh, Lisboa, London\nHvor: Teams",
            "11.00",
        ),
        ("Tid: torsdag 26. november 2026 10:00\nTidssone: Greenwich Mean Time", "11.00"),
        ("Dato: 26.11.2026\nTid: 10:00\nTidssone: Europe/Oslo", None),
        ("torsdag 26. november 2026 · 10:00–11:00\nTidssone: Sentraleuropeisk tid - Oslo", None),
        ("Tid: torsdag 26. november 2026 10:00\nTidssone: W. Europe Standard Time", None),
    ],
)
def test_a_pasted_invitations_zone_line_is_read(pasted: str, oslo_hour: str | None) -> None:
    bot = make_bot(at=oslo(2026, 10, 5, 9, 0))
    bot.say("dato høstmøte 5. november kl 10", as_="aud", channel="nasjonal")
    before = bot.snapshot()
    reply = bot.say(f"dato høst {pasted}", as_="kari", channel="agder")
    if oslo_hour is not None:
        assert not reply.ok and bot.snapshot() == before, reply.text
        assert f"«dato høst 26.11.2026 kl {oslo_hour}»" in reply.text and "annen tidssone" in reply.text
    else:
        assert reply.ok, reply.text
        stored = datetime.fromisoformat(bot.tables("cycle/agder/2026")["milestones"]["regional-autumn"]["planned"])
        assert stored == oslo(2026, 11, 26, 10, 0)
