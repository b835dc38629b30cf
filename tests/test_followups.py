"""Follow-up points are followed up (issue 18): each has an id, an owner and a due date read from its words;
the owner sees open ones in `neste` and in digests, closes one with `ferdig <id>` (or its button); `status`
shows them and AU's `oversikt` counts them."""

from __future__ import annotations

from bot.reminders.pass_plan import record_digest
from bot.reminders.passes import plan_digests
from tests.driver import BotDriver, make_bot, oslo
from tests.helpers import assert_recorded, assert_refused

AGDER_2026 = "cycle/agder/2026"


def _pass_on_the_overdue_day(bot: BotDriver) -> None:
    """The pass of 16 December posts IN's point's overdue line, to IN and to Agder, whose meeting gave it
    (walk 21 A3), so later digests list it among the open points rather than as a late reminder."""
    overdue_day = oslo(2026, 12, 16, 9)
    for posted in plan_digests(core=bot.core, at=overdue_day):
        record_digest(bot.core, posted, at=overdue_day)


def _minutes(bot: BotDriver) -> dict[str, str]:
    """The autumn meeting's minutes with two points; their ids by owner, read off the reply's buttons."""
    assert_recorded(bot, "referat høst Høstmøtet holdt", as_="aud")
    reply = assert_recorded(
        bot,
        "referat høst Godt møte oppfølging: Sende utkast @IN innen 15. desember; Booke rom @siva",
        as_="kari",
    )
    points = bot.tables(AGDER_2026)["milestones"]["regional-autumn"]["outcome"]["followups"]
    ids = {point["owner"]: point["id"] for point in points}
    assert [b.command for b in reply.buttons] == [f"ferdig {ids['IN']}", f"ferdig {ids['SIVA']}"]
    assert f"Sende utkast (Innovasjon Norge, innen 15. desember 2026) [{ids['IN']}]" in reply.text
    assert points[0]["due"] == "2026-12-15" and points[1]["due"] is None
    return ids


def test_the_owner_sees_open_points_in_neste_and_closes_one() -> None:
    bot = make_bot(at=oslo(2026, 11, 23, 9))
    ids = _minutes(bot)
    mine = bot.say("neste", as_="ola")
    assert "Oppfølgingspunkter" in mine.text and "Sende utkast" in mine.text and "Booke rom" not in mine.text
    assert f"ferdig {ids['IN']}" in [b.command for b in mine.buttons]
    assert "Booke rom" in bot.say("neste", as_="siri").text
    # Only the owner (or the meeting's coordinators) closes it.
    assert_refused(bot, f"ferdig {ids['IN']}", as_="siri", contains="Bare Innovasjon Norge eller Agder")
    assert_refused(bot, "ferdig ZZZZ", as_="ola", contains="finner ikke")
    assert_refused(bot, "ferdig <@U0KARI>", as_="ola", contains="Hvilket oppfølgingspunkt")
    done = assert_recorded(bot, f"ferdig {ids['IN'].lower()}", as_="ola", channel="in")
    assert "Sende utkast" in done.title and "Lukket av Ola Berg" in done.text
    again = bot.say(f"ferdig {ids['IN']}", as_="ola")
    assert again.ok and again.title == "Allerede registrert"
    assert "Sende utkast" not in bot.say("neste", as_="ola").text
    status = bot.say("status agder 2026", as_="kari").text
    assert (
        f"✓ Sende utkast (Innovasjon Norge, innen 15. desember 2026, ferdig 23. november 2026) [{ids['IN']}]" in status
    )
    assert f"Booke rom (Siva) [{ids['SIVA']}]" in status
    assert "logg" and "Oppfølgingspunkt" in bot.say("logg", as_="kari").text


def test_a_coordinator_of_the_meeting_may_close_a_point_and_overdue_is_said() -> None:
    bot = make_bot(at=oslo(2026, 11, 23, 9))
    ids = _minutes(bot)
    bot.set_time(2026, 12, 16, 9)
    assert "på overtid" in bot.say("neste", as_="ola").text
    assert_recorded(bot, f"ferdig {ids['SIVA']}", as_="kari")


def test_oversikt_counts_open_points() -> None:
    bot = make_bot(at=oslo(2026, 11, 23, 9))
    ids = _minutes(bot)
    assert "2 åpne oppfølgingspunkter." in bot.say("oversikt", as_="aud").text
    assert_recorded(bot, f"ferdig {ids['IN']}", as_="ola")
    assert "1 åpent oppfølgingspunkt." in bot.say("oversikt", as_="aud").text


def test_a_digest_to_the_owner_carries_its_open_points() -> None:
    bot = make_bot(at=oslo(2026, 11, 23, 9))
    ids = _minutes(bot)
    carried = [
        digest
        for day in range(1, 31)
        for digest in plan_digests(core=bot.core, at=oslo(2027, 1, day, 9))
        if f"[{ids['IN']}]" in digest.reply.text or f"Oppfølgingspunkt {ids['IN']}" in digest.reply.text
    ]  # listed, or its own overdue line: the point's channels hear both (walk 9 W6), never the two at once
    assert carried, "no digest carried IN's open point"
    assert all("Sende utkast" in digest.reply.text for digest in carried)


def test_the_same_minutes_with_a_due_date_typed_again_change_nothing() -> None:
    bot = make_bot(at=oslo(2026, 11, 23, 9))
    _minutes(bot)
    before = bot.snapshot()
    again = bot.say(
        "referat høst Godt møte oppfølging: Sende utkast @IN innen 15. desember; Booke rom @siva", as_="kari"
    )
    assert again.ok and again.title == "Allerede registrert" and bot.snapshot() == before


def test_the_next_meetings_reminder_carries_the_open_points_of_the_last_one() -> None:
    bot = make_bot(at=oslo(2026, 11, 23, 9))
    ids = _minutes(bot)
    _pass_on_the_overdue_day(bot)
    meeting_digests = [
        digest
        for month in (3, 4, 5, 6)
        for day in (1, 8, 15, 22)
        for digest in plan_digests(core=bot.core, at=oslo(2027, month, day, 9))
        if digest.to.channel_id == "C0AGDER"
        and any(r.item.kind == "milestone" and r.item.spec.kind == "meeting" for r in digest.reminders)
    ]
    assert meeting_digests, "no reminder of Agder's next meeting"
    assert all(
        f"Sende utkast (Innovasjon Norge, innen 15. desember 2026, på overtid) [{ids['IN']}]" in d.reply.text
        for d in meeting_digests
    )


def test_a_countys_neste_reads_its_own_cycles_and_the_national_ones_not_every_regions() -> None:
    # A regional meeting is the region's with the actors (§3): a county's own points are in its own minutes
    # or the national ones, so its `neste` (and the check of a kept reply) reads no other region's cycles.
    from storage.memory import MemoryStore

    read: list[str] = []

    class Watched(MemoryStore):
        def read_versioned(self, partition: str):  # type: ignore[no-untyped-def]
            read.append(partition)
            return super().read_versioned(partition)

    bot = make_bot(at=oslo(2027, 3, 2, 9, 0), store=Watched())
    bot.say("neste", as_="kari")
    regions = {name.split("/")[1] for name in read if name.startswith("cycle/")}
    assert regions == {"agder"}, sorted(regions)


def test_a_point_an_earlier_cycle_left_open_stays_its_owners_until_closed() -> None:
    # Walk 7 F13: on 1 January two years on, the points of autumn 2026 left the owners' `neste` and digests
    # while `status 2026` still said they were open. Nothing closed them, so they stay.
    bot = make_bot(at=oslo(2026, 11, 23, 9))
    ids = _minutes(bot)
    _pass_on_the_overdue_day(bot)
    for year in (2028, 2029):
        bot.set_time(year, 2, 7, 9)
        assert f"[{ids['IN']}]" in bot.say("neste", as_="ola").text
        assert f"[{ids['SIVA']}]" in bot.say("neste", as_="siri").text
        carried = [
            digest
            for day in range(1, 29)
            for digest in plan_digests(core=bot.core, at=oslo(year, 2, day, 9))
            if f"[{ids['IN']}]" in digest.reply.text
        ]
        assert carried, f"no digest in February {year} carried IN's open point"
        assert "2 åpne oppfølgingspunkter" in bot.say("oversikt", as_="aud").text
    assert_recorded(bot, f"ferdig {ids['IN']}", as_="ola")
    assert f"[{ids['IN']}]" not in bot.say("neste", as_="ola").text
    assert "1 åpent oppfølgingspunkt." in bot.say("oversikt", as_="aud").text
