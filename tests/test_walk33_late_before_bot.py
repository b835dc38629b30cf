"""Walk 33 F4: a bot adopted mid-cycle (an empty store on Monday 15 February 2027, first used at 09:30, after
that morning's pass time) did not miss the reminders of the days before it existed, so its first digests
never say «Sendt for sent: skulle gått ut 20. november 2026» (nor the 15 February of its own first morning):
what is due is said plainly, what is overdue is the overdue line. A reminder missed within the bot's own life
(the process down from 17 February to 5 March) still goes late with the mark. Both written forms: AU's
national channel (bokmål) and Vestland's (nynorsk), on the terminal and Slack alike, by real passes."""

from __future__ import annotations

import asyncio

from bot.reminders.passes import run_pass
from tests.driver import BotDriver, make_bot, oslo
from tests.helpers import FakeSender, senders_for

LATE = {"nasjonal": "(Sendt for sent: skulle gått ut", "vestland": "(Sendt for seint: skulle ha gått ut"}
CHANNELS = {"terminal": ("nasjonal", "vestland"), "slack": ("C0NASJONAL", "C0VESTLAND")}


def adopted() -> tuple[BotDriver, dict[str, FakeSender]]:
    bot = make_bot(at=oslo(2027, 2, 15, 9, 30))
    assert bot.say("forutsetning budsjett vestland 2027", as_="per").ok  # the first thing the bot keeps
    return bot, senders_for(bot)


def posts_on(senders: dict[str, FakeSender], *, day: int, month: int) -> dict[tuple[str, str], str]:
    found = {}
    for platform, (national, region) in CHANNELS.items():
        for when, channel, reply in senders[platform].posts:
            if (when.month, when.day) == (month, day) and channel in (national, region):
                found[(platform, "nasjonal" if channel == national else "vestland")] = reply.text
    return found


def test_the_first_digests_after_adoption_are_not_late() -> None:
    bot, senders = adopted()
    bot.set_time(2027, 2, 16, 9)
    asyncio.run(run_pass(core=bot.core, senders=senders))
    first = posts_on(senders, day=16, month=2)
    assert len(first) == 4, first  # each channel heard its first digest ...
    for (_platform, channel), text in first.items():
        assert LATE[channel] not in text and "20. november 2026" not in text, text  # ... and none says «late»
    assert "Vårmøtet (nasjonalt) 2027: frist 31. mars 2027" in first[("slack", "nasjonal")]
    assert "Fylkesbudsjett" not in first[("slack", "vestland")]  # recorded on its first morning
    assert "Politisk handsaming 2027: framleis forseinka" in first[("slack", "vestland")]


def test_a_reminder_missed_within_the_bots_life_is_still_sent_late_with_the_mark() -> None:
    bot, senders = adopted()
    bot.set_time(2027, 2, 16, 9)
    asyncio.run(run_pass(core=bot.core, senders=senders))
    bot.set_time(2027, 3, 5, 9)  # no pass ran from 17 February: 1 March's reminders were missed
    asyncio.run(run_pass(core=bot.core, senders=senders))
    later = posts_on(senders, day=5, month=3)
    assert f"{LATE['nasjonal']} 1. mars 2027.)" in later[("slack", "nasjonal")], later
    assert f"{LATE['vestland']} 1. mars 2027.)" in later[("terminal", "vestland")], later
    assert "20. november 2026" not in "".join(later.values())


def test_a_damaged_partition_neither_stops_the_pass_nor_fixes_a_later_start(tmp_path) -> None:
    """The store's start is read from every history; one damaged partition (named on /healthz, its region
    refused) is passed over, the other regions' reminders go, and nothing is recorded until it is mended,
    since its history may be the oldest (found when the merged main's start-up stopped on it)."""
    from bot.reminders.began import PARTITION, began_at
    from storage.tinydb_store import TinyDBStore

    with TinyDBStore(tmp_path / "db") as store:
        bot = make_bot(store=store, at=oslo(2027, 2, 15, 9, 30))
        assert bot.say("forutsetning budsjett vestland 2027", as_="per").ok
        assert bot.say("forutsetning budsjett agder 2027", as_="kari").ok
        damaged = tmp_path / "db" / "cycle" / "agder" / "2027.json"
        kept = damaged.read_bytes()
        damaged.write_bytes(kept[:50])
        senders = senders_for(bot)
        bot.set_time(2027, 2, 16, 9)
        asyncio.run(run_pass(core=bot.core, senders=senders))
        assert posts_on(senders, day=16, month=2), "the other regions' reminders went"
        assert store.rows(PARTITION, table="began") == {}
        damaged.write_bytes(kept)
        bot.set_time(2027, 2, 17, 9)
        asyncio.run(run_pass(core=bot.core, senders=senders))
        assert store.rows(PARTITION, table="began") != {}
        assert began_at(bot.core.state, now=oslo(2027, 2, 17, 9)) <= oslo(2027, 2, 15, 9, 31)
