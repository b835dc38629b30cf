"""A reminder counted from a planned date is owed anew when the date moves (walk 10 X1): AU moves the
national spring meeting from 11 March to 20 April after its 14-day lead went out, and the actors who
prepare hear the 14-day lead for 20 April on 6 April, not only «om 4 dager». The ledger id names the date
a reminder counted from (`bot.reminders.ledger_ids`); a pass run twice sends nothing twice, and a lead whose
day for the new date had passed when the date moved is not sent late (the move was announced)."""

from __future__ import annotations

import asyncio
from datetime import date, timedelta

from bot.reminders.ledger_ids import reminder_id, told_already
from bot.reminders.passes import PassReport, run_pass
from bot.reminders.schedule import Occurrence
from tests.driver import BotDriver, make_bot, oslo
from tests.helpers import FakeSender, senders_for

MEETING = "Vårmøtet (nasjonalt) 2027"


def _passes(bot: BotDriver, senders: dict[str, FakeSender], *, start: date, end: date) -> None:
    day = start
    while day <= end:
        if day.weekday() < 5:
            bot.set_time(day.year, day.month, day.day, 9)
            asyncio.run(run_pass(core=bot.core, senders=senders))
        day += timedelta(days=1)


def _to(senders: dict[str, FakeSender], channel: str, *needles: str) -> list[date]:
    return sorted(
        day
        for sender in senders.values()
        for day, to, reply in sender.posts
        if to == channel and all(needle in reply.text for needle in needles)
    )


def test_a_moved_meeting_gets_the_14_day_lead_for_its_new_date() -> None:
    bot = make_bot(at=oslo(2027, 1, 20, 10))
    assert bot.say("dato vårmøte torsdag 11. mars kl. 0900", as_="aud", channel="nasjonal").ok
    senders = senders_for(bot)
    _passes(bot, senders, start=date(2027, 1, 21), end=date(2027, 3, 1))
    assert _to(senders, "in", MEETING, "(om 14 dager)") == [date(2027, 2, 25)]
    bot.set_time(2027, 3, 2, 10)
    assert bot.say("dato vårmøte 20. april kl 10 bekreft", as_="aud", channel="nasjonal").ok
    _passes(bot, senders, start=date(2027, 3, 2), end=date(2027, 4, 19))
    fourteen = _to(senders, "in", MEETING, "20. april 2027 kl. 10.00 (om 14 dager)")  # with its hour (14b C3)
    assert fourteen == [date(2027, 4, 6)], _to(senders, "in", MEETING)
    assert _to(senders, "in", MEETING, "20. april 2027 kl. 10.00 (om 4 dager)") == [date(2027, 4, 16)]
    # Nothing goes twice: a second pass the same day posts nothing of the meeting.
    before = sum(len(sender.posts) for sender in senders.values())
    report: PassReport = asyncio.run(run_pass(core=bot.core, senders=senders))
    assert not [i for i in report.ids if "national-spring" in i]
    assert sum(len(sender.posts) for sender in senders.values()) == before


def test_a_lead_for_the_same_date_is_told_once_also_under_an_id_written_before_the_date_was_in_it() -> None:
    lead = Occurrence(name="lead-14", day=date(2027, 4, 6), kind="lead")
    planned = date(2027, 4, 20)
    where = "slack:C1"
    new = reminder_id(ident="m", occurrence=lead, where=where, planned=planned)
    assert new == "m|lead-14@2027-04-20|slack:C1"
    kwargs = {"ident": "m", "occurrence": lead, "where": where, "planned": planned, "today": date(2027, 4, 6)}
    assert told_already({new: {"sent_at": "2027-04-06T09:00:00+02:00"}}, **kwargs)
    # An id without the date, sent on the lead's day for this date: the same reminder, not sent again.
    assert told_already({"m|lead-14|slack:C1": {"sent_at": "2027-04-06T09:00:00+02:00"}}, **kwargs)
    # Sent for the earlier date (25 February): owed for the new one.
    assert not told_already({"m|lead-14|slack:C1": {"sent_at": "2027-02-25T09:00:00+01:00"}}, **kwargs)
    assert not told_already({"m|lead-14@2027-03-11|slack:C1": {"sent_at": "2027-02-25T09:00:00+01:00"}}, **kwargs)
    # Its day for the new date passed before the move: the earlier date's lead and the move stand for it.
    late = {**kwargs, "today": date(2027, 4, 8)}
    assert told_already({"m|lead-14@2027-03-11|slack:C1": {"sent_at": "2027-02-25T09:00:00+01:00"}}, **late)
    assert not told_already({}, **late)  # never told at all (downtime): it goes, late


def test_a_meeting_dated_past_its_window_with_bekreft_is_dated_not_late() -> None:
    # Walk 10 X2: vårmøtet's window ends 31 March; AU dates it 20 April with «bekreft». Dated and announced,
    # it is neither «forsinket … AU kaller inn» nor behind in the weekly overview before that day.
    bot = make_bot(at=oslo(2027, 3, 2, 10))
    assert bot.say("dato vårmøte 20. april kl 10 bekreft", as_="aud", channel="nasjonal").ok
    senders = senders_for(bot)
    _passes(bot, senders, start=date(2027, 3, 3), end=date(2027, 4, 23))
    national = [
        (day, reply.text)
        for sender in senders.values()
        for day, to, reply in sender.posts
        if to == "nasjonal" and MEETING in reply.text
    ]
    before = [text for day, text in national if day <= date(2027, 4, 20)]
    assert before and not any("forsinket" in text or "frist var" in text for text in before), before
    assert not any("Forsinket nasjonalt" in text for _day, text in national)
    bot.set_time(2027, 4, 12, 10)
    assert "Forsinket" not in bot.say("oversikt", as_="aud", channel="nasjonal").text
    # The day after it: the meeting is over and its minutes are missing, said once, not «AU kaller inn».
    after = [text for day, text in national if day == date(2027, 4, 21)]
    assert after and "møtet var 20. april 2027" in after[0] and "skriver referat" in after[0]
    assert not any("kaller inn" in text for day, text in national if day > date(2027, 4, 20))
