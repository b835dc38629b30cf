"""Walk 9 W6: an actor with a general channel and a channel for one region (Slack: C0IN = IN, C0INAGDER =
IN in Agder) hears a point from that region's meeting in one place: its listing in a digest and its due
and overdue reminders go to the same channel (`bot.model.followups.point_channels`), and a point from a
region without such a channel (Vestland, nynorsk) stays in the general one. A pass each working day at 09:00."""

from __future__ import annotations

import re
from datetime import date

from bot.reminders.simulation import simulate
from tests.driver import BotDriver, make_bot, oslo


def points_recorded() -> tuple[BotDriver, str, str]:
    bot = make_bot(at=oslo(2026, 10, 1, 8))
    assert bot.say("dato høstmøte 29. oktober kl 10", as_="aud").ok
    assert bot.say("dato høst 12. november kl 10", as_="kari").ok
    assert bot.say("dato høst 13. november kl 10", as_="per").ok
    bot.set_time(2026, 10, 29, 15)
    assert bot.say("referat høstmøte Godt møte", as_="aud").ok
    bot.set_time(2026, 11, 12, 15)
    agder = bot.say("referat høst Godt møte. oppfølging: tall @IN innen 1. desember", as_="kari")
    bot.set_time(2026, 11, 13, 15)
    vestland = bot.say("referat haust Godt møte. oppfølging: tal @IN innan 2. desember", as_="per")
    assert agder.ok and vestland.ok, (agder.text, vestland.text)
    (agder_id,) = re.findall(r"\[([A-Z0-9]{4})\]", agder.text)
    (vestland_id,) = re.findall(r"\[([A-Z0-9]{4})\]", vestland.text)
    return bot, agder_id, vestland_id


def test_a_points_listing_and_its_reminders_reach_the_same_channels() -> None:
    bot, agder_id, vestland_id = points_recorded()
    heard: dict[str, dict[tuple[str, str], list[str]]] = {agder_id: {}, vestland_id: {}}
    for post in simulate(bot.core, start=date(2026, 11, 13), end=date(2026, 12, 8), region=None):
        to = (post.digest.to.platform, post.digest.to.channel_id)
        for point_id, channels in heard.items():
            for line in post.digest.reply.text.splitlines():
                if point_id in line:
                    kind = "reminder" if f"Oppfølgingspunkt {point_id}" in line else "listing"
                    channels.setdefault(to, []).append(kind)
    # IN's own Slack channels: one place per point. The region that gave it hears it go overdue, once, in its
    # own channel (walk 21 A3), which is no channel of IN's.
    keepers = {("slack", "C0AGDER"), ("slack", "C0VESTLAND")}
    slack_agder = {to for to in heard[agder_id] if to[0] == "slack" and to not in keepers}
    slack_vestland = {to for to in heard[vestland_id] if to[0] == "slack" and to not in keepers}
    assert slack_agder == {("slack", "C0INAGDER")}, heard[agder_id]
    assert slack_vestland == {("slack", "C0IN")}, heard[vestland_id]
    assert heard[agder_id][("slack", "C0AGDER")].count("reminder") == 1, heard[agder_id]
    assert heard[vestland_id][("slack", "C0VESTLAND")].count("reminder") == 1, heard[vestland_id]
    assert ("slack", "C0AGDER") not in heard[vestland_id] and ("slack", "C0VESTLAND") not in heard[agder_id]
    for platform, channel in (("terminal", "in"), ("teams", "19:in@thread.tacv2")):
        assert (platform, channel) in heard[agder_id] and (platform, channel) in heard[vestland_id]
    assert "reminder" in heard[agder_id][("slack", "C0INAGDER")]  # the due and overdue notices themselves
