"""A planned meeting date can be taken back (`dato høst avlyst`/`ingen`/`fjern`), and a time alone changes the
planned day's time (`dato høst kl 13`) (walk8 N9). Driven as coordinators type it, in both written forms."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from bot.reminders.simulation import simulate
from tests.driver import BotDriver, make_bot, oslo

VESTLAND = "cycle/vestland/2026"
AGDER = "cycle/agder/2026"


def planned(bot: BotDriver, partition: str) -> datetime | None:
    value = bot.tables(partition).get("milestones", {}).get("regional-autumn", {}).get("planned")
    return datetime.fromisoformat(value) if value else None


def dated(*, vestland: str = "26.11 kl 10", agder: str = "25.11 kl 10") -> BotDriver:
    bot = make_bot(at=oslo(2026, 11, 2, 9, 0))
    bot.say("dato høstmøte 12. november kl 10", as_="aud", channel="nasjonal")
    assert bot.say(f"dato haust {vestland}", as_="per", channel="vestland").ok
    assert bot.say(f"dato høst {agder}", as_="kari", channel="agder").ok
    return bot


SEATS = [
    ("per", "vestland", "haust", "stadfest", VESTLAND, "Stadfest datoen", "Dato fjerna"),
    ("kari", "agder", "høst", "bekreft", AGDER, "Bekreft datoen", "Dato fjernet"),
]


@pytest.mark.parametrize("word", ["avlyst", "ingen", "fjern", "fjern datoen", "Avlyst.", "ingen dato"])
@pytest.mark.parametrize(("who", "channel", "meeting", "confirm", "partition", "asked", "done"), SEATS)
def test_a_planned_date_is_taken_back_after_a_question(
    word: str, who: str, channel: str, meeting: str, confirm: str, partition: str, asked: str, done: str
) -> None:
    bot = dated()
    before = bot.snapshot()
    was = planned(bot, partition)
    reply = bot.say(f"dato {meeting} {word}", as_=who, channel=channel)
    assert bot.snapshot() == before and reply.title == asked, reply.text
    (button,) = reply.buttons
    assert button.command == f"dato {meeting} {channel} 2026 avlyst {confirm}" and f"«{button.command}»" in reply.text
    removed = bot.say(button.command, as_=who, channel=channel)
    assert removed.title.startswith(done), removed.text
    assert planned(bot, partition) is None and was is not None
    other = AGDER if partition == VESTLAND else VESTLAND
    assert planned(bot, other) is not None  # the other region's meeting keeps its date
    log = bot.say("logg", as_=who, channel=channel).text
    assert ("Fjerna datoen" if who == "per" else "Fjernet datoen") in log, log


def test_the_channels_that_heard_the_leads_are_told_each_in_its_form() -> None:
    bot = dated()
    bot.say("dato haust avlyst stadfest", as_="per", channel="vestland")
    told = {(a.to.platform, a.to.channel_id): a.reply.text for a in bot.last.announcements}
    assert told, "nobody was told"
    siva = told[("terminal", "siva")]
    assert "Vestland · Dialogmøte høst 2026 har ikke lenger en planlagt dato" in siva
    assert "var torsdag 26. november 2026 kl. 10.00" in siva and "Per Hansen" in siva
    assert ("terminal", "vestland") not in told  # the asker's own channel has the reply
    nynorsk = [text for text in told.values() if "har ikkje lenger ein planlagd dato" in text]
    assert nynorsk, told  # Vestland's other channels read nynorsk


def test_reminders_fall_back_to_the_deadline_rhythm() -> None:
    bot = dated()
    bot.say("dato haust avlyst stadfest", as_="per", channel="vestland")
    posts = [
        post.digest.reply.text
        for post in simulate(bot.core, start=date(2026, 11, 2), end=date(2027, 1, 10), region=None)
        if post.digest.to.platform == "terminal" and post.digest.to.channel_id in ("vestland", "siva")
    ]
    assert not any("26. november" in text for text in posts)
    assert any(
        "Vestland · Dialogmøte haust 2026: føreslått i november 2026, frist 31. desember 2026" in t for t in posts
    )


def test_nothing_planned_or_held_cannot_be_taken_back() -> None:
    bot = make_bot(at=oslo(2026, 11, 2, 9, 0))
    before = bot.snapshot()
    reply = bot.say("dato haust avlyst stadfest", as_="per", channel="vestland")
    assert not reply.ok and "har ingen planlagd dato" in reply.text and bot.snapshot() == before
    bot = dated()
    bot.set_time(2026, 11, 27, 9, 0)
    assert bot.say("referat høst Godt møte. bekreft", as_="kari", channel="agder").ok
    before = bot.snapshot()
    reply = bot.say("dato høst avlyst bekreft", as_="kari", channel="agder")
    assert not reply.ok and "kan ikke fjernes" in reply.text and bot.snapshot() == before


@pytest.mark.parametrize("typed", ["kl 13", "kl. 13.00", "13:00", "samme dag kl 13", "same dag kl 13", "kl 13-15"])
@pytest.mark.parametrize(("who", "channel", "meeting", "partition", "day"), [
    ("per", "vestland", "haust", VESTLAND, 26),
    ("kari", "agder", "høst", AGDER, 25),
])  # fmt: skip
def test_a_time_alone_moves_the_planned_days_time(
    typed: str, who: str, channel: str, meeting: str, partition: str, day: int
) -> None:
    bot = dated()
    reply = bot.say(f"dato {meeting} {typed}", as_=who, channel=channel)
    assert reply.ok and planned(bot, partition) == oslo(2026, 11, day, 13, 0), reply.text
    siva = next(
        a.reply.text for a in bot.last.announcements if (a.to.platform, a.to.channel_id) == ("terminal", "siva")
    )
    assert "nytt klokkeslett" in siva


def test_a_time_alone_keeps_a_meeting_over_days() -> None:
    bot = dated(agder="25.-26. november kl 10")
    assert bot.say("dato høst kl 12", as_="kari", channel="agder").ok
    doc = bot.tables(AGDER)["milestones"]["regional-autumn"]
    assert datetime.fromisoformat(doc["planned"]) == oslo(2026, 11, 25, 12, 0)
    assert doc["planned_last_day"] == "2026-11-26"


def test_a_time_alone_without_a_planned_day_says_what_to_type() -> None:
    for who, channel, meeting, said in (
        ("per", "vestland", "haust", "har ingen planlagd dag"),
        ("kari", "agder", "høst", "har ingen planlagt dag"),
    ):
        bot = make_bot(at=oslo(2026, 11, 2, 9, 0))
        before = bot.snapshot()
        reply = bot.say(f"dato {meeting} kl 13", as_=who, channel=channel)
        # the example is the meeting's own day ahead (`example_day`): the 22nd of November 2026 is a Sunday
        assert not reply.ok and said in reply.text and f"«dato {meeting} 23. november kl 10»" in reply.text, reply.text
        assert bot.snapshot() == before
