"""Reminder passes with fake senders and the settable clock: once each, on working days, caught up after downtime."""

from __future__ import annotations

import asyncio
from collections import Counter
from datetime import date, timedelta

import holidays

from bot.reminders.passes import PassReport, run_pass
from tests.driver import BotDriver, make_bot, oslo, record_all_preconditions, text_command
from tests.helpers import FakeSender, make_config, senders_for

NORWAY = holidays.country_holidays("NO", years=range(2026, 2029))


def two_regions(*, at) -> BotDriver:
    return make_bot(at=at, config=make_config(regions=("agder", "vestland")))


def run(bot: BotDriver, senders: dict[str, FakeSender]) -> PassReport:
    return asyncio.run(run_pass(core=bot.core, senders=senders))


def ident(reminder_id: str) -> str:
    return reminder_id.split("|")[0]


def days(start: date, end: date):
    day = start
    while day <= end:
        yield day
        day += timedelta(days=1)


def test_a_simulated_year() -> None:
    """Day by day through 2027 at 09:00, a pass each day, with work done along the way."""
    bot = two_regions(at=oslo(2027, 1, 1, 9))
    senders = senders_for(bot)
    sent: list[tuple[date, str]] = []
    done_on: dict[str, date] = {}
    actions = {
        date(2027, 1, 11): [
            (text_command(year=2027), "kari"),
            ("forutsetning statsbudsjett 2027", "aud"),
            ("forutsetning budsjett 2027", "kari"),
        ],
        date(2027, 1, 12): [("forutsetning tildelingsbrev 2027", p) for p in ("ola", "siri", "nils", "rita")]
        + [("referat politisk agder 2027 Vedtatt bekreft", "kari")],  # autumn 2026 predates the bot
        date(2027, 1, 14): [("signer agder 2027", p) for p in ("kari", "ola", "siri", "nils", "rita")],
        date(2027, 2, 1): [("dato vår 10. mars kl 10", "aud"), ("dato vår 22. april kl 10", "kari")],
        date(2027, 3, 10): [("referat vår 2027 Vårmøtet holdt", "aud")],
        date(2027, 4, 22): [("referat vår 2027 Godt møte", "kari")],
        date(2027, 10, 20): [("referat høst 2027 Høstmøtet holdt", "aud")],
    }
    finished = {
        date(2027, 1, 14): "milestone:signing:2027:agder",
        date(2027, 3, 10): "milestone:national-spring:2027:national",
        date(2027, 4, 22): "milestone:regional-spring:2027:agder",
        date(2027, 10, 20): "milestone:national-autumn:2027:national",
    }
    messages = 0
    for day in days(date(2027, 1, 1), date(2027, 12, 31)):
        bot.set_time(day.year, day.month, day.day, 9, 0)
        due = bot.core.planner.due(now=bot.clock.now())
        report = run(bot, senders)
        sent += [(day, reminder_id) for reminder_id in report.ids]
        messages += report.messages
        assert report.failed == 0 and report.no_sender == 0
        # Every due reminder is in its channel's one digest of the day: batching drops none.
        today = [
            (sender.platform, channel, reply)
            for sender in senders.values()
            for d, channel, reply in sender.posts
            if d == day
        ]
        per_channel = Counter((platform, channel) for platform, channel, _ in today)
        assert not per_channel or max(per_channel.values()) == 1, per_channel.most_common(1)
        digests = {(platform, channel): reply for platform, channel, reply in today}
        assert {r.id for r in due} == set(report.ids)
        for reminder in due:
            text = digests[(reminder.to.platform, reminder.to.channel_id)].text
            region, _, what = reminder.line.label.partition(" · ")  # regions saying the same share a line
            assert region in text and what in text and reminder.line.value in text, reminder.id
        if day in actions:  # after the day's meetings have started (minutes wait for the start)
            bot.set_time(day.year, day.month, day.day, 16, 0)
        for text, person in actions.get(day, []):
            assert bot.say(
                text, as_=person, channel={"aud": "nasjonal"}.get(person, "agder" if person == "kari" else None)
            ).ok, text
        if day in finished:
            done_on[finished[day]] = day

    ids = [reminder_id for _, reminder_id in sent]
    assert len(ids) == len(set(ids)), [i for i, n in Counter(ids).items() if n > 1][:5]
    for day, reminder_id in sent:
        assert day.weekday() < 5, (day, reminder_id)
        assert day not in NORWAY, (day, NORWAY.get(day), reminder_id)
        item = ident(reminder_id)
        assert item not in done_on or day <= done_on[item], f"{reminder_id} after it was done on {done_on[item]}"
    # Agder signed before the first signing reminder was due; Vestland was reminded and went on to be overdue.
    assert not any(ident(i) == "milestone:signing:2027:agder" for i in ids)
    assert any(i.startswith("milestone:signing:2027:vestland|lead-14|") for i in ids)
    assert any(i.startswith("milestone:signing:2027:vestland|overdue-") for i in ids)
    on = dict((reminder_id, day) for day, reminder_id in sent)
    # The summons counts back from the window's first day (1 January: 20 November 2026, before this year's
    # passes began), so it goes out late on the first working day of the year, before the date is planned.
    assert on["milestone:national-spring:2027:national|lead-42|terminal:nasjonal"] == date(2027, 1, 4)
    # A reminder counted from a planned date names it in its id (walk 10 X1: a moved date is owed anew).
    assert on["milestone:national-spring:2027:national|lead-14@2027-03-10|terminal:nasjonal"] == date(2027, 2, 24)
    assert on["milestone:regional-spring:2027:agder|lead-42@2027-04-22|terminal:agder"] == date(2027, 3, 11)
    assert on["milestone:regional-spring:2027:agder|lead-2@2027-04-22|slack:C0AGDER"] == date(2027, 4, 20)
    assert on["milestone:regional-spring:2027:vestland|overdue-0|terminal:vestland"] == date(2027, 7, 1)
    # What was sent is exactly what the ledger holds.
    ledger = {key for name in bot.core.store.partitions("") for key in bot.tables(name).get("ledger", {})}
    assert {key for key in ledger if not key.startswith("overview:")} == set(ids)
    # The senders saw the same posts (one digest per channel and pass), each on the day of its pass.
    posts = [post for sender in senders.values() for post in sender.posts]
    assert len(posts) == messages


def test_three_days_of_downtime_send_the_missed_reminder_once_marked_late_and_drop_stale_ones() -> None:
    bot = two_regions(at=oslo(2027, 4, 1, 9))
    assert bot.say("dato vår 22. april kl 10", as_="kari").ok  # lead-2: Tue 20 April
    assert bot.say("dato vår 23. april kl 10", as_="per").ok  # lead-2: Wed 21 April
    senders = senders_for(bot)
    for day in days(date(2027, 4, 1), date(2027, 4, 19)):
        bot.set_time(day.year, day.month, day.day, 9)
        run(bot, senders)
    # Down on 20, 21 and 22 April. Back on Friday 23 April.
    bot.set_time(2027, 4, 23, 9)
    report = run(bot, senders)
    spring = [i for i in report.ids if "regional-spring:2027" in i and "|minutes@" not in i]
    assert spring, report.ids
    assert all(i.startswith("milestone:regional-spring:2027:vestland|lead-2@2027-04-23|") for i in spring)
    assert report.late >= len(spring)
    # Agder's meeting was yesterday with no minutes: one nudge to record them, on time.
    nudges = [i for i in report.ids if "|minutes@" in i]
    assert nudges and all(i.startswith("milestone:regional-spring:2027:agder|minutes@2027-04-22|") for i in nudges)
    posts = [reply for sender in senders.values() for day, _, reply in sender.posts if day == date(2027, 4, 23)]
    vestland = [reply for reply in posts if "Vestland · Dialogmøte vår 2027" in reply.text]
    late = ("Sendt for sent: skulle gått ut 21. april 2027", "Sendt for seint: skulle ha gått ut 21. april 2027")
    assert vestland and all(any(note in reply.text for note in late) for reply in vestland)  # nn in Vestland's
    # Agder's meeting was yesterday: its reminder ahead of it is stale and never goes out.
    assert not any("regional-spring:2027:agder|lead-2" in i for i in report.ids)
    # The next pass sends none of them again.
    bot.set_time(2027, 4, 26, 9)
    assert not any("regional-spring:2027" in i and "lead" in i for i in run(bot, senders).ids)
    ledger = bot.tables("cycle/vestland/2027")["ledger"]
    entry = ledger[spring[0]]
    assert entry["late"] is True and entry["occurrence"] == "lead-2"


def test_older_missed_reminders_are_superseded_by_the_latest() -> None:
    bot = two_regions(at=oslo(2027, 3, 22, 9))
    senders = senders_for(bot)
    report = run(bot, senders)  # first pass ever: lead-42 (17 Feb) and lead-14 (17 March) both came
    spring = [i for i in report.ids if i.startswith("milestone:national-spring:2027:national|")]
    assert spring and all("|lead-14|" in i for i in spring)


def test_a_failed_send_stays_due_and_goes_out_on_the_next_pass() -> None:
    bot = two_regions(at=oslo(2027, 2, 17, 9))
    senders = senders_for(bot)
    senders["slack"].fail = {"C0NASJONAL"}
    first = run(bot, senders)
    assert first.failed >= 1
    key = "milestone:national-spring:2027:national|lead-42|slack:C0NASJONAL"
    assert key not in first.ids
    assert key not in bot.tables("national/2027").get("ledger", {})
    assert "milestone:national-spring:2027:national|lead-42|terminal:nasjonal" in first.ids
    senders["slack"].fail = set()
    bot.set_time(2027, 2, 18, 9)
    second = run(bot, senders)
    assert key in second.ids
    assert "milestone:national-spring:2027:national|lead-42|terminal:nasjonal" not in second.ids
    # The summons fell on 20 November 2026, before the bot existed (17 February): never «late» (walk 33 F4);
    # a reminder missed within the bot's life is, tests/test_walk33_late_before_bot.py.
    assert bot.tables("national/2027")["ledger"][key]["late"] is False
    bot.set_time(2027, 2, 19, 9)
    assert key not in run(bot, senders).ids


def test_a_platform_without_a_sender_is_left_for_later() -> None:
    bot = two_regions(at=oslo(2027, 2, 17, 9))
    senders = senders_for(bot)
    report = asyncio.run(run_pass(core=bot.core, senders={"terminal": senders["terminal"]}))
    assert report.no_sender > 0
    assert all(i.split("|")[2].startswith("terminal:") for i in report.ids)
    bot.set_time(2027, 2, 18, 9)
    later = run(bot, senders)
    assert any("|slack:" in i for i in later.ids)


def signing_channels(report: PassReport, region: str = "agder") -> set[str]:
    return {i.split("|")[2] for i in report.ids if i.startswith(f"milestone:signing:2027:{region}|")}


def test_signing_reminders_go_to_the_owners_of_missing_preconditions_first() -> None:
    bot = two_regions(at=oslo(2027, 1, 14, 9))
    bot.say("forutsetning statsbudsjett 2027", as_="aud")
    bot.say("forutsetning budsjett 2027", as_="kari")
    for person in ("ola", "siri", "nils"):
        bot.say("forutsetning tildelingsbrev 2027", as_=person)
    bot.set_time(2027, 1, 15, 9)  # lead-14 of 31 January (Sunday 17th -> Friday 15th)
    senders = senders_for(bot)
    report = run(bot, senders)
    channels = signing_channels(report)
    # Missing: RFF's letter (RFF) and the political treatment (the region).
    assert channels == {
        "terminal:rff",
        "slack:C0RFF",
        "terminal:agder",
        "slack:C0AGDER",
        "teams:19:agder@thread.tacv2",
    }
    agder_post = next(
        reply
        for sender in senders.values()
        for _, channel, reply in sender.posts
        if channel == "agder" and "Agder · Signering 2027" in reply.text
    )
    assert "Før signering mangler" in agder_post.text
    assert "Tildelingsbrev RFF (avtale 2027)" in agder_post.text
    assert not agder_post.buttons
    # RFF hears what it can do, once for every region waiting on its letter.
    rff_post = next(reply for _, channel, reply in senders["terminal"].posts if channel == "rff")
    assert "Alle regioner · Signering 2027: frist 31. januar 2027" in rff_post.text
    assert "Signeringen venter på Tildelingsbrev RFF (avtale 2027)" in rff_post.text
    assert rff_post.text.count("Signering 2027") == 1


def test_signing_reminders_go_to_the_unsigned_parties_once_ready() -> None:
    bot = two_regions(at=oslo(2027, 1, 20, 9))
    record_all_preconditions(bot, year=2027)
    bot.say("signer", as_="kari")
    bot.say("signer agder", as_="ola")
    bot.set_time(2027, 1, 29, 9)  # lead-2 of 31 January
    senders = senders_for(bot)
    report = run(bot, senders)
    channels = signing_channels(report)
    # The region, which has signed, hears it too: it answers for the signing and chases the rest (walk 20 F-e).
    region = {"terminal:agder", "slack:C0AGDER", "teams:19:agder@thread.tacv2"}
    actors = {"terminal:siva", "slack:C0SIVA", "terminal:nfr", "slack:C0NFR", "terminal:rff", "slack:C0RFF"}
    assert channels == actors | region
    posts = [
        reply
        for sender in senders.values()
        for _, channel, reply in sender.posts
        if "Agder · Signering 2027" in reply.text
        and "vestland" not in channel.lower()
        and "agder" not in channel.lower()
        and "C0AGDER" not in channel
    ]
    commands = {button.command for reply in posts for button in reply.buttons}
    assert commands == {
        "signer SIVA agder 2027 versjon 1",
        "signer NFR agder 2027 versjon 1",
        "signer RFF agder 2027 versjon 1",
    }
    assert all("har ikke signert" in reply.text for reply in posts)
    to_region = [
        reply
        for sender in senders.values()
        for _, channel, reply in sender.posts
        if "agder" in channel.lower() or "C0AGDER" in channel
    ]
    assert to_region and all(
        "Mangler signatur fra Siva, Norges forskningsråd, Regionale forskningsfond. Agder følger opp" in r.text
        for r in to_region
    )
    assert not any(button.command.startswith("signer") for reply in to_region for button in reply.buttons)
    # Once everyone has signed, nothing more about it.
    for person in ("siri", "nils", "rita"):
        assert bot.say("signer agder 2027", as_=person).ok
    bot.set_time(2027, 2, 1, 9)
    assert signing_channels(run(bot, senders)) == set()
